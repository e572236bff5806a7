// The board meeting's controls: propose (with its kind and terms), amend,
// second, vote, withdraw, and the chair's open-item, close-vote, rule-out and
// ballot controls, plus the trainer's correction of a decision. Used by the
// participant page and the trainer's console. `act(command, messageEl?)` sends
// a command and shows any refusal (see the page modules).
//
// Small forms inside motion cards (an amendment, a ruling, a correction) are
// built once and kept (dom.js `keeper`); each drawn card holds a stand-in
// (dom.js `island`) where the kept form stays, so nothing typed is lost to an update.

import { announce, h, hiddenText, island, keeper, setOptions, setText } from "./dom.js";
import {
  CHOICE_LABELS, ITEM_MOTION_KIND, KIND_LABELS, TERM_LABELS, parseNumber, parsePounds, plural, pounds,
} from "./format.js";
import {
  OPEN_STATUSES, directorate, directorateName, exportedCostLabel, heldCount, motionLabel, votedCount, withUnit,
} from "./meeting.js";

const castingChoices = new Map(); // motion id -> "for" | "against", kept across redraws
const kept = keeper(); // small forms inside motion cards, by key

/** A button keyed by `key`, which is also its id, so each redraw keeps the same node. */
function button(text, key, onClick, extra = {}) {
  return h("button", { type: "button", id: key, "data-key": key, onclick: onClick, ...extra }, text);
}

/**
 * Sends from a button, which ignores further presses until the server answers.
 * It is marked busy rather than disabled, so it keeps keyboard focus, and the
 * redrawn card can put focus back on its twin (same data-key).
 */
