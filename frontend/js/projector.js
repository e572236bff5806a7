// /projector/{code}: the big screen. Public facts only, drawn from the
// projector's view; it never fetches briefing documents.

import { codeFromPath, getJSON, sessionPath } from "./api.js";
import { clockDisplay, itemClockDisplay } from "./clock.js";
import { Connection, statusIndicator } from "./connection.js";
import { announce, elements, h, setText, show } from "./dom.js";
import { listWords } from "./format.js";
import {
  agendaItem, announcementContent, boardTable, describeEvents, floorLists, ledgerTable, strategyPanel, tenPercentMap,
} from "./meeting.js";
import { fitMotions, leadMotion, motionsList } from "./projector-motions.js";
import { part } from "./render.js";
import {
  debriefStage, dividendPart, followedStage, newsPart, projectorAddress, showFollowUp, stageParts,
} from "./projector-stages.js";

const SELECTORS = {
  title: "#title",
  phase: "#phase",
  countdown: "#countdown",
  connection: "#connection",
  problem: "#problem",
  announcement: "#announcement",
  updates: "#updates",
  lobby: "#lobby",
  joinUrl: "#join-url",
  joinCode: "#join-code",
  joinQr: "#join-qr",
  joinWarning: "#join-warning",
  joinBox: "#join-box",
  rosterBox: "#roster-box",
  roster: "#roster",
  current: "#current",
  currentItem: "#current-item",
  itemClock: "#item-clock",
  floorSection: "#floor-section",
  floor: "#floor",
  tenSection: "#ten-section",
  ten: "#ten",
  motionsSection: "#motions-section",
  motions: "#motions",
  boardSection: "#board-section",
  board: "#board",
  side: "#side",
  ledgerSection: "#ledger-section",
  ledger: "#ledger",
  strategySection: "#strategy-section",
  strategy: "#strategy",
  newsSection: "#news-section",
  news: "#news",
  dividendSection: "#dividend-section",
  dividend: "#dividend",
  followUpNote: "#follow-up-note",
  followUpCode: "#follow-up-code",
};

const els = elements(SELECTORS);
const code = codeFromPath("/projector");
const clock = clockDisplay({ phase: els.phase, countdown: els.countdown });
const itemClock = itemClockDisplay(els.itemClock);
// Each part is drawn from every view; render.js keeps the nodes that did not change.
const parts = {
  roster: part(els.roster), current: part(els.currentItem), motions: part(els.motions),
  board: part(els.board), ledger: part(els.ledger), floor: part(els.floor), ten: part(els.ten),
  strategy: part(els.strategy), announcement: part(els.announcement), news: part(els.news),
  dividend: part(els.dividend),
};
let shownView = null; // the view drawn last, to tell a changed vote from a first one

function rosterList(view) {
  if (!view.seats.length) return h("p", {}, "Nobody yet. Join now!");
  const byAgency = new Map();
  for (const seat of view.seats) {
    if (!byAgency.has(seat.agency_name)) byAgency.set(seat.agency_name, []);
    byAgency.get(seat.agency_name).push(seat.name);
  }
  return [
    h("p", { class: "count" }, `${view.seats.length} ${view.seats.length === 1 ? "person has" : "people have"} joined`),
    h("ul", { class: "roster-list" }, [...byAgency].map(([agency, names]) =>
      h("li", {}, h("strong", {}, agency), ": ", listWords(names)))),
  ];
}

function currentItem(view) {
  const item = agendaItem(view, view.session.current_item);
  if (!item) return h("p", { class: "big-text" }, "The chair will open the first item shortly.");
  const n = view.agenda.indexOf(item) + 1;
  // The description gives way to a motion shown in full: one being put or voted on, or one just decided.
  const busy = !!leadMotion(view);
  return [
    h("p", { class: "big-text" }, h("span", { class: "subtle" }, `Item ${n} of ${view.agenda.length}: `), item.title),
    item.description && !busy ? h("p", { class: "description" }, item.description) : null,
  ];
}

// Each part of the screen, and the element that holds it.
const PARTS = {
  lobby: "lobby", join: "joinBox", roster: "rosterBox", current: "current", motions: "motionsSection",
  board: "boardSection", ledger: "ledgerSection", strategy: "strategySection", side: "side",
  news: "newsSection", dividend: "dividendSection",
};

