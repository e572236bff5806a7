// One confirmation dialog for the console's disruptive actions, so a single misclick changes nothing.
// The native modal <dialog> moves focus inside, keeps the page behind it inert and closes on Escape.

import { h } from "./dom.js";

const PHASE_ORDER = ["lobby", "read_in", "board", "debrief", "closed"];
const PHASE_NAMES = { lobby: "arrival", read_in: "read-in", board: "board meeting", debrief: "debrief", closed: "end" };

/**
 * Takes a question, a sentence on what happens and the confirm button's words (naming the action);
 * returns a promise of true when the trainer confirms, false when they cancel or press Escape.
 */
export function confirmAction({ title, text, confirm }) {
  const heading = h("h2", { id: "confirm-title" }, title);
  const yes = h("button", { type: "submit", value: "yes", class: "danger" }, confirm);
  const no = h("button", { type: "submit", value: "no", class: "secondary", autofocus: true }, "Cancel");
  const dialog = h("dialog", { class: "confirm", "aria-labelledby": "confirm-title", "aria-describedby": "confirm-text" },
    h("form", { method: "dialog" }, heading, h("p", { id: "confirm-text" }, text), h("div", { class: "actions" }, no, yes)));
  document.body.appendChild(dialog);
  const opener = document.activeElement;
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => {
      resolve(dialog.returnValue === "yes");
      dialog.remove();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    });
    dialog.showModal();
    no.focus();
  });
}

/** What to ask before moving to `target` from `current`, or null when the move needs no confirmation. */
export function phaseQuestion(current, target) {
  const name = PHASE_NAMES[target];
  if (target === "closed") {
    return { title: "Finish the session?", confirm: "Finish session",
      text: "Everyone's screens move to the end of the day and the session can no longer be played." };
  }
  if (PHASE_ORDER.indexOf(target) < PHASE_ORDER.indexOf(current)) {
    return { title: `Go back to the ${name}?`, confirm: `Go back to the ${name}`,
      text: "The clock starts again for that phase and any open agenda item is closed." };
  }
  return null;
}
