// Small DOM helpers. Text always goes in through textContent; the only
// innerHTML in the frontend is the server-sanitised briefing document HTML.

const PROPS = new Set(["value", "checked", "selected", "disabled", "hidden", "open", "indeterminate"]);

/** Takes a tag, attributes and children; returns the element. `on*` functions become listeners. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      listen(el, name.slice(2).toLowerCase(), value);
    } else if (name === "class") {
      el.className = value;
    } else if (name === "dataset") {
      Object.assign(el.dataset, value);
    } else if (PROPS.has(name)) {
      el[name] = value;
    } else {
      el.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(el, children);
  return el;
}

// Listeners set through h() live here, behind one dispatching listener per event type, so
// that a redraw (render.js) can carry the newest handlers over to the live node it keeps.
const handlers = new WeakMap(); // element -> {type: handler}

function dispatch(event) {
  return handlers.get(this)?.[event.type]?.call(this, event);
}

function listen(el, type, handler) {
  let own = handlers.get(el);
  if (!own) handlers.set(el, (own = {}));
  if (!(type in own)) el.addEventListener(type, dispatch);
  own[type] = handler;
}

/** Gives `live` the handlers h() set on `built` (and drops those `built` does not have). */
export function carryHandlers(built, live) {
  const theirs = handlers.get(built);
  const own = handlers.get(live);
  if (!theirs && !own) return;
  for (const type of Object.keys(own || {})) if (!theirs || !(type in theirs)) own[type] = undefined;
  for (const [type, handler] of Object.entries(theirs || {})) listen(live, type, handler);
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** Like h(), for SVG elements: attributes are set as they are, text goes in as text nodes. */
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") el.setAttribute("class", value);
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

/**
 * Nodes that outlive the regions they sit in: a small form inside a motion
 * card is built once, kept here by key, and put back into each redrawn card,
 * so what someone is typing survives every update.
 */
export function keeper() {
  const kept = new Map();
  return {
    get(key, build) {
      if (!kept.has(key)) kept.set(key, build());
      return kept.get(key);
    },
    has: (key) => kept.has(key),
    drop(key) { kept.delete(key); },
    /** Forgets everything whose key `stillWanted(key)` rejects. */
    prune(stillWanted) {
      for (const key of [...kept.keys()]) if (!stillWanted(key)) kept.delete(key);
    },
  };
}

const islands = new Map(); // id -> a kept node that stand-ins with that id stand for

/**
 * Takes a kept node (it must have an id); returns a stand-in to put in content
 * being drawn. After the draw, placeIslands() swaps the kept node in for its
 * stand-in; a morph (render.js) leaves a kept node, and all in it, as it is.
 */
export function island(node) {
  node.setAttribute("data-island", "");
  islands.set(node.id, node);
  return node.cloneNode(false);
}

/** True when `node` is a kept node itself, not a stand-in for one. */
export function isIsland(node) {
  return node.nodeType === 1 && node.hasAttribute("data-island") && islands.get(node.id) === node;
}

/** Puts each kept node in place of its stand-in within `container`. */
export function placeIslands(container) {
  for (const slot of container.querySelectorAll("[data-island]")) {
    const kept = islands.get(slot.id);
    if (kept && kept !== slot) slot.replaceWith(kept);
  }
}

/** Text that screen readers read but that is not shown. */
export function hiddenText(text) {
  return h("span", { class: "visually-hidden" }, text);
}

/** Takes a map of name -> CSS selector; returns name -> element (throws on a missing one). */
export function elements(selectors, root = document) {
  const found = {};
  for (const [name, selector] of Object.entries(selectors)) {
    const el = root.querySelector(selector);
    if (!el) throw new Error(`Missing element ${selector}`);
    found[name] = el;
  }
  return found;
}

export function setText(el, text) {
  const value = text === null || text === undefined ? "" : String(text);
  if (el.textContent !== value) el.textContent = value;
}

export function show(el, visible) {
  if (el.hidden === !!visible) el.hidden = !visible;
}

/** Replaces a <select>'s options only when they changed, keeping the chosen value when it still exists. */
export function setOptions(select, options, value) {
  const wanted = options.map((o) => `${o.value}\u0000${o.label}`).join("\u0001");
  if (select.dataset.options !== wanted) {
    const keep = value === undefined ? select.value : value;
    select.replaceChildren(...options.map((o) => h("option", { value: o.value }, o.label)));
    select.dataset.options = wanted;
    if (options.some((o) => o.value === keep)) select.value = keep;
  }
  if (value !== undefined && select.value !== value && options.some((o) => o.value === value)) {
    select.value = value;
  }
}

/**
 * Writes a message into a live region; an empty string clears it. The region
 * stays in the page (never `hidden`), or screen readers would miss the change.
 */
export function announce(el, message) {
  setText(el, message);
}
