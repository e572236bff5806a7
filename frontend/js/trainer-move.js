// The trainer's "Move a person", for after the shuffle: whoever holds the place takes the person's old one.

import { announce, h, setOptions, setText, show } from "./dom.js";
import { field, invalid, submitting } from "./trainer-forms.js";

/** "Move a person": into a directorate's pair as director or executive assistant, after the shuffle. */
export function moveForm(container, act) {
  const person = h("select", { id: "move-person" });
  const where = h("select", { id: "move-directorate" });
  const place = h("select", { id: "move-place" },
    h("option", { value: "director" }, "Director"), h("option", { value: "assistant" }, "Executive assistant"));
  const message = h("p", { class: "form-message", "aria-live": "polite" });
  const note = h("p", { class: "hint" });
  const form = h("form", { class: "stack", novalidate: true },
    field("Person", person), field("Directorate", where), field("Place", place),
    h("p", { class: "hint" }, "Whoever holds that place now takes the person's old place, so nobody is left out."),
    h("button", { type: "submit", class: "primary" }, "Move person"), message);
  container.replaceChildren(note, form);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!person.value) return invalid(message, person, "Choose the person to move.");
    if (!where.value) return invalid(message, where, "Choose the directorate.");
    const name = person.selectedOptions[0]?.textContent || "";
    if (await submitting(form, act, { type: "move-to-role", seat_id: person.value, directorate: where.value, position: place.value }, message)) {
      announce(message, `Moved ${name.split(" (")[0]}.`);
    }
    return undefined;
  });
  return {
    update(view) {
      const shuffled = view.session.shuffled;
      show(form, shuffled);
      setText(note, shuffled ? "" : "Roles are given by the shuffle. Until then, move people between pairs in the People list.");
      setOptions(person, [{ value: "", label: "Choose a person" },
        ...view.seats.filter((s) => s.role !== "chair").map((s) => ({ value: s.id, label: s.title ? `${s.name} (${s.title})` : s.name }))]);
      setOptions(where, [{ value: "", label: "Choose a directorate" },
        ...view.directorates.filter((d) => d.pair_id).map((d) => ({ value: d.id, label: d.name }))]);
    },
  };
}
