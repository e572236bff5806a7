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
