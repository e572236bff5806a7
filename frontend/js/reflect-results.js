// The reflection's results, shared by the trainer's debrief, the projector's and
// the participants' pages: how many have answered, and once enough have, a
// stacked bar chart (with its table) and the comments, none of them anyone's own.
// Every part is drawn by morphing (render.js), so a new batch of answers leaves
// the table's scroll box, and whatever in it has focus, where it was.

import { SCORE_COLOURS, barConfig, chartPanel, dataTable, wrapLabel } from "./charts.js";
import { h, setText } from "./dom.js";
import { numberText, plural } from "./format.js";
import { draw } from "./render.js";

/** "Shared aims: we agreed…" -> "Shared aims". */
export function featureName(label) {
  return String(label || "").split(":")[0];
}

/** The reflection's scale in words. */
export const SCORE_WORDS = { 1: "1 (poor)", 2: "2", 3: "3", 4: "4", 5: "5 (excellent)" };

const EMPTY = { count: 0, enough: 3, shown: false, waiting: 0, features: [], comments: [] };

/** The sentence above the results: how many have answered, and when the results show or next move on. */
export function resultsStatus(reflection, { opensLater = false } = {}) {
  const r = reflection || EMPTY;
  if (!r.shown && !r.count && opensLater) {
    return `The reflection opens at the debrief: each participant answers on their own device, and the results show once ${r.enough} have.`;
  }
  if (!r.shown && !r.count) {
    return `Nobody has answered yet. The results show once ${r.enough} people have answered, so that no one's answer can be picked out.`;
  }
  if (!r.shown) {
    const needed = Math.max(0, r.enough - r.count);
    return `${plural(r.count, "person has", "people have")} answered so far. The results show once ${r.enough} have: ${plural(needed, "more answer")} needed.`;
  }
  // The totals move on only in batches, so a single new or changed answer never shows up on its own.
  const batch = r.waiting
    ? ` The results are updated once ${plural(r.enough - r.waiting, "more person has", "more people have")} answered or changed their answers.`
    : "";
  return `${plural(r.count, "person has", "people have")} answered. Scores run from 1 (poor) to 5 (excellent); no one's answer is shown as theirs.${batch}`;
}

/** "Highest average: Trust (4.5). Lowest: Shared aims (2)." or "" when nobody rated anything. */
export function highestAndLowest(features) {
  const best = [...features].filter((f) => f.average !== null && f.average !== undefined).sort((a, b) => b.average - a.average);
  if (!best.length) return "";
  const low = best[best.length - 1];
  return `Highest average: ${featureName(best[0].label)} (${best[0].average}). Lowest: ${featureName(low.label)} (${low.average}).`;
}

function resultsConfig(features, big) {
  return barConfig({
    labels: features.map((f) => wrapLabel(`${featureName(f.label)} (average ${f.average ?? "none"})`, big ? 24 : 22)),
    series: [1, 2, 3, 4, 5].map((score) => ({
      label: SCORE_WORDS[score], colour: SCORE_COLOURS[score - 1], values: features.map((f) => f.counts?.[score - 1] || 0),
    })),
    horizontal: true, stacked: true, valueTitle: "Number of people giving each score", step: 1,
  });
}

function resultsTable(features) {
  return dataTable({
    caption: "Reflection results: scores from 1 (poor) to 5 (excellent)",
    columns: ["Feature", "Average", "Answers", "Gave 1", "Gave 2", "Gave 3", "Gave 4", "Gave 5"],
    numeric: [1, 2, 3, 4, 5, 6, 7],
    rows: features.map((f) => ({
      cells: [
        h("span", {}, h("strong", {}, featureName(f.label)), h("span", { class: "block subtle" }, f.label.split(":").slice(1).join(":").trim())),
        f.average === null ? "None" : numberText(f.average),
        String(f.answers ?? 0),
        ...[0, 1, 2, 3, 4].map((i) => String(f.counts?.[i] ?? 0)),
      ],
    })),
  });
}

function commentsPart(comments) {
  return comments.length
    ? h("ul", { class: "comment-list" }, comments.map((c) => h("li", {}, c)))
    : h("p", { class: "subtle" }, "Nobody left a comment.");
}

/**
 * The participants' ratings together: how many have answered, and once enough
 * have, a stacked bar per feature (how many gave each score), a table with each
 * feature's average and spread, and the comments. Takes {headingLevel, big};
 * returns {node, update(reflection, {opensLater})}.
 */
export function reflectionResults({ headingLevel = 3, big = false } = {}) {
  const status = h("p", { class: "reflection-status" });
  const panel = chartPanel({ title: "Reflection scores for each feature", table: "visible", size: "tall" });
  const commentsTitle = h(`h${headingLevel}`, {}, "Comments");
  const comments = h("div", { class: "comments" });
  const node = h("div", { class: "reflection-results" }, status, panel.node, commentsTitle, comments);

  return {
    node,
    update(reflection, { opensLater = false } = {}) {
      const r = reflection || EMPTY;
      setText(status, resultsStatus(r, { opensLater }));
      for (const el of [panel.node, commentsTitle, comments]) el.hidden = !r.shown;
      if (!r.shown) {
        panel.update({ config: null, label: "", description: "" });
        draw(comments, null);
        return;
      }
      panel.update({
        config: resultsConfig(r.features, big),
        label: `Stacked bar chart: how many people gave each score from 1 to 5, for each of ${plural(r.features.length, "feature")} of partnership working`,
        description: highestAndLowest(r.features),
        table: () => resultsTable(r.features),
      });
      draw(comments, commentsPart(r.comments));
    },
  };
}
