// The debrief's residents' dividend: where it stands after the latest round,
// why it moved, what doing nothing would have given, and a line chart of every
// round since the start.

import { COLOURS, chartPanel, dataTable, dividendChange, dividendText, monthsLineConfig } from "./charts.js";
import { noRoundsYet, rounds } from "./debrief-words.js";
import { h } from "./dom.js";
import { plural } from "./format.js";
import { part } from "./render.js";

const given = (value) => value !== null && value !== undefined;

/** Why the dividend moved in the latest round, in the model's own words, and what doing nothing would have given. */
function whyPart(last) {
  const lines = last.explanation || [];
  const nothing = last.had_nothing_been_done;
  return [
    given(nothing) ? h("p", { class: "counterfactual" },
      "Had the board done nothing: ", h("strong", {}, dividendText(nothing)),
      ` (the board's decisions made ${(last.dividend - nothing >= 0 ? "+" : "-")}${Math.abs(last.dividend - nothing).toFixed(2)} of difference).`) : null,
    lines.length ? h("div", {},
      h("h3", { class: "why-title" }, `Why it moved in the last round (${last.label.toLowerCase()})`),
      h("ul", { class: "why-list" }, lines.map((line) => h("li", {}, line)))) : null,
  ];
}

function nowPart(last, projector) {
  return last
    ? [`Residents' dividend ${last.label.toLowerCase()}: `,
      h("strong", { class: "dividend-figure" }, dividendText(last.dividend)),
      h("span", { class: "dividend-change" }, ` (${dividendChange(last.dividend)})`)]
    : [h("span", {}, "The dividend starts at ", h("strong", { class: "dividend-figure" }, "100.00"), ". "),
      h("span", { class: "subtle" }, noRoundsYet(projector))];
}

function lineConfig(list, start) {
  const last = list.at(-1);
  const points = [{ x: 0, y: start }, ...list.map((r) => ({ x: r.months, y: r.dividend }))];
  const nothing = list.filter((r) => given(r.had_nothing_been_done));
  const names = Object.fromEntries([[0, "At the start"], ...list.map((r) => [r.months, r.label])]);
  return monthsLineConfig({
    series: [
      { label: "Residents' dividend", points, colour: COLOURS.blue },
      ...(nothing.length ? [{
        label: "Had the board done nothing",
        points: [{ x: 0, y: start }, ...nothing.map((r) => ({ x: r.months, y: r.had_nothing_been_done }))],
        colour: COLOURS.orange, dashed: true,
      }] : []),
      { label: "Starting level (100)", points: [{ x: 0, y: 100 }, { x: Math.max(3, last.months), y: 100 }], colour: COLOURS.light, dashed: true },
    ],
    names, yTitle: "Dividend", yFormat: (v) => v.toFixed(2),
  });
}

function roundsTable(list, start) {
  return dataTable({
    caption: "The residents' dividend by round",
    columns: ["Round", "Months from the start", "Dividend", "Change since the round before", "Had the board done nothing"],
    numeric: [1, 2, 3, 4],
    rows: [{ cells: ["At the start", "0", dividendText(start), "", dividendText(start)] }, ...list.map((r, i) => {
      const by = r.dividend - (i ? list[i - 1].dividend : start);
      const nothingThen = given(r.had_nothing_been_done) ? dividendText(r.had_nothing_been_done) : "";
      return { cells: [r.label, String(r.months), dividendText(r.dividend), `${by >= 0 ? "+" : "-"}${Math.abs(by).toFixed(2)}`, nothingThen] };
    })],
  });
}

/** Takes the page's elements and {projector}; returns {render(view)}. */
export function dividendSection(els, { projector }) {
  const panel = chartPanel({ title: "The residents' dividend by round" });
  els.dividendChart.append(panel.node);
  const now = part(els.dividendNow);
  const why = part(els.dividendWhy);
  return {
    render(view) {
      const list = rounds(view);
      const last = list.at(-1);
      const start = view.consequences?.start ?? 100;
      now.render(() => nowPart(last, projector));
      why.render(() => (last ? whyPart(last) : null));
      panel.update({
        config: list.length ? lineConfig(list, start) : null,
        label: "Line chart: the residents' dividend after each round, starting from 100",
        description: list.length
          ? `The dividend went from 100.00 at the start to ${dividendText(last.dividend)} ${last.label.toLowerCase()}, over ${plural(list.length, "round")}.`
          : "",
        table: list.length ? () => roundsTable(list, start) : null,
      });
    },
  };
}
