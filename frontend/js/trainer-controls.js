// The trainer's controls that are built once in trainer.html and only wired up here:
// phases and clock, moving time on, auto-pair, chair, shuffle and swap.

import { wholeNumber } from "./format.js";
import { confirmAction, phaseQuestion } from "./trainer-confirm.js";

/**
 * Takes the console's elements, act(command) and report(message), and
 * latest() giving the newest view; adds the listeners.
 */
export function wireControls(els, { act, report, latest }) {
  const quietly = (command) => act(command).catch(() => {});

  els.phaseButtons.addEventListener("click", async (event) => {
    const btn = event.target.closest("button[data-phase]");
    // The running phase's button does nothing: pressing it again would only restart that phase's clock.
    if (!btn || btn.dataset.phase === latest()?.session.phase) return;
    // The phase version on screen when pressed: if another screen moves the day on meanwhile, nothing changes.
    const command = { type: "start-phase", phase: btn.dataset.phase, phase_version: latest()?.session.phase_version };
    if (els.minutes.value.trim()) {
      const minutes = wholeNumber(els.minutes.value, 1, 600);
      if (minutes === null) {
        report("Minutes must be a whole number from 1 to 600, or left empty.");
        els.minutes.focus();
        return;
      }
      command.minutes = minutes;
    }
    const question = phaseQuestion(latest()?.session.phase, command.phase);
    if (question && !(await confirmAction(question))) return;
    try {
      await act(command);
      els.minutes.value = "";
    } catch { /* act() has shown why */ }
  });

  els.pause.addEventListener("click", () => quietly({ type: latest()?.session.paused ? "resume-clock" : "pause-clock" }));
  for (const btn of [els.advanceQuarter, els.advanceYear]) {
    btn.addEventListener("click", () => quietly({ type: "advance-time", period: btn.dataset.period }));
  }
  els.autoPair.addEventListener("click", () => quietly({ type: "auto-pair" }));
  els.chairSelect.addEventListener("change", () => quietly({ type: "choose-chair", seat_id: els.chairSelect.value || null }));

  els.shuffleForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const command = { type: "shuffle" };
    if (els.seed.value.trim()) {
      const seed = wholeNumber(els.seed.value, 0, 2 ** 31 - 1);
      if (seed === null) {
        report("The seed must be a whole number from 0 to 2147483647, or left empty.");
        els.seed.focus();
        return;
      }
      command.seed = seed;
    }
    quietly(command);
  });

  els.swapForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const [first, second] = [els.swapFirst.value, els.swapSecond.value];
    if (!first || !second || first === second) {
      report("Choose two different pairs to swap.");
      return;
    }
    quietly({ type: "swap-pairs", first, second });
  });
}

/** Marks the running phase's button as the current step of the day, so it reads as where the day is. */
export function markPhase(els, phase) {
  for (const btn of els.phaseButtons.querySelectorAll("button[data-phase]")) {
    if (btn.dataset.phase === phase) btn.setAttribute("aria-current", "step");
    else btn.removeAttribute("aria-current");
  }
}
