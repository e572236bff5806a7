// /trainer: the versions of a scenario pack (when, who), a download of each, and what changed between two.

import { getJSON } from "./api.js";
import { h } from "./dom.js";
import { dateTime, numberText } from "./format.js";
import { tableBox } from "./meeting.js";

const download = (packId, version) =>
  `/api/scenarios/${encodeURIComponent(packId)}/download?version=${encodeURIComponent(version)}`;

function versionsTable(pack, versions) {
  return tableBox(`Versions of ${pack.title}`, h("table", { class: "pack-versions" },
    h("caption", {}, `Versions of ${pack.title}, newest first`),
    h("thead", {}, h("tr", {}, ["Version", "Stored", "Uploaded by", "Download"].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", {}, versions.map((v) => h("tr", {},
      h("th", { scope: "row" }, h("code", {}, v.version), v.current ? h("span", { class: "tag" }, " Newest") : null),
      h("td", {}, dateTime(v.stored_at)),
      h("td", {}, v.uploaded_by || "From the scenarios folder"),
      h("td", {}, h("a", { href: download(pack.id, v.version), download: "" },
        "Download .zip", h("span", { class: "visually-hidden" }, ` of version ${v.version}`))))))));
}

function versionSelect(id, label, versions, chosen) {
  return h("div", { class: "field" },
    h("label", { for: id }, label),
    h("select", { id }, versions.map((v) => h("option", { value: v.version, selected: v.version === chosen },
      `${v.version} (${dateTime(v.stored_at)})`))));
}

const shown = (value) => (value === null || value === undefined ? "(none)"
  : typeof value === "number" ? numberText(value) : String(value));

function changesTable(caption, rows) {
  if (!rows.length) return h("p", {}, `${caption}: none.`);
  return tableBox(caption, h("table", { class: "pack-changes" },
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, ["Where", "Before", "After"].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", {}, rows.map((c) => h("tr", {},
      h("th", { scope: "row" }, h("code", {}, c.what)),
      h("td", { class: "num" }, shown(c.before)), h("td", { class: "num" }, shown(c.after)))))));
}

function fileList(label, paths) {
  return h("p", {}, h("strong", {}, `${label}: `), paths.length ? paths.join(", ") : "none");
}

/** Takes a PackChanges answer; returns what changed, in words and tables. */
export function changesView(changes) {
  const f = changes.files;
  const nothing = !f.added.length && !f.removed.length && !f.changed.length;
  return h("div", { class: "stack pack-diff" },
    h("h4", {}, `From version ${changes.before} to version ${changes.after}`),
    nothing ? h("p", {}, "The two versions have the same files.") : null,
    fileList("Files added", f.added), fileList("Files removed", f.removed), fileList("Files changed", f.changed),
    changesTable("Figures changed", changes.figures),
    changesTable("Other settings changed", changes.settings));
}

/** Fills `box` with the pack's versions and a form to compare two of them. */
export async function showVersions(box, pack) {
  box.replaceChildren(h("p", {}, `Loading the versions of ${pack.title}…`));
  let versions;
  try {
    versions = await getJSON(`/api/scenarios/${encodeURIComponent(pack.id)}/versions`);
  } catch (error) {
    box.replaceChildren(h("p", { class: "form-message" }, error.message));
    return;
  }
  const result = h("div", { id: "pack-diff", "aria-live": "polite" });
  const heading = h("h3", { tabindex: "-1" }, `Versions of ${pack.title}`);
  const parts = [heading, versionsTable(pack, versions)];
  if (versions.length > 1) {
    const form = h("form", { class: "stack compare-versions" },
      versionSelect("compare-from", "Compare version", versions, versions[1].version),
      versionSelect("compare-to", "with version", versions, versions[0].version),
      h("button", { type: "submit" }, "Show what changed"));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const from = form.querySelector("#compare-from").value;
      const to = form.querySelector("#compare-to").value;
      try {
        const query = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
        result.replaceChildren(changesView(await getJSON(`/api/scenarios/${encodeURIComponent(pack.id)}/changes?${query}`)));
      } catch (error) {
        result.replaceChildren(h("p", { class: "form-message" }, error.message));
      }
    });
    parts.push(form, result);
  } else {
    parts.push(h("p", {}, "This pack has one version so far."));
  }
  box.replaceChildren(...parts);
  heading.focus();
}
