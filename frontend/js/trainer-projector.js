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

const GROUPS = ["#stage-buttons", "#debrief-stage-buttons"];

/**
 * The bar's big-screen menu floats over the page, so it closes whenever the trainer is done with it: on Escape
 * (focus back on its button), on a click elsewhere, and when focus moves out of it (it never hides what has focus).
 */
function closesLikeAMenu(picker) {
  const summary = picker.querySelector("summary");
  picker.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !picker.open) return;
    picker.open = false;
    summary.focus();
  });
  document.addEventListener("pointerdown", (event) => {
    if (picker.open && !picker.contains(event.target)) picker.open = false;
  });
  picker.addEventListener("focusout", (event) => {
    if (picker.open && event.relatedTarget && !picker.contains(event.relatedTarget)) picker.open = false;
  });
}

/** The stage's name in words: the bar's button, or the debrief chart's ("Debrief: Who spoke"). */
function stageLabel(stage) {
  const bar = document.querySelector(`#stage-buttons button[data-stage="${stage}"]`);
  if (bar) return bar.textContent;
  const chart = document.querySelector(`#debrief-stage-buttons button[data-stage="${stage}"]`);
  return chart ? `Debrief: ${chart.textContent}` : "";
}

/**
 * Takes act(command); wires the stage buttons (the bar's menu, and the debrief part's chart buttons).
 * Returns update(view), which marks the stage showing.
 */
export function wireStageButtons(act) {
  const groups = GROUPS.map((selector) => document.querySelector(selector)).filter(Boolean);
  const now = document.querySelector("#stage-now");
  const short = document.querySelector("#stage-short");
  const picker = document.querySelector("#stage-picker");
  let showing = null;
  for (const group of groups) {
    group.addEventListener("click", (event) => {
      const btn = event.target.closest("button[data-stage]");
      // The stage already showing: pressing it again changes nothing, so nothing is sent.
      if (btn && btn.dataset.stage !== showing) act({ type: "set-stage", stage: btn.dataset.stage }).catch(() => {});
    });
  }
  if (picker) closesLikeAMenu(picker);
  return (view) => {
    showing = view.session.stage;
    for (const group of groups) {
      for (const btn of group.querySelectorAll("button[data-stage]")) {
        btn.setAttribute("aria-pressed", String(btn.dataset.stage === showing));
      }
    }
    const label = stageLabel(showing);
    now.textContent = label ? `The big screen shows: ${label}.` : "The big screen follows the phase until you choose.";
    if (short) short.textContent = label || "follows the phase";
  };
}
