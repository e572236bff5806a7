"""The commands of a busy board meeting, for one session: votes and changed votes, hands raised and lowered,
and motions proposed, seconded and closed.

Every command is chosen so the rules accept it whatever order the server takes concurrent ones in: a seat's
own commands arrive in order on its socket, only directors vote (always changing their last choice), and a
motion is closed only once no vote on it is still on its way. Motion ids are predictable (m1, m2, ... in
the order motions are proposed) and only this conductor proposes in its session.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field

from .load_clients import Watcher, spawn
from .load_setup import Session

CHOICES = ("for", "against", "abstain")


@dataclass
class Sent:
    kind: str
    session: str
    at: float
    seq: int | None = None
    error: str | None = None
    answered_at: float | None = None  # when the sender got its ack or error
    seat: str = ""  # the seat that sent it (so, with several processes, through which process)


@dataclass
class Conductor:
    session: Session
    pages: dict[str, Watcher]  # seat id -> its page
    rng: random.Random
    sent: list[Sent] = field(default_factory=list)
    motions: int = 0  # proposed so far, so the next is m{motions + 1}
    voting: str | None = None  # the motion votes go to
    closing: list[str] = field(default_factory=list)  # motions no longer voted on, to be closed
    ballots: dict[tuple[str, str], str] = field(default_factory=dict)  # (motion, directorate) -> choice
    in_flight: dict[str, int] = field(default_factory=dict)  # votes sent, not yet answered, per motion
    hands: dict[str, bool] = field(default_factory=dict)
    busy: bool = False  # a propose/second/close is waiting for its answer
    _turn: int = 0

    def __post_init__(self) -> None:
        self.directors = self.session.directors()
        self.speakers = [s for s in self.session.seats if s.role in ("assistant", "resident")] or self.directors
        self.quorum = len(self.directors) // 2 + 1
        self.chair = self.session.chair()  # without a chair seat, motions are left open rather than closed

    def step(self) -> None:
        """Sends one command: a step of a motion's life now and then, otherwise a vote or a hand."""
        roll = self.rng.random()
        if not self.busy and (self.voting is None or roll < 0.15) and self._lifecycle():
            return
        if self.voting and roll < 0.6:
            self._vote()
        else:
            self._hand()

    def _issue(self, seat_id: str, command: dict) -> asyncio.Future:
        record = Sent(command["type"], self.session.code, time.perf_counter(), seat=seat_id)
        self.sent.append(record)
        future = self.pages[seat_id].send(command)
        future.add_done_callback(lambda done: done.cancelled() or self._answered(record, done.result()))
        return future

    @staticmethod
    def _answered(record: Sent, frame: dict) -> None:
        record.answered_at = time.perf_counter()
        if frame["type"] == "ack":
            record.seq = frame["seq"]
        else:
            record.error = frame.get("message", "refused")

    def _lifecycle(self) -> bool:
        """Starts the next step of a motion's life if one is due; False if none is."""
        if len(self.directors) < 2:
            return False
        if self.closing and self.in_flight.get(self.closing[0], 0) == 0 and self.chair:
            spawn(self._close(self.closing.pop(0)))
        elif self.voting is None or self._voted(self.voting) >= self.quorum + 3:
            spawn(self._next_motion())
        else:
            return False
        return True

    def _voted(self, motion: str) -> int:
        return sum(1 for (m, _) in self.ballots if m == motion)

    async def _next_motion(self) -> None:
        self.busy = True
        try:
            first, second = self.rng.sample(self.directors, 2)
            text = f"Motion {self.motions + 1}: pool the prevention budgets"
            answer = await self._issue(first.seat_id, {"type": "propose", "kind": "free", "text": text})
            if answer["type"] != "ack":
                return
            self.motions += 1
            motion = f"m{self.motions}"
            answer = await self._issue(second.seat_id, {"type": "second", "motion_id": motion})
            if answer["type"] == "ack":
                if self.voting:
                    self.closing.append(self.voting)
                self.voting = motion
        finally:
            self.busy = False

    async def _close(self, motion: str) -> None:
        self.busy = True
        try:
            choices = [c for (m, _), c in self.ballots.items() if m == motion]
            command = {"type": "close-vote", "motion_id": motion}
            if choices.count("for") == choices.count("against"):
                command["casting"] = "for"
            assert self.chair is not None
            await self._issue(self.chair.seat_id, command)
        finally:
            self.busy = False

    def _vote(self) -> None:
        motion = self.voting
        assert motion is not None
        seat = self.directors[self._turn % len(self.directors)]
        self._turn += 1
        earlier = self.ballots.get((motion, seat.directorate or ""))
        choice = self.rng.choice([c for c in CHOICES if c != earlier])
        self.ballots[(motion, seat.directorate or "")] = choice
        self.in_flight[motion] = self.in_flight.get(motion, 0) + 1

        def done(_future: asyncio.Future) -> None:
            self.in_flight[motion] -= 1

        self._issue(seat.seat_id, {"type": "vote", "motion_id": motion, "choice": choice}).add_done_callback(done)

    def _hand(self) -> None:
        seat = self.rng.choice(self.speakers)
        raised = self.hands.get(seat.seat_id, False)
        self.hands[seat.seat_id] = not raised
        self._issue(seat.seat_id, {"type": "lower-hand" if raised else "raise-hand"})
