// The trainer's board-meeting tools: the agenda editor, the announcement,
// news written on the spot (and who receives released news), moving a
// person into another role, and the speaking record. Each form is built once
// and only its options follow the view, so typing is never lost.

import { announce, h, hiddenText, island, keeper, setOptions, setText, show } from "./dom.js";
import { ITEM_KIND_LABELS, VOICE_LABELS, VOICE_NAMES, listWords, plural, timeOfDay, wholeNumber } from "./format.js";
import { directorateName, tableBox } from "./meeting.js";
import { draw, part } from "./render.js";

function field(label, input, hint = null) {
  return h("div", { class: "field" }, h("label", { for: input.id }, label), hint, input);
}

function kindSelect(id) {
  return h("select", { id, "data-key": id },
    Object.entries(ITEM_KIND_LABELS).map(([value, label]) => h("option", { value }, label)));
}

/** Marks a field as wrong, says why in `message`, and puts focus on it. */
function invalid(message, input, problem) {
  input.setAttribute("aria-invalid", "true");
  announce(message, problem);
  input.focus();
}

/** Runs a form's command with its submit button disabled meanwhile; returns true when the server took it. */
async function submitting(form, act, command, message) {
  const submit = form.querySelector("button[type=submit]");
  submit.disabled = true;
  try {
    await act(command, message);
    return true;
  } catch {
    return false; // act() has shown why in `message`
  } finally {
    submit.disabled = false;
  }
}

// --- choosing who receives news ------------------------------------------------------------

/**
 * "Everyone" or "Only the people I choose", with a checkbox per person. Built
 * once; the checkboxes follow the people in the session and keep their ticks.
 * read() gives [] for everyone, the chosen seat ids, or null when "chosen" is
 * picked but nobody is ticked.
 */
export function recipientsPicker(prefix, legend) {
  const everyone = h("input", { type: "radio", name: `${prefix}-to`, id: `${prefix}-everyone`, value: "everyone", checked: true });
  const chosen = h("input", { type: "radio", name: `${prefix}-to`, id: `${prefix}-chosen`, value: "chosen" });
  const people = h("div", { class: "people-choices", id: `${prefix}-people`, hidden: true });
  const ticked = new Set();
  const sync = () => { people.hidden = !chosen.checked; };
  everyone.addEventListener("change", sync);
  chosen.addEventListener("change", sync);
  const node = h("fieldset", { class: "recipients" }, h("legend", {}, legend),
    h("div", { class: "choice" }, everyone, h("label", { for: everyone.id }, "Everyone")),
    h("div", { class: "choice" }, chosen, h("label", { for: chosen.id }, "Only the people I choose")),
    people);
  return {
    node,
    update(view) {
      const seats = view.seats;
      for (const id of [...ticked]) if (!seats.some((s) => s.id === id)) ticked.delete(id);
      draw(people, seats.length ? seats.map((s) => {
        const id = `${prefix}-person-${s.id}`;
        const box = h("input", { type: "checkbox", id, value: s.id, checked: ticked.has(s.id),
          onchange: (e) => (e.currentTarget.checked ? ticked.add(s.id) : ticked.delete(s.id)) });
        return h("div", { class: "choice" }, box, h("label", { for: id }, s.title ? `${s.name} (${s.title})` : s.name));
      }) : h("p", { class: "subtle" }, "Nobody has joined yet."));
    },
    read() {
      if (!chosen.checked) return [];
      const ids = [...ticked];
      return ids.length ? ids : null;
    },
    focusPeople() { (people.querySelector("input") || chosen).focus(); },
    reset() {
      everyone.checked = true;
      ticked.clear();
      for (const box of people.querySelectorAll("input")) box.checked = false;
      sync();
    },
  };
}

/** The scenario's news items, each with a button to release it, or when and to whom it went out. */
export function injectList(view, act, recipients, report) {
  if (!view.injects.length) return h("p", {}, "No news items yet.");
  const finished = view.session.phase === "closed";
  const to = (ids) => (ids?.length ? ` to ${listWords(ids.map((id) => view.seats.find((s) => s.id === id)?.name || "someone who left"))}` : " to everyone");
  const release = (item) => () => {
    const chosen = recipients.read();
    if (chosen === null) {
      report("Tick at least one person, or choose “Everyone”, before you release the news.");
      recipients.focusPeople();
      return;
    }
    const command = { type: "release-inject", inject_id: item.id };
    if (chosen.length) command.to = chosen;
    act(command).catch(() => {});
  };
  return h("ul", { class: "news-list" }, view.injects.map((item) => h("li", {},
    h("strong", {}, item.title), " ",
    item.written
      ? h("span", { class: "hint" }, `(written on the day, sent at ${timeOfDay(item.released_at)}${to(item.to)})`)
      : item.released_at
        ? h("span", { class: "hint" }, `(released at ${timeOfDay(item.released_at)}${to(item.to)})`)
        : h("button", { type: "button", disabled: finished, "data-key": `release-${item.id}`, onclick: release(item) },
          "Release", hiddenText(` ${item.title}`)))));
}

