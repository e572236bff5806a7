// /trainer/{code}/debrief (with the trainer's controls) and /projector/{code}/debrief
// (large type, no controls): what happened at the board, in charts and words, so a
// trainer can lead the conversation from it. Everything is drawn from the view.

import { codeFromPath, getJSON, postJSON, send, sessionPath } from "./api.js";
import {
  COLOURS, barConfig, chartPanel, dataTable, dividendChange, dividendText, flowDiagram, monthsLineConfig,
  reflectionResults, setupCharts, shortPounds, wrapLabel,
} from "./charts.js";
import { keepClearOf } from "./banner-room.js";
import { clockDisplay } from "./clock.js";
import { Connection, commandSender, statusIndicator } from "./connection.js";
import { announce, elements, h, region, setText, show } from "./dom.js";
import { debriefStage, projectorAddress } from "./projector-stages.js";
import {
  CHOICE_LABELS, KIND_LABELS, STATUS_LABELS, TERM_LABELS, VOICE_LABELS, VOICE_NAMES, listWords, numberText, plural,
  pounds, timeOfDay,
} from "./format.js";
import {
  announcementContent, describeEvents, directorateName, exportedCostLabel, ledgerTable, motionLabel, tableBox,
  targetWords, tenPercentMap, transferWords, withUnit,
} from "./meeting.js";

const PROJECTOR = location.pathname.startsWith("/projector/");
// A projector link carries its own read-only key, so the big screen needs nobody signed in.
const projectorKey = PROJECTOR ? new URLSearchParams(location.search).get("key") || "" : "";
const code = codeFromPath(PROJECTOR ? "/projector" : "/trainer");

const SELECTORS = {
  brandLink: "#brand-link",
  connection: "#connection",
  loading: "#loading",
  problem: "#problem",
  problemTitle: "#problem-title",
  problemMessage: "#problem-message",
  problemLink: "#problem-link",
  content: "#content",
  title: "#title",
  meeting: "#meeting",
  phase: "#phase",
  countdown: "#countdown",
  trainerLinks: "#trainer-links",
  consoleLink: "#console-link",
  projectorLink: "#projector-link",
  announcement: "#announcement",
  errors: "#errors",
  updates: "#updates",
  contents: "#contents",
  recordNav: "#record-nav",
  dividendNow: "#dividend-now",
  dividendWhy: "#dividend-why",
  dividendChart: "#dividend-chart",
  advance: "#advance",
  advanceQuarter: "#advance-quarter",
  advanceYear: "#advance-year",
  advanceHint: "#advance-hint",
  transfers: "#transfers",
  budgetChart: "#budget-chart",
  costsWhen: "#costs-when",
  costsChart: "#costs-chart",
  causes: "#causes",
  indicatorsWhen: "#indicators-when",
  indicatorCharts: "#indicator-charts",
  indicatorRounds: "#indicator-rounds",
  indicatorRoundsTable: "#indicator-rounds-table",
  indicatorTable: "#indicator-table",
  motions: "#motions",
  voicesSummary: "#voices-summary",
  voiceCharts: "#voice-charts",
  voiceChart: "#voice-chart",
  peopleChart: "#people-chart",
  ten: "#ten",
  reflection: "#reflection",
  recordSection: "#record-section",
  minutesLink: "#minutes-link",
  jsonLink: "#json-link",
  zipLink: "#zip-link",
  fullJsonLink: "#full-json-link",
  followUp: "#follow-up",
  followUpMessage: "#follow-up-message",
  deleteButton: "#delete",
  deleteConfirm: "#delete-confirm",
  deleteQuestion: "#delete-question",
  deleteCode: "#delete-code",
  deleteYes: "#delete-yes",
  deleteNo: "#delete-no",
  deleteMessage: "#delete-message",
};

const els = elements(SELECTORS);
setupCharts({ big: PROJECTOR });

const ADVANCE_PHASES = ["board", "debrief"];
// On the projector one part shows at a time, the one the trainer put on the big screen.
const STAGE_SECTIONS = {
  debrief: "dividend-section", "debrief-flows": "flows-section", "debrief-costs": "costs-section",
  "debrief-indicators": "indicators-section", "debrief-motions": "motions-section", "debrief-voices": "voices-section",
  "debrief-ten": "ten-section", "debrief-reflection": "reflection-section",
};
const VOICE_ORDER = ["resident", "director", "assistant", "chair", "other"];
const VOICE_COLOURS = { resident: COLOURS.orange, director: COLOURS.blue, assistant: COLOURS.teal, chair: COLOURS.purple, other: COLOURS.grey };

let connection = null;
let latest = null;

// --- the page's parts ----------------------------------------------------------------------

