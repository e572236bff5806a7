// The parts of the participant's page drawn from each view (their role, the
// motions, the news), and where focus goes after proposing a motion.

import { h } from "./dom.js";
import { focusFallback } from "./focus.js";
import { timeOfDay } from "./format.js";
import { directorateName, motionCard, splitMotions } from "./meeting.js";
import { amendmentDecisions, chairMotionControls, seatMotionControls } from "./meeting-controls.js";

function agencyName(view, id) {
  if (id === "resident") return "Resident";
  return view.agencies.find((a) => a.id === id)?.name || id;
}

const ROLE_NOTES = {
  director: (d) => `You lead ${d} on the board. Your pair has one vote on each motion; either of you may cast it.`,
  assistant: (d) => `You support the director of ${d}. Your pair has one vote on each motion; either of you may cast it.`,
  chair: () => "You chair the board. You open each agenda item, call speakers and close each vote, with a casting vote if it is tied.",
  panel: () => "You sit on the shareholders' panel. You speak for the residents and question the board, but do not vote.",
  member: (d) => `You joined the ${d} pair as its third member: you read its pack, share its notebook and may cast its vote.`,
  observer: () => "You are observing: you see the shared documents and the meeting, but hold no role and do not vote.",
  unplaced: () => "You have no part in this shuffle. Please speak to the trainer.",
};

function fact(term, value) {
  return [h("dt", {}, term), h("dd", {}, value)];
}

/** "Your role": who you are before the shuffle, and what you play after it. */
export function roleDetails(view) {
  const { me, session } = view;
  const own = `${me.name} (${agencyName(view, me.agency)})`;
  if (!session.shuffled) {
    return [
      h("p", {}, `You have joined as ${own}.`),
      h("p", {}, "The trainer pairs everyone with a colleague; you will see your partner when the roles are shuffled."),
      h("p", { class: "subtle" }, "Once everyone has arrived the trainer shuffles the roles, so you will play a different agency from your own."),
    ];
  }
  const dName = me.directorate ? directorateName(view, me.directorate) : "";
  // In a follow-up everyone plays their real self, so having no directorate is a role, not a mistake.
  const asSelf = me.role === "unplaced" && (session.meeting || 1) > 1;
  const note = asSelf
    ? `You take part as yourself, for ${agencyName(view, me.agency)}. You have no directorate on this board: you can speak, but not vote.`
    : (ROLE_NOTES[me.role] || ROLE_NOTES.unplaced)(dName);
  return [
    h("dl", { class: "facts" },
      fact("Role", me.title || (asSelf ? `Yourself, for ${agencyName(view, me.agency)}` : "No role yet")),
      dName ? fact("Directorate", dName) : null,
      me.directorate ? fact("Partner", me.partner?.name || "None: you hold this directorate on your own") : null,
      fact("In real life", own)),
    h("p", {}, note),
  ];
}

function cards(view, motions, act, report) {
  const chairs = !!view.me.can?.chair;
  return h("div", { class: "motions" }, motions.map((m) => motionCard(view, m, {
    level: 5,
    controls: [...seatMotionControls(view, m, act, report), ...(chairs ? chairMotionControls(view, m, act, report) : [])],
    amendmentControls: amendmentDecisions(view, m, act),
  })));
}

/** Motions waiting for a seconder or a vote, with this seat's buttons. */
export function openMotions(view, act, report) {
  const { open } = splitMotions(view);
  return open.length ? cards(view, open, act, report) : h("p", {}, "Nothing is waiting for a seconder or a vote.");
}

/** Motions already carried, lost or withdrawn. */
export function decidedMotions(view, act, report) {
  const { done } = splitMotions(view);
  return done.length ? cards(view, done, act, report) : h("p", {}, "None yet.");
}

/** The news this seat may read, newest first, pointing to where each one is in the briefing pack. */
export function newsList(view) {
  const items = [...view.injects].filter((i) => i.released_at).sort((a, b) => b.released_at - a.released_at);
  if (!items.length) return h("p", {}, "No news yet.");
  return [
    h("ul", { class: "news-list" }, items.map((item) => h("li", {},
      h("strong", {}, item.title),
      h("span", { class: "subtle" }, ` (${timeOfDay(item.released_at)}${item.to?.length ? ", sent only to chosen people" : ""})`)))),
    view.session.packs_open
      ? h("p", {}, "Read each one in ", h("a", { href: "#pack-section" }, "your briefing pack"), ", under “News during the day”.")
      : null,
  ];
}

/**
 * After "Propose motion", focus goes to the new motion's heading once it is
 * drawn (the update may come before or after the server's answer to the command).
 */
export function newMotionFocus() {
  let known = new Set(); // the motions there were when the proposal went off
  let waiting = false;
  let last = null;
  const look = () => {
    const mine = last?.me?.directorate;
    const fresh = waiting && last?.motions.find((m) => !known.has(m.id) && m.directorate === mine);
    if (!fresh) return;
    waiting = false;
    focusFallback(document.getElementById(`motion-${fresh.id}-title`));
  };
  return {
    sending() { known = new Set((last?.motions || []).map((m) => m.id)); },
    expect() { waiting = true; look(); },
    seen(view) { last = view; look(); },
  };
}