function pressed(act, command) {
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

function field(label, input, hint = null) {
  return h("div", { class: "field" }, h("label", { for: input.id }, label), hint, input);
}

/** Marks the first problem on a form: the field gets aria-invalid and focus, the message says what to fix. */
function problemReporter(message, inputs) {
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
function disclosure(key, label, build, { buttonClass = "secondary", suffix = "" } = {}) {
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

// --- a directorate's controls on one motion --------------------------------------------

function voteControls(view, m, act, report) {
  const me = view.me;
  const cast = me.directorate ? m.ballots[me.directorate] : null;
  const choices = [["for", "Vote for"], ["against", "Vote against"], ["abstain", "Abstain"]];
  const buttons = choices.map(([choice, text]) => {
    const current = cast === choice;
    const onClick = current
      ? () => report(`Your directorate's vote is already “${CHOICE_LABELS[choice]}”. Choose another option to change it.`)
      : pressed(act, { type: "vote", motion_id: m.id, choice });
    return button(text, `vote-${choice}-${m.id}`, onClick, { class: `vote-${choice}`, "aria-pressed": String(current) });
  });
  const secret = m.secret ? " It is a secret ballot: the others see only that you have voted." : "";
  const said = cast
    ? `Your directorate's vote: ${CHOICE_LABELS[cast] || cast}. You can change it until the chair closes the vote.${secret}`
    : `Your directorate has not voted yet; either of you can cast its one vote.${secret}`;
  return [h("div", { class: "vote-buttons" }, buttons), h("p", { class: "voted" }, said)];
}

/** The buttons (and small forms) a directorate's seat gets on one motion. */
export function seatMotionControls(view, m, act, report = () => {}) {
  const me = view.me || {};
  const can = me.can || {};
  const board = view.session.phase === "board";
  const mine = !!me.directorate && m.directorate === me.directorate;
  const open = OPEN_STATUSES.includes(m.status);
  const nodes = [];
  if (m.status === "proposed" && can.second && !mine) {
    nodes.push(button("Second", `second-${m.id}`, pressed(act, { type: "second", motion_id: m.id })));
  }
  if (m.status === "voting" && can.vote) nodes.push(...voteControls(view, m, act, report));
  if (mine && open && board) {
    nodes.push(button("Withdraw", `withdraw-${m.id}`, pressed(act, { type: "withdraw", motion_id: m.id }),
      { class: "secondary" }));
  }
  if (open && board && can.propose && !votedCount(m)) nodes.push(amendForm(view, m, act));
  return nodes;
}

/** For the proposing directorate: Accept and Decline beside each amendment still waiting. */
export function amendmentDecisions(view, m, act) {
  const me = view.me || {};
  const mine = !!me.directorate && m.directorate === me.directorate;
  if (!mine || !OPEN_STATUSES.includes(m.status) || votedCount(m) || view.session.phase !== "board") return null;
  return (a) => {
    if (a.status !== "pending") return null;
    const n = m.amendments.indexOf(a) + 1;
    const who = ` ${n} from ${directorateName(view, a.directorate)}`;
    const decide = (accept) => pressed(act, { type: "decide-amendment", motion_id: m.id, amendment_id: a.id, accept });
    return h("div", { class: "button-row" },
      h("button", { type: "button", class: "primary small", "data-key": `accept-${a.id}`, onclick: decide(true) },
        "Accept amendment", hiddenText(who)),
      h("button", { type: "button", class: "secondary small", "data-key": `decline-${a.id}`, onclick: decide(false) },
        "Decline amendment", hiddenText(who)));
  };
}

/** "Propose an amendment": new wording, and for a transfer or target motion its terms. Kept across redraws. */
function amendForm(view, m, act) {
  const { wrap, update } = disclosure(`amend-${m.id}`, "Propose an amendment", ({ close }) => {
    const id = (name) => `amend-${m.id}-${name}`;
    let latest = { view, m };
    const text = h("textarea", { id: id("text"), rows: 3, maxlength: 2000, "data-key": id("text"), "aria-describedby": id("text-hint") });
    const message = h("p", { class: "form-message", "aria-live": "polite" });
    const nodes = [field("New wording", text, h("p", { class: "hint", id: id("text-hint") },
      "The whole motion as you would have it read. The proposing directorate accepts or declines it before any vote."))];
    const inputs = [text];
    let terms = null;

    if (m.kind === "transfer") {
      const source = h("select", { id: id("source"), "data-key": id("source") });
      const target = h("select", { id: id("target"), "data-key": id("target") });
      const amount = h("input", { id: id("amount"), type: "text", inputmode: "numeric", autocomplete: "off", "data-key": id("amount") });
      const reason = h("textarea", { id: id("reason"), rows: 2, maxlength: 500, "data-key": id("reason") });
      inputs.push(source, target, amount, reason);
      nodes.push(h("fieldset", {}, h("legend", {}, "New transfer terms"),
        h("p", { class: "hint" }, "Change only what you want to change; the rest stays as it is."),
        h("div", { class: "field-row" }, field("Money from", source), field("Money to", target)),
        field("New amount (£)", amount), field("New reason", reason)));
      terms = {
        fill({ view: v, m: cur }) {
          const options = v.directorates.map((d) => ({ value: d.id, label: d.name }));
          setOptions(source, options, cur.transfer?.source);
          setOptions(target, options, cur.transfer?.target);
          amount.value = cur.transfer ? String(cur.transfer.amount) : "";
          reason.value = cur.transfer?.reason || "";
        },
        read(check, cur) {
          const t = cur.transfer || {};
          const sum = parsePounds(amount.value);
          if (!sum) return check.invalid(amount, "Give the amount in whole pounds, more than nothing, for example 250000.");
          if (source.value === target.value) return check.invalid(target, "A transfer must go to a different directorate.");
          if (!reason.value.trim()) return check.invalid(reason, "Give a reason for the transfer.");
          const next = { source: source.value, target: target.value, amount: sum, reason: reason.value.trim() };
          const same = next.source === t.source && next.target === t.target && next.amount === t.amount && next.reason === t.reason;
          return { transfer: same ? undefined : { ...next, addresses: t.addresses || "" } };
        },
      };
    } else if (m.kind === "target") {
      const indicator = h("select", { id: id("indicator"), "data-key": id("indicator") });
      const owner = h("select", { id: id("owner"), "data-key": id("owner") });
      const value = h("input", { id: id("value"), type: "text", inputmode: "decimal", autocomplete: "off", "data-key": id("value") });
      const by = h("input", { id: id("by"), type: "text", maxlength: 40, autocomplete: "off", "data-key": id("by") });
      inputs.push(indicator, owner, value, by);
      nodes.push(h("fieldset", {}, h("legend", {}, "New target terms"),
        h("p", { class: "hint" }, "Change only what you want to change; the rest stays as it is."),
        field("New indicator", indicator), field("Directorate responsible", owner),
        h("div", { class: "field-row" }, field("New target value", value), field("New date", by))));
      terms = {
        fill({ view: v, m: cur }) {
          setOptions(indicator, (v.indicators || []).map((i) => ({ value: i.id, label: indicatorLabel(i) })), cur.target?.indicator);
          setOptions(owner, v.directorates.map((d) => ({ value: d.id, label: d.name })), cur.target?.directorate);
          value.value = cur.target ? String(cur.target.value) : "";
          by.value = cur.target?.by || "";
        },
        read(check, cur) {
          const t = cur.target || {};
          const number = parseNumber(value.value);
          if (number === null) return check.invalid(value, "Give the target as a number, for example 35 or 12.5.");
          if (!by.value.trim()) return check.invalid(by, "Say by when, for example March 2027.");
          const next = { indicator: indicator.value, directorate: owner.value, value: number, by: by.value.trim() };
          const same = next.indicator === t.indicator && next.directorate === t.directorate && next.value === t.value && next.by === t.by;
          return { target: same ? undefined : next };
        },
      };
    }

    const submit = h("button", { type: "submit", class: "primary small", "data-key": id("submit") }, "Propose amendment");
    const cancel = h("button", { type: "button", class: "secondary small", onclick: close }, "Cancel");
    const check = problemReporter(message, () => inputs);
    const form = h("form", { class: "amend-form", novalidate: true }, nodes, h("div", { class: "button-row" }, submit, cancel), message);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      check.clear();
      const words = text.value.trim();
      if (!words) {
        check.invalid(text, "Write the motion as you would amend it.");
        return;
      }
      const extra = terms ? terms.read(check, latest.m) : {};
      if (extra === null) return;
      const command = { type: "amend", motion_id: m.id, text: words };
      if (extra.transfer) command.transfer = extra.transfer;
      if (extra.target) command.target = extra.target;
      // Busy, not disabled: a disabled button would drop keyboard focus to the page.
      if (submit.getAttribute("aria-busy") === "true") return;
      submit.setAttribute("aria-busy", "true");
      try {
        await act(command, message);
        close();
      } catch {
        // act() has shown the server's reason in `message`.
      } finally {
        submit.removeAttribute("aria-busy");
      }
    });
    return {
      nodes: form,
      first: text,
      update(next) { latest = next; },
      onOpen() {
        announce(message, "");
        text.value = latest.m.text;
        terms?.fill(latest);
      },
    };
  }, { suffix: ` to ${motionLabel(view, m.id).toLowerCase()}` });
  update({ view, m });
  return wrap;
}

// --- the chair's controls on one motion ------------------------------------------------------

/** The chair's (or trainer's) "Close vote", with a casting vote when the votes are tied, and always for
 * a secret ballot: nobody may know whether one is tied, so the server uses the casting vote only on a tie. */
export function closeVoteControls(view, m, act, report) {
  if (m.status !== "voting" || view.session.phase !== "board") return [];
  // A casting vote matters only once the vote is quorate; before that the server says what is missing.
  const quorate = votedCount(m) >= (view.quorum || 0);
  const secret = !m.tally;
  const tied = secret || (quorate && m.tally.for === m.tally.against);
  const tieWords = secret ? "used only if the vote is tied" : `tied at ${m.tally.for} to ${m.tally.against}`;
  const name = `casting-${m.id}`;
  const radio = (value, text) => h("div", { class: "choice" },
    h("input", {
      type: "radio", name, id: `${name}-${value}`, value, "data-key": `${name}-${value}`,
      checked: castingChoices.get(m.id) === value, onchange: () => castingChoices.set(m.id, value),
    }),
    h("label", { for: `${name}-${value}` }, text));
  const close = async (event) => {
    const casting = castingChoices.get(m.id);
    if (tied && !casting) {
      report(secret
        ? "This is a secret ballot: choose a casting vote, for or against, first. It is used only if the vote is tied."
        : `The vote is ${tieWords}: choose a casting vote, for or against, first.`);
      return;
    }
    const command = { type: "close-vote", motion_id: m.id, motion_version: m.version };
    if (tied) command.casting = casting;
    await pressed(act, command)(event);
  };
  return [
    tied ? h("fieldset", { class: "casting" },
      h("legend", {}, `Casting vote (${tieWords})`),
      radio("for", "For"), radio("against", "Against")) : null,
    button("Close vote", `close-${m.id}`, close, { class: "primary" }),
  ];
}

/** "Rule out of order", with the reason, kept across redraws. */
function ruleOutForm(view, m, act) {
  const { wrap } = disclosure(`rule-${m.id}`, "Rule out of order", ({ close }) => {
    const id = `rule-${m.id}-reason`;
    const reason = h("textarea", { id, rows: 2, maxlength: 500, "data-key": id, "aria-describedby": `${id}-hint` });
    const message = h("p", { class: "form-message", "aria-live": "polite" });
    const submit = h("button", { type: "submit", class: "primary small" }, "Rule it out of order");
    const form = h("form", { class: "small-form", novalidate: true },
      field("Why it is out of order", reason, h("p", { class: "hint", id: `${id}-hint` },
        "Recorded on the motion and in the minutes. The motion then stops: nobody can second or vote on it.")),
      h("div", { class: "button-row" }, submit, h("button", { type: "button", class: "secondary small", onclick: close }, "Cancel")),
      message);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      reason.removeAttribute("aria-invalid");
      if (!reason.value.trim()) {
        reason.setAttribute("aria-invalid", "true");
        announce(message, "Say why the motion is out of order.");
        reason.focus();
        return;
      }
      // Busy, not disabled: a disabled button would drop keyboard focus to the page.
      if (submit.getAttribute("aria-busy") === "true") return;
      submit.setAttribute("aria-busy", "true");
      try {
        await act({ type: "rule-out", motion_id: m.id, reason: reason.value.trim() }, message);
        form.reset();
      } catch { /* shown in `message` */ } finally {
        submit.removeAttribute("aria-busy");
      }
    });
    return { nodes: form, first: reason };
  }, { suffix: ` (${motionLabel(view, m.id).toLowerCase()})` });
  return wrap;
}

