// The extra 10% round: "if your service got 10% more, on condition that it
// is spent on another agency's budget to make your job easier, which would
// you pick?" Each directorate answers; the trainer reveals the answers as a
// map of who depends on whom.

import { announce, h, setOptions, setText, show } from "./dom.js";
import { part } from "./render.js";
import { listWords } from "./format.js";
import { directorateName, tenPercentMap, tenPercentWords } from "./meeting.js";
import { sendsWhenFilled } from "./form-parts.js";

export const QUESTION = "If your service got 10% more, on condition that it is spent on another agency's budget "
  + "to make your job easier, which agency would you pick?";

/**
 * The participant's answer form, built once. Returns {update(view)}: the form
 * shows while the round is open; after the reveal the map shows instead.
 */
export function tenPercentPanel(container, act) {
  const recipient = h("select", { id: "ten-recipient", name: "recipient" });
  const why = h("textarea", { id: "ten-why", name: "why", rows: 2, maxlength: 500, "aria-describedby": "ten-why-hint" });
  const message = h("p", { class: "form-message", "aria-live": "polite" });
  const current = h("p", { class: "ten-current", id: "ten-current" });
  const submit = h("button", { type: "submit", class: "primary" }, "Send answer");
  const form = h("form", { class: "stack", novalidate: true },
    h("div", { class: "field" }, h("label", { for: recipient.id }, "Which directorate should receive your extra 10%?"), recipient),
    h("div", { class: "field" }, h("label", { for: why.id }, "Why"),
      h("p", { class: "hint", id: "ten-why-hint" }, "What would it fix that now lands on your service?"), why),
    submit, message);
  const intro = h("p", {}, QUESTION);
  const revealed = h("div", { class: "ten-revealed" });
  const revealedPart = part(revealed);
  container.replaceChildren(intro, current, form, revealed);

  sendsWhenFilled(form, {
    input: recipient, submit, message, missing: "Choose the directorate that would receive your extra 10%.",
    send: () => act({ type: "answer-ten-percent", recipient: recipient.value, reason: why.value.trim() }, message),
    done: () => announce(message, "Your answer is in. You can change it until the trainer reveals the answers."),
  });

  return {
    /** Returns true when the panel has something to show. */
    update(view) {
      const t = view.ten_percent || { status: "not_started", answers: [], answered: [] };
      const own = view.me?.directorate;
      const open = t.status === "open" && !!own;
      show(intro, open);
      show(form, open);
      setOptions(recipient, [{ value: "", label: "Choose a directorate" },
        ...view.directorates.filter((d) => d.id !== own).map((d) => ({ value: d.id, label: d.name }))]);
      const mine = t.answers.find((a) => a.directorate === own);
      setText(current, !own || t.status === "not_started" ? ""
        : mine ? `Your directorate's answer: ${directorateName(view, mine.recipient)}${mine.reason ? `, because ${mine.reason}` : ""}.`
          : t.status === "open" ? "Your directorate has not answered yet; either of you can answer for it." : "");
      show(current, !!current.textContent);
      show(revealed, t.status === "revealed");
      revealedPart.render(() => t.status === "revealed"
        ? [h("h4", {}, "Who depends on whom"), tenPercentMap(view, { idPrefix: "play-ten" })] : []);
      return t.status === "open" ? !!own : t.status === "revealed";
    },
  };
}

/** The trainer's side of the round: start it, see who has answered and what, reveal it. Built once. */
export function tenPercentConsole(container, act) {
  const message = h("p", { class: "form-message", "aria-live": "polite" });
  const start = h("button", { type: "button", class: "primary", id: "ten-start" }, "Start the extra 10% round");
  const reveal = h("button", { type: "button", id: "ten-reveal" }, "Reveal answers");
  const status = h("p", { id: "ten-status" });
  const answers = h("div", { class: "ten-answers-box" });
  const answersPart = part(answers);
  const send = (command) => async (event) => {
    const btn = event.currentTarget;
    btn.disabled = true;
    try {
      await act(command, message);
    } catch { /* shown in `message` */ } finally {
      btn.disabled = false;
    }
  };
  start.addEventListener("click", send({ type: "open-ten-percent" }));
  reveal.addEventListener("click", send({ type: "reveal-ten-percent" }));
  container.replaceChildren(
    h("p", { class: "hint" }, `Each directorate is asked: “${QUESTION}” The answers stay private until you reveal them on the projector.`),
    h("div", { class: "button-row" }, start, reveal), message, status, answers);

  return {
    update(view) {
      const t = view.ten_percent || { status: "not_started", answers: [], answered: [] };
      const held = view.directorates.filter((d) => d.pair_id);
      const waiting = held.filter((d) => !t.answered.includes(d.id));
      setText(start, t.status === "not_started" ? "Start the extra 10% round" : "Start the extra 10% round again");
      start.disabled = !view.session.shuffled || t.status === "open";
      reveal.disabled = t.status !== "open" || !t.answered.length;
      setText(status, t.status === "not_started" ? "The round has not started."
        : `${t.status === "open" ? "Open" : "Revealed"}. Answered: ${listWords(t.answered.map((d) => directorateName(view, d))) || "nobody yet"}.`
          + (t.status === "open" && waiting.length ? ` Still to answer: ${listWords(waiting.map((d) => d.name))}.` : ""));
      answersPart.render(() => {
        if (!t.answers.length) return [];
        if (t.status === "revealed") return tenPercentMap(view, { idPrefix: "console-ten" });
        return [h("h3", {}, "Answers so far (only you can see them)"),
          h("ul", {}, t.answers.map((a) => h("li", {}, tenPercentWords(view, a))))];
      });
    },
  };
}
