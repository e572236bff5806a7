// /play/{code}/debrief: a participant's reflection on how the partnership worked
// (1 poor to 5 excellent on each feature, and a comment), then everyone's answers
// together, anonymously, once enough people have answered. An observer, or someone
// never given a place, sees why they give none, and the results.

import { codeFromPath, getJSON, sessionPath } from "./api.js";
import { keepClearOf } from "./banner-room.js";
import { setupCharts } from "./charts.js";
import { clockDisplay } from "./clock.js";
import { Connection, commandSender, statusIndicator } from "./connection.js";
import { announce, elements, h, setText, show } from "./dom.js";
import { announcementContent } from "./meeting.js";
import { reflectionForm } from "./reflect-form.js";
import { featureName, reflectionResults } from "./reflect-results.js";
import { notReflecting, reflectNews, scoreWords } from "./reflect-words.js";
import { part } from "./render.js";

const SELECTORS = {
  connection: "#connection",
  loading: "#loading",
  problem: "#problem",
  problemTitle: "#problem-title",
  problemMessage: "#problem-message",
  problemLink: "#problem-link",
  content: "#content",
  title: "#title",
  sessionName: "#session-name",
  phase: "#phase",
  countdown: "#countdown",
  announcement: "#announcement",
  errors: "#errors",
  updates: "#updates",
  before: "#before",
  notYours: "#not-yours",
  notYoursTitle: "#not-yours-title",
  notYoursText: "#not-yours-text",
  backLink: "#back-link",
  closed: "#closed",
  formSection: "#form-section",
  form: "#reflect-form",
  ratings: "#ratings",
  comment: "#comment",
  formMessage: "#form-message",
  thanks: "#thanks",
  mineSection: "#mine-section",
  mine: "#mine",
  resultsSection: "#results-section",
  results: "#results",
  sessionLink: "#session-link",
  nextMeeting: "#next-meeting",
  nextLink: "#next-link",
};

const els = elements(SELECTORS);
const code = codeFromPath("/play");
setupCharts({ big: false });

let connection = null;
let latest = null;
let dirty = false; // the person has changed the form since it was last filled in from their answer
const clock = clockDisplay({ phase: els.phase, countdown: els.countdown });
const act = commandSender(() => connection, { errors: els.errors, updates: els.updates });
keepClearOf(els.errors);
const results = reflectionResults({ headingLevel: 3 });
els.results.append(results.node);
// Drawn from each view by morphing (render.js): focus, and anything open, stay where they were.
const parts = { announcement: part(els.announcement), mine: part(els.mine) };
const form = reflectionForm(els.ratings, els.comment);
const submit = els.form.querySelector("button[type=submit]");

// --- the form ---------------------------------------------------------------------------------

els.form.addEventListener("input", () => { dirty = true; });

els.form.addEventListener("submit", async (event) => {
  event.preventDefault();
  setText(els.formMessage, "");
  const ratings = form.chosen();
  if (!Object.keys(ratings).length) {
    setText(els.formMessage, "Choose a score for at least one feature, then send your reflection.");
    els.ratings.querySelector("input")?.focus();
    return;
  }
  const again = !!latest?.reflection?.mine;
  submit.setAttribute("aria-busy", "true");
  submit.disabled = true;
  try {
    await act({ type: "reflect", ratings, comment: els.comment.value.trim() }, els.formMessage);
    dirty = false;
    setText(els.thanks, again
      ? "Thank you: your reflection has been updated. Your answers are below."
      : "Thank you: your reflection is in. Your answers are below; you can change them and send again while the debrief lasts.");
    show(els.thanks, true);
    els.thanks.focus();
  } catch { /* act() has shown why, next to the button */ }
  submit.removeAttribute("aria-busy");
  submit.disabled = !(latest?.session.phase === "debrief" && !notReflecting(latest?.me));
});

// --- drawing from each view ----------------------------------------------------------------------

function mineList(mine) {
  if (!mine) return null;
  return h("dl", { class: "mine-list" }, form.features.map((f) => [
    h("dt", {}, featureName(f.label)),
    h("dd", {}, mine.ratings?.[f.id] ? scoreWords(mine.ratings[f.id]) : "Not rated"),
  ]), h("dt", {}, "Your comment"), h("dd", {}, mine.comment?.trim() ? mine.comment : "None"));
}

