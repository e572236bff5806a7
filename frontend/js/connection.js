// The one websocket a page keeps to its session (docs/protocol.md).
//
// - A `sync` (the first message on every connection) carries the whole view;
//   after it, each `delta` carries what changed, as a patch applied to the view
//   kept here (patch.js), and pages are handed the whole view put together, as
//   before: onView(view, {events, kind}). Views are shared between updates
//   (only what changed is new), so pages must not change them.
// - Deltas are numbered per connection (`n`). A number skipped, or a patch that
//   does not fit, means the view kept here is wrong: the page drops the socket
//   and reconnects at once with `after=` its last seq, and that connection's
//   `sync` brings the whole view again (and any events it missed).
// - Every command gets a client-made id. Until the server acks it (or refuses
//   it), it stays in `pending`, and after a reconnect it is sent again with the
//   SAME id: the server de-duplicates, so nothing happens twice.
// - After any drop the page reconnects with backoff and resumes with `after=`.
//   The back-off stays short (2 s at most) so a room is back within moments of the server;
//   coming back online, to the tab or to the window retries at once.

import { send } from "./api.js";
import { ConnectionBanner, describeCommand } from "./connection-banner.js";
import { ViewStream } from "./patch.js";

const PING_EVERY_MS = 25_000;
const SILENT_LIMIT_MS = 60_000; // no frame at all for this long: treat the socket as dead
const BACKOFF_MS = [250, 500, 1000, 2000];
const MAX_WAIT_MS = 2000;
const OFFLINE_AFTER_TRIES = 8;
// Close codes after which trying again cannot help: no such session (4404), refused by policy (1008).
const FINAL_CLOSE_CODES = new Set([1008, 4401, 4403, 4404]);

export const STATUS = {
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Reconnecting…",
  offline: "Offline",
};

