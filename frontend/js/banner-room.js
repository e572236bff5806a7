// The error banner sticks to the top of the screen so a refusal is seen
// wherever someone is on the page. It must never cover the control that has
// focus (WCAG 2.2, 2.4.11): the page keeps a scroll padding as tall as the
// banner, and when the banner grows over the focused control, that control
// scrolls back into view below it.

const GAP = 8;

/** True when `el`'s box starts above `edge` (a y position in the viewport). */
export function coveredBy(rect, edge) {
  return rect.bottom > 0 && rect.top < edge;
}

/** Keeps focused controls clear of `banner` (a sticky element at the top of the page). */
export function keepClearOf(banner) {
  const fit = () => {
    const height = banner.offsetHeight;
    document.documentElement.style.scrollPaddingTop = height ? `${height + GAP}px` : "";
    const active = document.activeElement;
    if (!height || !active || active === document.body || banner.contains(active)) return;
    if (coveredBy(active.getBoundingClientRect(), banner.getBoundingClientRect().bottom)) {
      active.scrollIntoView({ block: "nearest" });
    }
  };
  new ResizeObserver(fit).observe(banner);
  document.addEventListener("focusin", fit);
}
