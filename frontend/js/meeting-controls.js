// The board meeting's controls: propose (with its kind and terms), amend,
// second, vote, withdraw, and the chair's open-item, close-vote, rule-out and
// ballot controls, plus the trainer's correction of a decision. Used by the
// participant page and the trainer's console. `act(command, messageEl?)` sends
// a command and shows any refusal (see the page modules).
//
// Small forms inside motion cards (an amendment, a ruling, a correction) are
// built once and kept (dom.js `keeper`); each drawn card holds a stand-in
// (dom.js `island`) where the kept form stays, so nothing typed is lost to an update.
//
// The pieces: form-parts.js (buttons, fields, kept disclosures), motion-seat-controls.js (a directorate's),
// motion-chair-controls.js (the chair's and the trainer's) and meeting-forms.js (open an item, propose).

export { pruneKeptForms } from "./form-parts.js";
export { amendmentDecisions, seatMotionControls } from "./motion-seat-controls.js";
export { chairMotionControls, closeVoteControls, correctionControls } from "./motion-chair-controls.js";
export { chairPanel, proposeForm } from "./meeting-forms.js";
