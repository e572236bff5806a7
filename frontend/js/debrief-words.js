// The debrief in words: small pure helpers shared by its parts, and what a
// live update says in the page's polite live region. No DOM here, so the
// units in tests/js can check every sentence.

import { dividendText } from "./charts.js";
import { plural, pounds } from "./format.js";

/** The rounds time has moved on by, oldest first. */
export const rounds = (view) => view?.consequences?.rounds || [];

/** The latest round, or null before time has moved on. */
export const lastRound = (view) => rounds(view).at(-1) || null;

/** "+£520,000", "-£520,000" or "" for no change. */
export function signedPounds(by) {
  if (!by) return "";
  return `${by > 0 ? "+" : "-"}${pounds(Math.abs(by))}`;
}

/** Progress towards a target in words, for tables and descriptions. */
export function progressWords(progress) {
  if (progress === null || progress === undefined) return "No target";
  if (progress >= 100) return `${progress}%: target reached`;
  if (progress < 0) return `${progress}%: moving away from the target`;
  return `${progress}% of the way`;
}

/** What to say before time has moved on: on the console how to move it, on the big screen who will. */
export function noRoundsYet(projector) {
  return projector
    ? "Time has not moved on yet. The trainer moves the neighbourhood on by a quarter or a year to show what the board's budget does."
    : "Time has not moved on yet. Press “Advance a quarter” or “Advance a year” to run the consequences model on the ledger as it stands.";
}

/**
 * What changed between two views that someone using the debrief should hear,
 * as sentences: time moving on, new reflections, the results appearing or
 * being renewed. Nothing when there is no view before (the first draw).
 */
export function debriefNews(before, view) {
  if (!before) return [];
  const said = [];
  const last = lastRound(view);
  if (last && rounds(view).length > rounds(before).length) {
    // The event itself is told already ("Time has moved on by a year…"): this adds where it left the dividend.
    said.push(`${last.label}, the residents' dividend is ${dividendText(last.dividend)}.`);
  }
  const count = view.reflection?.count || 0;
  if (count > (before.reflection?.count || 0)) said.push(`${plural(count, "person has", "people have")} sent a reflection.`);
  const results = resultsNews(before.reflection, view.reflection);
  if (results) said.push(results);
  return said;
}

/** The sentence for the reflection's results appearing or being renewed with a new batch, or "". */
export function resultsNews(before, now) {
  if (!now?.shown) return "";
  if (!before?.shown) return "Enough people have answered: the reflection's results are shown.";
  const renewed = JSON.stringify([before.features, before.comments]) !== JSON.stringify([now.features, now.comments]);
  return renewed ? "The reflection's results have been updated with the latest answers." : "";
}
