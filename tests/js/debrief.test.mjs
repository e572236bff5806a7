// The debrief's and reflection's words without a DOM: what a live update says
// (debrief-words.js, reflect-words.js), the results' sentences (reflect-results.js),
// the pieces the parts are drawn from (debrief-*.js), and the stage the big screen
// follows while the trainer has chosen none (projector-stages.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { costRows } from "../../frontend/js/debrief-costs.js";
import { arrowCurve } from "../../frontend/js/debrief-flow-diagram.js";
import { flowEdges, transferMotions } from "../../frontend/js/debrief-flows.js";
import { mostMoved } from "../../frontend/js/debrief-indicators.js";
import { talliedWords } from "../../frontend/js/debrief-motions.js";
import { voicesSummary } from "../../frontend/js/debrief-voices.js";
import { debriefNews, progressWords, resultsNews, signedPounds } from "../../frontend/js/debrief-words.js";
import { wanted } from "../../frontend/js/play-actions.js";
import { followedStage, stageParts } from "../../frontend/js/projector-stages.js";
import { highestAndLowest, resultsStatus } from "../../frontend/js/reflect-results.js";
import { notReflecting, reflectNews, scoreWords } from "../../frontend/js/reflect-words.js";

const shown = (counts, comments = []) => ({
  count: 4, enough: 3, shown: true, waiting: 0, comments,
  features: [{ id: "trust", label: "Trust: we trusted each other", average: 4, answers: 3, counts }],
});
const round = (label, dividend, months) => ({ label, dividend, months, indicators: [], directorates: [] });
const view = (phase, extra = {}) => ({ session: { phase }, motions: [], ...extra });

test("a new round is told with its dividend; a new reflection with the count", () => {
  const before = view("debrief", { consequences: { rounds: [] }, reflection: { count: 1, shown: false } });
  const after = view("debrief", { consequences: { rounds: [round("After 1 year", 101.25, 12)] }, reflection: { count: 2, shown: false } });
  assert.deepEqual(debriefNews(before, after), [
    "After 1 year, the residents' dividend is 101.25.",
    "2 people have sent a reflection.",
  ]);
  assert.deepEqual(debriefNews(null, after), [], "the first draw says nothing");
  assert.deepEqual(debriefNews(after, after), [], "an unchanged view says nothing");
});

test("the results are told when they first show and when a batch renews them, not otherwise", () => {
  assert.equal(resultsNews({ shown: false }, shown([0, 0, 1, 1, 1])), "Enough people have answered: the reflection's results are shown.");
  assert.equal(resultsNews(shown([0, 0, 1, 1, 1]), shown([0, 1, 1, 1, 1])), "The reflection's results have been updated with the latest answers.");
  assert.equal(resultsNews(shown([0, 0, 1, 1, 1]), shown([0, 0, 1, 1, 1])), "");
  assert.equal(resultsNews(shown([0, 0, 1, 1, 1]), { shown: false }), "");
});

test("the results' status says how many more are needed, and never names anyone", () => {
  assert.match(resultsStatus({ count: 0, enough: 3, shown: false }, { opensLater: true }), /^The reflection opens at the debrief/);
  assert.match(resultsStatus({ count: 0, enough: 3, shown: false }), /^Nobody has answered yet/);
  assert.equal(resultsStatus({ count: 1, enough: 3, shown: false }),
    "1 person has answered so far. The results show once 3 have: 2 more answers needed.");
  assert.match(resultsStatus({ ...shown([0, 0, 1, 1, 1]), waiting: 1 }), /updated once 2 more people have answered/);
  assert.equal(highestAndLowest([
    { label: "Trust: x", average: 4.5 }, { label: "Shared aims", average: 2 }, { label: "Roles", average: null },
  ]), "Highest average: Trust (4.5). Lowest: Shared aims (2).");
  assert.equal(highestAndLowest([{ label: "Roles", average: null }]), "");
});

test("an observer and an unplaced seat are told why they give no reflection; a participant is not", () => {
  assert.equal(notReflecting({ role: "director", can: { reflect: true } }), null);
  assert.equal(notReflecting({ role: "observer", can: { reflect: false } }).title, "Observers do not give a reflection");
  assert.equal(notReflecting({ role: "unplaced", can: { reflect: false } }).title, "There is no reflection for you to give");
  const observer = { role: "observer", can: { reflect: false } };
  assert.equal(reflectNews(view("board", { me: observer }), view("debrief", { me: observer })), "The debrief has started.");
  const director = { role: "director", can: { reflect: true } };
  assert.equal(reflectNews(view("board", { me: director }), view("debrief", { me: director })), "The debrief has started: the reflection is open.");
  assert.equal(scoreWords(1), "1 out of 5 (poor)");
  assert.equal(scoreWords(5), "5 out of 5 (excellent)");
});

