// /play/{code}/debrief: a participant's reflection on how the partnership worked
// (1 poor to 5 excellent on each feature, and a comment), then everyone's answers
// together, anonymously, once enough people have answered.

import { codeFromPath, getJSON, sessionPath } from "./api.js";
import { keepClearOf } from "./banner-room.js";
import { SCORE_WORDS, featureName, reflectionResults, setupCharts } from "./charts.js";
import { clockDisplay } from "./clock.js";
import { Connection, commandSender, statusIndicator } from "./connection.js";
import { announce, elements, h, region, setText, show } from "./dom.js";
import { announcementContent } from "./meeting.js";

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
};

const els = elements(SELECTORS);
const code = codeFromPath("/play");
setupCharts({ big: false });

let connection = null;
let latest = null;
let features = [];
let dirty = false; // the person has changed the form since it was last filled in from their answer
const clock = clockDisplay({ phase: els.phase, countdown: els.countdown });
const act = commandSender(() => connection, { errors: els.errors, updates: els.updates });
keepClearOf(els.errors);
const results = reflectionResults({ headingLevel: 3 });
els.results.append(results.node);
const regions = { announcement: region(els.announcement), mine: region(els.mine) };
const submit = els.form.querySelector("button[type=submit]");

// --- the form ---------------------------------------------------------------------------------

function ratingGroup(f) {
  const name = featureName(f.label);
  const rest = f.label.slice(name.length).replace(/^:\s*/, "");
  return h("fieldset", { class: "rating", id: `feature-${f.id}` },
    h("legend", {}, h("strong", {}, name), rest ? h("span", { class: "legend-detail" }, `: ${rest}`) : null),
    h("div", { class: "scale" }, [1, 2, 3, 4, 5].map((n) => {
      const id = `rate-${f.id}-${n}`;
      // The whole box is the label, so a click anywhere in it chooses the score.
      return h("label", { class: "choice", for: id },
        h("input", { type: "radio", id, name: `rate-${f.id}`, value: String(n), "data-key": id }),
        h("span", {}, SCORE_WORDS[n]));
    })));
}

function buildForm(list) {
  const wanted = JSON.stringify(list.map((f) => [f.id, f.label]));
  if (els.ratings.dataset.built === wanted) return;
  els.ratings.dataset.built = wanted;
  features = list.map((f) => ({ id: f.id, label: f.label }));
  els.ratings.replaceChildren(...features.map(ratingGroup));
}

/** Puts the person's answer back into the form (after a reload, or after sending). */
function fillIn(mine) {
  for (const f of features) {
    const score = mine?.ratings?.[f.id];
    for (const input of els.ratings.querySelectorAll(`input[name="rate-${CSS.escape(f.id)}"]`)) {
      input.checked = Number(input.value) === score;
    }
  }
  els.comment.value = mine?.comment || "";
}

function chosenRatings() {
  const ratings = {};
  for (const f of features) {
    const checked = els.ratings.querySelector(`input[name="rate-${CSS.escape(f.id)}"]:checked`);
    if (checked) ratings[f.id] = Number(checked.value);
  }
  return ratings;
}

els.form.addEventListener("input", () => { dirty = true; });

els.form.addEventListener("submit", async (event) => {
  event.preventDefault();
  setText(els.formMessage, "");
  const ratings = chosenRatings();
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
  submit.disabled = latest?.session.phase !== "debrief";
});

// --- drawing from each view ----------------------------------------------------------------------

/** 4 -> "4 out of 5"; 1 -> "1 out of 5 (poor)". */
function scoreWords(n) {
  return `${n} out of 5${n === 1 ? " (poor)" : n === 5 ? " (excellent)" : ""}`;
}

function mineList(mine) {
  if (!mine) return [];
  return [
    h("dl", { class: "mine-list" }, features.map((f) => [
      h("dt", {}, featureName(f.label)),
      h("dd", {}, mine.ratings?.[f.id] ? scoreWords(mine.ratings[f.id]) : "Not rated"),
    ]), h("dt", {}, "Your comment"), h("dd", {}, mine.comment?.trim() ? mine.comment : "None")),
  ];
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
  regions.announcement.render(view.announcement, () => announcementContent(view));

  const phase = session.phase;
  const open = phase === "debrief";
  const finished = phase === "closed";
  const r = view.reflection || { features: [], mine: null };
  buildForm(r.features || []);
  if (r.mine && !dirty) fillIn(r.mine);
  show(els.before, !open && !finished);
  show(els.sessionLink.parentElement, open || finished); // the waiting card has its own link back
  show(els.closed, finished);
  show(els.formSection, open);
  if (submit.getAttribute("aria-busy") !== "true") submit.disabled = !open;
  show(els.thanks, !!r.mine && (open || finished));
  if (r.mine && !els.thanks.textContent) setText(els.thanks, "Thank you: your reflection is in. You can change your answers and send again while the debrief lasts.");
  show(els.mineSection, !!r.mine && (open || finished));
  regions.mine.render({ m: r.mine, f: features }, () => mineList(r.mine));
  show(els.resultsSection, open || finished);
  results.update(view.reflection);

  if (before && info.kind !== "http") {
    const was = before.session.phase;
    if (was !== phase && open) announce(els.updates, "The debrief has started: the reflection is open.");
    else if (was !== phase && finished) announce(els.updates, "The session has finished, so the reflection has closed.");
    else if (!before.reflection?.shown && view.reflection?.shown) announce(els.updates, "Enough people have answered: the results are shown below.");
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
