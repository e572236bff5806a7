// The trainer's news during the day: the scenario's news items to release (to everyone or to the people
// chosen), and news written on the spot. The forms are built once and only their options follow the view,
// so typing is never lost.

import { announce, h, hiddenText } from "./dom.js";
import { listWords, plural, timeOfDay } from "./format.js";
import { draw } from "./render.js";
import { field, invalid, submitting } from "./trainer-forms.js";


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
