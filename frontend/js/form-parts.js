// The small pieces every meeting control is made of: keyed buttons that keep their node across redraws,
// a press that ignores repeats until the server answers, labelled fields, a form's first problem marked,
// and disclosures whose forms are built once and kept (dom.js `keeper`), so nothing typed is lost to an update.

import { announce, h, hiddenText, island, keeper } from "./dom.js";
import { OPEN_STATUSES, withUnit } from "./meeting.js";

const kept = keeper(); // small forms inside motion cards, by key

/** A button keyed by `key`, which is also its id, so each redraw keeps the same node. */
export function button(text, key, onClick, extra = {}) {
  return h("button", { type: "button", id: key, "data-key": key, onclick: onClick, ...extra }, text);
}

/**
 * Sends from a button, which ignores further presses until the server answers.
 * It is marked busy rather than disabled, so it keeps keyboard focus, and the
 * redrawn card can put focus back on its twin (same data-key).
 */
export function pressed(act, command) {
  return async (event) => {
    const btn = event.currentTarget;
    if (btn.getAttribute("aria-busy") === "true") return;
    btn.setAttribute("aria-busy", "true");
    try {
      await act(command);
    } catch {
      // act() has already shown why the server refused it.
    } finally {
      btn.removeAttribute("aria-busy");
    }
  };
}

/**
 * Sends a form's command when it is submitted, once `input` holds something: otherwise marks it, says
 * `missing` in `message` and puts focus there. The submit button ignores further presses until the server
 * answers (busy, not disabled, so it keeps keyboard focus); `done()` runs once the command is accepted.
 */
export function sendsWhenFilled(form, { input, submit, message, missing, send, done = () => {} }) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    input.removeAttribute("aria-invalid");
    if (!input.value.trim()) {
      input.setAttribute("aria-invalid", "true");
      announce(message, missing);
      input.focus();
      return;
    }
    if (submit.getAttribute("aria-busy") === "true") return;
    submit.setAttribute("aria-busy", "true");
    try {
      await send();
      done();
    } catch {
      // act() has already shown why, in `message`.
    } finally {
      submit.removeAttribute("aria-busy");
    }
  });
}

export function field(label, input, hint = null) {
  return h("div", { class: "field" }, h("label", { for: input.id }, label), hint, input);
}

/** Marks the first problem on a form: the field gets aria-invalid and focus, the message says what to fix. */
export function problemReporter(message, inputs) {
  return {
    clear() { for (const el of inputs()) el.removeAttribute("aria-invalid"); },
    invalid(input, problem) {
      input.setAttribute("aria-invalid", "true");
      announce(message, problem);
      input.focus();
      return null;
    },
  };
}

/**
 * A button that shows and hides a small kept form. The form is built the
 * first time it opens (so closed forms add no fields to the page):
 * `build({close})` returns {nodes, first, onOpen, update(data)}. `update(data)`
 * on the result passes the latest data on, now or when the form is built; the
 * same nodes come back on every redraw.
 */
export function disclosure(key, label, build, { buttonClass = "secondary", suffix = "" } = {}) {
  return kept.get(key, () => {
    const panelId = `${key}-panel`;
    const panel = h("div", { id: panelId, class: "disclosure-panel", hidden: true });
    const toggle = h("button", {
      type: "button", class: buttonClass, "aria-expanded": "false", "aria-controls": panelId, "data-key": `${key}-toggle`,
    }, label, suffix ? hiddenText(suffix) : null);
    const wrap = h("div", { class: "disclosure", id: `${key}-box` }, toggle, panel);
    let body = null;
    let data;
    const set = (open) => {
      toggle.setAttribute("aria-expanded", String(open));
      panel.hidden = !open;
      wrap.classList.toggle("open", open);
    };
    toggle.addEventListener("click", () => {
      const open = toggle.getAttribute("aria-expanded") !== "true";
      if (open && !body) {
        body = build({ close: () => { set(false); toggle.focus(); } });
        panel.append(...[body.nodes].flat().filter(Boolean));
        if (data !== undefined) body.update?.(data);
      }
      set(open);
      if (open) {
        body.onOpen?.();
        body.first?.focus();
      }
    });
    return {
      /** A stand-in for the kept form, for the card being drawn. */
      get wrap() { return island(wrap); },
      update(next) {
        data = next;
        body?.update?.(next);
      },
    };
  });
}

/** Drops kept forms for motions that no longer need them (decided, or gone). */
export function pruneKeptForms(view) {
  const byId = new Map(view.motions.map((m) => [m.id, m]));
  kept.prune((key) => {
    const [, kind, id] = key.match(/^([a-z]+)-(.+)$/) || [];
    const m = byId.get(id);
    if (!m) return false;
    if (kind === "amend" || kind === "rule") return OPEN_STATUSES.includes(m.status);
    if (kind === "void") return m.status === "carried" || m.status === "lost";
    return true;
  });
}

/** An indicator as a choice in a form: its name and where it stands now. */
export function indicatorLabel(i) {
  return `${i.name} (now ${withUnit(i.baseline, i.unit)})`;
}