/** "Write a news item": title, Markdown text and who receives it. */
export function newsWriter(container, act) {
  const title = h("input", { id: "news-item-title", type: "text", maxlength: 120, autocomplete: "off" });
  const text = h("textarea", { id: "news-item-text", rows: 5, maxlength: 5000, "aria-describedby": "news-item-text-hint" });
  const recipients = recipientsPicker("news", "Who receives it");
  const message = h("p", { class: "form-message", "aria-live": "polite" });
  const form = h("form", { class: "stack", novalidate: true },
    field("News title", title),
    field("News text", text, h("p", { class: "hint", id: "news-item-text-hint" },
      "Plain text, or Markdown: a blank line between paragraphs, - for a list, **bold**.")),
    recipients.node,
    h("button", { type: "submit", class: "primary" }, "Send news item"), message);
  container.replaceChildren(form);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    for (const el of [title, text]) el.removeAttribute("aria-invalid");
    if (!title.value.trim()) return invalid(message, title, "Give the news item a title.");
    if (!text.value.trim()) return invalid(message, text, "Write the news itself.");
    const to = recipients.read();
    if (to === null) {
      announce(message, "Tick at least one person, or choose “Everyone”.");
      recipients.focusPeople();
      return undefined;
    }
    if (await submitting(form, act, { type: "write-inject", title: title.value.trim(), text: text.value.trim(), to }, message)) {
      form.reset();
      recipients.reset();
      announce(message, `Sent to ${to.length ? plural(to.length, "person", "people") : "everyone"}. It is in their briefing packs now.`);
    }
    return undefined;
  });
  return { update: (view) => recipients.update(view) };
}

// --- the announcement ----------------------------------------------------------------------------

export function announcementForm(container, act) {
  const text = h("textarea", { id: "announcement-text", rows: 2, maxlength: 500, "aria-describedby": "announcement-hint" });
  const message = h("p", { class: "form-message", "aria-live": "polite" });
  const now = h("p", { class: "subtle", id: "announcement-now" });
  const form = h("form", { class: "stack", novalidate: true },
    field("Announcement", text, h("p", { class: "hint", id: "announcement-hint" },
      "Shown at the top of every screen, and on the projector, until you make another.")),
    h("button", { type: "submit", class: "primary" }, "Announce"), message);
  container.replaceChildren(now, form);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    text.removeAttribute("aria-invalid");
    if (!text.value.trim()) return invalid(message, text, "Write the announcement first.");
    if (await submitting(form, act, { type: "announce", text: text.value.trim() }, message)) {
      form.reset();
      announce(message, "");
    }
    return undefined;
  });
  return {
    update(view) {
      const a = view.announcement;
      setText(now, a?.text ? `Showing now (since ${timeOfDay(a.at)}): ${a.text}` : "No announcement yet.");
    },
  };
}

// --- the agenda editor ---------------------------------------------------------------------------

/**
 * Add an item (title, kind, timebox, description, position), and for each
 * item: edit it, or move it up or down. The list is redrawn from the view; the
 * edit forms are kept, so typing survives updates.
 */