const panels = {
  dividend: chartPanel({ title: "The residents' dividend by round" }),
  budgets: chartPanel({ title: "Starting budget and budget now, per directorate", size: "tall" }),
  costs: chartPanel({ title: "Exported and imported costs a year, per directorate", size: "tall" }),
  voices: chartPanel({ title: "Contributions by residents and by professionals" }),
  people: chartPanel({ title: "Contributions per person" }),
};
els.dividendChart.append(panels.dividend.node);
els.budgetChart.append(panels.budgets.node);
els.costsChart.append(panels.costs.node);
els.voiceChart.append(panels.voices.node);
els.peopleChart.append(panels.people.node);
const reflection = reflectionResults({ headingLevel: 3, big: PROJECTOR });
els.reflection.append(reflection.node);
const indicators = indicatorMultiples(els.indicatorCharts);

const regions = {
  announcement: region(els.announcement),
  dividendNow: region(els.dividendNow),
  dividendWhy: region(els.dividendWhy),
  transfers: region(els.transfers),
  causes: region(els.causes),
  indicatorTable: region(els.indicatorTable),
  indicatorRounds: region(els.indicatorRoundsTable),
  motions: region(els.motions),
  ten: region(els.ten),
};

const clock = clockDisplay({ phase: els.phase, countdown: els.countdown });
const act = commandSender(() => connection, { errors: els.errors, updates: els.updates });
keepClearOf(els.errors);

// --- small helpers -------------------------------------------------------------------------

const rounds = (view) => view.consequences?.rounds || [];
const lastRound = (view) => rounds(view).at(-1) || null;

/** "+£520,000", "-£520,000" or "" for no change. */
function signedPounds(by) {
  if (!by) return "";
  return `${by > 0 ? "+" : "-"}${pounds(Math.abs(by))}`;
}

/** Progress towards a target in words, for tables and descriptions. */
function progressWords(progress) {
  if (progress === null || progress === undefined) return "No target";
  if (progress >= 100) return `${progress}%: target reached`;
  if (progress < 0) return `${progress}%: moving away from the target`;
  return `${progress}% of the way`;
}

function noRoundsYet() {
  return PROJECTOR
    ? "Time has not moved on yet. The trainer moves the neighbourhood on by a quarter or a year to show what the board's budget does."
    : "Time has not moved on yet. Press “Advance a quarter” or “Advance a year” to run the consequences model on the ledger as it stands.";
}

// --- the dividend ----------------------------------------------------------------------------

/** Why the dividend moved in the latest round, in the model's own words, and what doing nothing would have given. */
function whyPart(last) {
  const lines = last.explanation || [];
  const nothing = last.had_nothing_been_done;
  return [
    nothing === null || nothing === undefined ? null : h("p", { class: "counterfactual" },
      "Had the board done nothing: ", h("strong", {}, dividendText(nothing)),
      ` (the board's decisions made ${(last.dividend - nothing >= 0 ? "+" : "-")}${Math.abs(last.dividend - nothing).toFixed(2)} of difference).`),
    lines.length ? h("div", {},
      h("h3", { class: "why-title" }, `Why it moved in the last round (${last.label.toLowerCase()})`),
      h("ul", { class: "why-list" }, lines.map((line) => h("li", {}, line)))) : null,
  ];
}

function renderDividend(view) {
  const list = rounds(view);
  const last = list.at(-1);
  regions.dividendNow.render({ last }, () => (last
    ? [`Residents' dividend ${last.label.toLowerCase()}: `,
      h("strong", { class: "dividend-figure" }, dividendText(last.dividend)),
      h("span", { class: "dividend-change" }, ` (${dividendChange(last.dividend)})`)]
    : [h("span", {}, "The dividend starts at ", h("strong", { class: "dividend-figure" }, "100.00"), ". "),
      h("span", { class: "subtle" }, noRoundsYet())]));
  regions.dividendWhy.render({ last }, () => (last ? whyPart(last) : null));
  const start = view.consequences?.start ?? 100;
  const points = [{ x: 0, y: start }, ...list.map((r) => ({ x: r.months, y: r.dividend }))];
  const nothing = list.filter((r) => r.had_nothing_been_done !== null && r.had_nothing_been_done !== undefined);
  const names = Object.fromEntries([[0, "At the start"], ...list.map((r) => [r.months, r.label])]);
  const config = list.length ? monthsLineConfig({
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
  }) : null;
  panels.dividend.update({
    config,
    label: "Line chart: the residents' dividend after each round, starting from 100",
    description: list.length
      ? `The dividend went from 100.00 at the start to ${dividendText(last.dividend)} ${last.label.toLowerCase()}, over ${plural(list.length, "round")}.`
      : "",
    table: list.length ? () => dataTable({
      caption: "The residents' dividend by round",
      columns: ["Round", "Months from the start", "Dividend", "Change since the round before", "Had the board done nothing"],
      numeric: [1, 2, 3, 4],
      rows: [{ cells: ["At the start", "0", dividendText(start), "", dividendText(start)] }, ...list.map((r, i) => {
        const before = i ? list[i - 1].dividend : start;
        const by = r.dividend - before;
        const nothingThen = r.had_nothing_been_done === null || r.had_nothing_been_done === undefined ? "" : dividendText(r.had_nothing_been_done);
        return { cells: [r.label, String(r.months), dividendText(r.dividend), `${by >= 0 ? "+" : "-"}${Math.abs(by).toFixed(2)}`, nothingThen] };
      })],
    }) : null,
  });

  if (!PROJECTOR) {
    const can = ADVANCE_PHASES.includes(view.session.phase);
    for (const button of [els.advanceQuarter, els.advanceYear]) {
      if (button.getAttribute("aria-busy") !== "true") button.disabled = !can;
    }
    setText(els.advanceHint, can
      ? "The consequences model runs on the ledger as it stands now, as if today's budgets held for the whole quarter or year. Earlier rounds stay as they were."
      : "Time can move on only during the board meeting or the debrief.");
  }
}

