// Read-only pieces of the board meeting, drawn from a view. Shared by the
// participant page, the trainer's console and the projector.

import { h, hiddenText, svg } from "./dom.js";
import { bentArrow, labelPlace, ringPositions, wrapWords } from "./ring.js";
import {
  CHOICE_LABELS, KIND_LABELS, PHASE_LABELS, STATUS_LABELS, TERM_LABELS, VOICE_NAMES, listWords, numberText, plural, pounds,
  timeOfDay,
} from "./format.js";

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
  // A pooled fund shows once money is in it: until the board votes it a purpose, that money does nothing.
  for (const f of (view.funds || []).filter((x) => x.balance || x.purpose)) {
    rows.push(h("tr", { class: "fund" },
      h("th", { scope: "row" }, f.name, h("span", { class: "block subtle" },
        f.purpose ? `Pooled fund for: ${f.purpose}` : "Pooled fund with no purpose yet: its money does nothing until the board votes one")),
      h("td", { class: "num" }, pounds(f.balance)),
      h("td", { class: "num" }, f.balance ? `+${pounds(f.balance)}` : ""),
      full ? h("td", { class: "num" }, pounds(0)) : null));
  }
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

/**
 * The pack's title for the assistant's column: its own `assistant_title` when every directorate shares one,
 * else "Assistant", each directorate's own title then shown in its row.
 */
export function assistantHeading(view) {
  const titles = new Set(view.directorates.map((d) => d.assistant_title || "Executive assistant"));
  return titles.size === 1 ? [...titles][0] : "Assistant";
}