export function agendaEditor(container, act) {
  const title = h("input", { id: "item-title", type: "text", maxlength: 120, autocomplete: "off" });
  const kind = kindSelect("item-kind");
  kind.value = "free";
  const minutes = h("input", { id: "item-minutes", type: "number", inputmode: "numeric", min: 1, max: 300, step: 1, value: "15" });
  const description = h("textarea", { id: "item-description", rows: 2, maxlength: 1000 });
  const position = h("select", { id: "item-position" });
  const message = h("p", { class: "form-message", "aria-live": "polite" });
  const add = h("form", { class: "stack agenda-add", novalidate: true },
    h("h3", {}, "Add an item"),
    h("div", { class: "field-row" }, field("Title", title), field("Kind", kind)),
    h("div", { class: "field-row" }, field("Timebox (minutes)", minutes), field("Position", position)),
    field("Description (optional)", description),
    h("button", { type: "submit", class: "primary" }, "Add item"), message);
  const list = h("div", { class: "agenda-items" });
  const listPart = part(list);
  const forms = keeper();
  const listMessage = h("p", { class: "form-message", "aria-live": "polite" });
  container.replaceChildren(h("h3", {}, "Items"), list, listMessage, add);

  add.addEventListener("submit", async (event) => {
    event.preventDefault();
    for (const el of [title, minutes]) el.removeAttribute("aria-invalid");
    if (!title.value.trim()) return invalid(message, title, "Give the item a title.");
    const mins = wholeNumber(minutes.value, 1, 300);
    if (mins === null) return invalid(message, minutes, "The timebox is a whole number of minutes, from 1 to 300.");
    const command = { type: "add-item", title: title.value.trim(), kind: kind.value, minutes: mins, description: description.value.trim() };
    if (position.value !== "") command.position = Number(position.value);
    if (await submitting(add, act, command, message)) {
      add.reset();
      kind.value = "free";
      minutes.value = "15";
      announce(message, `Added “${command.title}” to the agenda.`);
    }
    return undefined;
  });

  const editForm = (item) => forms.get(item.id, () => {
    const id = (name) => `edit-${item.id}-${name}`;
    const legend = h("legend", {});
    const eTitle = h("input", { id: id("title"), type: "text", maxlength: 120, autocomplete: "off", "data-key": id("title") });
    const eKind = kindSelect(id("kind"));
    const eMinutes = h("input", { id: id("minutes"), type: "number", inputmode: "numeric", min: 1, max: 300, step: 1, "data-key": id("minutes") });
    const eDescription = h("textarea", { id: id("description"), rows: 2, maxlength: 1000, "data-key": id("description") });
    const eMessage = h("p", { class: "form-message", "aria-live": "polite" });
    const panelId = id("panel");
    const toggle = h("button", { type: "button", class: "secondary small", "aria-expanded": "false", "aria-controls": panelId,
      id: id("toggle"), "data-key": id("toggle") }, "Edit", hiddenText(""));
    const form = h("form", { class: "stack", novalidate: true, id: panelId, hidden: true });
    // The fields join the page the first time the form opens, so closed forms add no fields to it.
    const fields = [
      h("fieldset", {}, legend,
        h("div", { class: "field-row" }, field("Title", eTitle), field("Kind", eKind)),
        field("Timebox (minutes)", eMinutes), field("Description", eDescription)),
      h("div", { class: "button-row" }, h("button", { type: "submit", class: "primary small", "data-key": id("save") }, "Save changes"),
        h("button", { type: "button", class: "secondary small", onclick: () => setOpen(false, true) }, "Cancel")),
      eMessage];
    let latest = item;
    const setOpen = (open, refocus = false) => {
      if (open && !form.firstChild) form.append(...fields);
      toggle.setAttribute("aria-expanded", String(open));
      form.hidden = !open;
      if (open) {
        eTitle.value = latest.title;
        eKind.value = latest.kind;
        eMinutes.value = String(latest.minutes);
        eDescription.value = latest.description || "";
        announce(eMessage, "");
        eTitle.focus();
      } else if (refocus) toggle.focus();
    };
    toggle.addEventListener("click", () => setOpen(toggle.getAttribute("aria-expanded") !== "true"));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      for (const el of [eTitle, eMinutes]) el.removeAttribute("aria-invalid");
      if (!eTitle.value.trim()) return invalid(eMessage, eTitle, "The item needs a title.");
      const mins = wholeNumber(eMinutes.value, 1, 300);
      if (mins === null) return invalid(eMessage, eMinutes, "The timebox is a whole number of minutes, from 1 to 300.");
      const changes = {};
      if (eTitle.value.trim() !== latest.title) changes.title = eTitle.value.trim();
      if (eKind.value !== latest.kind) changes.kind = eKind.value;
      if (mins !== latest.minutes) changes.minutes = mins;
      if (eDescription.value.trim() !== (latest.description || "")) changes.description = eDescription.value.trim();
      if (!Object.keys(changes).length) {
        announce(eMessage, "Nothing has changed.");
        return undefined;
      }
      if (await submitting(form, act, { type: "edit-item", item_id: item.id, ...changes }, eMessage)) setOpen(false, true);
      return undefined;
    });
    return {
      toggle, form,
      update(next) {
        latest = next;
        setText(legend, `Edit “${next.title}”`);
        toggle.lastChild.textContent = ` “${next.title}”`;
      },
    };
  });

  const move = (item, to, end) => async (event) => {
    if (event.currentTarget.getAttribute("aria-disabled") === "true") {
      announce(listMessage, `“${item.title}” is already ${end} on the agenda.`);
      return;
    }
    try {
      await act({ type: "move-item", item_id: item.id, position: to }, listMessage);
    } catch { /* shown in listMessage */ }
  };

  return {
    update(view) {
      const agenda = view.agenda;
      setOptions(position, [{ value: "", label: "At the end" }, ...(agenda.length ? [{ value: "0", label: "At the start" }] : []),
        ...agenda.slice(0, -1).map((item, i) => ({ value: String(i + 1), label: `After ${i + 1}. ${item.title}` }))]);
      forms.prune((id) => agenda.some((item) => item.id === id));
      listPart.render(() => {
        if (!agenda.length) return h("p", {}, "The agenda is empty. Add the first item below.");
        return h("ol", { class: "agenda-editor" }, agenda.map((item, i) => {
          const edit = editForm(item);
          edit.update(item);
          const isCurrent = item.id === view.session.current_item;
          return h("li", { class: isCurrent ? "current" : "" },
            h("div", { class: "agenda-row" },
              h("span", { class: "agenda-title" }, item.title),
              isCurrent ? h("strong", { class: "tag" }, "Now discussing") : null,
              h("span", { class: "subtle" }, ` ${ITEM_KIND_LABELS[item.kind] || item.kind}, ${plural(item.minutes, "minute")}`),
              h("span", { class: "button-row agenda-buttons" },
                // aria-disabled, not disabled: the button keeps focus when its item reaches the top or bottom.
                h("button", { type: "button", class: "secondary small", "aria-disabled": i === 0 ? "true" : null, id: `up-${item.id}`, "data-key": `up-${item.id}`,
                  onclick: move(item, i - 1, "first") }, "Move up", hiddenText(` “${item.title}”`)),
                h("button", { type: "button", class: "secondary small", "aria-disabled": i === agenda.length - 1 ? "true" : null,
                  id: `down-${item.id}`, "data-key": `down-${item.id}`, onclick: move(item, i + 1, "last") }, "Move down", hiddenText(` “${item.title}”`)),
                // The edit button and form are kept (typing survives updates): the list holds their stand-ins.
                island(edit.toggle))),
            island(edit.form));
        }));
      });
    },
  };
}

