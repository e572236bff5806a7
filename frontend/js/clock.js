// The phase name and countdown at the top of each page, ticking between views.

import { setText } from "./dom.js";
import { clockOffset, countdown, countdownWords, phaseLabel, secondsLeft } from "./format.js";

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
