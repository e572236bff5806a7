// /trainer: the trainer's sessions, and a form to create one from a scenario.

import { getJSON, postFile, postJSON } from "./api.js";
import { announce, elements, h, setOptions, setText } from "./dom.js";
import { PHASE_LABELS, dateTime } from "./format.js";
import { tableBox } from "./meeting.js";
import { showVersions } from "./pack-versions.js";

const SELECTORS = {
  form: "#create-form",
  scenario: "#create-scenario",
  summary: "#create-summary",
  message: "#create-message",
  sessions: "#sessions",
  packs: "#packs",
  uploadForm: "#upload-form",
  uploadFile: "#upload-file",
  uploadMessage: "#upload-message",
  versions: "#pack-versions",
};

function packsTable(scenarios, versionsBox) {
  if (!scenarios.length) return h("p", {}, "No scenario packs yet. Upload one below.");
  return tableBox("Scenario packs", h("table", {},
    h("caption", { class: "visually-hidden" }, "Scenario packs"),
    h("thead", {}, h("tr", {}, ["Scenario", "Directorates", "Version", "Download", "History"].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", {}, scenarios.map((s) => h("tr", {},
      h("th", { scope: "row" }, s.title),
      h("td", { class: "num" }, String(s.directorates)),
      h("td", {}, h("code", {}, s.version)),
      h("td", {}, h("a", { href: `/api/scenarios/${encodeURIComponent(s.id)}/download`, download: "" },
        "Download .zip", h("span", { class: "visually-hidden" }, ` of ${s.title}`))),
      h("td", {}, h("button", { type: "button", onclick: () => showVersions(versionsBox, s) },
        "Versions", h("span", { class: "visually-hidden" }, ` of ${s.title}`))))))));
}

function uploadResult(answer) {
  if (answer.ok) return h("p", { class: "success" }, answer.body.detail || `Stored "${answer.body.title}".`);
  const problems = answer.body.problems || [];
  return [h("p", {}, answer.body.detail || "The pack could not be stored."),
    problems.length ? h("ul", { class: "problems" }, problems.map((p) => h("li", {}, h("code", {}, p)))) : null];
}

function sessionsTable(sessions) {
  if (!sessions.length) return h("p", {}, "No sessions yet. Start one above.");
  const newest = [...sessions].sort((a, b) => (b.created_at || 0) - (a.created_at || 0));
  const count = (seats) => (Array.isArray(seats) ? seats.length : seats ?? 0);
  return tableBox("Sessions", h("table", {},
    h("caption", { class: "visually-hidden" }, "Sessions, newest first"),
    h("thead", {}, h("tr", {}, ["Code", "Scenario", "Meeting", "Phase", "People", "Created"].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", {}, newest.map((s) => h("tr", {},
      h("th", { scope: "row" }, h("a", { href: `/trainer/${encodeURIComponent(s.code)}` }, s.code,
        h("span", { class: "visually-hidden" }, ": open the console"))),
      h("td", {}, s.title),
      h("td", {}, s.follows ? `${s.meeting}, after ${s.follows}` : String(s.meeting || 1)),
      h("td", {}, PHASE_LABELS[s.phase] || s.phase),
      h("td", { class: "num" }, String(count(s.seats))),
      h("td", {}, dateTime(s.created_at)))))));
}

export async function startList({ showPart, showSignIn, showProblem }) {
  const els = elements(SELECTORS);
  let sessions;
  let scenarios;
  try {
    [sessions, scenarios] = await Promise.all([getJSON("/api/sessions"), getJSON("/api/scenarios")]);
  } catch (error) {
    if (error.status === 401 || error.status === 403) showSignIn();
    else showProblem("Something went wrong", error.message);
    return;
  }
  document.title = "Your sessions – Neighbourhood plc";
  els.sessions.replaceChildren(sessionsTable(sessions));
  setOptions(els.scenario, scenarios.map((s) => ({ value: s.id, label: s.title })));
  const describe = () => {
    const s = scenarios.find((x) => x.id === els.scenario.value);
    const n = Array.isArray(s?.directorates) ? s.directorates.length : s?.directorates;
    const size = typeof n === "number" ? `${n} directorates. ` : "";
    setText(els.summary, s ? `${s.area ? `${s.area}. ` : ""}${size}${s.summary || ""}` : "No scenarios are installed.");
  };
  els.scenario.addEventListener("change", describe);
  describe();

  els.packs.replaceChildren(packsTable(scenarios, els.versions));
  els.uploadForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const file = els.uploadFile.files[0];
    if (!file) return announce(els.uploadMessage, "Choose a .zip file first.");
    els.uploadMessage.replaceChildren(h("p", {}, "Checking the pack…"));
    const answer = await postFile("/api/scenarios", file);
    els.uploadMessage.replaceChildren(...[uploadResult(answer)].flat().filter(Boolean));
    els.uploadMessage.classList.toggle("success", answer.ok);
    if (answer.ok) {
      scenarios = await getJSON("/api/scenarios");
      els.packs.replaceChildren(packsTable(scenarios, els.versions));
      const shown = els.versions.querySelector("h3") && scenarios.find((s) => s.id === answer.body.id);
      if (shown) showVersions(els.versions, shown);
      setOptions(els.scenario, scenarios.map((s) => ({ value: s.id, label: s.title })), answer.body.id);
      describe();
    }
  });

  els.form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!els.scenario.value) return announce(els.message, "Choose a scenario first.");
    const button = els.form.querySelector("button[type=submit]");
    button.disabled = true;
    announce(els.message, "Creating the session…");
    try {
      const { code } = await postJSON("/api/sessions", { scenario_id: els.scenario.value });
      location.assign(`/trainer/${encodeURIComponent(code)}`);
    } catch (error) {
      announce(els.message, error.message);
      button.disabled = false;
    }
  });
  showPart("listPage");
}