/**
 * Everything the chair (a participant with me.can.chair, or the trainer) can do
 * to one motion: make the ballot secret or named before anyone votes, rule it
 * out of order, and close the vote.
 */
export function chairMotionControls(view, m, act, report) {
  if (view.session.phase !== "board" || !OPEN_STATUSES.includes(m.status)) return [];
  const nodes = [];
  if (!votedCount(m)) {
    nodes.push(button(m.secret ? "Make ballot named" : "Make ballot secret", `ballot-${m.id}`,
      pressed(act, { type: "set-ballot", motion_id: m.id, secret: !m.secret }), { class: "secondary" }));
  }
  nodes.push(...closeVoteControls(view, m, act, report));
  nodes.push(ruleOutForm(view, m, act));
  return nodes;
}

/** The trainer's "Correct a decision" on a carried or lost motion: void it, with the reason. */
export function correctionControls(view, m, act) {
  if (m.status !== "carried" && m.status !== "lost") return [];
  const { wrap, update } = disclosure(`void-${m.id}`, "Correct a decision", ({ close }) => {
    const id = `void-${m.id}-reason`;
    const explain = h("p", { class: "hint", id: `${id}-hint` });
    const reason = h("textarea", { id, rows: 2, maxlength: 500, "data-key": id, "aria-describedby": `${id}-hint` });
    const message = h("p", { class: "form-message", "aria-live": "polite" });
    const submit = h("button", { type: "submit", class: "primary small" }, "Void the decision");
    const form = h("form", { class: "small-form", novalidate: true }, explain,
      field("Why the decision no longer stands", reason),
      h("div", { class: "button-row" }, submit, h("button", { type: "button", class: "secondary small", onclick: close }, "Cancel")),
      message);
    let latest = { view, m };
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      reason.removeAttribute("aria-invalid");
      if (!reason.value.trim()) {
        reason.setAttribute("aria-invalid", "true");
        announce(message, "Say why the decision is being corrected; it goes in the minutes.");
        reason.focus();
        return;
      }
      // Busy, not disabled: a disabled button would drop keyboard focus to the page.
      if (submit.getAttribute("aria-busy") === "true") return;
      submit.setAttribute("aria-busy", "true");
      try {
        await act({ type: "void-motion", motion_id: m.id, reason: reason.value.trim() }, message);
        form.reset();
      } catch { /* shown in `message` */ } finally {
        submit.removeAttribute("aria-busy");
      }
    });
    return {
      nodes: form,
      first: reason,
      update(next) {
        latest = next;
        const t = latest.m.transfer;
        const money = latest.m.status === "carried" && t
          ? ` The ${pounds(t.amount)} it moved goes back from ${directorateName(latest.view, t.target)} to ${directorateName(latest.view, t.source)}.`
          : "";
        setText(explain, `This records a correction: the decision no longer stands and leaves the corporate strategy.${money} The motion and your reason stay in the minutes.`);
      },
    };
  }, { suffix: ` on ${motionLabel(view, m.id).toLowerCase()}` });
  update({ view, m });
  return [wrap];
}

