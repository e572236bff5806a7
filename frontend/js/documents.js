// A seat's briefing pack: the list of documents it may read, each opened
// inline. Document HTML is sanitised by the server; it is the only HTML the
// frontend inserts with innerHTML.

import { getJSON, sessionPath } from "./api.js";
import { h } from "./dom.js";

const SECTION_LABELS = {
  mission: "Mission and strategies",
  budget: "Budget",
  targets: "Targets",
  reports: "Reports and survey findings",
  guidance: "Government guidance",
  confidential: "Confidential",
  shared: "For the whole board",
  inject: "News during the day",
};
const SECTION_ORDER = ["mission", "budget", "targets", "reports", "guidance", "confidential", "shared", "inject"];

function grouped(docs) {
  const groups = new Map();
  for (const doc of docs) {
    if (!groups.has(doc.section)) groups.set(doc.section, []);
    groups.get(doc.section).push(doc);
  }
  const rank = (s) => (SECTION_ORDER.includes(s) ? SECTION_ORDER.indexOf(s) : SECTION_ORDER.length);
  return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0]));
}

/**
 * Takes the container and session code; returns {refresh()}. `refresh` fetches
 * the list again (when packs open or the seat's role changes) and keeps
 * already-open documents open.
 */
export function packPanel(container, code, headingLevel = 3) {
  const opened = new Map(); // document id -> html, for documents the reader has opened
  const expanded = new Set();
  let docs = [];

  async function toggle(doc, btn, body) {
    const open = btn.getAttribute("aria-expanded") !== "true";
    btn.setAttribute("aria-expanded", String(open));
    body.hidden = !open;
    if (!open) {
      expanded.delete(doc.id);
      return;
    }
    expanded.add(doc.id);
    if (!opened.has(doc.id)) {
      body.replaceChildren(h("p", { class: "subtle" }, "Opening the document…"));
      try {
        const full = await getJSON(sessionPath(code, `/documents/${encodeURIComponent(doc.id)}`));
        opened.set(doc.id, full.html || "");
      } catch (error) {
        body.replaceChildren(h("p", { class: "form-message" }, error.message));
        return;
      }
    }
    // Sanitised server-side, its headings already below this list's (app/scenarios/render.py: reader_html),
    // exactly as the organiser's preview and the print view show it.
    body.innerHTML = opened.get(doc.id);
  }

  function docItem(doc) {
    const bodyId = `doc-${doc.id}`;
    const body = h("div", { id: bodyId, class: "document-body", hidden: true });
    const btn = h("button", {
      type: "button", class: "document-toggle", "aria-expanded": "false", "aria-controls": bodyId,
      "data-key": `doc-${doc.id}`,
    }, doc.title);
    btn.addEventListener("click", () => toggle(doc, btn, body));
    if (expanded.has(doc.id)) {
      expanded.delete(doc.id);
      toggle(doc, btn, body);
    }
    return h("li", { class: "document" }, btn, body);
  }

  function draw() {
    const key = container.contains(document.activeElement) ? document.activeElement.dataset.key : null;
    drawList();
    if (key) container.querySelector(`[data-key="${CSS.escape(key)}"]`)?.focus();
  }

  function drawList() {
    if (!docs.length) {
      container.replaceChildren(h("p", {}, "There are no documents for you yet."));
      return;
    }
    container.replaceChildren(...grouped(docs).map(([section, items]) => h("div", { class: "doc-group" },
      h(`h${headingLevel}`, {}, SECTION_LABELS[section] || section),
      h("ul", { class: "documents" }, items.map(docItem)))));
  }

  return {
    async refresh() {
      try {
        docs = await getJSON(sessionPath(code, "/documents"));
      } catch (error) {
        container.replaceChildren(h("p", { class: "form-message" }, error.message));
        return;
      }
      // A new role may mean different documents: forget any that went away.
      for (const id of [...opened.keys()]) if (!docs.some((d) => d.id === id)) opened.delete(id);
      draw();
    },
    clear() {
      docs = [];
      opened.clear();
      expanded.clear();
      container.replaceChildren();
    },
  };
}