async function advance(button) {
  button.setAttribute("aria-busy", "true");
  button.disabled = true;
  try {
    await act({ type: "advance-time", period: button.dataset.period });
  } catch { /* act() has shown why */ }
  button.removeAttribute("aria-busy");
  button.disabled = !ADVANCE_PHASES.includes(latest?.session.phase);
}

// --- budget flows ------------------------------------------------------------------------------

function transferMotions(view) {
  return view.motions.filter((m) => m.kind === "transfer" && m.transfer && (m.status === "carried" || m.status === "void"))
    .sort((a, b) => (a.at || 0) - (b.at || 0));
}

function transfersPart(view) {
  const moved = transferMotions(view);
  if (!moved.length) {
    return h("p", {}, "The board has carried no budget transfers, so every directorate still holds its starting budget.");
  }
  const edges = new Map();
  for (const m of moved) {
    const muted = m.status === "void";
    const key = `${m.transfer.source}>${m.transfer.target}>${muted}`;
    const edge = edges.get(key) || { source: m.transfer.source, target: m.transfer.target, amount: 0, muted };
    edge.amount += m.transfer.amount;
    edges.set(key, edge);
  }
  const shown = [...edges.values()].map((e) => ({ ...e, label: pounds(e.amount) }));
  const nodes = view.directorates.map((d) => {
    const by = d.balance - d.budget;
    return { id: d.id, name: d.name, note: signedPounds(by), tone: by > 0 ? "up" : by < 0 ? "down" : "" };
  });
  const live = moved.filter((m) => m.status === "carried");
  const summary = live.length
    ? `Budget transfers carried: ${live.map((m) => transferWords(view, m.transfer)).join("; ")}.`
    : "No transfer still stands.";
  const voids = moved.length - live.length;
  return [
    h("figure", { class: "flow-figure" },
      flowDiagram({
        nodes, edges: shown, idPrefix: "flows",
        label: `Diagram of budget transfers between directorates, arrows sized by amount. ${summary}${voids ? ` ${plural(voids, "void transfer")} shown dashed.` : ""}`,
      }),
      h("figcaption", { class: "subtle" },
        "Each arrow runs from the directorate that gave money to the one that received it, thicker for more money. Under each name: its change since the starting budget. A dashed grey arrow with its amount struck through is a transfer the trainer voided; its money went back.")),
    h("ol", { class: "transfer-list" }, moved.map((m) => {
      const words = `${transferWords(view, m.transfer)}`;
      const about = m.transfer.addresses ? ` It addresses the exported cost ${exportedCostLabel(view, m.transfer.addresses)}.` : "";
      if (m.status === "void") {
        return h("li", { class: "transfer-void" },
          h("strong", {}, `${motionLabel(view, m.id)}, void: `), h("s", {}, words), ".",
          h("span", { class: "block subtle" }, `The trainer corrected this decision and the money went back.${m.note ? ` ${m.note}` : ""}`));
      }
      return h("li", {}, h("strong", {}, `${motionLabel(view, m.id)}, carried: `), `${words}.`, about,
        m.transfer.reason ? h("span", { class: "block subtle" }, `Reason: ${m.transfer.reason}`) : null);
    })),
  ];
}

function renderBudgets(view) {
  const ds = view.directorates;
  const changed = ds.filter((d) => d.balance !== d.budget);
  const description = changed.length
    ? `${changed.map((d) => `${d.name} ${d.balance > d.budget ? "up" : "down"} ${pounds(Math.abs(d.balance - d.budget))}`).join("; ")}. The total, ${pounds(view.ledger_total)}, never changes.`
    : `Every directorate still holds its starting budget. The total is ${pounds(view.ledger_total)}.`;
  panels.budgets.update({
    config: barConfig({
      labels: ds.map((d) => wrapLabel(d.name, 20)),
      series: [
        { label: "Starting budget", values: ds.map((d) => d.budget), colour: COLOURS.light },
        { label: "Budget now", values: ds.map((d) => d.balance), colour: COLOURS.blue },
      ],
      horizontal: true, valueTitle: "Pounds a year", format: shortPounds,
    }),
    label: "Bar chart: each directorate's starting budget beside its budget now",
    description,
    table: () => ledgerTable(view, { caption: "Budget per directorate, starting and now" }),
  });
}

// --- exported and imported costs -----------------------------------------------------------

