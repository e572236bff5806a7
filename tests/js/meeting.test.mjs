// The meeting's words and counts, drawn from a view: frontend/js/meeting.js.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  describeEvents, heldCount, motionLabel, splitMotions, votedCount, withUnit,
} from "../../frontend/js/meeting.js";

function viewWith(motions, extra = {}) {
  return {
    directorates: [
      { id: "housing", name: "Housing", pair_id: "p1" },
      { id: "health", name: "Health", pair_id: "p2" },
      { id: "finance", name: "Finance", pair_id: null },
    ],
    motions,
    agenda: [{ id: "budget", title: "Budget" }],
    seats: [],
    session: { current_item: "budget" },
    ...extra,
  };
}

const motion = (id, status, ballots = {}, extra = {}) => ({ id, status, ballots, directorate: "housing", ...extra });

test("motions are numbered in the order they were proposed", () => {
  const view = viewWith([motion("m7", "lost"), motion("m9", "voting")]);
  assert.equal(motionLabel(view, "m9"), "Motion 2");
  assert.equal(motionLabel(view, "gone"), "A motion");
});

test("open motions are those waiting for a seconder or a vote", () => {
  const view = viewWith([motion("m1", "proposed"), motion("m2", "carried"), motion("m3", "voting"), motion("m4", "withdrawn")]);
  const { open, done } = splitMotions(view);
  assert.deepEqual(open.map((m) => m.id), ["m1", "m3"]);
  assert.deepEqual(done.map((m) => m.id), ["m2", "m4"]);
});

test("the tally counts directorates that voted, and the board counts the directorates held", () => {
  assert.equal(votedCount({ voted: 3, ballots: {} }), 3);
  assert.equal(votedCount({ ballots: { housing: "for", health: "voted" } }), 2);
  assert.equal(heldCount(viewWith([])), 2);
  assert.equal(heldCount({ directorates: [{ id: "a", pair_id: null }] }), 1);
});

test("values carry their indicator's unit", () => {
  assert.equal(withUnit(14, "% of residents"), "14% of residents");
  assert.equal(withUnit(2.5, "per 1,000 people"), "2.5 per 1,000 people");
  assert.equal(withUnit(1250, ""), "1,250");
});

test("a first vote is announced without saying how", () => {
  const before = viewWith([motion("m1", "voting")]);
  const after = viewWith([motion("m1", "voting", { health: "for" })]);
  const words = describeEvents([{ type: "vote-cast", motion_id: "m1", directorate: "health", choice: "for" }], after, { before });
  assert.equal(words, "Health voted on motion 1.");
});

test("a changed vote is announced with the new choice", () => {
  const before = viewWith([motion("m1", "voting", { health: "for" })]);
  const after = viewWith([motion("m1", "voting", { health: "against" })]);
  const said = (choice) => describeEvents([{ type: "vote-cast", motion_id: "m1", directorate: "health", choice }], after, { before });
  assert.equal(said("against"), "Health changed its vote on motion 1 to against.");
  assert.equal(said("abstain"), "Health changed its vote on motion 1: it now abstains.");
});

test("a secret ballot's changed vote gives nothing away", () => {
  const before = viewWith([motion("m1", "voting", { health: "voted" }, { secret: true })]);
  const after = viewWith([motion("m1", "voting", { health: "voted" }, { secret: true })]);
  const words = describeEvents([{ type: "vote-cast", motion_id: "m1", directorate: "health" }], after, { before });
  assert.equal(words, "Health voted on motion 1.");
});

test("without the view before, every vote is a vote", () => {
  const after = viewWith([motion("m1", "voting", { health: "against" })]);
  const words = describeEvents([{ type: "vote-cast", motion_id: "m1", directorate: "health", choice: "against" }], after);
  assert.equal(words, "Health voted on motion 1.");
});

test("an opening vote is announced, and only the latest few events are said", () => {
  const view = viewWith([motion("m1", "voting")]);
  const seconded = { type: "motion-seconded", motion_id: "m1", directorate: "health" };
  assert.equal(describeEvents([seconded], view), "Health seconded motion 1. Voting is open.");
  const many = [{ type: "clock-paused" }, { type: "clock-resumed" }, seconded, { type: "unknown-kind" }];
  assert.equal(describeEvents(many, view, { limit: 2 }), "The clock is running again. Health seconded motion 1. Voting is open.");
});
