// The trainer's announcement: shown at the top of every screen and on the projector until the next one.

import { announce, h, setText } from "./dom.js";
import { timeOfDay } from "./format.js";
import { field, invalid, submitting } from "./trainer-forms.js";

export function announcementForm(container, act) {
  const text = h("textarea", { id: "announcement-text", rows: 2, maxlength: 500, "aria-describedby": "announcement-hint" });
  const message = h("p", { class: "form-message", "aria-live": "polite" });
  const now = h("p", { class: "subtle", id: "announcement-now" });
  const form = h("form", { class: "stack", novalidate: true },
    field("Announcement", text, h("p", { class: "hint", id: "announcement-hint" },
      "Shown at the top of every screen, and on the projector, until you make another.")),
    h("button", { type: "submit", class: "primary" }, "Announce"), message);
  container.replaceChildren(now, form);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    text.removeAttribute("aria-invalid");
    if (!text.value.trim()) return invalid(message, text, "Write the announcement first.");
    if (await submitting(form, act, { type: "announce", text: text.value.trim() }, message)) {
      form.reset();
      announce(message, "");
    }
    return undefined;
  });
  return {
    update(view) {
      const a = view.announcement;
      setText(now, a?.text ? `Showing now (since ${timeOfDay(a.at)}): ${a.text}` : "No announcement yet.");
    },
  };
}