// --- moving a person -----------------------------------------------------------------------------

/** "Move a person": into a directorate's pair as director or executive assistant, after the shuffle. */
export function moveForm(container, act) {
  const person = h("select", { id: "move-person" });
  const where = h("select", { id: "move-directorate" });
  const place = h("select", { id: "move-place" },
    h("option", { value: "director" }, "Director"), h("option", { value: "assistant" }, "Executive assistant"));
  const message = h("p", { class: "form-message", "aria-live": "polite" });
  const note = h("p", { class: "hint" });
  const form = h("form", { class: "stack", novalidate: true },
    field("Person", person), field("Directorate", where), field("Place", place),
    h("p", { class: "hint" }, "Whoever holds that place now takes the person's old place, so nobody is left out."),
    h("button", { type: "submit", class: "primary" }, "Move person"), message);
  container.replaceChildren(note, form);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!person.value) return invalid(message, person, "Choose the person to move.");
    if (!where.value) return invalid(message, where, "Choose the directorate.");
    const name = person.selectedOptions[0]?.textContent || "";
    if (await submitting(form, act, { type: "move-to-role", seat_id: person.value, directorate: where.value, position: place.value }, message)) {
      announce(message, `Moved ${name.split(" (")[0]}.`);
    }
    return undefined;
  });
  return {
    update(view) {
      const shuffled = view.session.shuffled;
      show(form, shuffled);
      setText(note, shuffled ? "" : "Roles are given by the shuffle. Until then, move people between pairs in the People list.");
      setOptions(person, [{ value: "", label: "Choose a person" },
        ...view.seats.filter((s) => s.role !== "chair").map((s) => ({ value: s.id, label: s.title ? `${s.name} (${s.title})` : s.name }))]);
      setOptions(where, [{ value: "", label: "Choose a directorate" },
        ...view.directorates.filter((d) => d.pair_id).map((d) => ({ value: d.id, label: d.name }))]);
    },
  };
}

// --- the speaking record -------------------------------------------------------------------------

/** Contributions per person and by voice: whose voices the meeting heard, and whose it did not. */
export function speakingRecord(view) {
  const floor = view.floor || { contributions: [], by_voice: {} };
  const voices = ["resident", "director", "assistant", "chair"];
  const totals = h("ul", { class: "voice-totals" }, voices.map((v) => h("li", {},
    h("strong", {}, `${VOICE_LABELS[v]}: `), plural(floor.by_voice?.[v] || 0, "contribution"))));
  if (!floor.contributions.length) return [totals, h("p", {}, "Nobody has been called to speak yet.")];
  return [totals, tableBox("Contributions per person", h("table", {},
    h("caption", { class: "visually-hidden" }, "Contributions per person, most first"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Person"), h("th", { scope: "col" }, "Role"),
      h("th", { scope: "col", class: "num" }, "Times called"))),
    h("tbody", {}, floor.contributions.map((p) => h("tr", {},
      h("th", { scope: "row" }, p.name),
      h("td", {}, [VOICE_NAMES[p.voice] || p.voice, p.directorate ? directorateName(view, p.directorate) : ""].filter(Boolean).join(", ")),
      h("td", { class: "num" }, String(p.count)))))))];
}
