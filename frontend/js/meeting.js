// Read-only pieces of the board meeting, drawn from a view. Shared by the
// participant page, the trainer's console and the projector.

import { h, hiddenText } from "./dom.js";
import { CHOICE_LABELS, PHASE_LABELS, STATUS_LABELS, plural, pounds } from "./format.js";

export const OPEN_STATUSES = ["proposed", "voting"];

export function directorate(view, id) {
  return view.directorates.find((d) => d.id === id) || null;
}

export function directorateName(view, id) {
  return directorate(view, id)?.name || id || "";
}

export function agendaItem(view, id) {
  return view.agenda.find((item) => item.id === id) || null;
}

/** "Motion 2": numbered in the order motions were proposed. */
export function motionLabel(view, motionId) {
  const index = view.motions.findIndex((m) => m.id === motionId);
  return index >= 0 ? `Motion ${index + 1}` : "A motion";
}

export function seatName(view, seatId) {
  return view.seats.find((s) => s.id === seatId)?.name || "";
}

/** A wide table in a box that scrolls sideways on a small screen, and can be scrolled from the keyboard. */
export function tableBox(label, table) {
  return h("div", { class: "table-wrap", tabindex: "0", role: "group", "aria-label": label }, table);
}

function change(d) {
  const by = d.balance - d.budget;
  return by === 0 ? "No change" : `${by > 0 ? "+" : ""}${pounds(by)}`;
}

/**
 * The corporate ledger: each directorate's balance now, its starting budget
 * (left out when `compact`) and the change. `showCaption: false` when a heading already names it.
 */
export function ledgerTable(view, { caption = "Corporate ledger", showCaption = true, compact = false } = {}) {
  const full = !compact;
  // Balance first: on a narrow screen it is the column still in view.
  const rows = view.directorates.map((d) => h("tr", {},
    h("th", { scope: "row" }, d.name),
    h("td", { class: "num" }, pounds(d.balance)),
    h("td", { class: "num" }, change(d)),
    full ? h("td", { class: "num" }, pounds(d.budget)) : null));
  const budgets = view.directorates.reduce((sum, d) => sum + d.budget, 0);
  return tableBox(caption, h("table", { class: "ledger" },
    h("caption", { class: showCaption ? "" : "visually-hidden" }, caption),
    h("thead", {}, h("tr", {},
      h("th", { scope: "col" }, "Directorate"),
      h("th", { scope: "col", class: "num" }, "Balance now"), h("th", { scope: "col", class: "num" }, "Change"),
      full ? h("th", { scope: "col", class: "num" }, "Starting budget") : null)),
    h("tbody", {}, rows),
    h("tfoot", {}, h("tr", {},
      h("th", { scope: "row" }, "Total"), h("td", { class: "num" }, pounds(view.ledger_total)), h("td", {}),
      full ? h("td", { class: "num" }, pounds(budgets)) : null))));
}

/** Who holds which directorate after the shuffle. `pairs: true` adds the pair column (trainer). */
export function boardTable(view, { pairs = false, caption = "The board", titles = true } = {}) {
  const who = (ref) => ref?.name || "Nobody";
  const rows = view.directorates.map((d) => h("tr", {},
    h("th", { scope: "row" }, d.name, titles ? h("span", { class: "subtle block" }, d.director_title) : null),
    pairs ? h("td", {}, d.pair_id || "Not held") : null,
    h("td", {}, d.pair_id ? who(d.director) : "Not held"),
    h("td", {}, d.pair_id ? (d.assistant?.name || "None") : "")));
  return tableBox(caption, h("table", { class: "board" },
    h("caption", {}, caption),
    h("thead", {}, h("tr", {},
      h("th", { scope: "col" }, "Directorate"), pairs ? h("th", { scope: "col" }, "Pair") : null,
      h("th", { scope: "col" }, "Director"), h("th", { scope: "col" }, "Executive assistant"))),
    h("tbody", {}, rows)));
}

/**
 * The agenda as an ordered list, the item under discussion marked in words and
 * with aria-current. `descriptions`: "all", "current" (only the open item's) or "none".
 */
export function agendaList(view, { descriptions = "all" } = {}) {
  const current = view.session.current_item;
  return h("ol", { class: "agenda" }, view.agenda.map((item) => {
    const isCurrent = item.id === current;
    return h("li", { class: isCurrent ? "current" : "", "aria-current": isCurrent ? "step" : null },
      h("span", { class: "agenda-title" }, item.title),
      isCurrent ? h("strong", { class: "tag" }, "Now discussing") : null,
      h("span", { class: "subtle" }, ` (${plural(item.minutes, "minute")})`),
      item.description && (descriptions === "all" || (descriptions === "current" && isCurrent))
        ? h("p", { class: "agenda-description" }, item.description) : null);
  }));
}

function transferLine(view, t) {
  if (!t) return null;
  return h("p", { class: "transfer" },
    h("strong", {}, "Budget transfer: "),
    `${pounds(t.amount)} from ${directorateName(view, t.source)} to ${directorateName(view, t.target)}.`,
    t.reason ? ` Reason: ${t.reason}` : "");
}

function whoLine(view, m) {
  const item = agendaItem(view, m.item_id);
  const proposer = `${m.proposer?.name || "Someone"} (${directorateName(view, m.directorate)})`;
  const seconder = m.seconded_by
    ? ` Seconded by ${m.seconder?.name || "someone"} (${directorateName(view, m.seconded_by)}).` : "";
  return h("p", { class: "subtle" },
    `Proposed by ${proposer}${item ? ` under “${item.title}”` : ""}.${seconder}`);
}

