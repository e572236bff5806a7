// /trainer/{code}: the trainer's console for one session.

import { getJSON, sessionPath } from "./api.js";
import { clockDisplay, itemClockDisplay } from "./clock.js";
import { Connection, commandSender, statusIndicator } from "./connection.js";
import { announce, elements, h, hiddenText, setOptions, setText, show } from "./dom.js";
import { speakersPanel } from "./floor-controls.js";
import { PHASE_LABELS } from "./format.js";
import { agendaList, announcementContent, describeEvents, ledgerTable, motionCard, splitMotions, strategyPanel } from "./meeting.js";
import { chairMotionControls, chairPanel, correctionControls, pruneKeptForms } from "./meeting-controls.js";
import { tenPercentConsole } from "./ten-percent.js";
import { part } from "./render.js";
import { arrivalsForm } from "./trainer-arrivals.js";
import { undoButton } from "./trainer-undo.js";
import { markPhase, wireControls } from "./trainer-controls.js";
import { wireProjectorLink, wireStageButtons } from "./trainer-projector.js";
import { wireSections } from "./trainer-sections.js";
import { agendaEditor } from "./trainer-agenda-editor.js";
import { announcementForm } from "./trainer-announcement.js";
import { moveForm } from "./trainer-move.js";
import { injectList, newsWriter, recipientsPicker } from "./trainer-news.js";
import { speakingRecord } from "./trainer-record.js";
import { pairsList, rosterTable, shuffleResult, swapOptions } from "./trainer-view.js";

const SELECTORS = {
  connection: "#connection",
  title: "#console-title",
  phase: "#phase",
  countdown: "#countdown",
  announcement: "#announcement",
  errors: "#errors",
  updates: "#updates",
  joinCode: "#join-code",
  joinUrl: "#join-url",
  joinQr: "#join-qr",
  joinWarning: "#join-warning",
  projectorLink: "#projector-link",
  minutes: "#phase-minutes",
  phaseButtons: "#phase-buttons",
  phaseNow: "#phase-now",
  pause: "#pause-button",
  followUpNote: "#follow-up-note",
  followUpLink: "#follow-up-link",
  roster: "#roster",
  autoPair: "#auto-pair",
  pairs: "#pairs",
  chairSelect: "#chair-select",
  shuffleForm: "#shuffle-form",
  seed: "#shuffle-seed",
  shuffleResult: "#shuffle-result",
  swapForm: "#swap-form",
  swapFirst: "#swap-first",
  swapSecond: "#swap-second",
  minutesLink: "#minutes-link",
  exportLink: "#export-link",
  exportZipLink: "#export-zip-link",
  dividendLine: "#dividend-line",
  advanceQuarter: "#advance-quarter",
  advanceYear: "#advance-year",
  itemClock: "#item-clock",
  chairPanel: "#chair-panel",
  agenda: "#agenda",
  speakers: "#speakers",
  motions: "#motions",
  strategy: "#strategy",
  ledger: "#ledger",
  announce: "#announce",
  ten: "#ten",
  releaseTo: "#release-to",
  injects: "#injects",
  newsWriter: "#news-writer",
  agendaEditor: "#agenda-editor",
  move: "#move",
  moveSection: "#move-section",
  record: "#record",
};

export async function startConsole(code, { showPart, showSignIn, showProblem }) {
  let view;
  try {
    view = await getJSON(sessionPath(code, "/view"));
  } catch (error) {
    if (error.status === 401) showSignIn();
    else if (error.status === 403) showProblem("This session is run by another trainer", error.message);
    else if (error.status === 404) showProblem("We could not find that session", `There is no session with the code ${code}.`);
    else showProblem("Something went wrong", error.message);
    return;
  }
  const els = elements(SELECTORS);
  const page = trainerConsole(code, els);
  showPart("console");
  page.render(view, { kind: "http", events: [] });
  page.connect(view.session.seq || 0);
  getJSON(sessionPath(code, "/lobby")).then((lobby) => page.showJoin(lobby)).catch(() => page.showJoin(null));
}