function newId() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  return `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Resolves to whether the server answers over HTTP at all (a refused handshake and no server look alike). */
async function serverAnswers() {
  try {
    return (await send("/api/health", { cache: "no-store" })).ok;
  } catch {
    return false;
  }
}

export class Connection {
  /**
   * options: code, as ("trainer" | "projector" | "seat"), after (last seq seen),
   * onView(view, {events, kind}), onError(message, id), onStatus(state, text),
   * verify() (optional): called when a connection attempt fails before the
   * server caught us up; it resolves to a sentence if trying again cannot help
   * (for example the seat or the trainer's sign-in is gone), or to "" otherwise.
   */
  constructor(options) {
    this.code = options.code;
    this.as = options.as;
    this.key = options.key || ""; // a projector link's read-only key, when there is one
    this.lastSeq = options.after || 0;
    this.handlers = options;
    this.pending = new Map(); // id -> {frame, resolve, reject}
    this.stream = new ViewStream();
    this.resyncing = false;
    this.tries = 0;
    this.socket = null;
    this.ready = false;
    this.stopped = false;
    this.lastHeard = Date.now();
    this.banner = new ConnectionBanner();
    window.addEventListener("online", () => this.reconnectNow());
    window.addEventListener("focus", () => this.checkAlive());
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") this.checkAlive();
    });
  }

  url() {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const query = new URLSearchParams({ as: this.as, after: String(this.lastSeq) });
    if (this.key) query.set("key", this.key);
    return `${scheme}://${location.host}/ws/${encodeURIComponent(this.code)}?${query}`;
  }

  start() {
    this.stopped = false;
    if (!this.status) this.setStatus("connecting"); // later attempts keep "Reconnecting…" or "Offline"
    let socket;
    try {
      socket = new WebSocket(this.url());
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.addEventListener("open", () => this.onOpen(socket));
    socket.addEventListener("message", (e) => this.onMessage(socket, e));
    socket.addEventListener("close", (e) => this.onClose(socket, e));
    socket.addEventListener("error", () => socket.close());
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    this.socket?.close();
  }

  onOpen(socket) {
    if (socket !== this.socket) return;
    this.lastHeard = Date.now();
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => this.ping(), PING_EVERY_MS);
  }

  onMessage(socket, event) {
    if (socket !== this.socket) return;
    this.lastHeard = Date.now();
    let msg;
    try {
      msg = JSON.parse(event.data);
    } catch {
      return;
    }
    const handle = {
      sync: () => this.onSync(msg),
      delta: () => this.onDelta(msg),
      ack: () => this.settle(msg.id, true, msg),
      error: () => this.onCommandError(msg),
      pong: () => {},
    }[msg?.type];
    if (handle) handle();
  }

  onSync(msg) {
    // A sync means the server knows us again: the connection is good.
    this.tries = 0;
    this.ready = true;
    this.setStatus("connected");
    this.stream.sync(msg); // the deltas on this connection follow from this view, whether shown or not
    const fresh = this.resyncing || msg.reset || typeof msg.seq !== "number" || msg.seq > this.lastSeq;
    this.resyncing = false;
    if (fresh && msg.view) {
      const resumed = this.lastSeq > 0 && !msg.reset;
      if (typeof msg.seq === "number") this.lastSeq = msg.seq;
      this.handlers.onView?.(msg.view, { events: msg.events || [], kind: resumed ? "resume" : "sync" });
    }
    this.flush();
  }

  onDelta(msg) {
    const view = this.stream.delta(msg);
    if (!view) {
      this.resync();
      return;
    }
    if (typeof msg.seq === "number" && msg.seq > this.lastSeq) this.lastSeq = msg.seq;
    this.handlers.onView?.(view, { events: msg.events || [], kind: "update" });
  }

  /** The view kept here cannot be trusted: a new connection's sync brings the whole view again. */
  resync() {
    const old = this.socket;
    this.socket = null; // so its close starts no back-off
    this.ready = false;
    this.resyncing = true;
    clearInterval(this.pingTimer);
    old?.close(1000, "Reconnecting for a fresh view.");
    // Commands in flight are sent again after the sync, with the same ids: nothing happens twice.
    this.start();
  }

  onCommandError(msg) {
    const message = msg.message || "The server could not do that.";
    // A refused command rejects its send() promise, and the caller shows the message;
    // an error for no command of ours (a malformed frame) goes to the page.
    if (msg.id && this.pending.has(msg.id)) this.settle(msg.id, false, message);
    else this.handlers.onError?.(message, msg.id);
  }

  settle(id, ok, value) {
    const entry = id ? this.pending.get(id) : null;
    if (!entry) return;
    this.pending.delete(id);
    if (entry.queued) {
      this.banner.settled(entry.description, ok, ok ? "" : value);
      this.showPending();
    }
    if (ok) entry.resolve(value);
    else entry.reject(new Error(value));
  }

  async onClose(socket, event) {
    if (socket !== this.socket) return;
    clearInterval(this.pingTimer);
    const wasReady = this.ready;
    this.socket = null;
    this.ready = false;
    // Anything not yet acknowledged is resent after the reconnect; until then it waits, visibly.
    for (const entry of this.pending.values()) entry.queued = true;
    if (this.pending.size) this.showPending();
    if (this.stopped) return;
    if (FINAL_CLOSE_CODES.has(event?.code)) {
      this.giveUp(event.reason || "");
      return;
    }
    // A handshake the server refused looks like a network failure to the browser, so ask over HTTP why; but
    // only if the server answers at all: while it is away (a Wi-Fi drop, a restart) the page just keeps trying.
    if (!wasReady && this.handlers.verify && await serverAnswers()) {
      const problem = await this.handlers.verify().catch(() => "");
      if (problem) {
        this.giveUp(problem);
        return;
      }
    }
    this.scheduleReconnect();
  }

  giveUp(message) {
    this.stop();
    this.setStatus("offline");
    if (message) this.handlers.onError?.(message, null);
  }

  scheduleReconnect() {
    clearTimeout(this.retryTimer);
    const base = BACKOFF_MS[Math.min(this.tries, BACKOFF_MS.length - 1)];
    this.tries += 1;
    const offline = navigator.onLine === false || this.tries > OFFLINE_AFTER_TRIES;
    this.setStatus(offline ? "offline" : "reconnecting");
    // Jitter, so a room full of laptops does not retry at once; never more than 2 s between tries.
    const wait = Math.min(MAX_WAIT_MS, base / 2 + Math.random() * base);
    this.retryTimer = setTimeout(() => this.start(), wait);
  }

  reconnectNow() {
    if (this.stopped || this.isOpen()) return;
    clearTimeout(this.retryTimer);
    this.start();
  }

  checkAlive() {
    if (this.isOpen() && Date.now() - this.lastHeard > SILENT_LIMIT_MS) this.socket.close();
    else if (!this.socket) this.reconnectNow();
  }

  ping() {
    if (Date.now() - this.lastHeard > SILENT_LIMIT_MS) {
      this.socket?.close(); // the close handler reconnects
      return;
    }
    this.write({ type: "ping" });
  }

  isOpen() {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  write(frame) {
    if (!this.isOpen()) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  /** Sends every command not yet acknowledged, with its original id. */
  flush() {
    for (const entry of this.pending.values()) this.write(entry.frame);
  }

  /** Takes a command ({type, ...}); returns a promise of the ack, rejected with the server's message. */
  send(command) {
    const id = newId();
    const frame = { type: "command", id, command };
    return new Promise((resolve, reject) => {
      const queued = !this.ready;
      this.pending.set(id, { frame, resolve, reject, queued, description: describeCommand(command) });
      // Before the sync (or while down) it waits: flush() sends it once the server knows us again.
      if (this.ready) this.write(frame);
      else this.showPending();
    });
  }

  /** Shows in the banner which of the person's actions wait for the connection. */
  showPending() {
    this.banner.pending([...this.pending.values()].filter((e) => e.queued).map((e) => e.description));
  }

  setStatus(state) {
    if (this.status === state) return;
    this.status = state;
    this.banner.status(state);
    this.handlers.onStatus?.(state, STATUS[state]);
  }
}

/** Keeps a connection indicator (an element with a text label) in step with a Connection. */
export function statusIndicator(el) {
  return (state, text) => {
    el.dataset.state = state;
    const label = el.querySelector("[data-role=label]") || el;
    label.textContent = text;
    el.title = state === "offline"
      ? "The page has lost its connection to the server and keeps trying again."
      : "";
  };
}

/**
 * Takes a function giving the page's Connection and its {errors, updates}
 * live regions; returns act(command, where?), which sends a command and, if
 * the server refuses it, shows the reason in `where` (the error region by
 * default) and rejects.
 */
export function commandSender(getConnection, regions) {
  const say = (el, message) => { if (el) el.textContent = message; };
  return async function act(command, where = regions.errors) {
    say(regions.errors, "");
    if (where !== regions.errors) say(where, "");
    const connection = getConnection();
    if (!connection) throw new Error("Not connected.");
    if (!connection.ready) say(regions.updates, "Offline: this will be sent when the connection comes back.");
    try {
      return await connection.send(command);
    } catch (error) {
      say(where, error.message);
      throw error;
    }
  };
}
