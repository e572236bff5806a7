// frontend/js/connection.js under Node, with a stand-in socket and page: views put together from deltas reach
// the page whole, and a gap in the stream makes the page reconnect for a fresh sync.
import assert from "node:assert/strict";
import { test } from "node:test";

class FakeSocket {
  static OPEN = 1;
  static made = [];

  constructor(url) {
    this.url = new URL(url);
    this.readyState = 0;
    this.sent = [];
    this.listeners = {};
    this.closedWith = null;
    FakeSocket.made.push(this);
  }

  addEventListener(kind, listener) {
    (this.listeners[kind] ||= []).push(listener);
  }

  emit(kind, event = {}) {
    for (const listener of this.listeners[kind] || []) listener(event);
  }

  open() {
    this.readyState = FakeSocket.OPEN;
    this.emit("open");
  }

  receive(frame) {
    this.emit("message", { data: JSON.stringify(frame) });
  }

  send(text) {
    this.sent.push(JSON.parse(text));
  }

  close(code = 1000) {
    this.closedWith = code;
    this.readyState = 3;
    this.emit("close", { code });
  }
}

function element() {
  return { dataset: {}, hidden: true, textContent: "", setAttribute() {}, className: "" };
}

Object.assign(globalThis, {
  WebSocket: FakeSocket,
  window: { addEventListener() {} },
  document: { createElement: element, body: { append() {} }, addEventListener() {}, visibilityState: "visible" },
  location: { protocol: "http:", host: "example.test" },
  navigator: { onLine: true },
});

const { Connection } = await import("../../frontend/js/connection.js");

const VIEW = { viewer: "seat", session: { seq: 4, now: 1 }, floor: { queue: [] } };

function connected() {
  const shown = [];
  const connection = new Connection({ code: "ABCDEF", as: "seat", onView: (view, info) => shown.push([view, info]) });
  connection.start();
  const socket = FakeSocket.made.at(-1);
  socket.open();
  socket.receive({ type: "sync", seq: 4, n: 0, events: [], reset: false, view: VIEW });
  return { connection, socket, shown };
}

test("deltas reach the page as whole views", () => {
  const { connection, socket, shown } = connected();
  socket.receive({
    type: "delta",
    seq: 5,
    n: 1,
    events: [{ seq: 5, type: "hand-raised", seat_id: "s1", at: 2 }],
    patch: [
      { op: "replace", path: "/session/seq", value: 5 },
      { op: "add", path: "/floor/queue/0", value: { id: "s1" } },
    ],
  });
  assert.equal(shown.length, 2);
  const [view, info] = shown[1];
  assert.deepEqual(view, { viewer: "seat", session: { seq: 5, now: 1 }, floor: { queue: [{ id: "s1" }] } });
  assert.equal(info.kind, "update");
  assert.equal(info.events[0].type, "hand-raised");
  assert.equal(connection.lastSeq, 5);
  connection.stop();
});

test("a gap in the stream makes the page reconnect at once for a fresh sync", () => {
  const { connection, socket, shown } = connected();
  socket.receive({ type: "delta", seq: 5, n: 1, events: [], patch: [{ op: "replace", path: "/session/seq", value: 5 }] });
  const before = FakeSocket.made.length;
  socket.receive({ type: "delta", seq: 7, n: 3, events: [], patch: [{ op: "replace", path: "/session/seq", value: 7 }] });
  assert.equal(shown.length, 2, "the delta after the gap is not shown");
  assert.notEqual(socket.closedWith, null, "the old socket is closed");
  assert.equal(FakeSocket.made.length, before + 1, "and a new one opened straight away");
  const fresh = FakeSocket.made.at(-1);
  assert.equal(fresh.url.searchParams.get("after"), "5", "resuming after the last seq it applied");
  fresh.open();
  const whole = { ...VIEW, session: { seq: 7, now: 3 } };
  fresh.receive({ type: "sync", seq: 7, n: 0, events: [], reset: false, view: whole });
  assert.deepEqual(shown.at(-1)[0], whole);
  assert.equal(shown.at(-1)[1].kind, "resume");
  fresh.receive({ type: "delta", seq: 8, n: 1, events: [], patch: [{ op: "replace", path: "/session/seq", value: 8 }] });
  assert.equal(shown.at(-1)[0].session.seq, 8, "and the new stream carries on");
  connection.stop();
});

test("a patch that does not fit the view kept makes the page reconnect too", () => {
  const { connection, socket } = connected();
  const before = FakeSocket.made.length;
  socket.receive({ type: "delta", seq: 5, n: 1, events: [], patch: [{ op: "remove", path: "/motions/0" }] });
  assert.equal(FakeSocket.made.length, before + 1);
  connection.stop();
});

test("commands not yet acknowledged are sent again, with the same id, after the fresh sync", () => {
  const { connection, socket } = connected();
  connection.send({ type: "raise-hand" }).catch(() => {});
  const [frame] = socket.sent;
  socket.receive({ type: "delta", seq: 9, n: 4, events: [], patch: [] });
  const fresh = FakeSocket.made.at(-1);
  fresh.open();
  fresh.receive({ type: "sync", seq: 9, n: 0, events: [], reset: false, view: VIEW });
  assert.deepEqual(fresh.sent, [frame]);
  connection.stop();
});

/** A page whose first handshake fails (socket closed before it opened), with the server answering HTTP or not. */
async function failedHandshake(serverUp) {
  const asked = [];
  const gaveUp = [];
  globalThis.fetch = async (path) => {
    asked.push(path);
    if (!serverUp) throw new TypeError("Failed to fetch");
    return { ok: true };
  };
  const verify = async () => "This projector link no longer works.";
  const connection = new Connection({ code: "ABCDEF", as: "projector", key: "k", verify, onError: (m) => gaveUp.push(m) });
  connection.start();
  FakeSocket.made.at(-1).emit("close", { code: 1006 });
  await new Promise((resolve) => setTimeout(resolve, 0));
  connection.stop();
  return { asked, gaveUp, connection };
}

test("while the server is away, a failed handshake is not taken for a refusal: the page keeps trying", async () => {
  const { asked, gaveUp, connection } = await failedHandshake(false);
  assert.deepEqual(asked, ["/api/health"]);
  assert.deepEqual(gaveUp, [], "a projector link is not called dead because the Wi-Fi dropped");
  assert.equal(connection.status, "reconnecting");
});

test("when the server answers but refused the handshake, the page asks why and says so", async () => {
  const { gaveUp, connection } = await failedHandshake(true);
  assert.deepEqual(gaveUp, ["This projector link no longer works."]);
  assert.equal(connection.status, "offline");
});
