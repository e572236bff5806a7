// The phase name and countdown at the top of each page, ticking between views.

import { setText } from "./dom.js";
import { clockOffset, countdown, countdownWords, duration, phaseLabel, secondsLeft } from "./format.js";

/**
 * Takes {phase, countdown, words?} elements; returns {update(view)}. The
 * countdown is worked out from `session.ends_at`, corrected by the gap between
 * the server's clock (`session.now`) and this computer's.
 */
export function clockDisplay(els) {
  let session = null;
  let offset = 0;
  const draw = () => {
    if (!session) return;
    setText(els.phase, phaseLabel(session));
    setText(els.countdown, countdown(session, offset));
    const left = secondsLeft(session, offset);
    els.countdown.dataset.state = session.paused ? "paused" : left <= 0 ? "over" : left < 300 ? "soon" : "running";
    // Screen readers get a sentence, refreshed only when the minute changes.
    if (els.words) setText(els.words, countdownWords(session, offset));
  };
  setInterval(draw, 500);
  return {
    update(view) {
      session = view.session;
      offset = clockOffset(session);
      draw();
    },
  };
}

/**
 * The open agenda item's own timebox, ticking like the phase clock. Takes an
 * element with a [data-role=title] and a [data-role=time] inside; returns
 * {update(view)}. The element hides while no item is open.
 */
export function itemClockDisplay(el) {
  let item = null;
  let session = null;
  let offset = 0;
  const title = el.querySelector("[data-role=title]");
  const time = el.querySelector("[data-role=time]");
  const draw = () => {
    const open = !!item && session?.phase === "board" && typeof item.ends_at === "number";
    if (el.hidden === open) el.hidden = !open;
    if (!open) return;
    const clock = { phase: "board", ends_at: item.ends_at, remaining: item.remaining, paused: session.paused };
    const left = secondsLeft(clock, offset);
    setText(title, item.title);
    setText(time, left <= 0 ? "Time is up" : `${duration(left)} left${session.paused ? " (clock paused)" : ""}`);
    time.dataset.state = session.paused ? "paused" : left <= 0 ? "over" : left < 120 ? "soon" : "running";
  };
  setInterval(draw, 500);
  return {
    update(view) {
      session = view.session;
      offset = clockOffset(session);
      item = view.agenda.find((a) => a.id === session.current_item) || null;
      draw();
    },
  };
}