/** Each directorate's exports, imports and causes: from the latest round, or the pack's figures before any. */
function costRows(view) {
  const last = lastRound(view);
  if (last) return { rows: last.directorates, when: last.label };
  const rows = view.directorates.map((d) => {
    const out = view.exported_costs.filter((x) => x.source === d.id);
    const inn = view.exported_costs.filter((x) => x.target === d.id);
    const imported = inn.reduce((sum, x) => sum + x.annual_cost, 0);
    return {
      id: d.id, name: d.name, balance: d.budget, exported: out.reduce((sum, x) => sum + x.annual_cost, 0), imported,
      effective: d.budget - imported,
      causes: inn.map((x) => ({
        source: x.source, amount: x.annual_cost,
        text: `${d.name}: ${pounds(x.annual_cost)} a year of extra demand exported by the shortfall in ${directorateName(view, x.source)} (${String(x.because || "").replace(/\.$/, "")}).`,
      })),
    };
  });
  return { rows, when: null };
}

function renderCosts(view) {
  const { rows, when } = costRows(view);
  setText(els.costsWhen, when
    ? `${when}, with the budgets as they stood when time last moved on. Pounds a year.`
    : `At the starting budgets, from the scenario pack: time has not moved on yet, so no transfer shows here. ${PROJECTOR ? "" : "Advance a quarter or a year to see what the board's budget does."} Pounds a year.`.replace("  ", " "));
  const topOut = [...rows].sort((a, b) => b.exported - a.exported)[0];
  const topIn = [...rows].sort((a, b) => b.imported - a.imported)[0];
  const totalOut = rows.reduce((sum, r) => sum + r.exported, 0);
  panels.costs.update({
    config: barConfig({
      labels: rows.map((r) => wrapLabel(r.name, 20)),
      series: [
        { label: "Exported onto others", values: rows.map((r) => r.exported), colour: COLOURS.orange },
        { label: "Imported from others", values: rows.map((r) => r.imported), colour: COLOURS.blue },
      ],
      horizontal: true, valueTitle: "Pounds a year", format: shortPounds,
    }),
    label: "Bar chart: the costs each directorate exports onto others and imports from them, a year",
    description: totalOut
      ? `${pounds(totalOut)} a year of cost crosses between directorates. ${topOut.name} exports the most (${pounds(topOut.exported)}); ${topIn.name} imports the most (${pounds(topIn.imported)}).`
      : "No directorate exports any cost onto another now.",
    table: () => tableBox("Exported and imported costs", dataTable({
      caption: `Exported and imported costs a year${when ? `, ${when.toLowerCase()}` : ", at the starting budgets"}`,
      columns: ["Directorate", "Exports onto others", "Imports from others", "Effective spending", "Budget"],
      numeric: [1, 2, 3, 4],
      rows: rows.map((r) => ({ cells: [r.name, pounds(r.exported), pounds(r.imported), pounds(r.effective), pounds(r.balance)] })),
    })),
  });
  regions.causes.render({ rows: rows.map((r) => [r.id, r.imported, r.causes]) }, () => causesPart(rows));
}

function causesPart(rows) {
  const importing = rows.filter((r) => r.causes.length).sort((a, b) => b.imported - a.imported);
  const none = rows.filter((r) => !r.causes.length);
  return [
    importing.length ? h("div", { class: "causes" }, importing.map((r) => h("div", { class: "cause-group" },
      h("h4", {}, `${r.name}: imports ${pounds(r.imported)} a year`),
      h("ul", { class: "cause-list" }, r.causes.map((c) => h("li", {}, c.text)))))) : h("p", {}, "No directorate imports any cost now."),
    none.length ? h("p", { class: "subtle" }, `Importing nothing: ${listWords(none.map((r) => r.name))}.`) : null,
  ];
}

// --- indicators ---------------------------------------------------------------------------------

const ON_SCREEN = 6;

/** The indicators that moved furthest from their baselines, in the pack's order: the ones a room can read at once. */
function mostMoved(rows) {
  const moved = (r) => Math.abs(r.value - r.baseline) / Math.max(Math.abs(r.baseline), 1);
  const chosen = new Set([...rows].sort((a, b) => moved(b) - moved(a)).slice(0, ON_SCREEN));
  return rows.filter((r) => chosen.has(r));
}

