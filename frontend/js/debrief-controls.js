// The trainer's controls on the debrief page (the projector has none): moving
// time on, and the record box (the minutes, the downloads, a follow-up meeting,
// deleting the session).

import { postJSON, send, sessionPath } from "./api.js";
import { setText, show } from "./dom.js";

const ADVANCE_PHASES = ["board", "debrief"];

/**
 * Wires "Advance a quarter" and "Advance a year". Takes the page's elements and
 * act(command); returns {render(view)}, which enables them while time can move on.
 */
export function advanceControls(els, act) {
  let phase = null;
  const can = () => ADVANCE_PHASES.includes(phase);
  async function advance(button) {
    button.setAttribute("aria-busy", "true");
    button.disabled = true;
    try {
      await act({ type: "advance-time", period: button.dataset.period });
    } catch { /* act() has shown why */ }
    button.removeAttribute("aria-busy");
    button.disabled = !can();
  }
  els.advanceQuarter.addEventListener("click", () => advance(els.advanceQuarter));
  els.advanceYear.addEventListener("click", () => advance(els.advanceYear));
  return {
    render(view) {
      phase = view.session.phase;
      for (const button of [els.advanceQuarter, els.advanceYear]) {
        if (button.getAttribute("aria-busy") !== "true") button.disabled = !can();
      }
      setText(els.advanceHint, can()
        ? "The consequences model runs on the ledger as it stands now, as if today's budgets held for the whole quarter or year. Earlier rounds stay as they were."
        : "Time can move on only during the board meeting or the debrief.");
    },
  };
}

/** DELETE /api/sessions/{code}; resolves on 204, otherwise throws with the server's sentence. */
async function deleteSession(code) {
  let response;
  try {
    response = await send(sessionPath(code), { method: "DELETE", headers: { Accept: "application/json" } });
  } catch {
    throw new Error("We could not reach the server. Check your connection and try again.");
  }
  if (response.ok) return;
  const body = await response.json().catch(() => null);
  throw new Error(typeof body?.detail === "string" ? body.detail
    : `The session could not be deleted (error ${response.status}). Please try again.`);
}

/** Disabled while the request runs: the server would start a second follow-up for a second click. */
function wireFollowUp(els, code) {
  els.followUp.addEventListener("click", async () => {
    setText(els.followUpMessage, "");
    els.followUp.setAttribute("aria-busy", "true");
    els.followUp.disabled = true;
    try {
      const made = await postJSON(sessionPath(code, "/follow-up"), {});
      setText(els.followUpMessage, `Follow-up meeting ${made.code} started. Opening its console…`);
      location.assign(`/trainer/${encodeURIComponent(made.code)}`);
    } catch (error) {
      setText(els.followUpMessage, error.message);
      els.followUp.disabled = false;
    } finally {
      els.followUp.removeAttribute("aria-busy");
    }
  });
}

/** "Delete this session" asks first; while the request runs nothing tries to reconnect to the closing room. */
function wireDelete(els, code, connection) {
  const confirming = (open) => {
    show(els.deleteConfirm, open);
    els.deleteButton.setAttribute("aria-expanded", String(open));
  };
  els.deleteButton.addEventListener("click", () => {
    setText(els.deleteMessage, "");
    confirming(true);
    els.deleteQuestion.focus();
  });
  els.deleteNo.addEventListener("click", () => {
    confirming(false);
    els.deleteButton.focus();
  });
  els.deleteYes.addEventListener("click", async () => {
    els.deleteYes.setAttribute("aria-busy", "true");
    els.deleteYes.disabled = true;
    connection()?.stop();
    try {
      await deleteSession(code);
      setText(els.deleteMessage, "Deleted. Going back to your sessions…");
      location.assign("/trainer");
    } catch (error) {
      setText(els.deleteMessage, error.message);
      els.deleteYes.disabled = false;
      connection()?.start();
    } finally {
      els.deleteYes.removeAttribute("aria-busy");
    }
  });
}

/** Fills in the record box's links and wires its buttons; `connection()` gives the live connection. */
export function wireRecord(els, code, connection) {
  const base = sessionPath(code);
  els.minutesLink.href = `/trainer/${encodeURIComponent(code)}/minutes`;
  els.jsonLink.href = `${base}/export.json`;
  els.zipLink.href = `${base}/export.zip`;
  els.fullJsonLink.href = `${base}/export.json?full=1`;
  setText(els.deleteCode, code);
  wireFollowUp(els, code);
  wireDelete(els, code, connection);
}
