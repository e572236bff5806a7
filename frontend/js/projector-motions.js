// The motions on the big screen. The one before the board is shown in full, its tally filling in as votes are
// cast, and stays so once decided until another is put; the rest (other open motions, then the latest decided,
// newest first) take a line each. Nobody can scroll a big screen, so the lines that would run past its foot are
// left out, oldest first (fitMotions).

import { h, hiddenText } from "./dom.js";
import { STATUS_LABELS, plural } from "./format.js";
import { motionCard, motionLabel, splitMotions } from "./meeting.js";

const DECIDED_SHOWN = 3;

function tallyWords(m) {
  const t = m.tally;
  if (!t || m.status === "proposed") return "";
  return `${t.for} for, ${t.against} against, ${plural(t.abstain, "abstention")}`;
}

/** One motion on one line: its number and status, its words (cut short if long) and its count. */
function motionLine(view, m) {
  const tally = tallyWords(m);
  return h("article", { class: "motion motion-line", "data-status": m.status, id: `motion-${m.id}` },
    h("h3", {}, motionLabel(view, m.id), hiddenText(": "),
      h("span", { class: `status status-${m.status}` }, STATUS_LABELS[m.status] || m.status)),
    h("p", { class: "motion-text" }, m.text),
    tally ? h("p", { class: "motion-count" }, tally) : null);
}

/**
 * The motion shown in full: the one being voted on, else the first waiting for a seconder, else the one this
 * item decided last, so the room sees what it has just carried (or lost) and its terms.
 */
export function leadMotion(view) {
  const { open, done } = splitMotions(view);
  const decidedHere = done.filter((m) => m.status !== "withdrawn" && m.item_id === view.session.current_item);
  return open.find((m) => m.status === "voting") || open[0] || decidedHere.at(-1) || null;
}

export function motionsList(view) {
  const { open, done } = splitMotions(view);
  const lead = leadMotion(view);
  const others = open.filter((m) => m !== lead);
  const decided = done.filter((m) => m !== lead && m.status !== "withdrawn").slice(-DECIDED_SHOWN).reverse();
  if (!lead && !decided.length) return h("p", {}, "No motions yet.");
  return h("div", { class: "motions" },
    lead ? motionCard(view, lead, { level: 3, ballots: false }) : null,
    [...others, ...decided].map((m) => motionLine(view, m)));
}

/** Leaves out the last lines of `container` while what it holds runs past its foot (its height is set by CSS). */
export function fitMotions(container) {
  const lines = [...container.querySelectorAll(".motion-line")];
  for (const line of lines) line.hidden = false;
  while (lines.length && container.scrollHeight > container.clientHeight + 1) lines.pop().hidden = true;
}
