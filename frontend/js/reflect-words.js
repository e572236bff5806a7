// The participant's reflection page in words: its answers read back, why
// someone does not reflect, and what a live update says in the polite live
// region. No DOM here, so the units in tests/js can check every sentence.

import { resultsNews } from "./debrief-words.js";

/** 4 -> "4 out of 5"; 1 -> "1 out of 5 (poor)". */
export function scoreWords(n) {
  return `${n} out of 5${n === 1 ? " (poor)" : n === 5 ? " (excellent)" : ""}`;
}

/**
 * Why this seat gives no reflection, as {title, text}, or null when it does.
 * Observers (colleagues, evaluators) watched the meeting; someone never given a
 * place did not take part. Both see the results, which are public.
 */
export function notReflecting(me) {
  if (!me || me.can?.reflect !== false) return null;
  if (me.role === "observer") {
    return {
      title: "Observers do not give a reflection",
      text: "You watched the board meeting as an observer, so the reflection is for the people who took part. Their answers, together and without names, show below once enough have answered.",
    };
  }
  return {
    title: "There is no reflection for you to give",
    text: "You were not given a place in the board meeting, so the reflection is for the people who took part. Their answers, together and without names, show below once enough have answered.",
  };
}

/** What changed between two views that the participant should hear, as one sentence (or ""). */
export function reflectNews(before, view) {
  if (!before) return "";
  const was = before.session.phase;
  const phase = view.session.phase;
  const reflects = !notReflecting(view.me);
  if (was !== phase && phase === "debrief") {
    return reflects ? "The debrief has started: the reflection is open." : "The debrief has started.";
  }
  if (was !== phase && phase === "closed") {
    return reflects ? "The session has finished, so the reflection has closed." : "The session has finished.";
  }
  return resultsNews(before.reflection, view.reflection);
}
