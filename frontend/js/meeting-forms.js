// The meeting's two standing forms: the chair's panel to open an agenda item, and a directorate's form to
// propose a motion of any kind with its terms.

import { announce, h, setOptions, setText } from "./dom.js";
import { ITEM_MOTION_KIND, KIND_LABELS, TERM_LABELS, parseNumber, parsePounds, plural, pounds } from "./format.js";
import { directorate, exportedCostLabel, heldCount, withUnit } from "./meeting.js";
import { field, indicatorLabel, problemReporter } from "./form-parts.js";

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
