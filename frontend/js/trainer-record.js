// The console's speaking record: whose voices the meeting heard, and whose it did not.

import { h } from "./dom.js";
import { VOICE_LABELS, VOICE_NAMES, plural } from "./format.js";
import { directorateName, tableBox } from "./meeting.js";

/** Contributions per person and by voice: whose voices the meeting heard, and whose it did not. */
export function speakingRecord(view) {
  const floor = view.floor || { contributions: [], by_voice: {} };
  const voices = ["resident", "director", "assistant", "chair"];
  const totals = h("ul", { class: "voice-totals" }, voices.map((v) => h("li", {},
    h("strong", {}, `${VOICE_LABELS[v]}: `), plural(floor.by_voice?.[v] || 0, "contribution"))));
  if (!floor.contributions.length) return [totals, h("p", {}, "Nobody has been called to speak yet.")];
  return [totals, tableBox("Contributions per person", h("table", {},
    h("caption", { class: "visually-hidden" }, "Contributions per person, most first"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Person"), h("th", { scope: "col" }, "Role"),
      h("th", { scope: "col", class: "num" }, "Times called"))),
    h("tbody", {}, floor.contributions.map((p) => h("tr", {},
      h("th", { scope: "row" }, p.name),
      h("td", {}, [VOICE_NAMES[p.voice] || p.voice, p.directorate ? directorateName(view, p.directorate) : ""].filter(Boolean).join(", ")),
      h("td", { class: "num" }, String(p.count)))))))];
}
