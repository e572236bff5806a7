// The trainer's agenda editor: add an item, and edit or move each one, at any time of the day.
// The list is drawn from the view; each item's edit form is kept, so typing survives updates.

import { announce, h, hiddenText, island, keeper, setOptions, setText } from "./dom.js";
import { ITEM_KIND_LABELS, plural, wholeNumber } from "./format.js";
import { part } from "./render.js";
import { field, invalid, submitting } from "./trainer-forms.js";

function kindSelect(id) {
  return h("select", { id, "data-key": id },
    Object.entries(ITEM_KIND_LABELS).map(([value, label]) => h("option", { value }, label)));
}


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
  // Closed until asked for (or the agenda is empty): the items, used all day, keep the room.
  const adding = h("details", { class: "tool" }, h("summary", {}, h("h3", { class: "summary-heading" }, "Add an item")),
    h("div", { class: "field-row" }, field("Title", title), field("Kind", kind)),
    h("div", { class: "field-row" }, field("Timebox (minutes)", minutes), field("Position", position)),
    field("Description (optional)", description),
    h("button", { type: "submit", class: "primary" }, "Add item"));
  const add = h("form", { class: "stack agenda-add", novalidate: true }, adding, message);
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
        if (!agenda.length) {
          adding.open = true;
          return h("p", {}, "The agenda is empty. Add the first item below.");
        }
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
