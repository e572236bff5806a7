// /trainer/{code}/debrief (with the trainer's controls) and /projector/{code}/debrief
// (large type, no controls): what happened at the board, in charts and words, so a
// trainer can lead the conversation from it. Everything is drawn from the view:
// each part (debrief-*.js) morphs its own piece of the page through render.js, so a
// live update leaves focus, open disclosures and scroll positions where they were,
// and what someone should hear of it is said in the polite #updates region.

import { codeFromPath, getJSON, sessionPath } from "./api.js";
import { keepClearOf } from "./banner-room.js";
import { setupCharts } from "./charts.js";
import { clockDisplay } from "./clock.js";
import { Connection, commandSender, statusIndicator } from "./connection.js";
import { advanceControls, wireRecord } from "./debrief-controls.js";
import { costsSection } from "./debrief-costs.js";
import { dividendSection } from "./debrief-dividend.js";
import { flowsSection } from "./debrief-flows.js";
import { indicatorsSection } from "./debrief-indicators.js";
import { motionsPart, tenPart } from "./debrief-motions.js";
import { voicesSection } from "./debrief-voices.js";
import { debriefNews } from "./debrief-words.js";
import { announce, elements, setText, show } from "./dom.js";
import { announcementContent, describeEvents } from "./meeting.js";
import { debriefStage, projectorAddress, showFollowUp } from "./projector-stages.js";
import { reflectionResults } from "./reflect-results.js";
import { part } from "./render.js";

const PROJECTOR = location.pathname.startsWith("/projector/");
// A projector link carries its own read-only key, so the big screen needs nobody signed in.
const projectorKey = PROJECTOR ? new URLSearchParams(location.search).get("key") || "" : "";
const code = codeFromPath(PROJECTOR ? "/projector" : "/trainer");

const SELECTORS = {
  brandLink: "#brand-link",
  connection: "#connection",
  loading: "#loading",
  problem: "#problem",
  problemTitle: "#problem-title",
  problemMessage: "#problem-message",
  problemLink: "#problem-link",
  content: "#content",
  title: "#title",
  meeting: "#meeting",
  phase: "#phase",
  countdown: "#countdown",
  trainerLinks: "#trainer-links",
  consoleLink: "#console-link",
  projectorLink: "#projector-link",
  announcement: "#announcement",
  errors: "#errors",
  updates: "#updates",
  contents: "#contents",
  recordNav: "#record-nav",
  dividendNow: "#dividend-now",
  dividendWhy: "#dividend-why",
  dividendChart: "#dividend-chart",
  advance: "#advance",
  advanceQuarter: "#advance-quarter",
  advanceYear: "#advance-year",
  advanceHint: "#advance-hint",
  transfers: "#transfers",
  budgetChart: "#budget-chart",
  costsWhen: "#costs-when",
  costsChart: "#costs-chart",
  causes: "#causes",
  indicatorsWhen: "#indicators-when",
  indicatorCharts: "#indicator-charts",
  indicatorRounds: "#indicator-rounds",
  indicatorRoundsTable: "#indicator-rounds-table",
  indicatorTable: "#indicator-table",
  motions: "#motions",
  voicesSummary: "#voices-summary",
  voiceCharts: "#voice-charts",
  voiceChart: "#voice-chart",
  peopleChart: "#people-chart",
  ten: "#ten",
  reflection: "#reflection",
  recordSection: "#record-section",
  minutesLink: "#minutes-link",
  jsonLink: "#json-link",
  zipLink: "#zip-link",
  fullJsonLink: "#full-json-link",
  followUp: "#follow-up",
  followUpMessage: "#follow-up-message",
  deleteButton: "#delete",
  deleteConfirm: "#delete-confirm",
  deleteQuestion: "#delete-question",
  deleteCode: "#delete-code",
  deleteYes: "#delete-yes",
  deleteNo: "#delete-no",
  deleteMessage: "#delete-message",
  followUpNote: "#follow-up-note",
  followUpLink: "#follow-up-link",
};

const els = elements(SELECTORS);
setupCharts({ big: PROJECTOR });

// On the projector one part shows at a time, the one the trainer put on the big screen.
const STAGE_SECTIONS = {
  debrief: "dividend-section", "debrief-flows": "flows-section", "debrief-costs": "costs-section",
  "debrief-indicators": "indicators-section", "debrief-motions": "motions-section", "debrief-voices": "voices-section",
  "debrief-ten": "ten-section", "debrief-reflection": "reflection-section",
};

let connection = null;
let latest = null;
let advance = null; // the trainer's time controls; the projector has none

const mode = { projector: PROJECTOR };
const sections = [
  dividendSection(els, mode), flowsSection(els), costsSection(els, mode), indicatorsSection(els, mode), voicesSection(els, mode),
];
const reflection = reflectionResults({ headingLevel: 3, big: PROJECTOR });
els.reflection.append(reflection.node);
const parts = { announcement: part(els.announcement), motions: part(els.motions), ten: part(els.ten) };

const clock = clockDisplay({ phase: els.phase, countdown: els.countdown });
const act = commandSender(() => connection, { errors: els.errors, updates: els.updates });
keepClearOf(els.errors);

/** On the projector: the one part the trainer chose (the dividend until they choose); another stage leaves the debrief. */
function showStage(stage) {
  if (stage && !debriefStage(stage)) {
    location.replace(projectorAddress(code, { debrief: false }));
    return false;
  }
  const shown = STAGE_SECTIONS[stage] || STAGE_SECTIONS.debrief;
  for (const section of document.querySelectorAll(".debrief-card")) show(section, section.id === shown);
  document.body.dataset.stage = stage || "debrief";
  document.body.dataset.following = stage ? "" : "phase";
  return true;
}

