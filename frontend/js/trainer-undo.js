// The trainer's "Undo": takes back the latest reversible correction (a move, an agenda change, news, a void).
// The button names what it would undo and sends that correction's place in the log, so a screen that is behind
// undoes nothing else (docs/protocol.md, `undo`).

import { announce, h } from "./dom.js";
import { toolCard } from "./trainer-forms.js";

/** Builds the card (closed until opened) after `anchor`; returns {update(view)}. `act(command, messageEl)` sends a command. */
export function undoButton(anchor, act) {
  const message = h("p", { class: "form-message", "aria-live": "polite" });
  const what = h("p", { class: "hint" });
  let seq = null;
  const button = h("button", { type: "button", class: "secondary", id: "undo-correction" }, "Undo the latest correction");
  button.addEventListener("click", async () => {
    if (seq === null || button.getAttribute("aria-busy") === "true") return;
    button.setAttribute("aria-busy", "true");
    try {
      await act({ type: "undo", seq }, message);
      announce(message, "Undone.");
    } catch { /* act() has said why */ } finally {
      button.removeAttribute("aria-busy");
    }
  });
  const section = toolCard("undo-section", "Undo a correction", what, button, message);
  anchor.after(section);
  return {
    update(view) {
      const latest = view.session.undoable;
      seq = latest ? latest.seq : null;
      what.textContent = latest ? `The latest correction was ${latest.what}. Undoing it is recorded; nothing is deleted.`
        : "There is no correction to undo.";
      // aria-disabled rather than disabled, so the button keeps keyboard focus after an undo.
      if (latest) button.removeAttribute("aria-disabled");
      else button.setAttribute("aria-disabled", "true");
    },
  };
}
