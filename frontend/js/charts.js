// Charts for the debrief pages. Chart.js 4 is loaded as a classic script
// (/static/vendor/chart-4.6.1.umd.min.js, which defines window.Chart) before
// these modules. Every chart comes with a text alternative: a sentence that
// is both shown and used as the canvas's description, and a table with the
// same numbers. If Chart.js failed to load, the table is shown instead.

import { h, hiddenText, svg } from "./dom.js";
import { numberText, plural } from "./format.js";
import { labelPlace, ringPositions, wrapWords } from "./ring.js";

/**
 * Colours for data, each at least 3:1 against white (WCAG 2.2, 1.4.11) and
 * told apart by more than hue where it matters: lines also differ in dash,
 * bars carry their numbers in the table.
 */
export const COLOURS = {
  blue: "#1d4f91",
  orange: "#b45309",
  green: "#1e6b34",
  red: "#a4161a",
  purple: "#6b3fa0",
  teal: "#0e6e78",
  grey: "#5f6670",
  light: "#8a9099",
};

/** One colour a score from 1 (poor) to 5 (excellent): red through grey to green. */
export const SCORE_COLOURS = ["#a4161a", "#c2410c", "#5f6670", "#2a6f97", "#1e6b34"];

let settings = { big: false };

/** True when the vendored Chart.js has loaded. */
export function chartsAvailable() {
  return typeof window.Chart === "function";
}

/** Sets Chart.js's defaults for this page once: type sizes (larger on the projector), colours and motion. */
export function setupCharts({ big = false } = {}) {
  settings = { big };
  if (!chartsAvailable()) return;
  const { defaults } = window.Chart;
  defaults.font.family = getComputedStyle(document.body).fontFamily;
  // On the big screen the type grows with the screen, to be read from the back of the room.
  const size = big ? Math.round(Math.min(28, Math.max(16, innerWidth / 75))) : 14;
  defaults.font.size = size;
  defaults.color = "#1b1f24";
  defaults.borderColor = "#d9d7d0";
  defaults.maintainAspectRatio = false;
  defaults.plugins.legend.labels.boxWidth = big ? 28 : 20;
  defaults.plugins.tooltip.titleFont = { size, weight: "bold" };
  defaults.plugins.tooltip.bodyFont = { size };
  if (big || matchMedia("(prefers-reduced-motion: reduce)").matches) defaults.animation = false;
}

/** Whole pounds for a chart axis: "£1.2m", "£350k", "£900". */
export function shortPounds(value) {
  const n = Number(value) || 0;
  const sign = n < 0 ? "-" : "";
  const a = Math.abs(n);
  if (a >= 1_000_000) return `${sign}£${numberText(Math.round(a / 100_000) / 10)}m`;
  if (a >= 1_000) return `${sign}£${numberText(Math.round(a / 1_000))}k`;
  return `${sign}£${numberText(a)}`;
}

let counter = 0;

/**
 * A chart with its text alternative. Takes `title` (names the chart's table
 * and its toggle), `table` ("toggle": behind a "Show the numbers" disclosure;
 * "visible": always shown; "none": the page shows the numbers elsewhere),
 * `size` ("normal", "tall", "small"), and `caption` for a visible figcaption.
 * Returns {node, update(spec)}; spec is {config, label, description, table, height},
 * where `config` is a Chart.js config (null: no chart to draw), `label` the
 * canvas's accessible name, `description` a sentence shown under it (and the
 * canvas's description), `table()` builds the <table> with the same numbers,
 * and `height` (optional CSS length) sizes the chart to its rows.
 */
export function chartPanel({ title, table = "toggle", size = "normal", extraClass = "", caption = null }) {
  counter += 1;
  const descId = `chart-${counter}-description`;
  const canvas = h("canvas", { role: "img", "aria-label": title, "aria-describedby": descId });
  const box = h("div", { class: `chart-box chart-${size}` }, canvas);
  const description = h("p", { id: descId, class: "chart-description" });
  const holder = h("div", { class: "chart-table" });
  const noCharts = !chartsAvailable();
  let numbers = null;
  if (table === "toggle") {
    numbers = h("details", { class: "chart-numbers", open: noCharts },
      h("summary", {}, "Show the numbers as a table", hiddenText(`: ${title}`)), holder);
  } else if (table === "visible" || noCharts) {
    numbers = holder;
  }
  const node = h("figure", { class: `chart ${extraClass}`.trim() },
    caption ? h("figcaption", { class: "chart-caption" }, caption) : null, box, description, numbers);
  let chart = null;
  let drawn = "";
  let tabled = "";

  function draw(config) {
    if (noCharts) return;
    if (!config) {
      chart?.destroy();
      chart = null;
      return;
    }
    if (chart && chart.config.type === config.type) {
      chart.data = config.data;
      chart.options = config.options || {};
      chart.update();
      return;
    }
    chart?.destroy();
    chart = new window.Chart(canvas, config);
  }

  return {
    node,
    update({ config, label, description: words = "", table: buildTable = null, key = null, height = null }) {
      if (height && box.style.height !== height) box.style.height = height;
      const signature = JSON.stringify([config?.type, config?.data, label, words, key]);
      if (signature !== drawn) {
        drawn = signature;
        box.hidden = !config || noCharts;
        canvas.setAttribute("aria-label", label || title);
        description.textContent = words;
        description.hidden = !words;
        draw(config);
      }
      if (buildTable && signature !== tabled) {
        tabled = signature;
        holder.replaceChildren(buildTable());
      }
      if (numbers) numbers.hidden = !buildTable;
    },
  };
}

