// The one way a page draws a part of itself from the state: build the new
// content from the view, then morph the live part into it (idiomorph, vendored).
// Nodes that match keep their identity, so what someone is using survives an
// update: the focused button, an open <details>, text being typed, scroll
// positions. Lists key their items with ids (a motion's card is #motion-m1).
//
// Two things need help beyond the morph itself:
// - listeners: a morph copies attributes, not listeners, so h() keeps its
//   `on*` handlers where a draw can carry them to the live node (dom.js);
// - islands: a small form built once and kept (an amendment being written)
//   goes into the content as a stand-in (dom.js island()), and the draw leaves the live form alone.

import { Idiomorph } from "../vendor/idiomorph-0.7.4.esm.js";
import { carryHandlers, isIsland, placeIslands } from "./dom.js";
import { focusFallback, focusTrail, isShown, pickFocusTarget } from "./focus.js";

/**
 * Attributes that belong to the person using the page, not to the view: a draw
 * neither sets nor removes them. An open <details> stays open; a button stays
 * busy until its command is answered; a place focus was moved to stays focusable;
 * the text in a focused field is what is being typed.
 */
const TYPED = /^(text|search|email|tel|url|number|password)$/;
const USER_OWNED = {
  value: (el, active) => el === active && (el.tagName === "TEXTAREA" || (el.tagName === "INPUT" && TYPED.test(el.type))),
  open: (el) => el.tagName === "DETAILS",
  "aria-busy": () => true,
  tabindex: (el) => el.hasAttribute("data-landing"),
  "data-landing": () => true,
};

/** True when a draw must leave attribute `name` of element `el` alone (`active`: the focused element). */
export function userOwns(name, el, active = globalThis.document?.activeElement) {
  return !!USER_OWNED[name]?.(el, active);
}

/** Walks two trees of the same shape together, carrying handlers from the built one to the live one. */
function carryAll(built, live) {
  carryHandlers(built, live);
  const from = built.childNodes;
  const to = live.childNodes;
  for (let i = 0; i < from.length && i < to.length; i += 1) carryAll(from[i], to[i]);
}

function callbacks() {
  const adding = [];
  return {
    beforeNodeAdded(node) { adding.push(node); return true; },
    afterNodeAdded(node) {
      const built = adding.pop();
      if (built) carryAll(built, node);
    },
    // A kept island is drawn by its own code, not from the view.
    beforeNodeMorphed: (live) => !isIsland(live),
    afterNodeMorphed(live, built) { carryHandlers(built, live); },
    beforeAttributeUpdated: (name, el) => !userOwns(name, el),
  };
}

/**
 * Draws `content` (a node, an array of nodes, or nothing) into `container` by
 * morphing. If the focused element went away, focus moves to the nearest
 * visible thing that can take it, never to <body> or a hidden element.
 */
export function draw(container, content) {
  const active = document.activeElement;
  const trail = active && active !== document.body && container.contains(active) ? focusTrail(active, container) : null;
  // An array: idiomorph gathers it under a stand-in parent (a single node would itself become the one child).
  const next = [content].flat(Infinity).filter((node) => node !== null && node !== undefined && node !== false);
  Idiomorph.morph(container, next, {
    // Not ignoreActiveValue: it would also leave the focused element's text as it was (a toggle's new name).
    morphStyle: "innerHTML", restoreFocus: true, callbacks: callbacks(),
  });
  placeIslands(container);
  if (trail && !(document.activeElement !== document.body && isShown(document.activeElement))) {
    focusFallback(pickFocusTarget(trail, container));
  }
}

/** A part of the page drawn from the view: `render(build)` morphs it to what `build()` returns. */
export function part(container) {
  return { render: (build) => draw(container, build()) };
}
