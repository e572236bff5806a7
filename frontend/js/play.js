// The participant's page, /play/{code}: the join form, then the seat's view.

import { ApiError, codeFromPath, getJSON, postJSON, sessionPath } from "./api.js";
import { keepClearOf } from "./banner-room.js";
import { clockDisplay, itemClockDisplay } from "./clock.js";
import { Connection, commandSender, statusIndicator } from "./connection.js";
import { packPanel } from "./documents.js";
import { announce, elements, setOptions, setText, show } from "./dom.js";
import { part } from "./render.js";
import { speakersPanel } from "./floor-controls.js";
import { agendaList, announcementContent, describeEvents, ledgerTable, strategyPanel } from "./meeting.js";
import { chairPanel, proposeForm, pruneKeptForms } from "./meeting-controls.js";
import { decidedMotions, newMotionFocus, newsList, openMotions, roleDetails } from "./play-view.js";
import { tenPercentPanel } from "./ten-percent.js";
import { actionBar } from "./play-actions.js";
import { pairNotebook } from "./notebook.js";
import { pairDrafts } from "./drafts.js";

const SELECTORS = {
  connection: "#connection",
  loading: "#loading",
  problem: "#problem",
  problemTitle: "#problem-title",
  problemMessage: "#problem-message",
  problemLink: "#problem-link",
  join: "#join",
  joinTitle: "#join-title",
  joinArea: "#join-area",
  joinClosed: "#join-closed",
  joinForm: "#join-form",
  joinName: "#join-name",
  joinAgency: "#join-agency",
  joinMessage: "#join-message",
  game: "#game",
  title: "#session-title",
  phase: "#phase",
  countdown: "#countdown",
  announcement: "#announcement",
  reflectInvite: "#reflect-invite",
  reflectLink: "#reflect-link",
  nextMeeting: "#next-meeting",
  nextLink: "#next-link",
  errors: "#errors",
  updates: "#updates",
  role: "#role",
  packSection: "#pack-section",
  packLink: "#pack-link",
  documents: "#documents",
  meetingSection: "#meeting-section",
  itemClock: "#item-clock",
  chairPanel: "#chair-panel",
  agenda: "#agenda",
  speakersSection: "#speakers-section",
  speakers: "#speakers",
  tenSection: "#ten-section",
  ten: "#ten",
  strategySection: "#strategy-section",
  strategy: "#strategy",
  newsSection: "#news-section",
  news: "#news",
  motionsSection: "#motions-section",
  motions: "#motions",
  decided: "#decided",
  proposeSection: "#propose-section",
  proposeNote: "#propose-note",
  propose: "#propose",
  ledger: "#ledger",
  actionBar: "#action-bar",
};

const els = elements(SELECTORS);
const code = codeFromPath("/play");
let connection = null;

function showOnly(name) {
  for (const part of ["loading", "problem", "join", "game"]) show(els[part], part === name);
}

function showProblem(title, message, link = { href: "/", text: "Go back to the home page" }) {
  setText(els.problemTitle, title);
  setText(els.problemMessage, message);
  els.problemLink.href = link.href;
  setText(els.problemLink, link.text);
  document.title = `${title} – Neighbourhood plc`;
  showOnly("problem");
}

async function boot() {
  if (!code) {
    showProblem("No session code", "The address has no session code in it.");
    return;
  }
  try {
    startGame(await getJSON(sessionPath(code, "/view")));
  } catch (error) {
    if (error.status === 401 || error.status === 403) await showJoin();
    else if (error.status === 404) showProblem("We could not find that session", `There is no session with the code ${code}.`);
    else showProblem("Something went wrong", error.message);
  }
}

// --- joining --------------------------------------------------------------------

