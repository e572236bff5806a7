// The participant's action bar: whatever needs this seat now (a vote, a
// second, the floor, the reflection) in a bar fixed to the bottom of the
// screen, so nobody has to scroll to find it. Its buttons send the same
// commands as the controls on the motion cards. The sentence is announced to
// screen readers and the tab's title is marked, so a person in another tab
// sees that something is wanted.

import { announce, h, setText, show } from "./dom.js";
import { focusFallback, pickFocusTarget } from "./focus.js";
import { pressed } from "./form-parts.js";
import { motionLabel } from "./meeting.js";
import { draw } from "./render.js";

/** Takes the view; returns the most pressing thing wanted of this seat, or null. */
export function wanted(view) {
  const me = view.me || {};
  const can = me.can || {};
  const phase = view.session.phase;
  if (phase === "debrief") {
    if (can.reflect === false) return null; // an observer watched; the reflection is for those who took part
    return { kind: "reflect", tag: "Reflection open", sentence: "The debrief has started: your reflection on the partnership is wanted." };
  }
  if (phase !== "board") return null;
  const quoted = (m) => `${motionLabel(view, m.id).toLowerCase()}: “${m.text}”`;
  const vote = can.vote && me.directorate
    && view.motions.find((m) => m.status === "voting" && !(m.ballots || {})[me.directorate]);
  if (vote) return { kind: "vote", motion: vote, tag: "Vote wanted", sentence: `Your vote is wanted on ${quoted(vote)}` };
  const second = can.second
    && view.motions.find((m) => m.status === "proposed" && m.directorate && m.directorate !== me.directorate);
  if (second) {
    return { kind: "second", motion: second, tag: "Seconder wanted",
      sentence: `A seconder is wanted for ${quoted(second)}` };
  }
  if (me.seat_id && view.floor?.speaking?.id === me.seat_id) {
    return { kind: "speak", tag: "Your turn to speak", sentence: "The chair has called you: it is your turn to speak." };
  }
  return null;
}

/**
 * Takes the bar's element, act(command) and the session code; returns
 * {update(view)}, which shows what is wanted (or hides the bar) and keeps the
 * page's bottom padding equal to the bar's height, so the bar never covers
 * the control that has focus.
 */
export function actionBar(bar, act, code) {
  const sentence = h("p", { class: "action-sentence" });
  const live = h("p", { class: "visually-hidden", "aria-live": "polite", id: "action-live" });
  const buttons = h("div", { class: "button-row" });
  bar.replaceChildren(sentence, buttons);
  bar.after(live);
  let said = "";
  let motionId = "";
  const button = (text, command, cls = "primary") => h("button", {
    type: "button", class: cls, id: `bar-${command.type}-${command.choice || "go"}`, onclick: pressed(act, command),
  }, text);

  function controls(need) {
    if (need.kind === "vote") {
      const id = need.motion.id;
      return [button("Vote for", { type: "vote", motion_id: id, choice: "for" }),
        button("Vote against", { type: "vote", motion_id: id, choice: "against" }, "secondary"),
        button("Abstain", { type: "vote", motion_id: id, choice: "abstain" }, "secondary")];
    }
    if (need.kind === "second") return [button("Second", { type: "second", motion_id: need.motion.id })];
    if (need.kind === "reflect") {
      return [h("a", { class: "button-link primary", href: `/play/${encodeURIComponent(code)}/debrief` }, "Give your reflection")];
    }
    return [];
  }

  function pad() {
    const room = bar.hidden ? "" : `${bar.offsetHeight + 16}px`;
    document.body.style.paddingBottom = room;
    document.documentElement.style.scrollPaddingBottom = room;
  }
  new ResizeObserver(pad).observe(bar);

  const focusNear = (card) => {
    if (card) focusFallback(pickFocusTarget({ id: "", key: "", ancestors: [card] }, card));
  };

  return {
    /** Returns the short tag for the tab's title ("Vote wanted"), or "". */
    update(view) {
      const need = wanted(view);
      const hadFocus = bar.contains(document.activeElement);
      setText(sentence, need ? need.sentence : "");
      draw(buttons, need ? controls(need) : []);
      show(bar, !!need);
      if (need?.sentence !== said) announce(live, need ? need.sentence : "");
      said = need?.sentence;
      // Done with the bar (a vote cast from it): focus goes to the motion it was about, not to the page.
      if (hadFocus && !need) focusNear(document.getElementById(`motion-${motionId}`));
      motionId = need?.motion?.id || "";
      pad();
      return need ? need.tag : "";
    },
  };
}
