// A pair's draft motions on the participant's page: written privately during the read-in, tabled at the
// meeting in one action (it then becomes a motion like any other). Only the pair ever receives its drafts.

import { h, hiddenText, setOptions } from "./dom.js";
import { draw } from "./render.js";

const KINDS = [
  { value: "free", label: "Resolution (free text)" },
  { value: "objective", label: "Objective" },
  { value: "strategy", label: "Strategy" },
];
const TERMS = [
  { value: "", label: "Choose the term" },
  { value: "short", label: "Short term" },
  { value: "medium", label: "Medium term" },
  { value: "long", label: "Long term" },
];
const KIND_NAMES = { free: "Resolution", objective: "Objective", strategy: "Strategy", target: "Target", transfer: "Transfer" };

/** Builds the drafts card after `anchor`; returns {update(view)}. `act(command, messageEl)` sends a command. */
export function pairDrafts(anchor, act) {
  const message = h("p", { class: "form-message", role: "status", "aria-live": "polite" });
  const kind = h("select", { id: "draft-kind" });
  const term = h("select", { id: "draft-term" });
  const text = h("textarea", { id: "draft-text", rows: 3, maxlength: 2000 });
  setOptions(kind, KINDS, "free");
  setOptions(term, TERMS, "");
  const termField = h("p", { hidden: true }, h("label", { for: "draft-term" }, "Term"), term);
  kind.addEventListener("change", () => { termField.hidden = kind.value !== "objective"; });
  let editing = null;
  const saveButton = h("button", { type: "submit", class: "primary" }, "Save draft");
  const cancel = h("button", { type: "button", class: "secondary", hidden: true, onclick: () => reset() }, "Cancel editing");
  const form = h("form", { id: "draft-form", novalidate: true },
    h("p", {}, h("label", { for: "draft-kind" }, "Kind of motion"), kind), termField,
    h("p", {}, h("label", { for: "draft-text" }, "Wording"), text),
    h("div", { class: "button-row" }, saveButton, cancel));
  const list = h("ul", { class: "draft-list" });
  const section = h("section", { id: "drafts-section", class: "card", "aria-labelledby": "drafts-title", hidden: true },
    h("h2", { id: "drafts-title" }, "Your pair's draft motions"),
    h("p", { class: "hint" }, "Only you and your partner can see these. At the meeting, table a draft to put it as a motion."),
    list, form, message);
  anchor.after(section);

  function reset() {
    editing = null;
    text.value = "";
    setOptions(kind, KINDS, "free");
    setOptions(term, TERMS, "");
    termField.hidden = true;
    saveButton.textContent = "Save draft";
    cancel.hidden = true;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!text.value.trim()) {
      message.textContent = "Write the wording of the motion first.";
      text.focus();
      return;
    }
    const motion = { text: text.value.trim(), kind: kind.value, term: kind.value === "objective" ? term.value || null : null };
    try {
      await act({ type: "write-draft", draft_id: editing, motion }, message);
      message.textContent = "Draft saved.";
      reset();
    } catch { /* the message says why */ }
  });

  const edit = (draft) => () => {
    editing = draft.id;
    text.value = draft.text;
    setOptions(kind, KINDS, KINDS.some((k) => k.value === draft.kind) ? draft.kind : "free");
    setOptions(term, TERMS, draft.term || "");
    termField.hidden = kind.value !== "objective";
    saveButton.textContent = "Save changes";
    cancel.hidden = false;
    text.focus();
  };
  const send = (command, done) => async () => {
    try {
      await act(command, message);
      message.textContent = done;
    } catch { /* the message says why */ }
  };

  function row(draft, board) {
    const label = `${KIND_NAMES[draft.kind] || "Motion"}${draft.term ? ` (${draft.term} term)` : ""}`;
    const about = hiddenText(`: ${draft.text.slice(0, 40)}`);
    const buttons = draft.tabled ? [h("span", { class: "hint" }, `Tabled as motion ${draft.tabled}.`)] : [
      h("button", { type: "button", class: "small secondary", id: `draft-row-${draft.id}-edit`, onclick: edit(draft) },
        "Edit", about.cloneNode(true)),
      board ? h("button", { type: "button", class: "small primary", id: `draft-row-${draft.id}-table`,
        onclick: send({ type: "table-draft", draft_id: draft.id }, "Motion tabled.") }, "Table this motion", about.cloneNode(true)) : null,
      h("button", { type: "button", class: "small secondary", id: `draft-row-${draft.id}-discard`,
        onclick: send({ type: "discard-draft", draft_id: draft.id }, "Draft discarded.") }, "Discard", about.cloneNode(true)),
    ];
    return h("li", { id: `draft-row-${draft.id}` }, h("strong", {}, label), " ", draft.text, h("div", { class: "button-row" }, ...buttons));
  }

  return {
    update(view) {
      const me = view.me || {};
      const phase = view.session.phase;
      const open = ["read_in", "board"].includes(phase) && !!me.directorate && Array.isArray(me.drafts);
      section.hidden = !open;
      if (!open) return;
      // Drawn through render.js: a focused button stays put while the partner's drafts come and go.
      draw(list, me.drafts.map((d) => row(d, phase === "board")));
    },
  };
}
