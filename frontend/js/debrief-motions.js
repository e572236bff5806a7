// The debrief's record of the meeting's business: every motion in the order it
// was put, with who proposed and seconded it, its tally and ballot; and the
// extra 10% round's map of who depends on whom.

import { plural, timeOfDay, CHOICE_LABELS, KIND_LABELS, STATUS_LABELS, TERM_LABELS } from "./format.js";
import { h } from "./dom.js";
import { directorateName, motionLabel, targetWords, tenPercentMap, transferWords } from "./meeting.js";

/** "3 for, 1 against, 2 abstentions", or "" for a motion that was never voted on. */
export function talliedWords(m) {
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

function timelineItem(view, m) {
  const kind = [KIND_LABELS[m.kind] || KIND_LABELS.free, m.kind === "objective" && m.term ? TERM_LABELS[m.term] : ""].filter(Boolean).join(", ");
  const tally = talliedWords(m);
  const casting = m.casting ? ` Decided on the chair's casting vote (${(CHOICE_LABELS[m.casting] || m.casting).toLowerCase()}).` : "";
  const who = `${m.proposer?.name || "Someone"} (${directorateName(view, m.directorate)})`;
  const seconder = m.seconded_by ? `; seconded by ${m.seconder?.name || "someone"} (${directorateName(view, m.seconded_by)})` : "";
  const voted = ["carried", "lost", "void"].includes(m.status) || (m.status === "voting" && m.voted);
  return h("li", { class: "timeline-item", "data-status": m.status, id: `timeline-${m.id}` },
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
}

/** Every motion in the order it was put, with how many carried. */
export function motionsPart(view) {
  const list = [...view.motions].sort((a, b) => (a.at || 0) - (b.at || 0));
  if (!list.length) return h("p", {}, "No motions have been put to the board.");
  const carried = list.filter((m) => m.status === "carried").length;
  return [
    h("p", {}, `${plural(list.length, "motion")} put; ${carried} carried.`),
    h("ol", { class: "motion-timeline" }, list.map((m) => timelineItem(view, m))),
  ];
}

/** The extra 10%: the map once revealed, how many have answered while it is open, or the question if it was not asked. */
export function tenPart(view, { projector }) {
  const ten = view.ten_percent || { status: "not_started", answered: [] };
  if (ten.status === "revealed") return tenPercentMap(view, { idPrefix: "debrief-ten" });
  if (ten.status === "open") {
    const held = view.directorates.filter((d) => d.pair_id).length || view.directorates.length;
    return h("p", {}, `The round is still open: ${ten.answered.length} of ${plural(held, "directorate")} ${ten.answered.length === 1 ? "has" : "have"} answered. The map of who depends on whom appears here once the answers are revealed${projector ? "" : " (from the console)"}.`);
  }
  return h("p", {}, "The extra 10% question has not been asked at this meeting: if your service got 10% more, on condition that it is spent on another agency's budget to make your job easier, which agency would you pick?");
}