/** A <table> with a caption, column headings and rows of [row heading, ...cells]; numeric cells align right. */
export function dataTable({ caption, columns, rows, numeric = [], captionHidden = false, foot = null }) {
  const isNum = (i) => numeric.includes(i);
  return h("table", { class: "data-table" },
    h("caption", { class: captionHidden ? "visually-hidden" : "" }, caption),
    h("thead", {}, h("tr", {}, columns.map((c, i) => h("th", { scope: "col", class: isNum(i) ? "num" : null }, c)))),
    h("tbody", {}, rows.map((row) => h("tr", { class: row.className || null },
      row.cells.map((cell, i) => (i === 0
        ? h("th", { scope: "row" }, cell)
        : h("td", { class: isNum(i) ? "num" : null }, cell)))))),
    foot ? h("tfoot", {}, h("tr", {}, foot.map((cell, i) => (i === 0
      ? h("th", { scope: "row" }, cell) : h("td", { class: isNum(i) ? "num" : null }, cell))))) : null);
}

// --- config builders -------------------------------------------------------------------

/** Axis options shared by the charts: a titled axis, grid lines in the page's soft line colour. */
export function axis({ title = "", format = null, min, max, stacked = false, beginAtZero = false, grid = true, step } = {}) {
  return {
    stacked, beginAtZero, min, max,
    title: title ? { display: true, text: title } : { display: false },
    ticks: { ...(format ? { callback: (v) => format(Number(v)) } : {}), ...(step ? { stepSize: step } : {}) },
    grid: { display: grid },
  };
}

/**
 * A line chart over months since the start, x drawn to scale (a quarter is
 * a quarter as wide as a year). `series`: [{label, points: [{x, y}], colour, dashed}].
 * `names` maps a month count to its round's label, for tooltips.
 */
export function monthsLineConfig({ series, names = {}, yTitle = "", yFormat = null, legend = true, small = false }) {
  const maxX = Math.max(3, ...series.flatMap((s) => s.points.map((p) => p.x)));
  return {
    type: "line",
    data: {
      datasets: series.map((s) => ({
        label: s.label,
        data: s.points,
        borderColor: s.colour,
        backgroundColor: s.colour,
        borderWidth: s.dashed ? 2 : (small ? 2.5 : 3.5),
        borderDash: s.dashed ? [8, 5] : [],
        pointRadius: s.dashed ? 0 : (small ? 3 : 5),
        pointHoverRadius: s.dashed ? 0 : 7,
        pointStyle: s.pointStyle || "circle",
        tension: 0,
        clip: false,
      })),
    },
    options: {
      parsing: true,
      layout: { padding: small ? { top: 6, right: 8, left: 2, bottom: 2 } : { top: 10, right: 14, left: 4, bottom: 4 } },
      scales: {
        x: {
          type: "linear", min: 0, max: maxX,
          title: { display: !small, text: "Months from the start" },
          ticks: {
            stepSize: small ? Math.max(3, Math.ceil(maxX / 9) * 3) : (maxX > 24 ? 6 : 3),
            // "inner" keeps the first label right of the y axis, clear of the lowest value's label.
            maxRotation: 0, align: "inner", callback: (v) => (small ? `${v}m` : String(v)),
          },
        },
        y: { ...axis({ title: yTitle, format: yFormat }), ...(small ? { ticks: { maxTicksLimit: 5, ...(yFormat ? { callback: (v) => yFormat(Number(v)) } : {}) } } : {}) },
      },
      plugins: {
        legend: { display: legend, position: "bottom" },
        tooltip: {
          callbacks: {
            title: (items) => names[items[0]?.parsed.x] || `${items[0]?.parsed.x} months`,
            label: (item) => `${item.dataset.label}: ${yFormat ? yFormat(item.parsed.y) : numberText(item.parsed.y)}`,
          },
        },
      },
    },
  };
}

/**
 * A bar chart. `labels` on the category axis; `series`: [{label, values, colour}].
 * `horizontal` puts categories down the side (long names read better);
 * `stacked` piles the series up.
 */
