// The banner that stays on screen while a page has lost its server: what is wrong, that it keeps
// trying, and which of the person's actions are waiting to be sent. Announced politely, never stealing focus.

const VOTES = { for: "Vote for", against: "Vote against", abstain: "Abstain" };
const WORDS = {
  propose: "Propose a motion",
  second: "Second a motion",
  amend: "Amend a motion",
  withdraw: "Withdraw a motion",
  reflect: "Send your reflection",
  shuffle: "Shuffle the pairs",
  announce: "Send the announcement",
  "raise-hand": "Raise your hand",
  "lower-hand": "Lower your hand",
};

/** Plain words for a command, as the person who pressed the button would put it. */
export function describeCommand(command) {
  if (command?.type === "vote") return VOTES[command.choice] || "Vote";
  const type = String(command?.type || "action");
  return WORDS[type] || type.charAt(0).toUpperCase() + type.slice(1).replace(/[-_]/g, " ");
}

const SAID_FOR_MS = 10_000; // long enough to read "Sent: …" after the connection comes back

const TROUBLE = {
  reconnecting: "Connection lost. Trying to reconnect…",
  offline: "You are offline. This page keeps trying to reconnect.",
};

export class ConnectionBanner {
  constructor(doc = globalThis.document) {
    this.el = doc.createElement("div");
    this.el.className = "connection-banner";
    this.el.setAttribute("role", "status");
    this.el.setAttribute("aria-live", "polite");
    this.el.hidden = true;
    this.state = "connecting";
    this.waiting = [];
    this.last = "";
    doc.body.append(this.el);
  }

  /** The connection's state: the banner shows while the page is cut off, or while actions wait. */
  status(state) {
    this.state = state;
    this.draw();
  }

  /** The descriptions of the commands not yet acknowledged. */
  pending(descriptions) {
    this.waiting = descriptions;
    this.draw();
  }

  /** A command sent after waiting was confirmed or refused: say so once. */
  settled(description, ok, reason) {
    this.last = ok ? `Sent: ${description}.` : `Not done: ${description}. ${reason || ""}`.trim();
    this.draw();
    clearTimeout(this.clearTimer);
    this.clearTimer = setTimeout(() => { this.last = ""; this.draw(); }, SAID_FOR_MS);
  }

  draw() {
    const trouble = TROUBLE[this.state];
    const parts = [];
    if (trouble) parts.push(trouble);
    if (this.waiting.length && trouble) parts.push(`Waiting to send: ${this.waiting.join("; ")}.`);
    if (this.last) parts.push(this.last);
    this.el.dataset.state = this.state;
    this.el.hidden = parts.length === 0;
    const text = parts.join(" ");
    if (this.el.textContent !== text) this.el.textContent = text;
  }
}
