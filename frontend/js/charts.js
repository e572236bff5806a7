// Charts for the debrief pages. Chart.js 4 is loaded as a classic script
// (/static/vendor/chart-4.6.1.umd.min.js, which defines window.Chart) before
// these modules. Every chart comes with a text alternative: a sentence that
// is both shown and used as the canvas's description, and a table with the
// same numbers. If Chart.js failed to load, the table is shown instead.

import { h, hiddenText } from "./dom.js";
import { numberText } from "./format.js";
import { draw } from "./render.js";
import { wrapWords } from "./ring.js";

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
 * `size` ("normal", "tall", "small"), `caption` for a visible figcaption, and
 * `id` for the figure (a chart kept in a part drawn by render.js goes in as an island, which needs one).
 * Returns {node, update(spec)}; spec is {config, label, description, table, height},
 * where `config` is a Chart.js config (null: no chart to draw), `label` the
 * canvas's accessible name, `description` a sentence shown under it (and the
 * canvas's description), `table()` builds the <table> with the same numbers,
 * and `height` (optional CSS length) sizes the chart to its rows.
 */
export function chartPanel({ title, table = "toggle", size = "normal", extraClass = "", caption = null, id = null }) {
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
  const node = h("figure", { class: `chart ${extraClass}`.trim(), id },
    caption ? h("figcaption", { class: "chart-caption" }, caption) : null, box, description, numbers);
  let chart = null;
  let drawn = "";
  let tabled = "";

  function drawChart(config) {
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
        drawChart(config);
      }
      if (buildTable && signature !== tabled) {
        tabled = signature;
        draw(holder, buildTable()); // a morph: the table's scroll box keeps its place and focus
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
