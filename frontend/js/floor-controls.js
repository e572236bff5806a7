// The speakers' queue: who has the floor, who is waiting, a participant's
// "Raise hand" / "Lower hand", and the chair's calling controls. Used by the
// participant page (the chair's seat gets the calling controls too) and the
// trainer's console.

import { announce, h, hiddenText, setText, show } from "./dom.js";
import { part } from "./render.js";
import { floorLists } from "./meeting.js";

/**
 * Takes the container, act(command, messageEl?) and options:
 * `prefix` for ids, `seat` true on the participant page, `level` for the
 * queue's heading, `chairFirst` to put the chair's buttons above the queue (the
 * console, where a long queue scrolls). Builds the buttons once; returns
 * {update(view)}, which redraws the lists from the view.
 */
export function speakersPanel(container, act, { prefix = "floor", seat = false, level = 4, chairFirst = false } = {}) {
  const message = h("p", { class: "form-message", "aria-live": "polite" });
  const send = (command) => act(command, message).catch(() => {});
  // Busy rather than disabled while sending, so the button keeps keyboard focus.
  const pressed = (command) => async (event) => {
    const btn = event.currentTarget;
    if (btn.getAttribute("aria-busy") === "true") return;
    btn.setAttribute("aria-busy", "true");
    try {
      await send(command);
    } finally {
      btn.removeAttribute("aria-busy");
    }
  };
  const unavailable = (btn, no) => (no ? btn.setAttribute("aria-disabled", "true") : btn.removeAttribute("aria-disabled"));
  // Not disabled while sending: one button takes the other's place, and focus moves across (see update).
  const raise = h("button", { type: "button", class: "primary", id: `${prefix}-raise`,
    onclick: () => send({ type: "raise-hand" }) }, "Raise hand");
  const lower = h("button", { type: "button", class: "secondary", id: `${prefix}-lower`,
    onclick: () => send({ type: "lower-hand" }) }, "Lower hand");
  // Where focus goes when the hand button it was on goes away: data-landing gives it a visible outline.
  const mine = h("p", { class: "my-place", tabindex: "-1", "data-landing": true });
  const next = h("button", { type: "button", class: "primary", onclick: pressed({ type: "call-speaker" }) }, "Call next speaker");
  const finish = h("button", { type: "button", class: "secondary", onclick: pressed({ type: "finish-speaker" }) }, "Finish speaker");
  const done = h("button", { type: "button", class: "secondary", id: `${prefix}-done`,
    onclick: pressed({ type: "done-speaking" }) }, "I have finished speaking");
  const handRow = h("div", { class: "button-row" }, raise, lower, done);
  const chairRow = h("div", { class: "button-row" }, next, finish);
  const lists = h("div", { class: "floor-lists" });
  const listPart = part(lists);
  const order = chairFirst ? [chairRow, message, lists] : [lists, seat ? mine : null, seat ? handRow : null, chairRow, message];
  container.replaceChildren(...order.filter(Boolean));

  const personControls = (p) => h("span", { class: "queue-controls" },
    h("button", { type: "button", class: "small", id: `${prefix}-call-${p.id}`, "data-key": `${prefix}-call-${p.id}`,
      onclick: pressed({ type: "call-speaker", seat_id: p.id }) }, "Call", hiddenText(` ${p.name}`)),
    h("button", { type: "button", class: "secondary small", id: `${prefix}-off-${p.id}`, "data-key": `${prefix}-off-${p.id}`,
      onclick: pressed({ type: "lower-hand", seat_id: p.id }) }, "Take off the queue", hiddenText(` (${p.name})`)));

  return {
    update(view) {
      const floor = view.floor || { speaking: null, queue: [] };
      const board = view.session.phase === "board";
      const chairing = board && (view.viewer === "trainer" || !!view.me?.can?.chair);
      listPart.render(() => floorLists(view, { level, controls: chairing ? personControls : null }));
      show(chairRow, chairing);
      // Still pressable when there is nothing to do: the server then says why (and focus stays put).
      unavailable(next, !floor.queue.length);
      unavailable(finish, !floor.speaking);
      if (!seat) return;
      const me = view.me?.seat_id;
      const place = floor.queue.findIndex((p) => p.id === me);
      const speaking = floor.speaking?.id === me;
      // The chair gives the floor rather than asking for it.
      const canSpeak = board && !!view.me?.can?.speak && !chairing;
      const focused = document.activeElement;
      show(handRow, canSpeak);
      show(raise, place < 0 && !speaking);
      show(lower, place >= 0);
      show(done, speaking);
      if (focused === raise && raise.hidden && !lower.hidden) lower.focus();
      else if (focused === lower && lower.hidden && !raise.hidden) raise.focus();
      else if ((focused === raise || focused === lower) && focused.hidden) mine.focus();
      if (focused === done && done.hidden) (raise.hidden ? mine : raise).focus();
      setText(mine, !canSpeak ? ""
        : speaking ? "You have the floor."
          : place >= 0 ? `Your hand is up: you are number ${place + 1} in the queue.`
            : "Raise your hand to ask the chair for the floor.");
    },
    clear() { announce(message, ""); },
  };
}
