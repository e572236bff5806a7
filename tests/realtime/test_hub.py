"""The hub on its own, no server: slow, stalled and vanished clients, many rooms, closing and leaving.

Each test drives the hub's real connections with real sender coroutines, as `app.realtime.ws` does,
standing in only the network: a "socket" that records what it was sent, or never finishes sending.
"""

from __future__ import annotations

import asyncio
import gc
import json
import tracemalloc

from app.domain.views import Viewer
from app.realtime.hub import POLICY, RESUME, RESYNC, RESYNC_REASON, Connection, Hub

SEAT_A, SEAT_B, TRAINER = Viewer("seat", "sA"), Viewer("seat", "sB"), Viewer("trainer")


def update(seq: int, padding: int = 100) -> str:
    return json.dumps({"type": "update", "seq": seq, "pad": "x" * padding})


def for_everyone(seq: int, padding: int = 100) -> dict[str, str]:
    text = update(seq, padding)
    return {"sA": text, "sB": text, "trainer": text}


class Socket:
    """What a sender writes to: records each message; `stalled` never completes a send, like a laptop
    whose Wi-Fi went quiet with the TCP window full; `pause` delays each send, like a slow link."""

    def __init__(self, stalled: bool = False, pause: float = 0.0):
        self.sent: list[str] = []
        self.sending = 0  # sends begun, including one still on the wire
        self.closed_with: tuple[int, str] | None = None
        self.stalled, self.pause = stalled, pause

    async def send(self, text: str) -> None:
        self.sending += 1
        if self.stalled:
            await asyncio.Event().wait()
        await asyncio.sleep(self.pause)
        self.sent.append(text)

    def seqs(self) -> list[int]:
        return [json.loads(t)["seq"] for t in self.sent]


async def sender(conn: Connection, socket: Socket) -> None:
    """The same loop as `app.realtime.ws._send`."""
    while (text := await conn.next()) is not None:
        await socket.send(text)
    socket.closed_with = (conn.close_code, conn.close_reason)


async def settle() -> None:
    """Lets every sender run until it has nothing left to do."""
    for _ in range(2000):
        await asyncio.sleep(0)


def test_every_connection_of_a_viewer_gets_its_own_message_in_order():
    async def scenario():
        hub = Hub()
        a1, a2, b, trainer = (hub.connection(v) for v in (SEAT_A, SEAT_A, SEAT_B, TRAINER))
        sockets = [Socket() for _ in range(4)]
        tasks = [asyncio.create_task(sender(conn, s)) for conn, s in zip((a1, a2, b, trainer), sockets, strict=True)]
        for conn in (a1, a2, b, trainer):
            hub.join("ROOM", conn)
        for seq in range(1, 51):
            hub.deliver("ROOM", {"sA": update(seq), "trainer": update(seq)})  # nothing for sB this time
        await settle()
        for task in tasks:
            task.cancel()
        return sockets

    a1, a2, b, trainer = asyncio.run(scenario())
    assert a1.seqs() == a2.seqs() == trainer.seqs() == list(range(1, 51))
    assert b.sent == []


def test_a_stalled_client_is_dropped_for_a_resync_and_never_delays_the_others():
    async def scenario():
        hub = Hub(queue_bytes=64 * 1024)
        fast, stalled = hub.connection(SEAT_A), hub.connection(SEAT_B)
        fast_socket, stalled_socket = Socket(), Socket(stalled=True)
        tasks = [asyncio.create_task(sender(fast, fast_socket)), asyncio.create_task(sender(stalled, stalled_socket))]
        hub.join("ROOM", fast)
        hub.join("ROOM", stalled)
        highest = 0
        for seq in range(1, 2001):
            hub.deliver("ROOM", for_everyone(seq, padding=1000))
            highest = max(highest, stalled.queued_bytes)
            # Delivering never waits: the fast client's copy is queued or sent before deliver returns.
            assert len(fast) + fast_socket.sending == seq
            await asyncio.sleep(0)
        await settle()
        for task in tasks:
            task.cancel()
        return hub, fast_socket, stalled, highest

    hub, fast_socket, stalled, highest = asyncio.run(scenario())
    assert fast_socket.seqs() == list(range(1, 2001))
    assert stalled.close_code == RESYNC and stalled.close_reason == RESYNC_REASON
    assert highest <= 64 * 1024
    assert stalled.queued_bytes == 0  # what it held is let go at once
    assert hub.viewers("ROOM") == {SEAT_A}  # and it is out of the room


