// How numbers, money, times and lists are written: frontend/js/format.js.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  countdown, duration, listWords, numberText, parseNumber, parsePounds, plural, pounds, wholeNumber,
} from "../../frontend/js/format.js";

test("pounds are whole, grouped and signed", () => {
  assert.equal(pounds(1250000), "£1,250,000");
  assert.equal(pounds(-1250), "-£1,250");
  assert.equal(pounds("not money"), "£0");
});

test("typed money is read as whole pounds, or refused", () => {
  assert.equal(parsePounds("£1,250,000"), 1250000);
  assert.equal(parsePounds(" 250000 "), 250000);
  for (const bad of ["", "12.5", "-5", "ten", "1e9", "99999999999999999999"]) assert.equal(parsePounds(bad), null, bad);
});

test("typed numbers may have a fraction and a sign; anything else is refused", () => {
  assert.equal(parseNumber(" 12.5 "), 12.5);
  assert.equal(parseNumber("-3"), -3);
  assert.equal(parseNumber("1,250"), 1250);
  for (const bad of ["", "1.", ".5", "twelve", null, undefined]) assert.equal(parseNumber(bad), null, String(bad));
  assert.equal(numberText(1250.456), "1,250.46");
});

test("whole numbers must be in range", () => {
  assert.equal(wholeNumber(" 15 ", 1, 300), 15);
  for (const bad of ["0", "301", "1.5", "", "x"]) assert.equal(wholeNumber(bad, 1, 300), null, bad);
});

test("durations read as mm:ss, and h:mm:ss from an hour", () => {
  assert.equal(duration(0), "00:00");
  assert.equal(duration(59.2), "01:00");
  assert.equal(duration(3600 + 62), "1:01:02");
  assert.equal(duration(-5), "00:00");
});

test("the countdown says Paused, nothing once closed, else the time left", () => {
  assert.equal(countdown({ phase: "board", paused: true, remaining: 90 }), "Paused");
  assert.equal(countdown({ phase: "closed" }), "");
  const now = Date.now() / 1000;
  assert.equal(countdown({ phase: "board", ends_at: now + 125.5 }), "02:06");
});

test("lists and plurals read as plain English", () => {
  assert.equal(listWords([]), "");
  assert.equal(listWords(["A"]), "A");
  assert.equal(listWords(["A", null, "B"]), "A and B");
  assert.equal(listWords(["A", "B", "C"]), "A, B and C");
  assert.equal(plural(1, "minute"), "1 minute");
  assert.equal(plural(2, "abstention"), "2 abstentions");
  assert.equal(plural(0, "person", "people"), "0 people");
});
