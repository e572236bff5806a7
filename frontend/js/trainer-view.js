// Parts of the trainer's console drawn from each view through render.js: roster, pairs, shuffle result.

import { h, hiddenText } from "./dom.js";
import { confirmAction } from "./trainer-confirm.js";
import { listWords, plural } from "./format.js";
import { boardTable, directorateName, tableBox } from "./meeting.js";

const OWN_PAIR = "__own";

export function seatName(view, id) {
  return view.seats.find((s) => s.id === id)?.name || "someone who left";
}

/** "p1: Asha and Ben" */
export function pairLabel(view, pair) {
  return `${pair.id}: ${listWords(pair.seats.map((id) => seatName(view, id))) || "empty"}`;
}

function moveSelect(view, seat, act) {
  const id = `move-${seat.id}`;
  const options = [];
  if (!seat.pair_id) options.push(h("option", { value: "" }, "Not in a pair"));
  for (const pair of view.pairs) {
    if (pair.id !== seat.pair_id && pair.seats.length >= 2) continue; // full pairs cannot take anyone
    options.push(h("option", { value: pair.id, selected: pair.id === seat.pair_id }, pairLabel(view, pair)));
  }
  options.push(h("option", { value: OWN_PAIR }, "A pair of their own"));
  // The handler reads the select it is called on: a redraw keeps the live node and hands it this handler.
  const select = h("select", { id, "data-key": id, onchange: (event) => {
    const live = event.currentTarget;
    if (live.value === "" || live.value === seat.pair_id) return;
    act({ type: "move-seat", seat_id: seat.id, to_pair: live.value === OWN_PAIR ? null : live.value })
      .catch(() => { live.value = seat.pair_id || ""; });
  } }, options);
  select.value = seat.pair_id || "";
  return [h("label", { for: id, class: "visually-hidden" }, `Move ${seat.name} to pair`), select];
}

/** Residents on a shareholders' panel take no directorate, so they are never paired. */
function onPanel(view, seat) {
  return view.session.residents_mode === "panel" && seat.agency === "resident";
}

function pairCell(view, seat, act) {
  if (seat.id === view.session.chair_pick) return "Chairing";
  if (onPanel(view, seat)) return view.session.residents_title;
  if (view.session.phase !== "lobby") return seat.pair_id || "Not in a pair";
  return moveSelect(view, seat, act);
}

function removeButton(seat, act) {
  return h("button", {
    type: "button", class: "secondary small", "data-key": `remove-${seat.id}`,
    onclick: async () => {
      const sure = await confirmAction({ title: `Remove ${seat.name}?`, confirm: `Remove ${seat.name}`,
        text: "Their screen stops working and their place in a pair is freed." });
      if (sure) act({ type: "remove-seat", seat_id: seat.id }).catch(() => {});
    },
  }, "Remove", hiddenText(` ${seat.name}`));
}

// Seats ticked for removal together; kept across redraws, forgotten once they leave the roster.
const chosen = new Set();

function chooseBox(seat) {
  const id = `choose-${seat.id}`;
  return [
    h("input", { type: "checkbox", id, "data-key": id, checked: chosen.has(seat.id),
      onchange: (event) => { if (event.target.checked) chosen.add(seat.id); else chosen.delete(seat.id); } }),
    h("label", { for: id, class: "visually-hidden" }, `Choose ${seat.name} to remove`),
  ];
}

/** "Remove the chosen people": one confirmation for all of them, then one command. */
function removeChosenButton(view, act, report) {
  return h("button", {
    type: "button", class: "secondary small", "data-key": "remove-chosen",
    onclick: async () => {
      const ids = view.seats.filter((s) => chosen.has(s.id)).map((s) => s.id);
      if (!ids.length) {
        report("Tick the people to remove first.");
        return;
      }
      const names = listWords(ids.map((id) => seatName(view, id)));
      const sure = await confirmAction({ title: `Remove ${plural(ids.length, "person", "people")}?`,
        confirm: `Remove ${plural(ids.length, "person", "people")}`,
        text: `${names}: their screens stop working and their places in pairs are freed.` });
      if (!sure) return;
      try {
        await act({ type: "remove-seats", seat_ids: ids });
        chosen.clear();
      } catch { /* act() has shown why */ }
    },
  }, "Remove the chosen people");
}

/** Close the doors (nobody new can join; people with a seat can still come back) or open them again. */
export function doorsControl(view, act) {
  const open = view.session.doors_open !== false;
  return h("p", { class: "doors" },
    open ? "New people can join. " : "The doors are closed: nobody new can join, but everyone with a seat can come back. ",
    h("button", { type: "button", class: "secondary small", "data-key": "doors",
      onclick: () => act({ type: "set-doors", open: !open }).catch(() => {}) },
    open ? "Close the doors" : "Open the doors"));
}

