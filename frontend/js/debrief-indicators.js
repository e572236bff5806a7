// The debrief's indicators: one small line chart per indicator, grouped by the
// directorate that owns it, each with its target dashed; the numbers behind
// them round by round; and a table of every indicator against its target.

import { COLOURS, chartPanel, dataTable, monthsLineConfig } from "./charts.js";
import { lastRound, noRoundsYet, progressWords, rounds } from "./debrief-words.js";
import { h, island, setText, show } from "./dom.js";
import { numberText } from "./format.js";
import { directorateName, tableBox, withUnit } from "./meeting.js";
import { part } from "./render.js";

const ON_SCREEN = 6;

/** The indicators that moved furthest from their baselines, in the pack's order: the ones a room can read at once. */
export function mostMoved(rows, count = ON_SCREEN) {
  const moved = (r) => Math.abs(r.value - r.baseline) / Math.max(Math.abs(r.baseline), 1);
  const chosen = new Set([...rows].sort((a, b) => moved(b) - moved(a)).slice(0, count));
  return rows.filter((r) => chosen.has(r));
}

const indicatorName = (r) => h("span", {}, r.name, h("span", { class: "block subtle" }, `${r.unit}${r.better ? `; ${r.better} is better` : ""}`));

/**
 * The small charts. Each indicator's chart is made once and kept (a canvas
 * cannot be carried over by a morph), going into the drawn groups as an island.
 */
function multiples(container, projector) {
  const panels = new Map(); // indicator id -> its chart panel
  const drawn = part(container);
  const key = h("p", { class: "line-key", "aria-hidden": "true" },
    h("span", { class: "key-solid" }), " The indicator, round by round ",
    h("span", { class: "key-dashed" }), " The target");

  function panelFor(r) {
    if (!panels.has(r.id)) {
      panels.set(r.id, chartPanel({
        title: r.name, table: "none", size: "small", extraClass: "multiple", id: `indicator-chart-${r.id}`,
        caption: [h("span", { class: "multiple-name" }, r.name),
          h("span", { class: "block subtle" }, `${r.unit}${r.better ? `; ${r.better} is better` : ""}`)],
      }));
    }
    return panels.get(r.id);
  }

  function groups(view, rows) {
    const owners = [...view.directorates.map((d) => d.id), null];
    const note = projector && rows.length < view.indicators.length
      ? h("p", { class: "indicator-note subtle" }, `The ${rows.length} indicators that moved furthest, of ${view.indicators.length}.`) : null;
    return [note, key.cloneNode(true), ...owners.map((owner) => ({ owner, rows: rows.filter((r) => (r.owner || null) === owner) }))
      .filter((g) => g.rows.length)
      .map((g) => h("div", { class: "multiples-group", id: `multiples-${g.owner || "none"}` },
        h("h3", {}, g.owner ? directorateName(view, g.owner) : "Owned by no directorate (these follow the dividend)"),
        h("div", { class: "multiples" }, g.rows.map((r) => island(panelFor(r).node)))))];
  }

  function update(view, list, r) {
    const last = list.at(-1);
    const points = [{ x: 0, y: r.baseline }, ...list.map((round) => ({
      x: round.months, y: round.indicators.find((i) => i.id === r.id)?.value ?? r.baseline,
    }))];
    const series = [{ label: r.name, points, colour: COLOURS.blue }];
    if (typeof r.target === "number") {
      series.push({ label: "Target", points: [{ x: 0, y: r.target }, { x: Math.max(3, last.months), y: r.target }], colour: COLOURS.orange, dashed: true });
    }
    const target = typeof r.target === "number"
      ? ` Target ${withUnit(r.target, r.unit)}: ${progressWords(r.progress).toLowerCase()}.` : " No target set.";
    const names = Object.fromEntries([[0, "At the start"], ...list.map((round) => [round.months, round.label])]);
    panelFor(r).update({
      config: monthsLineConfig({ series, names, legend: false, small: true, yFormat: (v) => numberText(v) }),
      label: `Line chart: ${r.name}`,
      description: `${withUnit(r.baseline, r.unit)} at the start; ${withUnit(r.value, r.unit)} ${last.label.toLowerCase()}.${target}`,
    });
  }

  return {
    render(view) {
      const list = rounds(view);
      const last = list.at(-1);
      const rows = !last ? [] : projector ? mostMoved(last.indicators) : last.indicators;
      drawn.render(() => (last ? groups(view, rows) : null));
      for (const r of rows) update(view, list, r);
    },
  };
}

function indicatorTable(view) {
  const last = lastRound(view);
  if (!last) {
    // Before any round the view has no targets or owners; the board's carried target motions are known.
    const agreed = new Map(view.motions.filter((m) => m.status === "carried" && m.target).map((m) => [m.target.indicator, m.target.value]));
    return tableBox("Indicators against targets", dataTable({
      caption: "Indicators against targets",
      columns: ["Indicator", "Baseline", "Target the board agreed"], numeric: [1, 2],
      rows: view.indicators.map((r) => ({
        cells: [indicatorName(r), numberText(r.baseline), agreed.has(r.id) ? numberText(agreed.get(r.id)) : "None yet"],
      })),
    }));
  }
  return tableBox("Indicators against targets", dataTable({
    caption: "Indicators against targets",
    columns: ["Indicator", "Owner", "Baseline", "Latest value", "Target", "Progress"],
    numeric: [2, 3, 4, 5],
    rows: last.indicators.map((r) => ({
      className: typeof r.progress === "number" && r.progress < 0 ? "progress-back" : null,
      cells: [
        indicatorName(r), r.owner ? directorateName(view, r.owner) : "None", numberText(r.baseline), numberText(r.value),
        typeof r.target === "number" ? numberText(r.target) : "None", progressWords(r.progress),
      ],
    })),
  }));
}

/** The numbers behind the small charts: each indicator at the start and after every round, and its target. */
function indicatorRoundsTable(view) {
  const list = rounds(view);
  const last = list.at(-1);
  return tableBox("Indicators round by round", dataTable({
    caption: "Indicators round by round",
    columns: ["Indicator", "At the start", ...list.map((r) => r.label), "Target"],
    numeric: list.map((_, i) => i + 2).concat([1, list.length + 2]),
    rows: last.indicators.map((r) => ({
      cells: [indicatorName(r), numberText(r.baseline),
        ...list.map((round) => numberText(round.indicators.find((i) => i.id === r.id)?.value ?? r.baseline)),
        typeof r.target === "number" ? numberText(r.target) : "None"],
    })),
  }));
}

/** Takes the page's elements and {projector}; returns {render(view)}. */
export function indicatorsSection(els, { projector }) {
  const charts = multiples(els.indicatorCharts, projector);
  const roundsTable = part(els.indicatorRoundsTable);
  const table = part(els.indicatorTable);
  return {
    render(view) {
      const last = lastRound(view);
      setText(els.indicatorsWhen, last
        ? `Each small chart shows one indicator from the start to ${last.label.toLowerCase()}, with its target as a dashed line: the board's target where it carried one, otherwise the owner's target from the pack. Progress is how far the indicator has moved from its baseline towards its target.`
        : `${noRoundsYet(projector)} Until then every indicator is at its baseline; the owners' targets from the pack show once it has.`);
      charts.render(view);
      show(els.indicatorRounds, !!last);
      if (last) roundsTable.render(() => indicatorRoundsTable(view));
      table.render(() => indicatorTable(view));
    },
  };
}