/** One small line chart per indicator, grouped by the directorate that owns it, each with its target dashed. */
function indicatorMultiples(container) {
  const panelsById = new Map();
  let built = "";
  const key = h("p", { class: "line-key", "aria-hidden": "true" },
    h("span", { class: "key-solid" }), " The indicator, round by round ",
    h("span", { class: "key-dashed" }), " The target");

  function build(view, rows) {
    panelsById.clear();
    const owners = [...view.directorates.map((d) => d.id), null];
    const groups = owners.map((owner) => ({ owner, rows: rows.filter((r) => (r.owner || null) === owner) }))
      .filter((g) => g.rows.length);
    const note = PROJECTOR && rows.length < view.indicators.length
      ? h("p", { class: "indicator-note subtle" }, `The ${rows.length} indicators that moved furthest, of ${view.indicators.length}.`) : null;
    container.replaceChildren(...[note, key].filter(Boolean), ...groups.map((g) => h("div", { class: "multiples-group" },
      h("h3", {}, g.owner ? directorateName(view, g.owner) : "Owned by no directorate (these follow the dividend)"),
      h("div", { class: "multiples" }, g.rows.map((r) => {
        const panel = chartPanel({
          title: r.name, table: "none", size: "small", extraClass: "multiple",
          caption: [h("span", { class: "multiple-name" }, r.name),
            h("span", { class: "block subtle" }, `${r.unit}${r.better ? `; ${r.better} is better` : ""}`)],
        });
        panelsById.set(r.id, panel);
        return panel.node;
      })))));
  }

  return {
    update(view) {
      const list = rounds(view);
      const last = list.at(-1);
      if (!last) {
        container.replaceChildren();
        built = "";
        panelsById.clear();
        return;
      }
      const rows = PROJECTOR ? mostMoved(last.indicators) : last.indicators;
      const shape = JSON.stringify(rows.map((r) => [r.id, r.owner, r.name, r.unit]));
      if (shape !== built) {
        build(view, rows);
        built = shape;
      }
      const names = Object.fromEntries([[0, "At the start"], ...list.map((r) => [r.months, r.label])]);
      const maxX = Math.max(3, last.months);
      for (const r of rows) {
        const points = [{ x: 0, y: r.baseline }, ...list.map((round) => ({
          x: round.months, y: round.indicators.find((i) => i.id === r.id)?.value ?? r.baseline,
        }))];
        const series = [{ label: r.name, points, colour: COLOURS.blue }];
        if (typeof r.target === "number") {
          series.push({ label: "Target", points: [{ x: 0, y: r.target }, { x: maxX, y: r.target }], colour: COLOURS.orange, dashed: true });
        }
        const target = typeof r.target === "number"
          ? ` Target ${withUnit(r.target, r.unit)}: ${progressWords(r.progress).toLowerCase()}.` : " No target set.";
        panelsById.get(r.id)?.update({
          config: monthsLineConfig({ series, names, legend: false, small: true, yFormat: (v) => numberText(v) }),
          label: `Line chart: ${r.name}`,
          description: `${withUnit(r.baseline, r.unit)} at the start; ${withUnit(r.value, r.unit)} ${last.label.toLowerCase()}.${target}`,
        });
      }
    },
  };
}

const indicatorName = (r) => h("span", {}, r.name, h("span", { class: "block subtle" }, `${r.unit}${r.better ? `; ${r.better} is better` : ""}`));

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
        indicatorName(r),
        r.owner ? directorateName(view, r.owner) : "None",
        numberText(r.baseline),
        numberText(r.value),
        typeof r.target === "number" ? numberText(r.target) : "None",
        progressWords(r.progress),
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

function renderIndicators(view) {
  const last = lastRound(view);
  setText(els.indicatorsWhen, last
    ? `Each small chart shows one indicator from the start to ${last.label.toLowerCase()}, with its target as a dashed line: the board's target where it carried one, otherwise the owner's target from the pack. Progress is how far the indicator has moved from its baseline towards its target.`
    : `${noRoundsYet()} Until then every indicator is at its baseline; the owners' targets from the pack show once it has.`);
  indicators.update(view);
  show(els.indicatorRounds, !!last);
  if (last) regions.indicatorRounds.render({ r: rounds(view) }, () => indicatorRoundsTable(view));
  regions.indicatorTable.render({ r: rounds(view).length, last: last?.indicators, i: view.indicators, m: last ? null : view.motions.map((m) => [m.status, m.target]) },
    () => indicatorTable(view));
}

// --- motions and votes --------------------------------------------------------------------------

function talliedWords(m) {
  const t = m.tally;
  if (!t || m.status === "proposed" || m.status === "withdrawn" || (m.status === "out_of_order" && !m.voted)) return "";
  return `${t.for} for, ${t.against} against, ${plural(t.abstain, "abstention")}`;
}

function ballotWords(view, m) {
  if (m.secret) return "Secret ballot: how each directorate voted is not shown.";
  const entries = Object.entries(m.ballots || {});
  if (!entries.length) return "Named ballot.";
  return `Named ballot. ${entries.map(([d, choice]) => `${directorateName(view, d)}: ${(CHOICE_LABELS[choice] || choice).toLowerCase()}`).join("; ")}.`;
}