/** Says what changed in the polite live region: the events, time moving on, reflections arriving. */
function announceChanges(before, view, info) {
  if (info.kind !== "update" && info.kind !== "resume") return;
  const said = [describeEvents(info.events, view, { limit: 2 }), ...debriefNews(before, view)].filter(Boolean).join(" ");
  if (said) announce(els.updates, said);
}

function render(view, info = {}) {
  if (PROJECTOR && !showStage(view.session.stage)) return;
  const before = latest;
  latest = view;
  const { session } = view;
  document.body.dataset.phase = session.phase;
  show(els.loading, false);
  show(els.problem, false);
  show(els.content, true);
  setText(els.title, `Debrief: ${session.title}`);
  document.title = `Debrief – ${session.code} – ${session.title} – Neighbourhood plc`;
  setText(els.meeting, `Meeting ${session.meeting || 1}${session.previous ? `, following session ${session.previous}` : ""}`);
  clock.update(view);
  // The trainer's page links to the follow-up's console; the big screen only names it.
  showFollowUp({ note: els.followUpNote, code: els.followUpLink }, session,
    PROJECTOR ? null : (next) => `/trainer/${encodeURIComponent(next)}`);
  parts.announcement.render(() => announcementContent(view));
  announceChanges(before, view, info);
  advance?.render(view);
  for (const section of sections) section.render(view);
  parts.motions.render(() => motionsPart(view));
  parts.ten.render(() => tenPart(view, mode));
  reflection.update(view.reflection, { opensLater: !["debrief", "closed"].includes(session.phase) });
}

// --- starting up ------------------------------------------------------------------------------------

function showProblem(title, message, link = { href: "/trainer", text: "Back to your sessions" }) {
  setText(els.problemTitle, title);
  setText(els.problemMessage, message);
  els.problemLink.href = link.href;
  setText(els.problemLink, link.text);
  document.title = `${title} – Neighbourhood plc`;
  show(els.loading, false);
  show(els.content, false);
  show(els.problem, true);
}

function report(message) {
  if (latest) announce(els.errors, message);
  else showProblem("We could not open the debrief", message);
}

async function verify() {
  if (projectorKey) return "This projector link no longer works: the trainer has made a new one. Ask them for it.";
  try {
    await getJSON(sessionPath(code, "/view"));
    return "";
  } catch (error) {
    if (error.status === 401 || error.status === 403) {
      return PROJECTOR
        ? "The projector view only works in a browser signed in as the trainer. Open the trainer's sign-in link in this browser, then reload."
        : "Your trainer sign-in has run out. Open a fresh sign-in link (nplc sign-in prints one), then reload this page.";
    }
    return error.status === 404 ? `There is no longer a session with the code ${code}.` : "";
  }
}

function setMode() {
  if (PROJECTOR) {
    document.body.classList.add("projector");
    els.brandLink.removeAttribute("href");
    return;
  }
  for (const el of [els.trainerLinks, els.contents, els.advance, els.recordSection, els.recordNav]) show(el, true);
  els.consoleLink.href = `/trainer/${encodeURIComponent(code)}`;
  els.projectorLink.href = `/projector/${encodeURIComponent(code)}/debrief`;
  // The big screen shows the debrief only while a debrief stage is chosen: opening it here chooses the first.
  els.projectorLink.addEventListener("click", () => {
    if (!debriefStage(latest?.session.stage)) act({ type: "set-stage", stage: "debrief" }).catch(() => {});
  });
  advance = advanceControls(els, act);
  wireRecord(els, code, () => connection);
}

async function boot() {
  if (!code) {
    showProblem("No session code", "The address has no session code in it.");
    return;
  }
  // With a projector link's key nobody is signed in: the projector's own view comes over the websocket.
  if (projectorKey) {
    setMode();
    connect(null);
    return;
  }
  let view;
  try {
    view = await getJSON(sessionPath(code, "/view"));
  } catch (error) {
    if (error.status === 401 || error.status === 403) {
      showProblem("Sign in as a trainer", PROJECTOR
        ? "The projector view only works in a browser signed in as the trainer. Open the trainer's sign-in link in this browser, then reload this page."
        : "The debrief is for the trainers who run the day. Open the sign-in link that nplc serve printed when the server started (run nplc sign-in for a fresh one), then reload this page.",
      { href: "/", text: "Go to the home page" });
    } else if (error.status === 404) {
      showProblem("We could not find that session", `There is no session with the code ${code}.`);
    } else {
      showProblem("Something went wrong", error.message);
    }
    return;
  }
  if (view.viewer !== "trainer") {
    showProblem("This page is for the trainer", "Participants see the debrief and give their reflection on their own page.",
      { href: `/play/${encodeURIComponent(code)}/debrief`, text: "Go to your reflection" });
    return;
  }
  setMode();
  // The projector draws only what the projector may see, so it waits for its own view over the websocket.
  if (!PROJECTOR) render(view, { kind: "http", events: [] });
  connect(view);
}

/** Opens the live connection; the trainer's page carries on from `view`, the projector's starts from the beginning. */
function connect(view) {
  connection = new Connection({
    code, as: PROJECTOR ? "projector" : "trainer", key: projectorKey, after: PROJECTOR ? 0 : (view?.session.seq || 0),
    onView: render, onError: report, onStatus: statusIndicator(els.connection), verify,
  });
  els.connection.hidden = false;
  connection.start();
}

boot();
