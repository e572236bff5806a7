// The trainer's "Seat a late arrival": someone without a place joins a pair as its third member, or observes.
// Nobody already placed moves (docs/protocol.md, `seat-third-member` and `seat-observer`).

import { announce, h, setOptions, setText } from "./dom.js";
import { toolCard } from "./trainer-forms.js";

/** Builds the card (closed until opened) after `anchor`; returns {update(view)}. `act(command, messageEl)` sends a command. */
export function arrivalsForm(anchor, act) {
  const person = h("select", { id: "arrival-person" });
  const where = h("select", { id: "arrival-place" });
  const message = h("p", { class: "form-message", "aria-live": "polite" });
  const note = h("p", { class: "hint" });
  const submit = h("button", { type: "submit", class: "primary" }, "Seat this person");
  const form = h("form", { class: "stack", novalidate: true },
    h("div", { class: "field" }, h("label", { for: "arrival-person" }, "Person without a place"), person),
    h("div", { class: "field" }, h("label", { for: "arrival-place" }, "Seat them as"), where),
    submit, message);
  const section = toolCard("arrivals-section", "Seat a late arrival",
    h("p", { class: "hint" }, "A third member reads the pair's pack, shares its notebook and may vote for it. An observer sees only public documents and the meeting. Nobody else moves."),
    note, form);
  anchor.after(section);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const problem = !person.value ? [person, "Choose the person to seat."] : !where.value ? [where, "Choose where to seat them."] : null;
    if (problem) {
      problem[0].setAttribute("aria-invalid", "true");
      announce(message, problem[1]);
      problem[0].focus();
      return;
    }
    for (const el of [person, where]) el.removeAttribute("aria-invalid");
    const name = person.selectedOptions[0]?.textContent || "";
    const command = where.value === "observer"
      ? { type: "seat-observer", seat_id: person.value }
      : { type: "seat-third-member", seat_id: person.value, pair_id: where.value };
    submit.disabled = true;
    try {
      await act(command, message);
      announce(message, `Seated ${name}.`);
    } catch { /* act() has said why in the message */ } finally {
      submit.disabled = false;
    }
  });

  return {
    update(view) {
      const shuffled = view.session.shuffled;
      const waiting = view.seats.filter((s) => s.role === "unplaced" || s.role === "observer");
      form.hidden = !shuffled;
      setText(note, shuffled ? (waiting.length ? "" : "Everyone has a place.") : "Until the shuffle, put late arrivals into pairs in the People list.");
      setOptions(person, [{ value: "", label: "Choose a person" },
        ...waiting.map((s) => ({ value: s.id, label: s.role === "observer" ? `${s.name} (observing)` : s.name }))]);
      const pairs = view.directorates.filter((d) => d.pair_id && d.third_members.length === 0);
      setOptions(where, [{ value: "", label: "Choose a place" }, { value: "observer", label: "Observer" },
        ...pairs.map((d) => ({ value: d.pair_id, label: `Third member of ${d.name}` }))]);
    },
  };
}