async function showJoin(note = "") {
  let lobby;
  try {
    lobby = await getJSON(sessionPath(code, "/lobby"));
  } catch (error) {
    if (error.status === 404) showProblem("We could not find that session", `There is no session with the code ${code}.`);
    else showProblem("Something went wrong", error.message);
    return;
  }
  setText(els.joinTitle, `Join ${lobby.title}`);
  setText(els.joinArea, `Session ${lobby.code}${lobby.area ? `, set in ${lobby.area}` : ""}. You will take part in pairs, and roles are shuffled so you play a different agency from your own.`);
  document.title = `Join ${lobby.title} – Neighbourhood plc`;
  const agencies = [{ value: "", label: "Choose your organisation" },
    ...lobby.agencies.map((a) => ({ value: a.id, label: a.name })), { value: "resident", label: "Resident" }];
  setOptions(els.joinAgency, agencies);
  const closed = lobby.joinable === false;
  setText(els.joinClosed, note || (closed ? "This session is no longer taking new people. Please speak to the trainer." : ""));
  show(els.joinClosed, !!(note || closed));
  show(els.joinForm, !closed);
  showOnly("join");
}

els.joinForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  const name = els.joinName.value.trim();
  const agency = els.joinAgency.value;
  for (const el of [els.joinName, els.joinAgency]) el.removeAttribute("aria-invalid");
  const invalid = (el, message) => {
    el.setAttribute("aria-invalid", "true");
    announce(els.joinMessage, message);
    el.focus();
  };
  if (!name) return invalid(els.joinName, "Type your name.");
  if (!agency) return invalid(els.joinAgency, "Choose your organisation, or \"Resident\".");
  const button = els.joinForm.querySelector("button[type=submit]");
  button.disabled = true;
  announce(els.joinMessage, "Joining…");
  try {
    await postJSON(sessionPath(code, "/join"), { name, agency });
    startGame(await getJSON(sessionPath(code, "/view")));
  } catch (error) {
    announce(els.joinMessage, error instanceof ApiError ? error.message : "We could not join you. Please try again.");
  } finally {
    button.disabled = false;
  }
});

// --- the game ---------------------------------------------------------------------

const clock = clockDisplay({ phase: els.phase, countdown: els.countdown });
const itemClock = itemClockDisplay(els.itemClock);
// Each part is drawn from every view; render.js keeps the nodes that did not change.
const parts = Object.fromEntries(["announcement", "strategy", "news", "role", "agenda", "motions", "decided", "ledger"]
  .map((name) => [name, part(els[name])]));
const pack = packPanel(els.documents, code);
keepClearOf(els.errors);
let actions = null;
let chair = null;
let propose = null;
let speakers = null;
let tenPercent = null;
let packKey = null;
let shownView = null; // the view drawn last, to tell a changed vote from a first one
const newMotion = newMotionFocus();
let notebook = null;
let drafts = null;

/** Sends a command; a refusal is shown in `where` (or the page's error area) and rethrown. */
const act = commandSender(() => connection, { errors: els.errors, updates: els.updates });

/** Asked when the websocket cannot connect: is there a reason that retrying will not fix? */
async function verify() {
  try {
    await getJSON(sessionPath(code, "/view"));
    return "";
  } catch (error) {
    if (error.status === 401 || error.status === 403) return "This browser no longer holds a seat in the session. Reload the page to join again.";
    if (error.status === 404) return `There is no longer a session with the code ${code}.`;
    return "";
  }
}

function startGame(view) {
  if (view.viewer === "trainer") {
    showProblem("You are signed in as the trainer",
      "This browser is signed in as the trainer, so it cannot also take a seat. To try the participant's page, use a private window or another browser.",
      { href: `/trainer/${encodeURIComponent(code)}`, text: "Open the trainer's console for this session" });
    return;
  }
  showOnly("game");
  els.packLink.href = `/play/${encodeURIComponent(code)}/pack`;
  els.connection.hidden = false;
  if (!connection) {
    connection = new Connection({
      code, as: "seat", after: view.session?.seq || 0,
      onView: render,
      onError: (message) => announce(els.errors, message),
      onStatus: statusIndicator(els.connection),
      verify,
    });
    connection.start();
  }
  render(view, { events: [], kind: "http" });
}

