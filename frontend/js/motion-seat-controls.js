// A directorate's controls on one motion: vote, second, withdraw, accept or decline an amendment, and
// propose one (with its terms for a transfer or a target).

import { announce, h, hiddenText, setOptions } from "./dom.js";
import { CHOICE_LABELS, parseNumber, parsePounds } from "./format.js";
import { OPEN_STATUSES, directorateName, motionLabel, votedCount } from "./meeting.js";
import { button, disclosure, field, indicatorLabel, pressed, problemReporter } from "./form-parts.js";

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