test("small words: money moved, progress, tallies and who spoke", () => {
  assert.equal(signedPounds(520000), "+£520,000");
  assert.equal(signedPounds(-5), "-£5");
  assert.equal(signedPounds(0), "");
  assert.equal(progressWords(null), "No target");
  assert.equal(progressWords(120), "120%: target reached");
  assert.equal(progressWords(-10), "-10%: moving away from the target");
  assert.equal(talliedWords({ status: "carried", tally: { for: 3, against: 1, abstain: 1 } }), "3 for, 1 against, 1 abstention");
  assert.equal(talliedWords({ status: "proposed", tally: { for: 0, against: 0, abstain: 0 } }), "");
  assert.equal(voicesSummary({}), "Nobody was called to speak during the board meeting, so there is nothing to count.");
  assert.equal(voicesSummary({ resident: 1, director: 3 }),
    "Residents made 1 of the 4 contributions the chair called (25%); the professionals made 3 (75%).");
});

test("transfers are gathered into one arrow per direction, live and void apart", () => {
  const m = (id, status, source, target, amount, at) => ({ id, kind: "transfer", status, at, transfer: { source, target, amount } });
  const motions = [m("m3", "void", "a", "b", 5, 3), m("m1", "carried", "a", "b", 10, 1), m("m2", "carried", "a", "b", 20, 2),
    m("m4", "lost", "b", "a", 1, 4)];
  assert.deepEqual(transferMotions({ motions }).map((x) => x.id), ["m1", "m2", "m3"]);
  assert.deepEqual(flowEdges(transferMotions({ motions })), [
    { source: "a", target: "b", amount: 30, muted: false, label: "£30" },
    { source: "a", target: "b", amount: 5, muted: true, label: "£5" },
  ]);
});

test("before time moves on, the costs come from the pack; the most-moved indicators keep the pack's order", () => {
  const pack = {
    directorates: [{ id: "h", name: "Housing", budget: 100 }, { id: "n", name: "Health", budget: 50 }],
    exported_costs: [{ source: "h", target: "n", annual_cost: 30, because: "Damp." }],
  };
  const { rows, when } = costRows(pack);
  assert.equal(when, null);
  assert.deepEqual(rows.map((r) => [r.id, r.exported, r.imported, r.effective]), [["h", 30, 0, 100], ["n", 0, 30, 20]]);
  assert.match(rows[1].causes[0].text, /exported by the shortfall in Housing \(Damp\)\.$/);
  const ind = (id, baseline, value) => ({ id, baseline, value });
  assert.deepEqual(mostMoved([ind("a", 10, 10), ind("b", 10, 20), ind("c", 10, 11), ind("d", 10, 5)], 2).map((r) => r.id), ["b", "d"]);
});

test("with no stage chosen the big screen follows the moment, with stages that fit a screen", () => {
  const board = (extra) => view("board", extra);
  assert.equal(followedStage(view("lobby")), "lobby");
  assert.equal(followedStage(view("read_in")), "read-in");
  assert.equal(followedStage(board({})), "agenda");
  assert.equal(followedStage(board({ ten_percent: { status: "revealed" } })), "ten-percent");
  assert.equal(followedStage(board({ ten_percent: { status: "revealed" }, consequences: { rounds: [round("After 1 year", 101, 12)] } })), "consequences");
  const voting = board({ motions: [{ status: "voting" }], ten_percent: { status: "revealed" } });
  assert.equal(followedStage(voting), "agenda", "a motion on the floor comes first");
  assert.equal(followedStage(view("debrief")), "debrief");
  assert.equal(followedStage(view("closed")), "debrief");
  assert.deepEqual(stageParts("lobby"), { lobby: true, join: true, roster: true });
  assert.deepEqual(stageParts("blank"), {});
});

test("an arrow leaves its circle, stops short of the next for its head, and a second one bends further", () => {
  const p = { x: 0, y: 0 };
  const q = { x: 200, y: 0 };
  const first = arrowCurve(p, q, 5, 0);
  assert.deepEqual(first.start, { x: 32, y: 0 });
  assert.equal(first.end.x, 200 - (28 + 4 + 5 * 2.2));
  const second = arrowCurve(p, q, 5, 1);
  assert.ok(Math.abs(second.mid.y) > Math.abs(first.mid.y), "the second arrow between the same two bends further");
  assert.ok(first.mid.y > 0 && arrowCurve(q, p, 5, 0).mid.y < 0, "each arrow bends to its own right, so the two ways part");
});

test("at the debrief the action bar asks those who took part for their reflection, and not an observer", () => {
  const at = (can) => ({ session: { phase: "debrief" }, motions: [], me: { can } });
  assert.equal(wanted(at({ reflect: true })).kind, "reflect");
  assert.equal(wanted(at({ reflect: false })), null);
});
