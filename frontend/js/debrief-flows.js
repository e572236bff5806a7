// The debrief's budget flows: the transfers the board carried (a diagram and
// a list, void ones struck through) beside each directorate's starting budget
// and its budget now.

import { COLOURS, barConfig, chartPanel, shortPounds, wrapLabel } from "./charts.js";
import { flowDiagram } from "./debrief-flow-diagram.js";
import { signedPounds } from "./debrief-words.js";
import { h } from "./dom.js";
import { plural, pounds } from "./format.js";
import { exportedCostLabel, ledgerTable, motionLabel, transferWords } from "./meeting.js";
import { part } from "./render.js";

/** The transfers that were carried (or carried, then voided), in the order they happened. */
export function transferMotions(view) {
  return view.motions.filter((m) => m.kind === "transfer" && m.transfer && (m.status === "carried" || m.status === "void"))
    .sort((a, b) => (a.at || 0) - (b.at || 0));
}

/** One arrow per direction and kind (live or void), its amount the sum of the transfers it stands for. */
export function flowEdges(moved) {
  const edges = new Map();
  for (const m of moved) {
    const muted = m.status === "void";
    const key = `${m.transfer.source}>${m.transfer.target}>${muted}`;
    const edge = edges.get(key) || { source: m.transfer.source, target: m.transfer.target, amount: 0, muted };
    edge.amount += m.transfer.amount;
    edges.set(key, edge);
  }
  return [...edges.values()].map((e) => ({ ...e, label: pounds(e.amount) }));
}

function diagram(view, moved) {
  const nodes = view.directorates.map((d) => {
    const by = d.balance - d.budget;
    return { id: d.id, name: d.name, note: signedPounds(by), tone: by > 0 ? "up" : by < 0 ? "down" : "" };
  });
  const live = moved.filter((m) => m.status === "carried");
  const summary = live.length
    ? `Budget transfers carried: ${live.map((m) => transferWords(view, m.transfer)).join("; ")}.`
    : "No transfer still stands.";
  const voids = moved.length - live.length;
  return h("figure", { class: "flow-figure" },
    flowDiagram({
      nodes, edges: flowEdges(moved), idPrefix: "flows",
      label: `Diagram of budget transfers between directorates, arrows sized by amount. ${summary}${voids ? ` ${plural(voids, "void transfer")} shown dashed.` : ""}`,
    }),
    h("figcaption", { class: "subtle" },
      "Each arrow runs from the directorate that gave money to the one that received it, thicker for more money. Under each name: its change since the starting budget. A dashed grey arrow with its amount struck through is a transfer the trainer voided; its money went back."));
}

function transferItem(view, m) {
  const words = transferWords(view, m.transfer);
  if (m.status === "void") {
    return h("li", { class: "transfer-void", id: `transfer-${m.id}` },
      h("strong", {}, `${motionLabel(view, m.id)}, void: `), h("s", {}, words), ".",
      h("span", { class: "block subtle" }, `The trainer corrected this decision and the money went back.${m.note ? ` ${m.note}` : ""}`));
  }
  const about = m.transfer.addresses ? ` It addresses the exported cost ${exportedCostLabel(view, m.transfer.addresses)}.` : "";
  return h("li", { id: `transfer-${m.id}` }, h("strong", {}, `${motionLabel(view, m.id)}, carried: `), `${words}.`, about,
    m.transfer.reason ? h("span", { class: "block subtle" }, `Reason: ${m.transfer.reason}`) : null);
}

function transfersPart(view) {
  const moved = transferMotions(view);
  if (!moved.length) {
    return h("p", {}, "The board has carried no budget transfers, so every directorate still holds its starting budget.");
  }
  return [diagram(view, moved), h("ol", { class: "transfer-list" }, moved.map((m) => transferItem(view, m)))];
}

function budgetWords(view) {
  const changed = view.directorates.filter((d) => d.balance !== d.budget);
  return changed.length
    ? `${changed.map((d) => `${d.name} ${d.balance > d.budget ? "up" : "down"} ${pounds(Math.abs(d.balance - d.budget))}`).join("; ")}. The total, ${pounds(view.ledger_total)}, never changes.`
    : `Every directorate still holds its starting budget. The total is ${pounds(view.ledger_total)}.`;
}

/** Takes the page's elements; returns {render(view)}. */
export function flowsSection(els) {
  const transfers = part(els.transfers);
  const budgets = chartPanel({ title: "Starting budget and budget now, per directorate", size: "tall" });
  els.budgetChart.append(budgets.node);
  return {
    render(view) {
      transfers.render(() => transfersPart(view));
      const ds = view.directorates;
      budgets.update({
        config: barConfig({
          labels: ds.map((d) => wrapLabel(d.name, 20)),
          series: [
            { label: "Starting budget", values: ds.map((d) => d.budget), colour: COLOURS.light },
            { label: "Budget now", values: ds.map((d) => d.balance), colour: COLOURS.blue },
          ],
          horizontal: true, valueTitle: "Pounds a year", format: shortPounds,
        }),
        label: "Bar chart: each directorate's starting budget beside its budget now",
        description: budgetWords(view),
        table: () => ledgerTable(view, { caption: "Budget per directorate, starting and now" }),
      });
    },
  };
}
