// The board meeting's controls: propose, second, vote, withdraw, and the
// chair's open-item and close-vote. Used by the participant page and the
// trainer's console. `act(command, messageEl?)` sends a command and shows any
// refusal (see the page modules).

import { announce, h, setOptions, setText } from "./dom.js";
import { parsePounds, pounds } from "./format.js";
import { OPEN_STATUSES, directorate } from "./meeting.js";

const castingChoices = new Map(); // motion id -> "for" | "against", kept across redraws

function button(text, key, onClick, extra = {}) {
  return h("button", { type: "button", "data-key": key, onclick: onClick, ...extra }, text);
}

/** Sends from a button, which stays disabled until the server answers. */
function pressed(act, command) {
  return async (event) => {
    const btn = event.currentTarget;
    btn.disabled = true;
    btn.setAttribute("aria-busy", "true");
    try {
      await act(command);
    } catch {
      // act() has already shown why the server refused it.
    } finally {
      btn.disabled = false;
      btn.removeAttribute("aria-busy");
    }
  };
}

/** The buttons a directorate's seat gets on one motion. */
export function seatMotionControls(view, m, act) {
  const me = view.me || {};
  const can = me.can || {};
  const mine = !!me.directorate && m.directorate === me.directorate;
  const nodes = [];
  if (m.status === "proposed" && can.second && !mine) {
    nodes.push(button("Second", `second-${m.id}`, pressed(act, { type: "second", motion_id: m.id })));
  }
  if (m.status === "voting" && can.vote) {
    const cast = me.directorate ? m.ballots[me.directorate] : null;
    if (cast) {
      nodes.push(h("p", { class: "voted" }, `Your directorate has voted: ${cast}.`));
    } else {
      for (const [choice, text] of [["for", "Vote for"], ["against", "Vote against"], ["abstain", "Abstain"]]) {
        nodes.push(button(text, `vote-${choice}-${m.id}`,
          pressed(act, { type: "vote", motion_id: m.id, choice }), { class: `vote-${choice}` }));
      }
    }
  }
  if (mine && OPEN_STATUSES.includes(m.status) && view.session.phase === "board") {
    nodes.push(button("Withdraw", `withdraw-${m.id}`, pressed(act, { type: "withdraw", motion_id: m.id }),
      { class: "secondary" }));
  }
  return nodes;
}

/** The chair's (or trainer's) "Close vote", with a casting vote when the votes are tied. */
export function closeVoteControls(view, m, act, report) {
  if (m.status !== "voting" || view.session.phase !== "board") return [];
  const tied = m.tally.for === m.tally.against;
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
      report(`The vote is tied at ${m.tally.for} to ${m.tally.against}: choose a casting vote, for or against, first.`);
      return;
    }
    const command = { type: "close-vote", motion_id: m.id };
    if (tied) command.casting = casting;
    await pressed(act, command)(event);
  };
  return [
    tied ? h("fieldset", { class: "casting" },
      h("legend", {}, `Casting vote (tied at ${m.tally.for} to ${m.tally.against})`),
      radio("for", "For"), radio("against", "Against")) : null,
    button("Close vote", `close-${m.id}`, close, { class: "primary" }),
  ];
}

/** Chair's form to open an agenda item. Built once; `update(view)` keeps it in step. */
export function chairPanel(container, act) {
  const select = h("select", { id: "open-item-select", name: "item" });
  const status = h("p", { class: "subtle" });
  const form = h("form", { class: "inline-form chair-panel", onsubmit: async (e) => {
    e.preventDefault();
    if (select.value) await act({ type: "open-item", item_id: select.value });
  } },
  h("div", { class: "field" }, h("label", { for: select.id }, "Agenda item"), select),
  h("button", { type: "submit", class: "primary" }, "Open item"),
  status);
  container.replaceChildren(form);
  let lastCurrent;
  return {
    update(view) {
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
    },
  };
}

/** The "Propose a motion" form. Built once, so typing is never lost to a redraw. */
export function proposeForm(container, act, ids = {}) {
  const id = (name) => `${ids.prefix || "propose"}-${name}`;
  const text = h("textarea", { id: id("text"), name: "text", rows: 3, maxlength: 2000, required: true,
    "aria-describedby": id("text-hint") });
  const source = h("select", { id: id("source"), name: "source" });
  const target = h("select", { id: id("target"), name: "target" });
  const amount = h("input", { id: id("amount"), name: "amount", type: "text", inputmode: "numeric",
    autocomplete: "off", "aria-describedby": id("amount-hint") });
  const reason = h("textarea", { id: id("reason"), name: "reason", rows: 2, maxlength: 500 });
  const amountHint = h("p", { class: "hint", id: id("amount-hint") }, "Whole pounds, for example 250,000.");
  const message = h("p", { class: "form-message", "aria-live": "polite" });
  const submit = h("button", { type: "submit", class: "primary" }, "Propose motion");
  const field = (label, input, hint) => h("div", { class: "field" }, h("label", { for: input.id }, label), hint, input);
  const form = h("form", { class: "propose", novalidate: true },
    field("Motion", text, h("p", { class: "hint", id: id("text-hint") },
      "What should the board agree? One clear sentence is best.")),
    h("fieldset", {}, h("legend", {}, "Budget transfer (optional)"),
      h("p", { class: "hint" }, "Leave these empty unless the motion moves money between directorates."),
      h("div", { class: "field-row" }, field("Transfer from", source), field("Transfer to", target)),
      field("Amount (£)", amount, amountHint), field("Reason", reason)),
    submit, message);
  container.replaceChildren(form);
  let view = null;

  const showHint = () => {
    const d = view && directorate(view, source.value);
    setText(amountHint, d ? `Whole pounds. ${d.name} holds ${pounds(d.balance)}.` : "Whole pounds, for example 250,000.");
  };
  source.addEventListener("change", showHint);

  const invalid = (input, problem) => {
    input.setAttribute("aria-invalid", "true");
    announce(message, problem);
    input.focus();
    return null;
  };

  const readCommand = () => {
    for (const el of [text, source, target, amount, reason]) el.removeAttribute("aria-invalid");
    const words = text.value.trim();
    if (!words) return invalid(text, "Write the motion before you propose it.");
    const command = { type: "propose", text: words };
    const wantsTransfer = source.value || target.value || amount.value.trim() || reason.value.trim();
    if (!wantsTransfer) return command;
    if (!source.value) return invalid(source, "Choose the directorate the money comes from.");
    if (!target.value) return invalid(target, "Choose the directorate the money goes to.");
    if (source.value === target.value) return invalid(target, "A transfer must go to a different directorate.");
    const pounds_ = parsePounds(amount.value);
    if (!pounds_) return invalid(amount, "Give the amount in whole pounds, more than nothing, for example 250000.");
    if (!reason.value.trim()) return invalid(reason, "Give a reason for the transfer.");
    command.transfer = { source: source.value, target: target.value, amount: pounds_, reason: reason.value.trim() };
    return command;
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const command = readCommand();
    if (!command) return;
    announce(message, "");
    submit.disabled = true;
    try {
      await act(command, message);
      form.reset();
      showHint();
      announce(message, "Your motion is before the board. It needs another directorate to second it.");
    } catch {
      // act() has already shown the server's reason in `message`.
    } finally {
      submit.disabled = false;
    }
  });

  return {
    form,
    update(next) {
      view = next;
      const options = [{ value: "", label: "Choose a directorate" },
        ...next.directorates.map((d) => ({ value: d.id, label: d.name }))];
      setOptions(source, options);
      setOptions(target, options);
      showHint();
    },
  };
}