function motionsPart(view) {
  const list = [...view.motions].sort((a, b) => (a.at || 0) - (b.at || 0));
  if (!list.length) return h("p", {}, "No motions have been put to the board.");
  const carried = list.filter((m) => m.status === "carried").length;
  return [
    h("p", {}, `${plural(list.length, "motion")} put; ${carried} carried.`),
    h("ol", { class: "motion-timeline" }, list.map((m) => {
      const kind = [KIND_LABELS[m.kind] || KIND_LABELS.free, m.kind === "objective" && m.term ? TERM_LABELS[m.term] : ""].filter(Boolean).join(", ");
      const tally = talliedWords(m);
      const casting = m.casting ? ` Decided on the chair's casting vote (${(CHOICE_LABELS[m.casting] || m.casting).toLowerCase()}).` : "";
      const who = `${m.proposer?.name || "Someone"} (${directorateName(view, m.directorate)})`;
      const seconder = m.seconded_by ? `; seconded by ${m.seconder?.name || "someone"} (${directorateName(view, m.seconded_by)})` : "";
      const voted = ["carried", "lost", "void"].includes(m.status) || (m.status === "voting" && m.voted);
      return h("li", { class: "timeline-item", "data-status": m.status },
        h("p", { class: "timeline-head" },
          m.at ? h("time", { class: "timeline-time" }, timeOfDay(m.at)) : null,
          h("strong", {}, motionLabel(view, m.id)),
          h("span", { class: "subtle" }, kind),
          h("span", { class: `status status-${m.status}` }, STATUS_LABELS[m.status] || m.status)),
        h("p", { class: "timeline-text" }, m.status === "void" ? h("s", {}, m.text) : m.text),
        m.transfer ? h("p", { class: "subtle" }, `${transferWords(view, m.transfer)}.`) : null,
        m.target ? h("p", { class: "subtle" }, `${targetWords(view, m.target)}.`) : null,
        h("p", { class: "subtle" }, `Proposed by ${who}${seconder}.`),
        tally ? h("p", { class: "timeline-tally" }, h("strong", {}, tally), casting) : null,
        voted ? h("p", { class: "subtle" }, ballotWords(view, m)) : null,
        m.note ? h("p", { class: "subtle" }, m.note) : null);
    })),
  ];
}

// --- who spoke ----------------------------------------------------------------------------------

function renderVoices(view) {
  const floor = view.floor || { contributions: [], by_voice: {} };
  const byVoice = floor.by_voice || {};
  const total = Object.values(byVoice).reduce((sum, n) => sum + n, 0);
  const residents = byVoice.resident || 0;
  const professionals = total - residents;
  const share = (n) => (total ? Math.round((100 * n) / total) : 0);
  setText(els.voicesSummary, total
    ? `Residents made ${residents} of the ${plural(total, "contribution")} the chair called (${share(residents)}%); the professionals made ${professionals} (${share(professionals)}%).`
    : "Nobody was called to speak during the board meeting, so there is nothing to count.");
  const voices = VOICE_ORDER.filter((v) => v !== "other" || byVoice.other);
  show(els.voiceCharts, total > 0);
  panels.voices.update({
    config: total ? barConfig({
      labels: voices.map((v) => VOICE_LABELS[v]),
      series: [{ label: "Contributions", values: voices.map((v) => byVoice[v] || 0), colour: voices.map((v) => VOICE_COLOURS[v]) }],
      // Bars across, names down the side: the names of the kinds of voice never crowd each other on a narrow chart.
      horizontal: true, valueTitle: "Times called to speak", legend: false, step: 1,
    }) : null,
    label: "Bar chart: how often residents, directors, executive assistants and the chair were called to speak",
    description: total ? voices.map((v) => `${VOICE_LABELS[v]}: ${byVoice[v] || 0}`).join("; ") : "",
    table: total ? () => dataTable({
      caption: "Contributions by kind of voice",
      columns: ["Voice", "Times called", "Share"], numeric: [1, 2],
      rows: voices.map((v) => ({ cells: [VOICE_LABELS[v], String(byVoice[v] || 0), `${share(byVoice[v] || 0)}%`] })),
      foot: ["Total", String(total), "100%"],
    }) : null,
  });

  const people = floor.contributions || [];
  const present = VOICE_ORDER.filter((v) => people.some((p) => p.voice === v));
  const roleOf = (p) => [VOICE_NAMES[p.voice] || p.voice, p.directorate ? directorateName(view, p.directorate) : ""].filter(Boolean).join(", ");
  panels.people.update({
    config: people.length ? barConfig({
      // Two lines a person at most (their name, then their directorate or voice), so the rows never run into each other.
      labels: people.map((p) => [p.name, p.directorate ? directorateName(view, p.directorate) : VOICE_NAMES[p.voice] || ""]),
      series: present.map((v) => ({
        label: VOICE_LABELS[v], colour: VOICE_COLOURS[v], values: people.map((p) => (p.voice === v ? p.count : null)),
      })),
      horizontal: true, stacked: true, valueTitle: "Times called to speak", step: 1,
    }) : null,
    height: `${Math.max(12, 3.2 * people.length + 6) * (PROJECTOR ? 1.3 : 1)}rem`,
    label: "Bar chart: how often each person was called to speak, coloured by their kind of voice",
    description: people.length
      ? `Most often called: ${people[0].name} (${plural(people[0].count, "time")}). ${plural(people.length, "person", "people")} spoke in all.`
      : "",
    table: people.length ? () => dataTable({
      caption: "Contributions per person, most first",
      columns: ["Person", "Role", "Times called"], numeric: [2],
      rows: people.map((p) => ({ cells: [p.name, roleOf(p), String(p.count)] })),
    }) : null,
  });
}