/** Everyone who has joined, with the controls to move or remove them during arrival. */
export function rosterTable(view, act, report = () => {}) {
  const { seats, session } = view;
  const lobby = session.phase === "lobby";
  for (const id of [...chosen]) if (!seats.some((s) => s.id === id)) chosen.delete(id);
  const residents = seats.filter((s) => s.agency === "resident").length;
  const summary = h("p", {}, seats.length
    ? `${plural(seats.length, "person has", "people have")} joined, ${plural(residents, "resident")} among them.`
    : "Nobody has joined yet. Show people the join address or the QR code.");
  const doors = doorsControl(view, act);
  if (!seats.length) return [summary, doors];
  const headers = ["Name", "Organisation", "Pair", ...(session.shuffled ? ["Role"] : []), ...(lobby ? ["Remove"] : [])];
  return [summary, doors, tableBox("People in this session", h("table", { class: "roster" },
    h("caption", { class: "visually-hidden" }, "People in this session"),
    h("thead", {}, h("tr", {}, headers.map((t) => h("th", { scope: "col" }, t)))),
    // Rows keyed by seat, so a redraw keeps each person's row (and the control in it) when others join or leave.
    h("tbody", {}, seats.map((seat) => h("tr", { id: `roster-${seat.id}` },
      h("th", { scope: "row" }, seat.name),
      h("td", {}, seat.agency_name),
      h("td", {}, pairCell(view, seat, act)),
      session.shuffled ? h("td", {}, seat.title || "No role") : null,
      lobby ? h("td", {}, chooseBox(seat), " ", removeButton(seat, act)) : null))))),
  lobby ? h("div", { class: "button-row" }, removeChosenButton(view, act, report)) : null];
}

/** The pairs as a list, and who is not in one. */
export function pairsList(view) {
  const { pairs, seats, session } = view;
  const agencyOf = (id) => seats.find((s) => s.id === id)?.agency_name || "";
  const unpaired = seats.filter((s) => !s.pair_id && s.id !== session.chair_pick && !onPanel(view, s));
  const panel = seats.filter((s) => onPanel(view, s));
  return [
    pairs.length
      ? h("ul", { class: "pairs" }, pairs.map((p) => h("li", {},
        h("strong", {}, `${p.id}: `),
        listWords(p.seats.map((id) => `${seatName(view, id)} (${agencyOf(id)})`)),
        p.seats.length < 2 ? h("span", { class: "subtle" }, " – on their own") : null)))
      : h("p", {}, "No pairs yet."),
    unpaired.length ? h("p", { class: "warning" }, `Not in a pair: ${listWords(unpaired.map((s) => s.name))}.`) : null,
    panel.length ? h("p", {}, `${session.residents_title} (not paired): ${listWords(panel.map((s) => s.name))}.`) : null,
  ];
}

/** Which pair holds which directorate, who directs and assists, the chair, and the seed. */
export function shuffleResult(view) {
  const { session } = view;
  if (!session.shuffled) {
    return h("p", {}, "Roles have not been shuffled yet. Pair people up and choose the chair first.");
  }
  const chairName = view.chair?.name || (session.chair_pick ? seatName(view, session.chair_pick) : "");
  const unplaced = view.seats.filter((s) => s.role === "unplaced");
  const panel = view.seats.filter((s) => s.role === "panel");
  return [
    boardTable(view, { pairs: true, caption: "Roles after the shuffle" }),
    h("p", {}, `Chair: ${chairName || "the trainer"}.`),
    panel.length ? h("p", {}, `${session.residents_title}: ${listWords(panel.map((s) => s.name))}.`) : null,
    unplaced.length ? h("p", { class: "warning" }, `No role: ${listWords(unplaced.map((s) => s.name))}.`) : null,
    h("p", {}, "Seed: ", h("strong", { class: "code" }, String(session.seed ?? "")),
      h("span", { class: "subtle" }, " (shuffle with the same seed to get the same roles again)")),
  ];
}

/** Options for the swap selects: pairs that hold a directorate. */
export function swapOptions(view) {
  return view.directorates.filter((d) => d.pair_id).map((d) => {
    const pair = view.pairs.find((p) => p.id === d.pair_id);
    return { value: d.pair_id, label: `${pair ? pairLabel(view, pair) : d.pair_id} – ${directorateName(view, d.id)}` };
  });
}