function render(view, info = {}) {
  if (view.me?.removed) {
    connection?.stop();
    connection = null;
    els.connection.hidden = true;
    showJoin("The trainer has taken you out of this session. If that was a mistake, you can join again or speak to the trainer.");
    return;
  }
  const session = view.session;
  setText(els.title, session.title);
  if (!actions) actions = actionBar(els.actionBar, act, session.code);
  const tag = actions.update(view);
  document.title = `${tag ? `(${tag}) ` : ""}${session.title} – Neighbourhood plc`;
  clock.update(view);
  show(els.reflectInvite, session.phase === "debrief" && view.me?.can?.reflect !== false);
  els.reflectLink.href = `/play/${encodeURIComponent(session.code)}/debrief`;
  parts.announcement.render(() => announcementContent(view));
  if (info.kind === "update" || info.kind === "resume") {
    const words = describeEvents(info.events, view, { before: shownView });
    if (words) announce(els.updates, words);
  }
  shownView = view;
  parts.role.render(() => roleDetails(view));
  if (!notebook) notebook = pairNotebook(els.role.closest("section"), act);
  notebook.update(view);
  if (!drafts) drafts = pairDrafts(document.getElementById("notebook-section"), act);
  drafts.update(view);
  renderPack(view, info.events || []);
  renderMeeting(view);
  lookForNextMeeting(session);
}

// The earlier meeting records the follow-up when the trainer starts it, so the view says where it is: the
// page needs to ask nothing (the view comes again after any reconnect).
function lookForNextMeeting(session) {
  show(els.nextMeeting, !!session.follow_up);
  if (session.follow_up) els.nextLink.href = `/play/${encodeURIComponent(session.follow_up)}`;
}

// The pack's documents come over HTTP, not in the view: fetch them again only when what this seat may read can have changed.
function renderPack(view, events) {
  const { session, me } = view;
  show(els.packSection, session.packs_open);
  const key = session.packs_open ? [me.role, me.directorate, me.title, session.phase].join("|") : null;
  const newDocuments = events.some((e) => /inject|document|release/.test(e.type));
  if (key === packKey && !newDocuments) return;
  packKey = key;
  if (key) pack.refresh();
  else pack.clear();
}

function renderMeeting(view) {
  const { session, me } = view;
  const phase = session.phase;
  const inMeeting = ["board", "debrief", "closed"].includes(phase);
  show(els.meetingSection, phase !== "lobby" && session.shuffled);
  // From the board meeting on, the meeting matters more than the pack, so it comes first.
  const meetingFirst = inMeeting && els.meetingSection.nextElementSibling !== els.packSection;
  const packFirst = !inMeeting && els.packSection.nextElementSibling !== els.meetingSection;
  if (meetingFirst) els.packSection.before(els.meetingSection);
  if (packFirst) els.meetingSection.before(els.packSection);
  show(els.motionsSection, inMeeting);

  const chairs = !!me.can?.chair && phase === "board";
  show(els.chairPanel, chairs);
  if (chairs && !chair) chair = chairPanel(els.chairPanel, act);
  chair?.update(view);
  itemClock.update(view);
  // While preparing, every item's description helps; in the meeting, only the open item's.
  const descriptions = phase === "board" && session.current_item ? "current" : "all";
  parts.agenda.render(() => agendaList(view, { descriptions }));

  const board = phase === "board";
  show(els.speakersSection, board);
  if (board && !speakers) speakers = speakersPanel(els.speakers, act, { seat: true, prefix: "floor" });
  speakers?.update(view);
  if (!tenPercent && view.ten_percent && view.ten_percent.status !== "not_started") tenPercent = tenPercentPanel(els.ten, act);
  show(els.tenSection, !!tenPercent?.update(view));

  const proposing = !!me.can?.propose;
  show(els.proposeSection, proposing);
  if (proposing && !propose) propose = proposeForm(els.propose, act, { onSending: newMotion.sending, onProposed: newMotion.expect });
  propose?.update(view);
  setText(els.proposeNote, session.current_item ? "" : "The chair has not opened an agenda item yet. Motions can be put once one is open.");

  const report = (message) => announce(els.errors, message);
  pruneKeptForms(view);
  parts.motions.render(() => openMotions(view, act, report));
  parts.decided.render(() => decidedMotions(view, act, report));
  newMotion.seen(view);
  show(els.strategySection, inMeeting);
  parts.strategy.render(() => strategyPanel(view, { level: 4 }));
  show(els.newsSection, view.injects.length > 0);
  parts.news.render(() => newsList(view));
  parts.ledger.render(() => ledgerTable(view, { showCaption: false }));
}

window.addEventListener("error", () => {
  if (!els.loading.hidden) showProblem("Something went wrong", "The page could not start. Please reload it.");
});

boot();