// --- the extra 10% ------------------------------------------------------------------------------

function tenPart(view) {
  const ten = view.ten_percent || { status: "not_started", answered: [] };
  if (ten.status === "revealed") return tenPercentMap(view, { idPrefix: "debrief-ten" });
  if (ten.status === "open") {
    const held = view.directorates.filter((d) => d.pair_id).length || view.directorates.length;
    return h("p", {}, `The round is still open: ${ten.answered.length} of ${plural(held, "directorate")} ${ten.answered.length === 1 ? "has" : "have"} answered. The map of who depends on whom appears here once the answers are revealed${PROJECTOR ? "" : " (from the console)"}.`);
  }
  return h("p", {}, "The extra 10% question has not been asked at this meeting: if your service got 10% more, on condition that it is spent on another agency's budget to make your job easier, which agency would you pick?");
}

// --- drawing from each view -----------------------------------------------------------------------

/** On the projector: the one part the trainer chose (the dividend until they choose); another stage leaves the debrief. */
function showStage(stage) {
  if (stage && !debriefStage(stage)) {
    location.replace(projectorAddress(code, { debrief: false }));
    return false;
  }
  const shown = STAGE_SECTIONS[stage] || STAGE_SECTIONS.debrief;
  for (const section of document.querySelectorAll(".debrief-card")) show(section, section.id === shown);
  document.body.dataset.stage = stage || "";
  return true;
}

function render(view, info = {}) {
  if (PROJECTOR && !showStage(view.session.stage)) return;
  const before = latest;
  latest = view;
  const { session } = view;
  show(els.loading, false);
  show(els.problem, false);
  show(els.content, true);
  setText(els.title, `Debrief: ${session.title}`);
  document.title = `Debrief – ${session.code} – ${session.title} – Neighbourhood plc`;
  setText(els.meeting, `Meeting ${session.meeting || 1}${session.previous ? `, following session ${session.previous}` : ""}`);
  clock.update(view);
  regions.announcement.render(view.announcement, () => announcementContent(view));
  if (info.kind === "update" || info.kind === "resume") {
    const words = [describeEvents(info.events, view, { limit: 2 })];
    const last = lastRound(view);
    if (before && last && rounds(view).length > rounds(before).length) {
      words.push(`Time moved on: ${last.label.toLowerCase()}, the residents' dividend is ${dividendText(last.dividend)}.`);
    }
    const count = view.reflection?.count || 0;
    if (before && count > (before.reflection?.count || 0)) {
      words.push(`${plural(count, "person has", "people have")} sent a reflection.`);
    }
    const said = words.filter(Boolean).join(" ");
    if (said) announce(els.updates, said);
  }

  renderDividend(view);
  regions.transfers.render({ m: transferMotions(view), d: view.directorates }, () => transfersPart(view));
  renderBudgets(view);
  renderCosts(view);
  renderIndicators(view);
  regions.motions.render({ m: view.motions }, () => motionsPart(view));
  renderVoices(view);
  regions.ten.render({ t: view.ten_percent, d: view.directorates.map((d) => [d.name, d.pair_id]) }, () => tenPart(view));
  reflection.update(view.reflection, { opensLater: !["debrief", "closed"].includes(session.phase) });
}

// --- the trainer's record box ---------------------------------------------------------------------

function wireRecord() {
  const base = sessionPath(code);
  els.minutesLink.href = `/trainer/${encodeURIComponent(code)}/minutes`;
  els.jsonLink.href = `${base}/export.json`;
  els.zipLink.href = `${base}/export.zip`;
  els.fullJsonLink.href = `${base}/export.json?full=1`;
  setText(els.deleteCode, code);

  els.followUp.addEventListener("click", async () => {
    setText(els.followUpMessage, "");
    // Disabled while the request runs: the server would start a second follow-up for a second click.
    els.followUp.setAttribute("aria-busy", "true");
    els.followUp.disabled = true;
    try {
      const made = await postJSON(sessionPath(code, "/follow-up"), {});
      setText(els.followUpMessage, `Follow-up meeting ${made.code} started. Opening its console…`);
      location.assign(`/trainer/${encodeURIComponent(made.code)}`);
    } catch (error) {
      setText(els.followUpMessage, error.message);
      els.followUp.disabled = false;
    } finally {
      els.followUp.removeAttribute("aria-busy");
    }
  });

  const confirming = (open) => {
    show(els.deleteConfirm, open);
    els.deleteButton.setAttribute("aria-expanded", String(open));
  };
  els.deleteButton.addEventListener("click", () => {
    setText(els.deleteMessage, "");
    confirming(true);
    els.deleteQuestion.focus();
  });
  els.deleteNo.addEventListener("click", () => {
    confirming(false);
    els.deleteButton.focus();
  });
  els.deleteYes.addEventListener("click", async () => {
    els.deleteYes.setAttribute("aria-busy", "true");
    els.deleteYes.disabled = true;
    connection?.stop(); // the server closes the room; nothing should try to reconnect to it
    try {
      await deleteSession();
      setText(els.deleteMessage, "Deleted. Going back to your sessions…");
      location.assign("/trainer");
    } catch (error) {
      setText(els.deleteMessage, error.message);
      els.deleteYes.disabled = false;
      connection?.start();
    } finally {
      els.deleteYes.removeAttribute("aria-busy");
    }
  });
}

