// The parts of drawing the page that need no DOM: what a draw leaves to the
// person using the page (render.js), when a sticky banner covers the focused
// control (banner-room.js), and what the action bar asks for (play-actions.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { coveredBy } from "../../frontend/js/banner-room.js";
import { wanted } from "../../frontend/js/play-actions.js";
import { userOwns } from "../../frontend/js/render.js";

const el = (tagName, attributes = [], type = "") => ({ tagName, type, hasAttribute: (name) => attributes.includes(name) });

test("an open <details> stays as its reader left it", () => {
  assert.equal(userOwns("open", el("DETAILS")), true);
  assert.equal(userOwns("open", el("DIALOG")), false);
});

test("the text in the focused field is the typist's; other fields follow the view", () => {
  const typing = el("TEXTAREA");
  assert.equal(userOwns("value", typing, typing), true);
  assert.equal(userOwns("value", typing, null), false);
  const field = el("INPUT", [], "text");
  assert.equal(userOwns("value", field, field), true);
  const radio = el("INPUT", [], "radio");
  assert.equal(userOwns("value", radio, radio), false);
});

test("a busy button stays busy until its command is answered", () => {
  assert.equal(userOwns("aria-busy", el("BUTTON")), true);
});

test("a place focus was moved to stays focusable; other tabindexes follow the view", () => {
  assert.equal(userOwns("tabindex", el("H5", ["data-landing"])), true);
  assert.equal(userOwns("tabindex", el("DIV")), false);
  for (const name of ["class", "hidden", "aria-pressed", "id", "value"]) assert.equal(userOwns(name, el("BUTTON")), false, name);
});

test("a control is covered when it starts above the banner's bottom edge and is on screen", () => {
  assert.equal(coveredBy({ top: 10, bottom: 40 }, 60), true);
  assert.equal(coveredBy({ top: 70, bottom: 100 }, 60), false);
  assert.equal(coveredBy({ top: -50, bottom: -10 }, 60), false);
});

function boardView(motions, me = {}) {
  return {
    session: { phase: "board" },
    me: { directorate: "housing", seat_id: "s1", can: { vote: true, second: true }, ...me },
    motions,
    floor: { speaking: null, queue: [] },
  };
}

test("the action bar asks for a vote before a second, and not once the directorate has voted", () => {
  const proposed = { id: "m1", status: "proposed", directorate: "health", text: "Pool it.", ballots: {} };
  const voting = { id: "m2", status: "voting", directorate: "health", text: "Share it.", ballots: {} };
  assert.equal(wanted(boardView([proposed, voting])).kind, "vote");
  assert.equal(wanted(boardView([proposed, { ...voting, ballots: { housing: "for" } }])).kind, "second");
  assert.equal(wanted(boardView([{ ...proposed, directorate: "housing" }])), null);
});