/** Shows the parts of `stage` and hides the rest; the body carries the stage for its layout (app.css, projector.css). */
function showStageParts(view, stage) {
  const { session } = view;
  const floor = view.floor || { speaking: null, queue: [] };
  const shown = stageParts(stage);
  for (const [part, el] of Object.entries(PARTS)) show(els[el], !!shown[part]);
  show(els.floorSection, !!shown.agenda && !!(floor.speaking || floor.queue.length));
  show(els.tenSection, !!shown.ten && view.ten_percent?.status === "revealed");
  show(els.announcement, session.stage !== "blank");
  show(els.updates, session.stage !== "blank");
  document.body.dataset.phase = session.phase;
  document.body.dataset.stage = stage; // chosen or followed
  document.body.dataset.following = session.stage ? "" : "phase";
}

/** Draws every part from the view; render.js keeps the nodes that did not change, shown or not. */
function drawParts(view) {
  const revealed = view.ten_percent?.status === "revealed";
  parts.roster.render(() => rosterList(view));
  parts.current.render(() => currentItem(view));
  parts.motions.render(() => motionsList(view));
  parts.board.render(() => [
    boardTable(view, { caption: "Who holds each directorate", titles: false }),
    h("p", {}, `${view.session.chair_title}: ${view.chair?.name || "the trainer"}.`),
  ]);
  parts.ledger.render(() => ledgerTable(view, { compact: true, showCaption: false }));
  parts.floor.render(() => floorLists(view, { level: 3 }));
  parts.ten.render(() => (revealed ? tenPercentMap(view, { idPrefix: "screen-ten" }) : []));
  parts.strategy.render(() => strategyPanel(view, { level: 3 }));
  parts.news.render(() => newsPart(view));
  parts.dividend.render(() => dividendPart(view));
}

function render(view, info = {}) {
  const { session } = view;
  // Until the trainer chooses, the screen follows the phase (projector-stages.js).
  const stage = session.stage || followedStage(view);
  // The debrief's charts are drawn on the projector's debrief page, one at a time.
  if (debriefStage(stage)) return location.replace(projectorAddress(code, { debrief: true }));
  showProblem("");
  setText(els.title, session.title);
  document.title = `${session.title} – projector – Neighbourhood plc`;
  clock.update(view);
  itemClock.update(view);
  showFollowUp({ note: els.followUpNote, code: els.followUpCode }, session);
  parts.announcement.render(() => announcementContent(view));
  if (info.kind === "update" || info.kind === "resume") {
    announce(els.updates, describeEvents(info.events, view, { limit: 1, before: shownView }));
  }
  shownView = view;
  showStageParts(view, stage);
  drawParts(view);
  fitMotions(els.motions);
}

async function showJoin() {
  const fallback = `${location.origin}/play/${encodeURIComponent(code)}`;
  let url = fallback;
  let unreachable = false;
  try {
    const lobby = await getJSON(sessionPath(code, "/lobby"));
    url = lobby.join_url || fallback;
    unreachable = lobby.reachable === false;
  } catch (error) {
    if (error.status === 404) showProblem(`There is no session with the code ${code}.`);
  }
  setText(els.joinUrl, url.replace(/^https?:\/\//, ""));
  setText(els.joinCode, code);
  els.joinQr.src = sessionPath(code, "/qr.svg");
  els.joinQr.alt = `QR code for ${url}`;
  setText(els.joinWarning, unreachable
    ? "Laptops on this network cannot reach this address yet: the trainer needs to restart the server with nplc serve --host 0.0.0.0"
    : "");
  els.joinWarning.hidden = !unreachable;
}

function showProblem(message) {
  setText(els.problem, message);
  show(els.problem, !!message);
}

// A projector link carries its own read-only key, so the big screen needs nobody signed in.
const key = new URLSearchParams(location.search).get("key") || "";

/** The projector needs its link's key or the trainer's sign-in; when the websocket is refused, say so. */
async function verify() {
  if (key) return "This projector link no longer works: the trainer has made a new one. Ask them for it.";
  try {
    await getJSON("/api/sessions");
    return "";
  } catch (error) {
    return error.status === 401 || error.status === 403
      ? "The projector view only works in a browser signed in as the trainer. Open the trainer's sign-in link in this browser, then reload."
      : "";
  }
}

// What fits changes with the window and once the fonts have loaded.
addEventListener("resize", () => fitMotions(els.motions));
document.fonts?.ready.then(() => fitMotions(els.motions));
showJoin();
new Connection({
  code, as: "projector", key, after: 0, onView: render, verify,
  onError: showProblem,
  onStatus: statusIndicator(els.connection),
}).start();