/** DELETE /api/sessions/{code}; resolves on 204, otherwise throws with the server's sentence. */
async function deleteSession() {
  let response;
  try {
    response = await send(sessionPath(code), { method: "DELETE", headers: { Accept: "application/json" } });
  } catch {
    throw new Error("We could not reach the server. Check your connection and try again.");
  }
  if (response.ok) return;
  const body = await response.json().catch(() => null);
  throw new Error(typeof body?.detail === "string" ? body.detail
    : `The session could not be deleted (error ${response.status}). Please try again.`);
}

// --- starting up ------------------------------------------------------------------------------------

function showProblem(title, message, link = { href: "/trainer", text: "Back to your sessions" }) {
  setText(els.problemTitle, title);
  setText(els.problemMessage, message);
  els.problemLink.href = link.href;
  setText(els.problemLink, link.text);
  document.title = `${title} – Neighbourhood plc`;
  show(els.loading, false);
  show(els.content, false);
  show(els.problem, true);
}

function report(message) {
  if (latest) announce(els.errors, message);
  else showProblem("We could not open the debrief", message);
}

async function verify() {
  if (projectorKey) return "This projector link no longer works: the trainer has made a new one. Ask them for it.";
  try {
    await getJSON(sessionPath(code, "/view"));
    return "";
  } catch (error) {
    if (error.status === 401 || error.status === 403) {
      return PROJECTOR
        ? "The projector view only works in a browser signed in as the trainer. Open the trainer's sign-in link in this browser, then reload."
        : "Your trainer sign-in has run out. Open a fresh sign-in link (nplc sign-in prints one), then reload this page.";
    }
    return error.status === 404 ? `There is no longer a session with the code ${code}.` : "";
  }
}

function setMode() {
  if (PROJECTOR) {
    document.body.classList.add("projector");
    els.brandLink.removeAttribute("href");
    return;
  }
  for (const el of [els.trainerLinks, els.contents, els.advance, els.recordSection, els.recordNav]) show(el, true);
  els.consoleLink.href = `/trainer/${encodeURIComponent(code)}`;
  els.projectorLink.href = `/projector/${encodeURIComponent(code)}/debrief`;
  // The big screen shows the debrief only while a debrief stage is chosen: opening it here chooses the first.
  els.projectorLink.addEventListener("click", () => {
    if (!debriefStage(latest?.session.stage)) act({ type: "set-stage", stage: "debrief" }).catch(() => {});
  });
  els.advanceQuarter.addEventListener("click", () => advance(els.advanceQuarter));
  els.advanceYear.addEventListener("click", () => advance(els.advanceYear));
  wireRecord();
}

async function boot() {
  if (!code) {
    showProblem("No session code", "The address has no session code in it.");
    return;
  }
  // With a projector link's key nobody is signed in: the projector's own view comes over the websocket.
  if (projectorKey) {
    setMode();
    connect(null);
    return;
  }
  let view;
  try {
    view = await getJSON(sessionPath(code, "/view"));
  } catch (error) {
    if (error.status === 401 || error.status === 403) {
      showProblem("Sign in as a trainer", PROJECTOR
        ? "The projector view only works in a browser signed in as the trainer. Open the trainer's sign-in link in this browser, then reload this page."
        : "The debrief is for the trainers who run the day. Open the sign-in link that nplc serve printed when the server started (run nplc sign-in for a fresh one), then reload this page.",
      { href: "/", text: "Go to the home page" });
    } else if (error.status === 404) {
      showProblem("We could not find that session", `There is no session with the code ${code}.`);
    } else {
      showProblem("Something went wrong", error.message);
    }
    return;
  }
  if (view.viewer !== "trainer") {
    showProblem("This page is for the trainer", "Participants see the debrief and give their reflection on their own page.",
      { href: `/play/${encodeURIComponent(code)}/debrief`, text: "Go to your reflection" });
    return;
  }
  setMode();
  // The projector draws only what the projector may see, so it waits for its own view over the websocket.
  if (!PROJECTOR) render(view, { kind: "http", events: [] });
  connect(view);
}

/** Opens the live connection; the trainer's page carries on from `view`, the projector's starts from the beginning. */
function connect(view) {
  connection = new Connection({
    code, as: PROJECTOR ? "projector" : "trainer", key: projectorKey, after: PROJECTOR ? 0 : (view?.session.seq || 0),
    onView: render, onError: report, onStatus: statusIndicator(els.connection), verify,
  });
  els.connection.hidden = false;
  connection.start();
}

boot();
