// The console's "Make a projector link" button: a read-only link for a screen nobody signs in on.

import { postJSON, sessionPath } from "./api.js";

/** Takes the session code and report(message); wires the button. */
export function wireProjectorLink(code, report) {
  const button = document.querySelector("#make-projector-link");
  const area = document.querySelector("#projector-key-area");
  const field = document.querySelector("#projector-key-link");
  if (!button) return;
  button.addEventListener("click", async () => {
    try {
      const { url } = await postJSON(sessionPath(code, "/projector-link"), {});
      field.value = url;
      area.hidden = false;
      button.textContent = "Replace the projector link";
      field.focus();
      field.select();
    } catch (error) {
      report(error.message || "The projector link could not be made; try again.");
    }
  });
}