export function barConfig({ labels, series, horizontal = false, stacked = false, valueTitle = "", format = null, legend = true, step }) {
  const valueAxis = axis({ title: valueTitle, format, stacked, beginAtZero: true, step });
  const categoryAxis = { stacked, grid: { display: false }, ticks: { autoSkip: false } };
  return {
    type: "bar",
    data: {
      labels,
      datasets: series.map((s) => ({
        label: s.label, data: s.values, backgroundColor: s.colour, borderColor: "#ffffff",
        borderWidth: stacked ? 1 : 0, borderSkipped: false, maxBarThickness: settings.big ? 70 : 44,
      })),
    },
    options: {
      indexAxis: horizontal ? "y" : "x",
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: {
        legend: { display: legend, position: "bottom" },
        tooltip: {
          callbacks: {
            label: (item) => {
              const v = horizontal ? item.parsed.x : item.parsed.y;
              return `${item.dataset.label}: ${format ? format(v) : numberText(v)}`;
            },
          },
        },
      },
    },
  };
}

/** Takes a long name; returns lines of about `width` characters, for chart labels. */
export const wrapLabel = wrapWords;

// --- a flow diagram: directorates round a circle, arrows between them ------------------------

/**
 * An inline SVG of money moving between directorates. `nodes`: [{id, name, note, tone}]
 * (tone "up", "down" or ""); `edges`: [{source, target, amount, label, muted}];
 * a muted edge (a void transfer) is drawn dashed and grey with its label struck through.
 * Arrow widths follow the amounts. Returns the <svg> (role img, with `label` as its name).
 */
export function flowDiagram({ nodes, edges, idPrefix, label }) {
  const r = 28;
  const fix = (v) => v.toFixed(1);
  const at = ringPositions(nodes.map((d) => d.id), 300, 215);
  const biggest = Math.max(1, ...edges.map((e) => e.amount));
  const seen = new Map();
  const markers = ["live", "muted"].map((kind) => svg("marker", {
    id: `${idPrefix}-head-${kind}`, viewBox: "0 0 10 10", refX: "7", refY: "5",
    markerWidth: "4", markerHeight: "4", orient: "auto-start-reverse",
  }, svg("path", { d: "M 0 0 L 10 5 L 0 10 z", class: `flow-head flow-head-${kind}` })));

  const arrows = [];
  const labels = [];
  for (const e of edges) {
    const p = at.get(e.source);
    const q = at.get(e.target);
    if (!p || !q) continue;
    const pairKey = [e.source, e.target].sort().join("|");
    const nth = seen.get(pairKey) || 0;
    seen.set(pairKey, nth + 1);
    const dx = q.x - p.x;
    const dy = q.y - p.y;
    const len = Math.hypot(dx, dy) || 1;
    const ux = dx / len;
    const uy = dy / len;
    const width = 2.5 + 9 * (e.amount / biggest);
    const start = { x: p.x + ux * (r + 4), y: p.y + uy * (r + 4) };
    const end = { x: q.x - ux * (r + 4 + width * 2.2), y: q.y - uy * (r + 4 + width * 2.2) };
    // Each arrow bends to its right, a little more for each further arrow between the same two.
    const bend = (0.14 + 0.12 * nth) * len;
    const mid = { x: (start.x + end.x) / 2 - uy * bend, y: (start.y + end.y) / 2 + ux * bend };
    const kind = e.muted ? "muted" : "live";
    arrows.push(svg("path", {
      d: `M ${fix(start.x)} ${fix(start.y)} Q ${fix(mid.x)} ${fix(mid.y)} ${fix(end.x)} ${fix(end.y)}`,
      class: `flow-arrow flow-arrow-${kind}`, "stroke-width": fix(width), "marker-end": `url(#${idPrefix}-head-${kind})`,
    }));
    const lx = 0.25 * start.x + 0.5 * mid.x + 0.25 * end.x;
    const ly = 0.25 * start.y + 0.5 * mid.y + 0.25 * end.y;
    labels.push(svg("text", { x: fix(lx), y: fix(ly + 6), "text-anchor": "middle", class: `flow-amount flow-amount-${kind}` },
      e.muted ? [svg("tspan", { class: "flow-struck" }, e.label), " void"] : e.label));
  }

  const nodeMarks = nodes.map((d) => {
    const p = at.get(d.id);
    const lines = wrapWords(d.name, 16);
    if (d.note) lines.push(d.note);
    const step = 28;
    const { x, y, anchor } = labelPlace(p, r, lines.length, step);
    return svg("g", { class: `flow-node${d.tone ? ` flow-node-${d.tone}` : ""}` },
      svg("circle", { cx: fix(p.x), cy: fix(p.y), r }),
      svg("text", { x: fix(x), y: fix(y), "text-anchor": anchor, class: "flow-label" },
        lines.map((line, i) => svg("tspan", {
          x: fix(x), dy: i ? step : 0, class: d.note && i === lines.length - 1 ? "flow-note" : null,
        }, line))));
  });

  return svg("svg", { class: "flow-map", viewBox: "-600 -320 1200 640", role: "img", "aria-label": label },
    svg("defs", {}, markers), arrows, nodeMarks, labels);
}