/** Which cards show: the form while the debrief lasts (for those who reflect), what comes before and after. */
function showCards(view) {
  const phase = view.session.phase;
  const open = phase === "debrief";
  const finished = phase === "closed";
  const r = view.reflection || { features: [], mine: null };
  const why = notReflecting(view.me);
  show(els.notYours, !!why);
  if (why) {
    setText(els.notYoursTitle, why.title);
    setText(els.notYoursText, why.text);
  }
  show(els.before, !why && !open && !finished);
  show(els.sessionLink.parentElement, !!why || open || finished); // the waiting card has its own link back
  show(els.closed, !why && finished);
  show(els.formSection, !why && open);
  if (submit.getAttribute("aria-busy") !== "true") submit.disabled = !open || !!why;
  show(els.thanks, !why && !!r.mine && (open || finished));
  if (r.mine && !els.thanks.textContent) setText(els.thanks, "Thank you: your reflection is in. You can change your answers and send again while the debrief lasts.");
  show(els.mineSection, !why && !!r.mine && (open || finished));
  show(els.resultsSection, open || finished);
}

/** Once the trainer starts the follow-up (the view says where), the way to this seat's place in it. */
function showNextMeeting(session) {
  show(els.nextMeeting, !!session.follow_up);
  if (session.follow_up) els.nextLink.href = `/play/${encodeURIComponent(session.follow_up)}`;
}

function render(view, info = {}) {
  const before = latest;
  latest = view;
  const { session } = view;
  if (view.me?.removed) {
    showProblem("You are no longer in this session", "The trainer has removed your seat. Please speak to the trainer.",
      { href: `/play/${encodeURIComponent(code)}`, text: "Back to the session" });
    return;
  }
  show(els.loading, false);
  show(els.problem, false);
  show(els.content, true);
  setText(els.sessionName, `${session.title} (${session.code})`);
  document.title = `Your reflection – ${session.title} – Neighbourhood plc`;
  clock.update(view);
  parts.announcement.render(() => announcementContent(view));
  const r = view.reflection || { features: [], mine: null };
  form.build(r.features || []);
  if (r.mine && !dirty) form.fillIn(r.mine);
  showCards(view);
  showNextMeeting(session);
  parts.mine.render(() => mineList(r.mine));
  results.update(view.reflection);
  if (info.kind !== "http") {
    const said = reflectNews(before, view);
    if (said) announce(els.updates, said);
  }
}

// --- starting up -------------------------------------------------------------------------------------

function showProblem(title, message, link = { href: "/", text: "Go back to the home page" }) {
  setText(els.problemTitle, title);
  setText(els.problemMessage, message);
  els.problemLink.href = link.href;
  setText(els.problemLink, link.text);
  document.title = `${title} – Neighbourhood plc`;
  show(els.loading, false);
  show(els.content, false);
  show(els.problem, true);
}

async function boot() {
  const play = `/play/${encodeURIComponent(code)}`;
  els.backLink.href = play;
  els.sessionLink.href = play;
  if (!code) {
    showProblem("No session code", "The address has no session code in it.");
    return;
  }
  let view;
  try {
    view = await getJSON(sessionPath(code, "/view"));
  } catch (error) {
    if (error.status === 401 || error.status === 403) {
      showProblem("Join the session first", "This browser has not joined this session. Join it, then come back here for the reflection at the debrief.",
        { href: play, text: "Join the session" });
    } else if (error.status === 404) {
      showProblem("We could not find that session", `There is no session with the code ${code}.`);
    } else {
      showProblem("Something went wrong", error.message);
    }
    return;
  }
  if (view.viewer !== "seat") {
    showProblem("This page is for participants", "The trainer sees everyone's reflection together on the debrief page.",
      { href: `/trainer/${encodeURIComponent(code)}/debrief`, text: "Open the trainer's debrief" });
    return;
  }
  render(view, { kind: "http", events: [] });
  connection = new Connection({
    code, as: "seat", after: view.session.seq || 0, onView: render,
    onError: (message) => announce(els.errors, message),
    onStatus: statusIndicator(els.connection),
    verify: () => getJSON(sessionPath(code, "/view")).then(() => "", (error) => (
      error.status === 401 || error.status === 403
        ? "This browser is no longer part of the session. Go back to the session page to join again."
        : error.status === 404 ? `There is no longer a session with the code ${code}.` : "")),
  });
  els.connection.hidden = false;
  connection.start();
}

boot();
