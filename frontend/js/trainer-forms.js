// What the trainer's small forms share: a labelled field, a field marked wrong with the reason said,
// and sending a form's command with its submit button disabled meanwhile.

import { announce, h } from "./dom.js";

export function field(label, input, hint = null) {
  return h("div", { class: "field" }, h("label", { for: input.id }, label), hint, input);
}

/** Marks a field as wrong, says why in `message`, and puts focus on it. */
export function invalid(message, input, problem) {
  input.setAttribute("aria-invalid", "true");
  announce(message, problem);
  input.focus();
}

/** Runs a form's command with its submit button disabled meanwhile; returns true when the server took it. */
export async function submitting(form, act, command, message) {
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

/**
 * A card for a control the trainer seldom needs (moving someone, seating a late arrival, undoing a
 * correction): closed until asked for, so the controls used all day stay on the screen. The heading sits
 * in the summary, so it is still found by moving through the headings.
 */
export function toolCard(id, title, ...content) {
  return h("details", { id, class: "card tool" },
    h("summary", {}, h("h2", { id: `${id}-title`, class: "summary-heading" }, title)), ...content);
}
