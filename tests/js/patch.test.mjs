// Unit tests of frontend/js/patch.js (run: node --test tests/js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { applyPatch, PatchError, ViewStream } from "../../frontend/js/patch.js";

const view = () => ({
  session: { seq: 4, now: 10.5, phase: "board" },
  motions: [{ id: "m1", ballots: {}, voted: 0 }, { id: "m2", ballots: { housing: "for" }, voted: 1 }],
  floor: { queue: [] },
  "odd/key~": 1,
});

test("add, remove and replace reach into objects and arrays", () => {
  const before = view();
  const after = applyPatch(before, [
    { op: "replace", path: "/session/seq", value: 5 },
    { op: "add", path: "/motions/0/ballots/health", value: "against" },
    { op: "replace", path: "/motions/0/voted", value: 1 },
    { op: "add", path: "/floor/queue/0", value: { id: "s1" } },
    { op: "remove", path: "/motions/1" },
    { op: "replace", path: "/odd~1key~0", value: 2 },
    { op: "add", path: "/announcement", value: null },
  ]);
  assert.deepEqual(after, {
    session: { seq: 5, now: 10.5, phase: "board" },
    motions: [{ id: "m1", ballots: { health: "against" }, voted: 1 }],
    floor: { queue: [{ id: "s1" }] },
    "odd/key~": 2,
    announcement: null,
  });
  assert.deepEqual(before, view(), "the view given is left as it was");
});

test("only what a patch changes is new; everything else is shared with the previous view", () => {
  const before = view();
  const after = applyPatch(before, [{ op: "replace", path: "/motions/1/voted", value: 2 }]);
  assert.notEqual(after, before);
  assert.notEqual(after.motions, before.motions);
  assert.notEqual(after.motions[1], before.motions[1]);
  assert.equal(after.motions[0], before.motions[0]);
  assert.equal(after.session, before.session);
  assert.equal(after.motions[1].ballots, before.motions[1].ballots);
});

test("adding at the end of an array appends; removing from the end shortens it", () => {
  const after = applyPatch({ a: [1, 2] }, [
    { op: "add", path: "/a/2", value: 3 },
    { op: "remove", path: "/a/0" },
  ]);
  assert.deepEqual(after, { a: [2, 3] });
});

test("a patch that does not fit the view is refused", () => {
  const bad = [
    [{ op: "replace", path: "/nothing/here", value: 1 }],
    [{ op: "remove", path: "/session/missing" }],
    [{ op: "replace", path: "/motions/7", value: 1 }],
    [{ op: "add", path: "/motions/3", value: 1 }],
    [{ op: "replace", path: "/motions/01", value: 1 }],
    [{ op: "replace", path: "/session/seq/deeper", value: 1 }],
    [{ op: "move", path: "/session", from: "/floor" }],
    [{ op: "replace", path: "session" , value: 1 }],
    [{ op: "replace", path: "/session" }],
    [{ op: "remove", path: "" }],
  ];
  for (const patch of bad) assert.throws(() => applyPatch(view(), patch), PatchError, JSON.stringify(patch));
});

test("a stream applies deltas in order from its sync", () => {
  const stream = new ViewStream();
  stream.sync({ type: "sync", seq: 4, n: 0, view: view() });
  const first = stream.delta({ type: "delta", seq: 5, n: 1, patch: [{ op: "replace", path: "/session/seq", value: 5 }] });
  assert.equal(first.session.seq, 5);
  const second = stream.delta({ type: "delta", seq: 5, n: 2, patch: [] });
  assert.equal(second, first, "an empty patch leaves the very same view");
});

test("a stream with a number skipped, or a patch that does not fit, asks for a fresh sync", () => {
  const stream = new ViewStream();
  assert.equal(stream.delta({ type: "delta", seq: 1, n: 1, patch: [] }), null, "no sync yet");
  stream.sync({ type: "sync", seq: 4, n: 0, view: view() });
  assert.equal(stream.delta({ type: "delta", seq: 6, n: 2, patch: [] }), null, "n 1 was skipped");
  assert.equal(stream.delta({ type: "delta", seq: 7, n: 3, patch: [] }), null, "and nothing more is taken");
  stream.sync({ type: "sync", seq: 7, n: 0, view: view() });
  assert.equal(stream.delta({ type: "delta", seq: 8, n: 1, patch: [{ op: "remove", path: "/nope" }] }), null);
  stream.sync({ type: "sync", seq: 8, n: 0, view: view() });
  assert.ok(stream.delta({ type: "delta", seq: 9, n: 1, patch: [] }));
});