// --- the reflection results, shared by the trainer's, the projector's and the participants' pages ----

/** "Shared aims: we agreed…" -> "Shared aims". */
export function featureName(label) {
  return String(label || "").split(":")[0];
}

/** The reflection's scale in words. */
export const SCORE_WORDS = { 1: "1 (poor)", 2: "2", 3: "3", 4: "4", 5: "5 (excellent)" };

/**
 * The participants' ratings together: how many have answered, and once enough
 * have, a stacked bar per feature (how many gave each score), a table with each
 * feature's average and spread, and the comments. Takes {headingLevel, big};
 * returns {node, update(reflection)}.
 */
export function reflectionResults({ headingLevel = 3, big = false } = {}) {
  const status = h("p", { class: "reflection-status" });
  const panel = chartPanel({ title: "Reflection scores for each feature", table: "visible", size: "tall" });
  const commentsTitle = h(`h${headingLevel}`, {}, "Comments");
  const comments = h("div", { class: "comments" });
  const node = h("div", { class: "reflection-results" }, status, panel.node, commentsTitle, comments);
  let last = "";

  return {
    node,
    update(reflection, { opensLater = false } = {}) {
      const r = reflection || { count: 0, enough: 3, shown: false, features: [], comments: [] };
      const signature = JSON.stringify([r.count, r.enough, r.shown, r.waiting, r.features, r.comments, opensLater]);
      if (signature === last) return;
      last = signature;
      const needed = Math.max(0, r.enough - r.count);
      if (!r.shown && !r.count && opensLater) {
        status.textContent = `The reflection opens at the debrief: each participant answers on their own device, and the results show once ${r.enough} have.`;
      } else if (!r.shown) {
        status.textContent = r.count
          ? `${plural(r.count, "person has", "people have")} answered so far. The results show once ${r.enough} have: ${plural(needed, "more answer")} needed.`
          : `Nobody has answered yet. The results show once ${r.enough} people have answered, so that no one's answer can be picked out.`;
      } else {
        // The totals move on only in batches, so a single new or changed answer never shows up on its own.
        const batch = r.waiting
          ? ` The results are updated once ${plural(r.enough - r.waiting, "more person has", "more people have")} answered or changed their answers.`
          : "";
        status.textContent = `${plural(r.count, "person has", "people have")} answered. Scores run from 1 (poor) to 5 (excellent); no one's answer is shown as theirs.${batch}`;
      }
      panel.node.hidden = !r.shown;
      commentsTitle.hidden = !r.shown;
      comments.hidden = !r.shown;
      if (!r.shown) {
        panel.update({ config: null, label: "", description: "" });
        comments.replaceChildren();
        return;
      }
      const features = r.features;
      const names = features.map((f) => featureName(f.label));
      const config = barConfig({
        labels: names.map((name, i) => wrapLabel(`${name} (average ${features[i].average ?? "none"})`, big ? 24 : 22)),
        series: [1, 2, 3, 4, 5].map((score) => ({
          label: SCORE_WORDS[score], colour: SCORE_COLOURS[score - 1], values: features.map((f) => f.counts?.[score - 1] || 0),
        })),
        horizontal: true, stacked: true, valueTitle: "Number of people giving each score", step: 1,
      });
      const best = [...features].filter((f) => f.average !== null).sort((a, b) => b.average - a.average);
      const words = best.length
        ? `Highest average: ${featureName(best[0].label)} (${best[0].average}). Lowest: ${featureName(best[best.length - 1].label)} (${best[best.length - 1].average}).`
        : "";
      panel.update({
        config,
        label: `Stacked bar chart: how many people gave each score from 1 to 5, for each of ${plural(features.length, "feature")} of partnership working`,
        description: words,
        table: () => dataTable({
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
        }),
      });
      comments.replaceChildren(r.comments.length
        ? h("ul", { class: "comment-list" }, r.comments.map((c) => h("li", {}, c)))
        : h("p", { class: "subtle" }, "Nobody left a comment."));
    },
  };
}

/** The dividend as it is shown everywhere: two decimal places, "101.09". */
export function dividendText(value) {
  return (Number(value) || 0).toFixed(2);
}

/** How far the dividend has moved since the start, in words: "up 1.09 since the start". */
export function dividendChange(value) {
  const by = Math.round((Number(value) - 100) * 100) / 100;
  if (by === 0) return "the same as at the start";
  return `${by > 0 ? "up" : "down"} ${Math.abs(by).toFixed(2)} since the start`;
}
