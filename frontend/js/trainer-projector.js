// The console's big-screen controls: a read-only projector link for a screen nobody signs in on,
// and the buttons that choose what that screen shows.

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

/** Takes act(command); wires the stage buttons. Returns update(view), which marks the stage showing. */
export function wireStageButtons(act) {
  const group = document.querySelector("#stage-buttons");
  const now = document.querySelector("#stage-now");
  group.addEventListener("click", (event) => {
    const btn = event.target.closest("button[data-stage]");
    if (btn) act({ type: "set-stage", stage: btn.dataset.stage }).catch(() => {});
  });
  return (view) => {
    const stage = view.session.stage;
    for (const btn of group.querySelectorAll("button[data-stage]")) {
      btn.setAttribute("aria-pressed", String(btn.dataset.stage === stage));
    }
    const label = group.querySelector(`button[data-stage="${stage}"]`)?.textContent;
    now.textContent = label ? `The big screen shows: ${label}.` : "The big screen follows the phase until you choose.";
  };
}
