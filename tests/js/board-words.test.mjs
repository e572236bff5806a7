// The pure words of frontend/js/meeting.js that the workbench added (run: node --test tests/js): the assistant's
// column heading from the pack's titles, and the warning beside a transfer out of a directorate nobody holds.
import assert from "node:assert/strict";
import { test } from "node:test";

import { assistantHeading, unheldWarning } from "../../frontend/js/meeting.js";

const row = (id, name, assistantTitle, pairId, balance = 100000) => ({
  id, name, assistant_title: assistantTitle, pair_id: pairId, balance,
});

test("one assistant title for every directorate heads the column", () => {
  const view = { directorates: [row("housing", "Housing", "Deputy", "p1"), row("health", "Health", "Deputy", "p2")] };
  assert.equal(assistantHeading(view), "Deputy");
});

test("different titles give a plain heading", () => {
  const view = { directorates: [row("housing", "Housing", "Deputy", "p1"), row("health", "Health", "Link worker", "p2")] };
  assert.equal(assistantHeading(view), "Assistant");
});

test("a transfer out of a directorate nobody holds is flagged, with what it leaves", () => {
  const view = { directorates: [row("housing", "Housing", "Deputy", "p1"), row("health", "Health", "Deputy", null, 50000)] };
  assert.match(unheldWarning(view, { source: "health", target: "housing", amount: 50000 }), /^Nobody holds Health.*£50,000.*leave nothing/);
  assert.match(unheldWarning(view, { source: "health", target: "housing", amount: 20000 }), /leave £30,000\)\.$/);
  assert.equal(unheldWarning(view, { source: "housing", target: "health", amount: 1 }), "");
});

test("before the shuffle nobody holds anything, and nothing is flagged", () => {
  const view = { directorates: [row("housing", "Housing", "Deputy", null), row("health", "Health", "Deputy", null)] };
  assert.equal(unheldWarning(view, { source: "health", target: "housing", amount: 1 }), "");
});

test("a transfer out of a pooled fund is not a directorate's, so it is not flagged", () => {
  const view = { directorates: [row("housing", "Housing", "Deputy", "p1")] };
  assert.equal(unheldWarning(view, { source: "joint-fund", target: "housing", amount: 1 }), "");
});
