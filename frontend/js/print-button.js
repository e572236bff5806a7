// The "Print" button on server-rendered print pages (the minutes). The page's Content-Security-Policy
// forbids inline script, so the button is wired up here.
for (const button of document.querySelectorAll("[data-action=print]")) {
  button.addEventListener("click", () => window.print());
}
