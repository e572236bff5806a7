// The debrief's "who spoke": how often the chair called residents and each
// kind of professional, and each person, from the board meeting's floor.

import { COLOURS, barConfig, chartPanel, dataTable } from "./charts.js";
import { setText, show } from "./dom.js";
import { VOICE_LABELS, VOICE_NAMES, plural } from "./format.js";
import { directorateName } from "./meeting.js";

const VOICE_ORDER = ["resident", "director", "assistant", "chair", "other"];
const VOICE_COLOURS = { resident: COLOURS.orange, director: COLOURS.blue, assistant: COLOURS.teal, chair: COLOURS.purple, other: COLOURS.grey };

/** Residents' and professionals' shares of the contributions, in a sentence. */
export function voicesSummary(byVoice) {
  const total = Object.values(byVoice).reduce((sum, n) => sum + n, 0);
  if (!total) return "Nobody was called to speak during the board meeting, so there is nothing to count.";
  const residents = byVoice.resident || 0;
  const share = (n) => Math.round((100 * n) / total);
  return `Residents made ${residents} of the ${plural(total, "contribution")} the chair called (${share(residents)}%); the professionals made ${total - residents} (${share(total - residents)}%).`;
}

function byVoiceSpec(byVoice) {
  const total = Object.values(byVoice).reduce((sum, n) => sum + n, 0);
  const share = (n) => (total ? Math.round((100 * n) / total) : 0);
  const voices = VOICE_ORDER.filter((v) => v !== "other" || byVoice.other);
  return {
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
  };
}

function perPersonSpec(view, people, projector) {
  const present = VOICE_ORDER.filter((v) => people.some((p) => p.voice === v));
  const roleOf = (p) => [VOICE_NAMES[p.voice] || p.voice, p.directorate ? directorateName(view, p.directorate) : ""].filter(Boolean).join(", ");
  return {
    config: people.length ? barConfig({
      // Two lines a person at most (their name, then their directorate or voice), so the rows never run into each other.
      labels: people.map((p) => [p.name, p.directorate ? directorateName(view, p.directorate) : VOICE_NAMES[p.voice] || ""]),
      series: present.map((v) => ({
        label: VOICE_LABELS[v], colour: VOICE_COLOURS[v], values: people.map((p) => (p.voice === v ? p.count : null)),
      })),
      horizontal: true, stacked: true, valueTitle: "Times called to speak", step: 1,
    }) : null,
    height: `${Math.max(12, 3.2 * people.length + 6) * (projector ? 1.3 : 1)}rem`,
    label: "Bar chart: how often each person was called to speak, coloured by their kind of voice",
    description: people.length
      ? `Most often called: ${people[0].name} (${plural(people[0].count, "time")}). ${plural(people.length, "person", "people")} spoke in all.`
      : "",
    table: people.length ? () => dataTable({
      caption: "Contributions per person, most first",
      columns: ["Person", "Role", "Times called"], numeric: [2],
      rows: people.map((p) => ({ cells: [p.name, roleOf(p), String(p.count)] })),
    }) : null,
  };
}

/** Takes the page's elements and {projector}; returns {render(view)}. */
export function voicesSection(els, { projector }) {
  const voices = chartPanel({ title: "Contributions by residents and by professionals" });
  const people = chartPanel({ title: "Contributions per person" });
  els.voiceChart.append(voices.node);
  els.peopleChart.append(people.node);
  return {
    render(view) {
      const floor = view.floor || { contributions: [], by_voice: {} };
      const byVoice = floor.by_voice || {};
      setText(els.voicesSummary, voicesSummary(byVoice));
      show(els.voiceCharts, Object.values(byVoice).some((n) => n > 0));
      voices.update(byVoiceSpec(byVoice));
      people.update(perPersonSpec(view, floor.contributions || [], projector));
    },
  };
}
