// The debrief's exported and imported costs: what each directorate's shortfall
// exports onto the others and what it imports from them, a year, and where
// each import comes from.

import { COLOURS, barConfig, chartPanel, dataTable, shortPounds, wrapLabel } from "./charts.js";
import { lastRound } from "./debrief-words.js";
import { h, setText } from "./dom.js";
import { listWords, pounds } from "./format.js";
import { directorateName, tableBox } from "./meeting.js";
import { part } from "./render.js";

/** Each directorate's exports, imports and causes: from the latest round, or the pack's figures before any. */
export function costRows(view) {
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

function whenWords(when, projector) {
  if (when) return `${when}, with the budgets as they stood when time last moved on. Pounds a year.`;
  const how = projector ? "" : " Advance a quarter or a year to see what the board's budget does.";
  return `At the starting budgets, from the scenario pack: time has not moved on yet, so no transfer shows here.${how} Pounds a year.`;
}

function costWords(rows) {
  const totalOut = rows.reduce((sum, r) => sum + r.exported, 0);
  if (!totalOut) return "No directorate exports any cost onto another now.";
  const topOut = [...rows].sort((a, b) => b.exported - a.exported)[0];
  const topIn = [...rows].sort((a, b) => b.imported - a.imported)[0];
  return `${pounds(totalOut)} a year of cost crosses between directorates. ${topOut.name} exports the most (${pounds(topOut.exported)}); ${topIn.name} imports the most (${pounds(topIn.imported)}).`;
}

function costTable(rows, when) {
  return tableBox("Exported and imported costs", dataTable({
    caption: `Exported and imported costs a year${when ? `, ${when.toLowerCase()}` : ", at the starting budgets"}`,
    columns: ["Directorate", "Exports onto others", "Imports from others", "Effective spending", "Budget"],
    numeric: [1, 2, 3, 4],
    rows: rows.map((r) => ({ cells: [r.name, pounds(r.exported), pounds(r.imported), pounds(r.effective), pounds(r.balance)] })),
  }));
}

function causesPart(rows) {
  const importing = rows.filter((r) => r.causes.length).sort((a, b) => b.imported - a.imported);
  const none = rows.filter((r) => !r.causes.length);
  return [
    importing.length ? h("div", { class: "causes" }, importing.map((r) => h("div", { class: "cause-group", id: `causes-${r.id}` },
      h("h4", {}, `${r.name}: imports ${pounds(r.imported)} a year`),
      h("ul", { class: "cause-list" }, r.causes.map((c) => h("li", {}, c.text)))))) : h("p", {}, "No directorate imports any cost now."),
    none.length ? h("p", { class: "subtle" }, `Importing nothing: ${listWords(none.map((r) => r.name))}.`) : null,
  ];
}

/** Takes the page's elements and {projector}; returns {render(view)}. */
export function costsSection(els, { projector }) {
  const panel = chartPanel({ title: "Exported and imported costs a year, per directorate", size: "tall" });
  els.costsChart.append(panel.node);
  const causes = part(els.causes);
  return {
    render(view) {
      const { rows, when } = costRows(view);
      setText(els.costsWhen, whenWords(when, projector));
      panel.update({
        config: barConfig({
          labels: rows.map((r) => wrapLabel(r.name, 20)),
          series: [
            { label: "Exported onto others", values: rows.map((r) => r.exported), colour: COLOURS.orange },
            { label: "Imported from others", values: rows.map((r) => r.imported), colour: COLOURS.blue },
          ],
          horizontal: true, valueTitle: "Pounds a year", format: shortPounds,
        }),
        label: "Bar chart: the costs each directorate exports onto others and imports from them, a year",
        description: costWords(rows),
        table: () => costTable(rows, when),
      });
      causes.render(() => causesPart(rows));
    },
  };
}