/** Who holds which directorate after the shuffle. `pairs: true` adds the pair column (trainer). */
export function boardTable(view, { pairs = false, caption = "The board", titles = true } = {}) {
  const who = (ref) => ref?.name || "Nobody";
  const heading = assistantHeading(view);
  const ownTitle = (d) => (titles && heading === "Assistant" ? h("span", { class: "subtle block" }, d.assistant_title) : null);
  const rows = view.directorates.map((d) => h("tr", {},
    h("th", { scope: "row" }, d.name, titles ? h("span", { class: "subtle block" }, d.director_title) : null),
    pairs ? h("td", {}, d.pair_id || "Not held") : null,
    h("td", {}, d.pair_id ? who(d.director) : "Not held"),
    h("td", {}, d.pair_id ? (d.assistant?.name || "None") : "", d.pair_id ? ownTitle(d) : null)));
  return tableBox(caption, h("table", { class: "board" },
    h("caption", {}, caption),
    h("thead", {}, h("tr", {},
      h("th", { scope: "col" }, "Directorate"), pairs ? h("th", { scope: "col" }, "Pair") : null,
      h("th", { scope: "col" }, "Director"), h("th", { scope: "col" }, heading))),
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

/** Takes "housing>health"; returns "Housing → Health (£180,000 a year)", as exported costs are named in lists and on motions. */
export function exportedCostLabel(view, key) {
  const [source, target] = String(key || "").split(">");
  if (!source || !target) return "";
  const link = (view.exported_costs || []).find((x) => x.source === source && x.target === target);
  const names = `${directorateName(view, source)} → ${directorateName(view, target)}`;
  return link ? `${names} (${pounds(link.annual_cost)} a year)` : names;
}

/** Takes transfer terms; returns "£150,000 from Housing to Health". */
export function transferWords(view, t) {
  return `${pounds(t.amount)} from ${directorateName(view, t.source)} to ${directorateName(view, t.target)}`;
}

/** Takes target terms; returns "Children in low-income households: 35 % of children by March 2027 (now 41), for Housing". */
export function targetWords(view, t) {
  const now = typeof t.baseline === "number" ? ` (now ${withUnit(t.baseline, t.unit)})` : "";
  return `${t.indicator_name || t.indicator}: ${withUnit(t.value, t.unit)} by ${t.by}${now}, for ${directorateName(view, t.directorate)}`;
}

/** "14% of residents", "2.5 per 1,000 people": a value with its indicator's unit. */
export function withUnit(value, unit) {
  if (!unit) return numberText(value);
  return unit.startsWith("%") ? `${numberText(value)}${unit}` : `${numberText(value)} ${unit}`;
}

/**
 * Takes transfer terms; returns a warning when the money comes from a directorate no pair holds after the
 * shuffle (nobody at the table can object to it), else "". The same warning as `nplc scenario simulate`.
 */
export function unheldWarning(view, t) {
  const d = view.directorates.find((x) => x.id === t.source);
  if (!d || d.pair_id || !view.directorates.some((x) => x.pair_id)) return "";
  const left = d.balance - t.amount;
  const drains = left <= 0 ? "it would leave nothing" : `it would leave ${pounds(left)}`;
  return `Nobody holds ${d.name}, so no one at the table can object to moving ${pounds(t.amount)} out of it (${drains}).`;
}

function transferLine(view, t) {
  if (!t) return null;
  const warning = unheldWarning(view, t);
  return h("p", { class: "transfer" },
    h("strong", {}, "Budget transfer: "),
    `${transferWords(view, t)}.`,
    t.reason ? ` Reason: ${t.reason}` : "",
    t.addresses ? h("span", { class: "block" }, `It addresses the exported cost ${exportedCostLabel(view, t.addresses)}.`) : null,
    warning ? h("span", { class: "block warning unheld-warning" }, warning) : null);
}

function targetLine(view, t) {
  if (!t) return null;
  return h("p", { class: "transfer target-terms" }, h("strong", {}, "Target: "), `${targetWords(view, t)}.`);
}

function kindLine(m) {
  const parts = [KIND_LABELS[m.kind] || KIND_LABELS.free];
  if (m.kind === "objective" && m.term) parts.push(TERM_LABELS[m.term]);
  parts.push(m.secret ? "Secret ballot" : "Named ballot");
  return h("p", { class: "motion-kind subtle" }, parts.join(" · "));
}

function whoLine(view, m) {
  const item = agendaItem(view, m.item_id);
  const proposer = `${m.proposer?.name || "Someone"} (${directorateName(view, m.directorate)})`;
  const seconder = m.seconded_by
    ? ` Seconded by ${m.seconder?.name || "someone"} (${directorateName(view, m.seconded_by)}).` : "";
  return h("p", { class: "subtle" },
    `Proposed by ${proposer}${item ? ` under “${item.title}”` : ""}.${seconder}`);
}

export function heldCount(view) {
  return view.directorates.filter((d) => d.pair_id).length || view.directorates.length;
}

/** How many directorates have voted on a motion (the view gives `voted`; older views only the ballots). */
export function votedCount(m) {
  return typeof m.voted === "number" ? m.voted : Object.keys(m.ballots || {}).length;
}

function tallyLine(view, m) {
  const cast = votedCount(m);
  if (m.status === "proposed" || (m.status !== "voting" && cast === 0)) return null;
  const quorum = typeof view.quorum === "number" ? view.quorum : null;
  const progress = m.status === "voting" ? h("span", { class: "subtle" },
    `${cast} of ${plural(heldCount(view), "directorate")} ${cast === 1 ? "has" : "have"} voted`,
    quorum ? `; ${quorum} needed to decide` : "") : null;
  const t = m.tally;
  if (!t) {
    // An open secret ballot: a running count would give votes away, so the view has none until the close.
    return h("p", { class: "tally" }, h("span", {}, "The count is kept secret until the chair closes the vote."), progress);
  }
  return h("p", { class: "tally" },
    h("span", { class: "count" }, h("strong", {}, String(t.for)), " for"),
    h("span", { class: "count" }, h("strong", {}, String(t.against)), " against"),
    h("span", { class: "count" }, h("strong", {}, String(t.abstain)), t.abstain === 1 ? " abstention" : " abstentions"),
    progress);
}

function ballotsList(view, m) {
  const entries = Object.entries(m.ballots);
  if (!entries.length) return null;
  if (m.secret) {
    // A secret ballot shows who has voted, never how (the view gives only "voted", or your own choice).
    return h("p", { class: "ballots" }, `Secret ballot. Voted so far: ${listWords(entries.map(([d]) => directorateName(view, d)))}.`);
  }
  return h("details", { class: "ballots", id: `motion-${m.id}-ballots` },
    h("summary", {}, "How each directorate voted"),
    h("ul", {}, entries.map(([d, choice]) =>
      h("li", {}, `${directorateName(view, d)}: ${CHOICE_LABELS[choice] || choice}`))));
}

function resultLine(m) {
  if (m.status === "out_of_order") {
    return h("p", { class: "result lost" }, h("strong", {}, "Ruled out of order by the chair."), m.note ? ` ${m.note}` : "");
  }
  if (m.status === "void") {
    const money = m.transfer ? " Any money it had moved has gone back." : "";
    return h("p", { class: "result lost" }, h("strong", {}, "Void: the trainer corrected this decision."),
      m.note ? ` ${m.note}` : "", money);
  }
  if (m.status !== "carried" && m.status !== "lost") return null;
  const casting = m.casting ? ` on the chair's casting vote (${CHOICE_LABELS[m.casting].toLowerCase()})` : "";
  return h("p", { class: `result ${m.status}` },
    h("strong", {}, `${STATUS_LABELS[m.status]}${casting}.`), m.note ? ` ${m.note}` : "");
}

const AMENDMENT_STATUS = { pending: "Waiting for the proposer", accepted: "Accepted", declined: "Declined" };

/** Amendments put to a motion, each with its wording, any new terms, who put it and where it stands. */
function amendmentsList(view, m, level, controlsFor) {
  if (!m.amendments?.length) return null;
  return h("div", { class: "amendments" },
    h(`h${Math.min(level + 1, 6)}`, {}, "Amendments"),
    h("ol", {}, m.amendments.map((a) => h("li", { class: `amendment amendment-${a.status}` },
      h("p", {}, h("strong", {}, `${AMENDMENT_STATUS[a.status] || a.status}: `),
        `${a.by?.name || "Someone"} (${directorateName(view, a.directorate)}) proposes: “${a.text}”`),
      a.transfer ? h("p", { class: "subtle" }, `New transfer terms: ${transferWords(view, a.transfer)}.`) : null,
      a.target ? h("p", { class: "subtle" }, `New target: ${targetWords(view, a.target)}.`) : null,
      controlsFor ? controlsFor(a) : null))));
}

/**
 * One motion as an <article>. `level` is the heading level (3 or 4);
 * `controls` are extra nodes (buttons) the page adds for this viewer;
 * `amendmentControls(amendment)` gives the buttons beside a pending amendment.
 */
export function motionCard(view, m, { level = 3, controls = null, ballots = true, amendmentControls = null } = {}) {
  const titleId = `motion-${m.id}-title`;
  // No aria-labelledby: a region named "Motion 1" would clash with the form's "Motion" label for finders.
  const extra = [controls].flat().filter(Boolean);
  return h("article", { class: "motion", "data-status": m.status, id: `motion-${m.id}` },
    h(`h${level}`, { id: titleId },
      motionLabel(view, m.id), hiddenText(": "),
      h("span", { class: `status status-${m.status}` }, STATUS_LABELS[m.status] || m.status)),
    kindLine(m),
    h("p", { class: "motion-text" }, m.text),
    transferLine(view, m.transfer),
    targetLine(view, m.target),
    whoLine(view, m),
    tallyLine(view, m),
    resultLine(m),
    // Who has voted in a secret ballot is public, so it shows even where choices are left out.
    ballots || m.secret ? ballotsList(view, m) : null,
    amendmentsList(view, m, level, amendmentControls),
    extra.length ? h("div", { class: "controls" }, extra) : null);
}

/** Sorts motions into those still before the board and those decided or withdrawn. */
export function splitMotions(view) {
  const open = view.motions.filter((m) => OPEN_STATUSES.includes(m.status));
  const done = view.motions.filter((m) => !OPEN_STATUSES.includes(m.status));
  return { open, done };
}

// --- the corporate strategy -------------------------------------------------------------

function strategyEntry(view, entry, detail) {
  return h("li", {}, entry.text,
    h("span", { class: "subtle" }, ` (${directorateName(view, entry.directorate)}, ${motionLabel(view, entry.motion_id).toLowerCase()})`),
    detail ? h("span", { class: "block strategy-detail" }, detail) : null);
}

/** True when the board has carried nothing that belongs in the strategy yet. */
export function strategyEmpty(view) {
  const s = view.strategy;
  if (!s) return true;
  const objectives = Object.values(s.objectives || {}).flat();
  return ![objectives, s.targets, s.transfers, s.strategies, s.resolutions].some((list) => list?.length);
}

/**
 * The corporate strategy built from carried motions: objectives by term,
 * departmental targets, budget transfers, strategies and other resolutions.
 * Parts with nothing in them are left out, so it grows as the board agrees things.
 */
export function strategyPanel(view, { level = 3 } = {}) {
  if (strategyEmpty(view)) {
    return h("p", {}, "Nothing agreed yet. Each motion the board carries is added here.");
  }
  const s = view.strategy;
  const sub = `h${Math.min(level + 1, 6)}`;
  const part = (title, items, build) => (items?.length
    ? [h(`h${level}`, {}, title), h("ul", { class: "strategy-list" }, items.map(build))] : null);
  const terms = ["short", "medium", "long"].filter((t) => s.objectives?.[t]?.length);
  return h("div", { class: "strategy" },
    terms.length ? [h(`h${level}`, {}, "Objectives"), terms.map((t) => [
      h(sub, {}, TERM_LABELS[t]),
      h("ul", { class: "strategy-list" }, s.objectives[t].map((e) => strategyEntry(view, e))),
    ])] : null,
    part("Departmental targets", s.targets, (e) => strategyEntry(view, e, e.target ? `${targetWords(view, e.target)}.` : "")),
    part("Budget transfers", s.transfers, (e) => strategyEntry(view, e, e.transfer
      ? `${transferWords(view, e.transfer)}.${e.transfer.addresses ? ` Addresses ${exportedCostLabel(view, e.transfer.addresses)}.` : ""}` : "")),
    part("Strategies", s.strategies, (e) => strategyEntry(view, e)),
    part("Other resolutions", s.resolutions, (e) => strategyEntry(view, e)));
}

// --- the floor -------------------------------------------------------------------------------

/** "Asha (Director, Social Care)" */
export function personWords(view, p) {
  if (!p) return "";
  const d = p.directorate ? directorateName(view, p.directorate) : "";
  const voice = VOICE_NAMES[p.voice] || "";
  const about = [voice, d].filter(Boolean).join(", ");
  return about ? `${p.name} (${about})` : p.name;
}

/**
 * Who has the floor and who is waiting, in order. `controls(person, place)`
 * may add buttons beside each waiting person (the chair's Call and Take off).
 */
export function floorLists(view, { level = 4, controls = null, speakingControls = null } = {}) {
  const floor = view.floor || { speaking: null, queue: [] };
  return [
    h("p", { class: "speaking" }, h("strong", {}, "Speaking now: "),
      floor.speaking ? personWords(view, floor.speaking) : "nobody",
      speakingControls && floor.speaking ? speakingControls(floor.speaking) : null),
    h(`h${level}`, { class: "queue-title" }, `Waiting to speak (${floor.queue.length})`),
    floor.queue.length
      ? h("ol", { class: "queue" }, floor.queue.map((p, i) => h("li", {},
        h("span", {}, personWords(view, p)), controls ? controls(p, i) : null)))
      : h("p", { class: "subtle" }, "Nobody has a hand up."),
  ];
}

// --- the announcement --------------------------------------------------------------------

/** The trainer's latest announcement as a banner's content, or nothing. */
export function announcementContent(view) {
  const a = view.announcement;
  if (!a?.text) return [];
  return [h("strong", {}, "Announcement: "), a.text,
    a.at ? h("span", { class: "subtle" }, ` (${timeOfDay(a.at)})`) : null];
}

// --- the extra 10% round ------------------------------------------------------------------

/** "Housing would give its extra 10% to Health: because…" */
export function tenPercentWords(view, a) {
  return `${directorateName(view, a.directorate)} would give its extra 10% to ${directorateName(view, a.recipient)}${a.reason ? `: ${a.reason}` : "."}`;
}

/**
 * The extra 10% answers as a map of who depends on whom: the directorates
 * round a circle, an arrow from each answering directorate to the one it
 * would fund. The list after it says the same in words.
 */
export function tenPercentMap(view, { idPrefix = "ten" } = {}) {
  const answers = view.ten_percent?.answers || [];
  const ds = view.directorates;
  const r = 30;
  // An ellipse wider than tall leaves room for the labels at the sides.
  const at = ringPositions(ds.map((d) => d.id), 250, 195);
  const received = new Map();
  for (const a of answers) received.set(a.recipient, (received.get(a.recipient) || 0) + 1);
  const answered = new Set(answers.map((a) => a.directorate));
  const markerId = `${idPrefix}-arrow`;
  const fix = (v) => v.toFixed(1);

  const arrows = answers.filter((a) => at.has(a.directorate) && at.has(a.recipient)).map((a) => {
    const p = at.get(a.directorate);
    const q = at.get(a.recipient);
    // Bent a little to its right, so two directorates that pick each other show two arrows.
    const { start, mid, end } = bentArrow(p, q, { from: r + 4, to: r + 10, bend: 0.18 });
    return svg("path", {
      d: `M ${fix(start.x)} ${fix(start.y)} Q ${fix(mid.x)} ${fix(mid.y)} ${fix(end.x)} ${fix(end.y)}`,
      class: "ten-arrow", "marker-end": `url(#${markerId})`,
    });
  });

  const nodes = ds.map((d) => {
    const p = at.get(d.id);
    const lines = wrapWords(d.name, 18);
    const step = 22;
    const { x, y, anchor } = labelPlace(p, r, lines.length, step);
    const count = received.get(d.id) || 0;
    return svg("g", { class: `ten-node${answered.has(d.id) ? " answered" : ""}${count ? " chosen" : ""}${d.pair_id ? "" : " empty-seat"}` },
      svg("circle", { cx: fix(p.x), cy: fix(p.y), r }),
      count ? svg("text", { x: fix(p.x), y: fix(p.y + 8), "text-anchor": "middle", class: "ten-count" }, String(count)) : null,
      svg("text", { x: fix(x), y: fix(y), "text-anchor": anchor, class: "ten-label" },
        lines.map((line, i) => svg("tspan", { x: fix(x), dy: i ? step : 0 }, line))));
  });

  const picture = svg("svg", {
    class: "ten-map", viewBox: "-530 -300 1060 600", "aria-hidden": "true", focusable: "false",
  },
  svg("defs", {}, svg("marker", {
    id: markerId, viewBox: "0 0 10 10", refX: "8", refY: "5", markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse",
  }, svg("path", { d: "M 0 0 L 10 5 L 0 10 z", class: "ten-arrowhead" }))),
  arrows, nodes);

  return h("figure", { class: "ten-figure" },
    picture,
    h("figcaption", {},
      h("p", { class: "subtle" }, "Each arrow runs from a directorate to the one it would fund; the number in a circle counts the directorates that chose it. A dashed circle is a directorate nobody holds in this session."),
      answers.length
        ? h("ul", { class: "ten-answers" }, answers.map((a) => h("li", {}, tenPercentWords(view, a))))
        : h("p", {}, "No directorate has answered.")));
}

// --- the agenda item's own clock ----------------------------------------------------------

/** The open agenda item, or null. */
export function currentItem(view) {
  return view.agenda.find((item) => item.current || item.id === view.session.current_item) || null;
}

// --- what just happened, in words ----------------------------------------------------------

const PHASE_NEWS = {
  lobby: "Back to arrival.",
  read_in: "The read-in has started: open your briefing pack.",
  board: "The board meeting has started.",
  debrief: "The debrief has started.",
  closed: "The session has finished. Thank you for taking part.",
};

const CHOICE_WORDS = { for: "for", against: "against", abstain: "abstain" };

/**
 * "Housing voted on motion 1.", or, when the view before showed its earlier
 * choice, "Housing changed its vote on motion 1 to against." A secret ballot's
 * event carries no choice, so nothing about how anyone voted is said.
 */
function voteWords(e, v, before) {
  const who = directorateName(v, e.directorate);
  const label = motionLabel(v, e.motion_id).toLowerCase();
  const earlier = before?.motions?.find((m) => m.id === e.motion_id)?.ballots?.[e.directorate];
  if (e.choice && CHOICE_WORDS[earlier] && earlier !== e.choice) {
    return e.choice === "abstain"
      ? `${who} changed its vote on ${label}: it now abstains.`
      : `${who} changed its vote on ${label} to ${CHOICE_WORDS[e.choice]}.`;
  }
  return `${who} voted on ${label}.`;
}

const seatCalled = (v, id) => v.seats.find((s) => s.id === id)?.name || "Someone";

const EVENT_WORDS = {
  "seat-joined": (e) => `${e.name} joined.`,
  "seat-removed": () => "Someone was removed from the session.",
  "doors-set": (e) => (e.open ? "The session is taking new people again." : "The doors are closed: nobody new can join."),
  "pairs-set": () => "The pairs have changed.",
  "chair-chosen": () => "The chair has changed.",
  "roles-shuffled": () => "Roles have been shuffled.",
  "pairs-swapped": () => "Two pairs have swapped directorates.",
  "phase-started": (e) => PHASE_NEWS[e.phase] || `${PHASE_LABELS[e.phase] || e.phase} has started.`,
  "clock-paused": () => "The clock is paused.",
  "clock-resumed": () => "The clock is running again.",
  "time-advanced": (e) => `Time has moved on by a ${e.period}: see what the budgets did to the neighbourhood.`,
  "inject-released": (e) => `News: ${e.title}. It is now in your briefing pack, under News during the day.`,
  "inject-written": (e) => `News: ${e.title}. It is now in your briefing pack, under News during the day.`,
  "announced": (e) => `Announcement: ${e.text}`,
  "agenda-item-opened": (e, v) => `Now discussing: ${agendaItem(v, e.item_id)?.title || e.item_id}.`,
  "agenda-item-added": (e) => `The agenda has a new item: ${e.item?.title || "untitled"}.`,
  "agenda-item-edited": (e) => `The agenda item “${e.item?.title || ""}” has changed.`,
  "agenda-item-moved": () => "The agenda has been reordered.",
  "motion-proposed": (e, v) => `${directorateName(v, e.directorate)} proposed ${motionLabel(v, e.motion_id).toLowerCase()}.`,
  "amendment-proposed": (e, v) => `${directorateName(v, e.directorate)} proposed an amendment to ${motionLabel(v, e.motion_id).toLowerCase()}.`,
  "amendment-decided": (e, v) => `The amendment to ${motionLabel(v, e.motion_id).toLowerCase()} was ${e.accepted ? "accepted" : "declined"}.`,
  "motion-seconded": (e, v) => `${directorateName(v, e.directorate)} seconded ${motionLabel(v, e.motion_id).toLowerCase()}. Voting is open.`,
  "motion-withdrawn": (e, v) => `${motionLabel(v, e.motion_id)} was withdrawn.`,
  "motion-ruled-out": (e, v) => `The chair ruled ${motionLabel(v, e.motion_id).toLowerCase()} out of order.`,
  "ballot-changed": (e, v) => `${motionLabel(v, e.motion_id)} will be decided by a ${e.secret ? "secret" : "named"} ballot.`,
  "vote-cast": voteWords,
  "vote-closed": (e, v) => `${motionLabel(v, e.motion_id)} was ${e.carried ? "carried" : "lost"}: ${e.votes_for} for, ${e.votes_against} against.`,
  "budget-transferred": (e, v) => `${pounds(e.amount)} moved from ${directorateName(v, e.source)} to ${directorateName(v, e.target)}${e.correction ? " to correct a decision" : ""}.`,
  "motion-voided": (e, v) => `${motionLabel(v, e.motion_id)} was corrected and no longer stands.`,
  "hand-raised": (e, v) => `${seatCalled(v, e.seat_id)} is waiting to speak.`,
  "speaker-called": (e, v) => `${seatCalled(v, e.seat_id)} has the floor.`,
  "seat-moved": (e, v) => `${seatCalled(v, e.seat_id)} has moved to a new role.`,
  "ten-percent-opened": () => "The extra 10% round has started: which directorate would your extra 10% go to?",
  "ten-percent-answered": (e, v) => `${directorateName(v, e.directorate)} answered the extra 10% question.`,
  "ten-percent-revealed": () => "The extra 10% answers are revealed.",
};

/**
 * Takes events and the view after them (and `before`, the view before them, if
 * known); returns one plain sentence about the latest few.
 */
export function describeEvents(events, view, { limit = 3, before = null } = {}) {
  const words = events.map((e) => EVENT_WORDS[e.type]?.(e, view, before)).filter(Boolean);
  return words.slice(-limit).join(" ");
}
