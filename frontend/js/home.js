// Home page: the session-code box goes to /play/CODE, upper-cased.

import { elements } from "./dom.js";

const SELECTORS = {
  form: "#code-form",
  code: "#session-code",
  error: "#session-code-error",
};

const els = elements(SELECTORS);

els.form.addEventListener("submit", (event) => {
  event.preventDefault();
  const code = els.code.value.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(code)) {
    els.code.setAttribute("aria-invalid", "true");
    els.error.textContent = "Type the session code your trainer gave you, using letters and numbers only.";
    els.code.focus();
    return;
  }
  location.assign(`/play/${encodeURIComponent(code)}`);
});
