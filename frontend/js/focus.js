// Where focus goes when the element that had it is gone after a redraw: back
// to its twin (same id or data-key) if there is one, else to the nearest
// visible control, else to the nearest heading. Never to <body>, never to
// something hidden, so keyboard and screen reader users keep their place.

const FOCUSABLE = [
  "button:not([disabled])", "a[href]", "input:not([disabled]):not([type=hidden])", "select:not([disabled])",
  "textarea:not([disabled])", "summary", "[tabindex='0']",
].join(",");
const HEADINGS = "h1,h2,h3,h4,h5,h6";

/** True when `el` is in the page and takes up space (not hidden, not inside something hidden). */
export function isShown(el) {
  return !!el && el.isConnected && el.getClientRects().length > 0;
}

/** What to remember about the focused element before a redraw: its key and its ancestors up to `container`. */
export function focusTrail(active, container) {
  const ancestors = [];
  for (let el = active.parentElement; el; el = el.parentElement) {
    ancestors.push(el);
    if (el === container) break;
  }
  return { id: active.id || "", key: active.dataset?.key || "", ancestors };
}

function twin(trail, container) {
  const selector = trail.id ? `#${CSS.escape(trail.id)}` : trail.key ? `[data-key="${CSS.escape(trail.key)}"]` : "";
  const found = selector ? container.querySelector(selector) : null;
  return found && found.matches(FOCUSABLE) && isShown(found) ? found : null;
}

function firstShown(root, selector) {
  return [...root.querySelectorAll(selector)].find(isShown) || null;
}

/** Takes a trail from focusTrail(); returns the element focus should move to, or null. */
export function pickFocusTarget(trail, container) {
  const again = twin(trail, container);
  if (again) return again;
  for (const ancestor of trail.ancestors) {
    if (!ancestor.isConnected || !isShown(ancestor)) continue;
    const near = firstShown(ancestor, FOCUSABLE) || firstShown(ancestor, HEADINGS);
    if (near) return near;
  }
  const section = container.closest("section");
  return section ? firstShown(section, HEADINGS) : null;
}

/** Focuses `el`; a heading gets tabindex -1 (and a visible outline, see app.css [data-landing]) first. */
export function focusFallback(el) {
  if (!el) return;
  if (!el.matches(FOCUSABLE)) {
    el.setAttribute("data-landing", "");
    el.setAttribute("tabindex", "-1");
  }
  el.focus();
}