// --- the chair's panel: open an item, the quorum ------------------------------------------------

/** Chair's form to open an agenda item. Built once; `update(view)` keeps it in step. */
export function chairPanel(container, act) {
  const select = h("select", { id: "open-item-select", name: "item" });
  const status = h("p", { class: "subtle" });
  const quorum = h("p", { class: "subtle", id: "quorum-line" });
  let shown; // the view on screen: its item version goes with the command, so a stale screen changes nothing
  const form = h("form", { class: "inline-form chair-panel", onsubmit: async (e) => {
    e.preventDefault();
    const command = { type: "open-item", item_id: select.value, item_version: shown?.session.item_version };
    if (select.value) await act(command).catch(() => {});
  } },
  h("div", { class: "field" }, h("label", { for: select.id }, "Agenda item"), select),
  h("button", { type: "submit", class: "primary" }, "Open item"),
  status);
  container.replaceChildren(form, quorum);
  let lastCurrent;
  return {
    update(view) {
      shown = view;
      const options = view.agenda.map((item, i) => ({ value: item.id, label: `${i + 1}. ${item.title}` }));
      const current = view.session.current_item;
      let value;
      if (current !== lastCurrent) {
        // Suggest the item after the one now open.
        const i = view.agenda.findIndex((item) => item.id === current);
        value = view.agenda[Math.min(i + 1, view.agenda.length - 1)]?.id;
        lastCurrent = current;
      }
      setOptions(select, options, value);
      const item = view.agenda.find((a) => a.id === current);
      setText(status, item ? `Open now: ${item.title}.` : "No item is open yet. Open the first one to start the meeting.");
      const held = heldCount(view);
      setText(quorum, typeof view.quorum === "number"
        ? `Quorum: at least ${view.quorum} of the ${plural(held, "directorate")} at the table must vote before a vote can close.`
        : "");
    },
  };
}

