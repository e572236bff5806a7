// The organiser's simulator (nplc scenario preview, /simulate): plays a plan with the server's simulator and
// draws each round's dividend, ledger, exported costs and indicators beside the board that did nothing.

import { chartPanel, COLOURS, dataTable, dividendText, monthsLineConfig, setupCharts, shortPounds } from "./charts.js";
import { send } from "./api.js";
import { h } from "./dom.js";
import { numberText } from "./format.js";

const PLAN = { colour: COLOURS.blue, label: "With the plan" };
const NOTHING = { colour: COLOURS.grey, label: "Had the board done nothing", dashed: true };

function points(start, rounds, pick) {
  return [start, ...rounds].map((r) => ({ x: r.months, y: pick(r) }));
}

/** One chart of a figure round by round: the plan's line and the line had the board done nothing. */
function figureChart({ title, result, pick, nothingPick = pick, format = numberText, yTitle = "", size = "small" }) {
  const all = [result.start, ...result.rounds];
  const names = Object.fromEntries(all.map((r) => [r.months, r.label]));
  const panel = chartPanel({ title, size, caption: title, table: "toggle" });
  const planned = points(result.start, result.rounds, pick);
  const idle = points(result.start, result.nothing, nothingPick);
  const last = all.length - 1;
  panel.update({
    config: monthsLineConfig({
      series: [{ ...PLAN, points: planned }, { ...NOTHING, points: idle }],
      names, yTitle, yFormat: format, small: size === "small",
    }),
    label: `${title}: line chart, round by round`,
    description: `${all[last].label}: ${format(planned[last].y)} with the plan, ${format(idle[last].y)} had the board done nothing.`,
    table: () => dataTable({
      caption: title,
      columns: ["Round", PLAN.label, NOTHING.label],
      rows: all.map((r, i) => ({ cells: [r.label, format(planned[i].y), format(idle[i].y)] })),
      numeric: [1, 2],
    }),
  });
  return panel.node;
}

function section(title, charts) {
  return h("section", { class: "simulation-part" }, h("h2", {}, title), h("div", { class: "chart-grid" }, charts));
}

function warnings(result) {
  const found = result.rounds.flatMap((r, i) => (r.warnings || []).map((w) => `Round ${i + 1}: ${w}`));
  if (!found.length) return null;
  return h("div", { class: "notice warnings", role: "note" }, h("h2", {}, "Warnings"),
    h("ul", {}, found.map((w) => h("li", {}, w))));
}

/** Takes the server's answer; returns the charts of the dividend, the ledger, the exported costs and the indicators. */
export function resultsView(result) {
  const ids = Object.keys(result.rounds[0].ledger);
  const links = Object.keys(result.rounds[0].exported);
  const indicators = Object.keys(result.rounds[0].indicators);
  const name = (id) => result.names[id] || id;
  return [
    warnings(result),
    section("Dividend", [figureChart({
      title: "Dividend", result, size: "normal", format: (v) => dividendText(v),
      pick: (r) => r.dividend, nothingPick: (r) => r.had_nothing_been_done, yTitle: "Dividend",
    })]),
    h("section", { class: "simulation-part" }, h("h2", {}, "Why the dividend moved"),
      result.rounds.map((r) => h("div", {}, h("h3", {}, r.label), h("ul", {}, r.explanation.map((e) => h("li", {}, e)))))),
    section("Ledger", ids.map((id) => figureChart({
      title: `Ledger: ${name(id)}`, result, format: shortPounds, pick: (r) => r.ledger[id],
    }))),
    section("Exported costs a year", links.map((link) => figureChart({
      title: `Exported cost: ${link.split(">").map(name).join(" → ")}`, result, format: shortPounds,
      pick: (r) => r.exported[link] ?? 0,
    }))),
    section("Indicators", indicators.map((id) => {
      const about = result.indicators[id] || { name: id, unit: "" };
      return figureChart({
        title: `${about.name} (${about.unit}, ${about.better} is better)`, result, pick: (r) => r.indicators[id],
      });
    })),
  ].filter(Boolean);
}

async function play(text) {
  const response = await send("/simulate", {
    method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ plan: text }),
  });
  const body = await response.json().catch(() => ({ detail: "The preview did not answer; is it still running?" }));
  return { ok: response.ok, body };
}

function start() {
  const form = document.querySelector("#plan-form");
  if (!form) return;
  setupCharts();
  const text = document.querySelector("#plan-text");
  const message = document.querySelector("#plan-message");
  const results = document.querySelector("#results");
  document.querySelector("#plan-file")?.addEventListener("change", async (event) => {
    if (!event.target.value) return;
    const answer = await send(`/plans/${event.target.value.split("/").map(encodeURIComponent).join("/")}`);
    if (answer.ok) text.value = await answer.text();
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    message.classList.remove("success");
    message.textContent = "Playing the plan…";
    const answer = await play(text.value);
    if (!answer.ok) {
      message.textContent = answer.body.detail || "The plan could not be played.";
      return;
    }
    message.classList.add("success");
    message.textContent = `Played ${answer.body.rounds.length} round(s): ${answer.body.rounds.at(-1).label}, dividend ${dividendText(answer.body.rounds.at(-1).dividend)}.`;
    results.replaceChildren(...resultsView(answer.body));
  });
}

start();