function trainerConsole(code, els) {
  let connection = null;
  let latest = null;
  const clock = clockDisplay({ phase: els.phase, countdown: els.countdown });
  const itemClock = itemClockDisplay(els.itemClock);
  // Every part is drawn from every view through render.js: what did not change keeps its nodes, focus included.
  const regions = {
    roster: part(els.roster), pairs: part(els.pairs), shuffle: part(els.shuffleResult),
    agenda: part(els.agenda), motions: part(els.motions), ledger: part(els.ledger),
    injects: part(els.injects), strategy: part(els.strategy), record: part(els.record),
    announcement: part(els.announcement),
  };

  const act = commandSender(() => connection, { errors: els.errors, updates: els.updates });
  const report = (message) => announce(els.errors, message);
  const chair = chairPanel(els.chairPanel, act);
  const speakers = speakersPanel(els.speakers, act, { prefix: "console-floor", level: 3, chairFirst: true });
  const releaseTo = recipientsPicker("release", "Who gets the news you release");
  els.releaseTo.replaceChildren(releaseTo.node);
  const forms = [
    speakers, releaseTo, newsWriter(els.newsWriter, act), announcementForm(els.announce, act),
    agendaEditor(els.agendaEditor, act), moveForm(els.move, act), tenPercentConsole(els.ten, act),
    arrivalsForm(els.moveSection, act), undoButton(els.moveSection, act),
  ];
  els.minutesLink.href = `/trainer/${encodeURIComponent(code)}/minutes`;
  for (const link of document.querySelectorAll(".debrief-link")) link.href = `/trainer/${encodeURIComponent(code)}/debrief`;
  els.exportLink.href = sessionPath(code, "/export.json");
  els.exportZipLink.href = sessionPath(code, "/export.zip");
  wireControls(els, { act, report, latest: () => latest });
  const sections = wireSections();
  wireProjectorLink(code, report);
  const stageButtons = wireStageButtons(act);

  // --- drawing from each view --------------------------------------------------------
  function render(view, info = {}) {
    const before = latest;
    latest = view;
    const { session } = view;
    setText(els.title, `Session ${session.code}: ${session.title}`);
    document.title = `${session.code} – ${session.title} – Neighbourhood plc`;
    clock.update(view);
    stageButtons(view);
    sections(view);
    if (info.kind === "update" || info.kind === "resume") {
      const words = describeEvents(info.events, view, { before });
      if (words) announce(els.updates, words);
    }
    const lobby = session.phase === "lobby";
    setText(els.phaseNow, `Now: ${PHASE_LABELS[session.phase] || session.phase}${session.paused ? " (clock paused)" : ""}.`);
    els.pause.replaceChildren(session.paused ? "Resume" : "Pause", hiddenText(" clock"));
    els.pause.disabled = session.phase === "closed";
    markPhase(els, session.phase);
    els.autoPair.disabled = !lobby;
    els.chairSelect.disabled = !lobby;
    els.shuffleForm.querySelector("button").disabled = !lobby;

    regions.roster.render(() => rosterTable(view, act, report));
    regions.pairs.render(() => pairsList(view));
    setOptions(els.chairSelect, [{ value: "", label: "The trainer chairs" },
      ...view.seats.map((s) => ({ value: s.id, label: `${s.name} (${s.agency_name})` }))], session.chair_pick || "");
    regions.shuffle.render(() => shuffleResult(view));
    const swaps = swapOptions(view);
    show(els.swapForm, session.shuffled && ["lobby", "read_in"].includes(session.phase) && swaps.length > 1);
    setOptions(els.swapFirst, swaps);
    setOptions(els.swapSecond, swaps, els.swapSecond.value || swaps[1]?.value);
    regions.announcement.render(() => announcementContent(view));
    for (const form of forms) form.update(view);
    regions.injects.render(() => injectList(view, act, releaseTo, report));
    regions.record.render(() => speakingRecord(view));
    renderMeeting(view);
    renderTime(els, view);
    renderFollowUp(els, session);
  }

  function renderMeeting(view) {
    const { session } = view;
    show(els.chairPanel, session.phase === "board");
    chair.update(view);
    itemClock.update(view);
    regions.agenda.render(() => agendaList(view, { descriptions: "current" }));
    pruneKeptForms(view);
    regions.motions.render(() => {
      const { open, done } = splitMotions(view);
      const card = (m) => motionCard(view, m, {
        level: 3, controls: [...chairMotionControls(view, m, act, report), ...correctionControls(view, m, act)],
      });
      if (!open.length && !done.length) return h("p", {}, "No motions yet. Directorates put motions during the board meeting.");
      return [...open, ...done].map(card);
    });
    regions.strategy.render(() => strategyPanel(view, { level: 3 }));
    regions.ledger.render(() => ledgerTable(view, { compact: true, showCaption: false }));
  }

  return {
    render,
    connect(after) {
      connection = new Connection({
        code, as: "trainer", after, onView: render, onError: report, onStatus: statusIndicator(els.connection),
        verify: () => getJSON(sessionPath(code, "/view")).then(() => "", (error) => (
          error.status === 401 || error.status === 403
            ? "Your trainer sign-in has ended (signed out, revoked or run out). Open a fresh sign-in link (nplc sign-in prints one), then reload this page."
            : error.status === 404 ? `There is no longer a session with the code ${code}.` : "")),
      });
      els.connection.hidden = false;
      connection.start();
    },
    showJoin(lobby) {
      const url = lobby?.join_url || `${location.origin}/play/${encodeURIComponent(code)}`;
      setText(els.joinCode, code);
      setText(els.joinUrl, url);
      els.joinUrl.href = url;
      els.joinQr.src = sessionPath(code, "/qr.svg");
      els.joinQr.alt = `QR code for the join address, ${url}`;
      // Bound to this computer only: the join address and QR code cannot work from participants' laptops.
      setText(els.joinWarning, lobby?.reach_warning || "");
      els.joinWarning.hidden = !lobby?.reach_warning;
      els.projectorLink.href = `/projector/${encodeURIComponent(code)}`;
    },
  };
}

/** The consequences part: the dividend so far, and the buttons that move time on (board meeting and debrief only). */
/** Once the follow-up has started, this meeting's console points to it: a trainer who kept the old tab open
 * (or opens it from the list) goes on from there rather than running the finished meeting. */
function renderFollowUp(els, session) {
  show(els.followUpNote, Boolean(session.follow_up));
  if (!session.follow_up) return;
  els.followUpLink.href = `/trainer/${encodeURIComponent(session.follow_up)}`;
  setText(els.followUpLink, session.follow_up);
}

function renderTime(els, view) {
  const rounds = view.consequences?.rounds || [];
  const last = rounds.at(-1);
  setText(els.dividendLine, last
    ? `Residents' dividend ${last.label.toLowerCase()}: ${Number(last.dividend).toFixed(2)} (100.00 at the start).`
    : "Time has not moved on yet: the residents' dividend is 100.00.");
  const can = ["board", "debrief"].includes(view.session.phase);
  els.advanceQuarter.disabled = !can;
  els.advanceYear.disabled = !can;
}