// --- proposing a motion -----------------------------------------------------------------------

function indicatorLabel(i) {
  return `${i.name} (now ${withUnit(i.baseline, i.unit)})`;
}

const TEXT_HINTS = {
  objective: "What should the neighbourhood look like, and by when? One clear sentence is best.",
  target: "Say the target in words; the terms below make it measurable.",
  transfer: "What should the board agree? The terms below say how much money moves, and where.",
  strategy: "How will the board meet its objectives and targets? One clear sentence is best.",
  free: "What should the board agree? One clear sentence is best.",
};

/**
 * The "Propose a motion" form. Built once, so typing is never lost to a redraw.
 * `ids.prefix` names its fields; `ids.onSending()` runs as it goes off, `ids.onProposed()` once the board has it.
 */
export function proposeForm(container, act, ids = {}) {
  const id = (name) => `${ids.prefix || "propose"}-${name}`;
  const kinds = Object.keys(KIND_LABELS);
  const kindInputs = new Map(kinds.map((k) => [k, h("input", { type: "radio", name: id("kind"), id: id(`kind-${k}`), value: k })]));
  const text = h("textarea", { id: id("text"), name: "text", rows: 3, maxlength: 2000, required: true,
    "aria-describedby": id("text-hint") });
  const textHint = h("p", { class: "hint", id: id("text-hint") }, TEXT_HINTS.free);
  // Objective
  const term = h("select", { id: id("term"), name: "term" },
    h("option", { value: "" }, "Choose a term"),
    Object.entries(TERM_LABELS).map(([value, label]) => h("option", { value }, label)));
  // Target
  const indicator = h("select", { id: id("indicator"), name: "indicator", "aria-describedby": id("indicator-hint") });
  const indicatorHint = h("p", { class: "hint", id: id("indicator-hint") });
  const owner = h("select", { id: id("owner"), name: "owner" });
  const value = h("input", { id: id("value"), name: "value", type: "text", inputmode: "decimal", autocomplete: "off",
    "aria-describedby": id("value-hint") });
  const valueHint = h("p", { class: "hint", id: id("value-hint") }, "A number, for example 35 or 12.5.");
  const by = h("input", { id: id("by"), name: "by", type: "text", maxlength: 40, autocomplete: "off",
    "aria-describedby": id("by-hint") });
  // Transfer
  const source = h("select", { id: id("source"), name: "source" });
  const target = h("select", { id: id("target"), name: "target" });
  const amount = h("input", { id: id("amount"), name: "amount", type: "text", inputmode: "numeric",
    autocomplete: "off", "aria-describedby": id("amount-hint") });
  const reason = h("textarea", { id: id("reason"), name: "reason", rows: 2, maxlength: 500 });
  const addresses = h("select", { id: id("addresses"), name: "addresses", "aria-describedby": id("addresses-hint") });
  const amountHint = h("p", { class: "hint", id: id("amount-hint") }, "Whole pounds, for example 250,000.");
  const addressesHint = h("p", { class: "hint", id: id("addresses-hint") },
    "Optional: the cost one service's shortfall puts on another, if this transfer tackles it at its source.");
  const secret = h("input", { type: "checkbox", id: id("secret"), name: "secret", "aria-describedby": id("secret-hint") });
  // Strategy: a lever, or a pooled fund's purpose, that the consequences model acts on once carried
  const lever = h("select", { id: id("lever"), name: "lever", "aria-describedby": id("lever-hint") });
  const leverHint = h("p", { class: "hint", id: id("lever-hint") },
    "Optional: a lever from the scenario (such as shared data) or a purpose for a pooled fund. Once carried, the consequences model counts it from the next round.");

  const message = h("p", { class: "form-message", "aria-live": "polite" });
  const submit = h("button", { type: "submit", class: "primary" }, "Propose motion");

  const groups = {
    objective: h("div", { class: "kind-fields" }, field("Term", term,
      h("p", { class: "hint" }, "Short term: this year. Medium term: within three years. Long term: within ten."))),
    target: h("fieldset", { class: "kind-fields" }, h("legend", {}, "Departmental target"),
      field("Indicator", indicator, indicatorHint),
      field("Directorate", owner, h("p", { class: "hint" }, "The directorate that will answer for the target.")),
      h("div", { class: "field-row" }, field("Target value", value, valueHint),
        field("By when", by, h("p", { class: "hint", id: id("by-hint") }, "For example March 2027.")))),
    strategy: h("div", { class: "kind-fields", id: id("lever-field") }, field("Lever or fund purpose", lever, leverHint)),
    transfer: h("fieldset", { class: "kind-fields" }, h("legend", {}, "Budget transfer"),
      h("div", { class: "field-row" }, field("Transfer from", source), field("Transfer to", target)),
      field("Amount (£)", amount, amountHint), field("Reason", reason),
      h("div", { class: "field", id: id("addresses-field") },
        h("label", { for: addresses.id }, "Exported cost it addresses"), addressesHint, addresses)),
  };

  const form = h("form", { class: "propose", novalidate: true },
    h("fieldset", { class: "kinds" }, h("legend", {}, "Kind of motion"),
      h("div", { class: "choices-inline" }, kinds.map((k) => h("div", { class: "choice" },
        kindInputs.get(k), h("label", { for: kindInputs.get(k).id }, KIND_LABELS[k]))))),
    field("Motion", text, textHint),
    groups.objective, groups.target, groups.strategy, groups.transfer,
    h("div", { class: "choice" }, secret, h("label", { for: secret.id }, "Secret ballot")),
    h("p", { class: "hint", id: id("secret-hint") }, "In a secret ballot the board sees only who has voted, not how. The chair can change this before the first vote."),
    submit, message);
  container.replaceChildren(form);
  let view = null;
  let lastItem;

  const kind = () => kinds.find((k) => kindInputs.get(k).checked) || "free";
  const setKind = (k) => {
    for (const [name, input] of kindInputs) input.checked = name === k;
    showKind();
  };
  const showKind = () => {
    const k = kind();
    for (const [name, el] of Object.entries(groups)) el.hidden = name !== k;
    setText(textHint, TEXT_HINTS[k]);
  };
  for (const input of kindInputs.values()) input.addEventListener("change", showKind);

  const showHint = () => {
    const d = view && directorate(view, source.value);
    setText(amountHint, d ? `Whole pounds. ${d.name} holds ${pounds(d.balance)}.` : "Whole pounds, for example 250,000.");
    const i = view?.indicators?.find((x) => x.id === indicator.value);
    setText(indicatorHint, view && !view.indicators?.length
      ? "This scenario lists no indicators, so a measurable target cannot be set here. Put it as free text instead."
      : "The measure the target is set on.");
    setText(valueHint, i
      ? `Measured in ${i.unit}. It is ${withUnit(i.baseline, i.unit)} now; ${i.better === "lower" ? "lower" : "higher"} is better.`
      : "A number, for example 35 or 12.5.");
  };
  source.addEventListener("change", showHint);
  indicator.addEventListener("change", showHint);

  const check = problemReporter(message, () => [text, term, indicator, owner, value, by, source, target, amount, reason]);

  const readCommand = () => {
    check.clear();
    const k = kind();
    const words = text.value.trim();
    if (!words) return check.invalid(text, "Write the motion before you propose it.");
    const command = { type: "propose", kind: k, text: words, secret: secret.checked };
    if (k === "objective") {
      if (!term.value) return check.invalid(term, "Say whether this objective is short, medium or long term.");
      command.term = term.value;
    } else if (k === "target") {
      if (!indicator.value) return check.invalid(indicator, "Choose the indicator the target is set on.");
      if (!owner.value) return check.invalid(owner, "Choose the directorate that answers for the target.");
      const number = parseNumber(value.value);
      if (number === null) return check.invalid(value, "Give the target value as a number, for example 35 or 12.5.");
      if (!by.value.trim()) return check.invalid(by, "Say by when, for example March 2027.");
      command.target = { indicator: indicator.value, directorate: owner.value, value: number, by: by.value.trim() };
    } else if (k === "transfer") {
      if (!source.value) return check.invalid(source, "Choose the directorate the money comes from.");
      if (!target.value) return check.invalid(target, "Choose the directorate the money goes to.");
      if (source.value === target.value) return check.invalid(target, "A transfer must go to a different directorate.");
      const sum = parsePounds(amount.value);
      if (!sum) return check.invalid(amount, "Give the amount in whole pounds, more than nothing, for example 250000.");
      if (!reason.value.trim()) return check.invalid(reason, "Give a reason for the transfer.");
      command.transfer = { source: source.value, target: target.value, amount: sum, reason: reason.value.trim() };
      if (addresses.value) command.transfer.addresses = addresses.value;
    } else if (k === "strategy" && lever.value) {
      command.lever = lever.value;
    }
    return command;
  };

  /** The kind the open agenda item suggests: a budget item suggests a transfer, and so on. */
  const suggestedKind = (v) => ITEM_MOTION_KIND[v.agenda.find((a) => a.id === v.session.current_item)?.kind] || "free";

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const command = readCommand();
    if (!command) return;
    announce(message, "");
    // Busy, not disabled: a disabled button would drop keyboard focus to the page.
    if (submit.getAttribute("aria-busy") === "true") return;
    submit.setAttribute("aria-busy", "true");
    ids.onSending?.();
    try {
      await act(command, message);
      const k = kind();
      form.reset();
      setKind(k);
      if (view?.me?.directorate) owner.value = view.me.directorate;
      showHint();
      announce(message, "Your motion is before the board. It needs another directorate to second it.");
      ids.onProposed?.();
    } catch {
      // act() has already shown the server's reason in `message`.
    } finally {
      submit.removeAttribute("aria-busy");
    }
  });

  return {
    form,
    update(next) {
      view = next;
      const options = [{ value: "", label: "Choose a directorate" },
        ...next.directorates.map((d) => ({ value: d.id, label: d.name }))];
      const holders = [...options, ...(next.funds || []).map((f) => ({ value: f.id, label: `${f.name} (pooled fund)` }))];
      setOptions(source, holders);
      setOptions(target, holders);
      setOptions(owner, options, owner.value || next.me?.directorate || "");
      const levers = next.levers || [];
      setOptions(lever, [{ value: "", label: "None" }, ...levers.map((v) => ({ value: v.id, label: v.name }))]);
      groups.strategy.querySelector(".field").hidden = !levers.length;
      setOptions(indicator, [{ value: "", label: "Choose an indicator" },
        ...(next.indicators || []).map((i) => ({ value: i.id, label: indicatorLabel(i) }))]);
      const costs = next.exported_costs || [];
      setOptions(addresses, [{ value: "", label: "None" },
        ...costs.map((x) => ({ value: `${x.source}>${x.target}`, label: exportedCostLabel(next, `${x.source}>${x.target}`) }))]);
      addresses.closest(".field").hidden = !costs.length;
      // A newly opened item suggests its kind of motion, unless someone has started writing.
      const item = next.session.current_item;
      if (item !== lastItem) {
        lastItem = item;
        if (!text.value.trim() || !kinds.some((k) => kindInputs.get(k).checked)) setKind(suggestedKind(next));
      }
      showHint();
    },
  };
}

