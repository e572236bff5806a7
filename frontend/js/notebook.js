// A pair's private notebook on the participant's page: saved as people type (about a second after they pause),
// and shared live with their partner. Only the pair ever receives it (docs/protocol.md, `write-notebook`).

import { h } from "./dom.js";

const PAUSE_MS = 1000;
// Someone who types without ever pausing for a second is still saved this often, so a dropped laptop loses little.
const MAX_WAIT_MS = 5000;
const LIMIT = 20000;
const OPEN_PHASES = ["read_in", "board"];

function savedAt(notebook) {
  if (!notebook.at) return "Nothing written yet.";
  const time = new Date(notebook.at * 1000).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  return `Saved${notebook.by ? ` by ${notebook.by.name}` : ""} at ${time}.`;
}

/** Builds the notebook card after `anchor`; returns {update(view)}. `act` sends a command. */
export function pairNotebook(anchor, act) {
  const text = h("textarea", { id: "notebook-text", rows: 8, maxlength: LIMIT, spellcheck: "true" });
  const status = h("p", { id: "notebook-status", class: "hint", role: "status", "aria-live": "polite" });
  const section = h("section", { id: "notebook-section", class: "card", "aria-labelledby": "notebook-title", hidden: true },
    h("h2", { id: "notebook-title" }, "Your pair's notebook"),
    h("p", { class: "hint", id: "notebook-help" }, "Only you and your partner can see this page, not the trainer or anyone else. It saves as you type."),
    h("label", { for: "notebook-text" }, "Notes"),
    text, status);
  text.setAttribute("aria-describedby", "notebook-help notebook-status");
  anchor.after(section);

  let dirty = false;
  let timer = null;
  let firstUnsaved = 0; // when the oldest typing not yet sent began
  let shown = null;

  async function save() {
    timer = null;
    firstUnsaved = 0;
    const sending = text.value;
    status.textContent = "Saving…";
    try {
      await act({ type: "write-notebook", text: sending });
      if (text.value === sending) dirty = false;
      status.textContent = "Saved.";
    } catch (error) {
      status.textContent = `Not saved: ${error.message}`;
    }
  }

  text.addEventListener("input", () => {
    dirty = true;
    status.textContent = "Typing…";
    clearTimeout(timer);
    const now = Date.now();
    if (!firstUnsaved) firstUnsaved = now;
    timer = setTimeout(save, Math.max(0, Math.min(PAUSE_MS, firstUnsaved + MAX_WAIT_MS - now)));
  });

  return {
    update(view) {
      const notebook = view.me?.notebook;
      const phase = view.session.phase;
      section.hidden = !notebook || phase === "lobby";
      if (!notebook) return;
      text.readOnly = !OPEN_PHASES.includes(phase);
      // What the partner saved replaces the page unless this person has typing of their own still to save.
      if (!dirty && notebook.text !== shown) {
        const caret = text.selectionStart;
        text.value = notebook.text;
        if (document.activeElement === text) text.setSelectionRange(caret, caret);
      }
      shown = notebook.text;
      if (!dirty && !timer) status.textContent = text.readOnly ? "The notebook is open during the read-in and the meeting." : savedAt(notebook);
    },
  };
}
