// Parts of the big screen beyond the meeting's own: the news released to everyone, the residents'
// dividend, the move to the debrief's own page, where the charts are, and where the board meets next.

import { h, setText, show } from "./dom.js";

/** The stages that show one debrief chart; "debrief" itself is the first, the dividend. */
export function debriefStage(stage) {
  return typeof stage === "string" && (stage === "debrief" || stage.startsWith("debrief-"));
}

/** The parts of the big screen each stage shows; "blank" (or a stage this page does not know) shows none. */
const STAGE_PARTS = {
  // Two the trainer cannot choose, only follow: the lobby (how to join, and who is here) and the read-in.
  lobby: { lobby: true, join: true, roster: true },
  "read-in": { board: true, side: true, ledger: true },
  join: { lobby: true, join: true },
  roster: { lobby: true, roster: true },
  shuffle: { board: true },
  agenda: { current: true, agenda: true, motions: true },
  ledger: { side: true, ledger: true, strategy: true },
  "ten-percent": { ten: true },
  news: { news: true },
  consequences: { dividend: true, side: true, ledger: true },
};

export function stageParts(stage) {
  return STAGE_PARTS[stage] || {};
}

/**
 * The stage the big screen shows while the trainer has chosen none: one that
 * fits a screen, for what the room is doing. In the board meeting business on
 * the floor comes first (a motion being put or voted on); between motions, the
 * newest of the extra 10% revealed and time moved on. The debrief shows its first chart.
 */
export function followedStage(view) {
  const phase = view.session.phase;
  if (phase === "lobby") return "lobby";
  if (phase === "read_in") return "read-in";
  if (phase === "debrief" || phase === "closed") return "debrief";
  const open = (view.motions || []).some((m) => m.status === "proposed" || m.status === "voting");
  if (open) return "agenda";
  if ((view.consequences?.rounds || []).length) return "consequences";
  if (view.ten_percent?.status === "revealed") return "ten-percent";
  return "agenda";
}

/** The address of the projector's debrief (or, from the debrief, of the projector), keeping a projector link's key. */
export function projectorAddress(code, { debrief }) {
  return `/projector/${encodeURIComponent(code)}${debrief ? "/debrief" : ""}${location.search}`;
}

/** The news released to everyone, newest first: the newest large, the three before it smaller. */
export function newsPart(view) {
  const released = (view.injects || []).filter((n) => n.released_at).sort((a, b) => b.released_at - a.released_at);
  if (!released.length) return h("p", { class: "big-text" }, "No news yet.");
  const [latest, ...earlier] = released;
  return [
    h("p", { class: "news-latest" }, latest.title),
    earlier.length ? h("ul", { class: "news-earlier" }, earlier.slice(0, 3).map((n) => h("li", {}, n.title))) : null,
  ];
}

/** The residents' dividend after the latest round, and where it started. */
export function dividendPart(view) {
  const last = (view.consequences?.rounds || []).at(-1);
  if (!last) return h("p", { class: "big-text" }, "The residents' dividend starts at 100.00. Time has not moved on yet.");
  const by = Math.round((last.dividend - 100) * 100) / 100;
  const change = by === 0 ? "the same as at the start" : `${by > 0 ? "up" : "down"} ${Math.abs(by).toFixed(2)} since the start`;
  return h("p", { class: "dividend-line" }, `Residents' dividend ${last.label.toLowerCase()}: `,
    h("strong", {}, Number(last.dividend).toFixed(2)), ` (${change})`);
}

/**
 * Once the trainer starts the follow-up, a big screen still showing this meeting says where the board meets
 * next, so the room knows to move; on the trainer's debrief `href` makes the code a link to its console.
 */
export function showFollowUp({ note, code }, session, href = null) {
  show(note, !!session.follow_up);
  if (!session.follow_up) return;
  setText(code, session.follow_up);
  if (href) code.href = href(session.follow_up);
}