def test_a_slow_client_that_keeps_up_within_the_bound_gets_everything():
    async def scenario():
        hub = Hub(queue_bytes=64 * 1024)
        slow = hub.connection(SEAT_A)
        socket = Socket(pause=0.001)
        task = asyncio.create_task(sender(slow, socket))
        hub.join("ROOM", slow)
        for seq in range(1, 201):
            hub.deliver("ROOM", for_everyone(seq, padding=2000))  # bursts of 25 (50 KB) before it catches up
            if seq % 25 == 0:
                while len(slow):
                    await asyncio.sleep(0.001)
        await settle()
        task.cancel()
        return slow, socket

    slow, socket = asyncio.run(scenario())
    assert socket.seqs() == list(range(1, 201))
    assert slow.close_code is None


def test_a_vanished_client_whose_sender_died_is_dropped_once_its_queue_fills():
    async def scenario():
        hub = Hub(queue_bytes=64 * 1024)
        gone, here = hub.connection(SEAT_A), hub.connection(SEAT_B)
        here_socket = Socket()
        hub.join("ROOM", gone)  # its sender never runs: the socket went away and nobody noticed yet
        hub.join("ROOM", here)
        task = asyncio.create_task(sender(here, here_socket))
        seq = 0
        while gone.close_code is None:
            seq += 1
            hub.deliver("ROOM", for_everyone(seq, padding=4000))
            assert gone.queued_bytes <= 64 * 1024
            await asyncio.sleep(0)
        await settle()
        task.cancel()
        return hub, gone, here_socket, seq

    hub, gone, here_socket, last = asyncio.run(scenario())
    assert gone.close_code == RESYNC and hub.count("ROOM") == 1
    assert 10 < last < 20  # dropped as soon as the next message would pass 64 KiB, not after 500 messages
    assert here_socket.seqs() == list(range(1, last + 1))


def test_memory_held_for_a_stalled_client_stays_under_the_byte_bound():
    limit = 256 * 1024

    async def scenario():
        hub = Hub(queue_bytes=limit)
        stalled = hub.connection(SEAT_A)
        hub.join("ROOM", stalled)
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        highest = 0
        for seq in range(1, 200):
            hub.deliver("ROOM", {"sA": update(seq, padding=8000)})  # a fresh 8 KB string each time, held only here
            if stalled.close_code is not None:
                break
            highest = max(highest, tracemalloc.get_traced_memory()[0] - before)
        tracemalloc.stop()
        return stalled, highest

    stalled, highest = asyncio.run(scenario())
    assert stalled.close_code == RESYNC
    assert highest < limit + 16 * 1024  # the messages themselves plus a little bookkeeping, never 200 x 8 KB


def test_a_first_view_larger_than_the_bound_still_gets_through():
    async def scenario():
        conn = Connection(TRAINER, limit_bytes=1000)
        assert conn.push(update(1, padding=5000))  # an empty queue always takes one message
        assert not conn.push(update(2))  # but nothing may pile up behind it
        return conn

    conn = asyncio.run(scenario())
    assert conn.close_code == RESYNC


def test_non_ascii_text_is_counted_in_bytes_not_characters():
    conn = Connection(SEAT_A, limit_bytes=10_000)
    conn.push("x")
    assert conn.push("é" * 4000)  # 8,000 bytes: fits
    assert not conn.push("é" * 1000)  # 2,000 more bytes would pass the bound, though only 1,000 characters
    assert conn.close_code == RESYNC


