// The console's parts of the day (seating, read-in, meeting, consequences, debrief, record) as tabs:
// one part shows at a time, the running phase's part is chosen for the trainer, and the bar above
// them stays in view (its height pads scrolling so it never covers the control that has focus).

const PART_FOR_PHASE = { lobby: "seating", read_in: "read-in", board: "meeting", debrief: "debrief", closed: "record" };

/** Wires the tabs (WAI-ARIA tabs pattern: arrow keys, Home and End). Returns update(view). */
export function wireSections() {
  const list = document.querySelector("#day-tabs");
  const tabs = [...list.querySelectorAll('[role="tab"]')];
  let shownPhase = null;

  function select(tab, { focus = false } = {}) {
    for (const other of tabs) {
      const chosen = other === tab;
      other.setAttribute("aria-selected", String(chosen));
      other.tabIndex = chosen ? 0 : -1;
      document.getElementById(other.getAttribute("aria-controls")).hidden = !chosen;
    }
    if (focus) tab.focus();
  }

  list.addEventListener("click", (event) => {
    const tab = event.target.closest('[role="tab"]');
    if (tab) select(tab);
  });
  list.addEventListener("keydown", (event) => {
    const at = tabs.indexOf(document.activeElement);
    if (at < 0) return;
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(tabs[(next + tabs.length) % tabs.length], { focus: true });
  });
  select(tabs[0]);
  keepBarClear();

  return (view) => {
    // Only a change of phase moves the trainer on: a redraw must not pull them off the part they chose.
    const phase = view.session.phase;
    if (phase === shownPhase) return;
    shownPhase = phase;
    const tab = tabs.find((t) => t.dataset.part === PART_FOR_PHASE[phase]);
    if (tab) select(tab);
  };
}

/** Scrolling to a focused control leaves room for the bar that stays at the top (WCAG 2.4.11). */
function keepBarClear() {
  const bar = document.querySelector("#console-bar");
  const pad = () => document.documentElement.style.setProperty("--bar-height", `${bar.offsetHeight}px`);
  new ResizeObserver(pad).observe(bar);
  pad();
}