function heldCount(view) {
  return view.directorates.filter((d) => d.pair_id).length || view.directorates.length;
}

function tallyLine(view, m) {
  const cast = Object.keys(m.ballots).length;
  if (m.status === "proposed" || (m.status === "withdrawn" && cast === 0)) return null;
  const t = m.tally;
  return h("p", { class: "tally" },
    h("span", { class: "count" }, h("strong", {}, String(t.for)), " for"),
    h("span", { class: "count" }, h("strong", {}, String(t.against)), " against"),
    h("span", { class: "count" }, h("strong", {}, String(t.abstain)), t.abstain === 1 ? " abstention" : " abstentions"),
    m.status === "voting" ? h("span", { class: "subtle" },
      `${cast} of ${plural(heldCount(view), "directorate")} have voted`) : null);
}

function ballotsList(view, m) {
  const entries = Object.entries(m.ballots);
  if (!entries.length) return null;
  return h("details", { class: "ballots" },
    h("summary", {}, "How each directorate voted"),
    h("ul", {}, entries.map(([d, choice]) =>
      h("li", {}, `${directorateName(view, d)}: ${CHOICE_LABELS[choice] || choice}`))));
}

function resultLine(m) {
  if (m.status !== "carried" && m.status !== "lost") return null;
  const casting = m.casting ? ` on the chair's casting vote (${CHOICE_LABELS[m.casting].toLowerCase()})` : "";
  return h("p", { class: `result ${m.status}` },
    h("strong", {}, `${STATUS_LABELS[m.status]}${casting}.`), m.note ? ` ${m.note}` : "");
}

/**
 * One motion as an <article>. `level` is the heading level (3 or 4);
 * `controls` are extra nodes (buttons) the page adds for this viewer.
 */
export function motionCard(view, m, { level = 3, controls = null, ballots = true } = {}) {
  const titleId = `motion-${m.id}-title`;
  // No aria-labelledby: a region named "Motion 1" would clash with the form's "Motion" label for finders.
  return h("article", { class: "motion", "data-status": m.status, id: `motion-${m.id}` },
    h(`h${level}`, { id: titleId },
      motionLabel(view, m.id), hiddenText(": "),
      h("span", { class: `status status-${m.status}` }, STATUS_LABELS[m.status] || m.status)),
    h("p", { class: "motion-text" }, m.text),
    transferLine(view, m.transfer),
    whoLine(view, m),
    tallyLine(view, m),
    resultLine(m),
    ballots ? ballotsList(view, m) : null,
    controls && [controls].flat().filter(Boolean).length ? h("div", { class: "controls" }, controls) : null);
}

/** Sorts motions into those still before the board and those decided or withdrawn. */
export function splitMotions(view) {
  const open = view.motions.filter((m) => OPEN_STATUSES.includes(m.status));
  const done = view.motions.filter((m) => !OPEN_STATUSES.includes(m.status));
  return { open, done };
}

const PHASE_NEWS = {
  lobby: "Back to arrival.",
  read_in: "The read-in has started: open your briefing pack.",
  board: "The board meeting has started.",
  debrief: "The debrief has started.",
  closed: "The session has finished. Thank you for taking part.",
};

const EVENT_WORDS = {
  "seat-joined": (e) => `${e.name} joined.`,
  "seat-removed": () => "Someone was removed from the session.",
  "pairs-set": () => "The pairs have changed.",
  "chair-chosen": () => "The chair has changed.",
  "roles-shuffled": () => "Roles have been shuffled.",
  "pairs-swapped": () => "Two pairs have swapped directorates.",
  "phase-started": (e) => PHASE_NEWS[e.phase] || `${PHASE_LABELS[e.phase] || e.phase} has started.`,
  "clock-paused": () => "The clock is paused.",
  "clock-resumed": () => "The clock is running again.",
  "inject-released": (e) => `News: ${e.title}. It is now in everyone's briefing pack.`,
  "agenda-item-opened": (e, v) => `Now discussing: ${agendaItem(v, e.item_id)?.title || e.item_id}.`,
  "motion-proposed": (e, v) => `${directorateName(v, e.directorate)} proposed ${motionLabel(v, e.motion_id).toLowerCase()}.`,
  "motion-seconded": (e, v) => `${directorateName(v, e.directorate)} seconded ${motionLabel(v, e.motion_id).toLowerCase()}. Voting is open.`,
  "motion-withdrawn": (e, v) => `${motionLabel(v, e.motion_id)} was withdrawn.`,
  "vote-cast": (e, v) => `${directorateName(v, e.directorate)} voted on ${motionLabel(v, e.motion_id).toLowerCase()}.`,
  "vote-closed": (e, v) => `${motionLabel(v, e.motion_id)} was ${e.carried ? "carried" : "lost"}: ${e.votes_for} for, ${e.votes_against} against.`,
  "budget-transferred": (e, v) => `${pounds(e.amount)} moved from ${directorateName(v, e.source)} to ${directorateName(v, e.target)}.`,
};

/** Takes events and the view after them; returns one plain sentence about the latest few. */
export function describeEvents(events, view, { limit = 3 } = {}) {
  const words = events.map((e) => EVENT_WORDS[e.type]?.(e, view)).filter(Boolean);
  return words.slice(-limit).join(" ");
}