def test_rooms_are_kept_apart():
    async def scenario():
        hub = Hub()
        sockets = {}
        tasks = []
        for room in range(50):
            for viewer in (SEAT_A, TRAINER):
                conn = hub.connection(viewer)
                hub.join(f"R{room}", conn)
                sockets[(room, viewer.key)] = s = Socket()
                tasks.append(asyncio.create_task(sender(conn, s)))
        for room in range(50):
            for seq in range(1, room % 5 + 2):
                hub.deliver(f"R{room}", {"sA": update(seq * 1000 + room), "trainer": update(seq * 1000 + room)})
        await settle()
        for task in tasks:
            task.cancel()
        return hub, sockets

    hub, sockets = asyncio.run(scenario())
    for (room, _), s in sockets.items():
        assert s.seqs() == [seq * 1000 + room for seq in range(1, room % 5 + 2)]
    assert hub.active() == {f"R{room}" for room in range(50)}
    hub.deliver("NOBODY", {"sA": update(1)})  # a room with nobody in it is simply nothing to do


def test_close_room_ends_every_connection_and_forgets_the_room():
    async def scenario():
        hub = Hub()
        conns = [hub.connection(v) for v in (SEAT_A, SEAT_B, TRAINER)]
        sockets = [Socket() for _ in conns]
        tasks = [asyncio.create_task(sender(c, s)) for c, s in zip(conns, sockets, strict=True)]
        other = hub.connection(SEAT_A)
        hub.join("OTHER", other)
        for conn in conns:
            hub.join("ROOM", conn)
        hub.deliver("ROOM", for_everyone(1))
        hub.close_room("ROOM")
        hub.deliver("ROOM", for_everyone(2))  # too late: nobody is there
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=5)
        return hub, sockets, other

    hub, sockets, other = asyncio.run(scenario())
    for s in sockets:
        assert s.closed_with == (RESUME, "This session has been deleted.")
        assert 2 not in s.seqs()
    assert hub.count("ROOM") == 0 and hub.active() == {"OTHER"} and other.close_code is None


def test_leaving_during_delivery_is_safe_and_a_closed_connection_cannot_rejoin():
    async def scenario():
        hub = Hub(queue_bytes=64 * 1024, per_seat=10)  # one person's ten tabs
        conns = [hub.connection(SEAT_A) for _ in range(10)]
        for conn in conns:
            hub.join("ROOM", conn)
        # Half the room is stalled and overflows in the middle of one delivery, leaving the room while
        # the hub walks it; the other half reads as it goes.
        readers = conns[::2]
        sockets = [Socket() for _ in readers]
        tasks = [asyncio.create_task(sender(c, s)) for c, s in zip(readers, sockets, strict=True)]
        for seq in range(1, 40):
            hub.deliver("ROOM", {"sA": update(seq, padding=4000)})
            await asyncio.sleep(0)
        hub.leave("ROOM", readers[0])  # a reader leaves between deliveries: it gets nothing more
        hub.leave("ROOM", readers[0])  # leaving twice, or a room that is gone, is harmless
        hub.leave("GONE", readers[0])
        hub.deliver("ROOM", {"sA": update(99)})
        await settle()
        dropped = conns[1]
        hub.join("ROOM", dropped)  # a dropped connection must reconnect, not slip back in
        for task in tasks:
            task.cancel()
        return hub, sockets, conns

    hub, sockets, conns = asyncio.run(scenario())
    assert hub.count("ROOM") == 4
    assert all(conn.close_code == RESYNC for conn in conns[1::2])
    assert sockets[0].seqs() == list(range(1, 40))
    for s in sockets[1:]:
        assert s.seqs() == [*range(1, 40), 99]


def test_signing_out_closes_that_trainers_connections_in_every_room():
    async def scenario():
        hub = Hub()
        mine = [hub.connection(TRAINER, sign_in="me") for _ in range(2)]
        theirs = hub.connection(TRAINER, sign_in="them")
        hub.join("R1", mine[0])
        hub.join("R2", mine[1])
        hub.join("R2", theirs)
        hub.close_sign_in("me")
        return hub, mine, theirs

    hub, mine, theirs = asyncio.run(scenario())
    assert [c.close_code for c in mine] == [POLICY, POLICY] and theirs.close_code is None
    assert hub.active() == {"R2"} and hub.count("R2") == 1
