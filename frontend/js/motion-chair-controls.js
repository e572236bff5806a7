// The chair's controls on one motion (close the vote with a casting vote, rule it out of order, make the
// ballot secret) and the trainer's correction of a decision once made.

import { h, setText } from "./dom.js";
import { pounds } from "./format.js";
import { OPEN_STATUSES, directorateName, motionLabel, votedCount } from "./meeting.js";
import { button, disclosure, field, pressed, sendsWhenFilled } from "./form-parts.js";

const castingChoices = new Map(); // motion id -> "for" | "against", kept across redraws

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
    sendsWhenFilled(form, {
      input: reason, submit, message, missing: "Say why the motion is out of order.",
      send: () => act({ type: "rule-out", motion_id: m.id, reason: reason.value.trim() }, message),
      done: () => form.reset(),
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
    sendsWhenFilled(form, {
      input: reason, submit, message, missing: "Say why the decision is being corrected; it goes in the minutes.",
      send: () => act({ type: "void-motion", motion_id: m.id, reason: reason.value.trim() }, message),
      done: () => form.reset(),
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
