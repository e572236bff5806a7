"""The delta stream is the view: for every viewer, the view put together by applying each `delta` in order to
the `sync` it started from equals `view_for` built afresh after every command, through whole random days."""

from __future__ import annotations

import contextlib
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain import commands as c
from app.domain.core.errors import RuleViolation
from app.domain.sections import Sections
from app.domain.views import PROJECTOR, TRAINER, Viewer, view_for
from app.realtime.hub import Connection
from app.realtime.patch import apply_patch, diff
from app.realtime.stream import Publication, sync_message
from tests.contracts.wire import check_frame
from tests.domain.builders import Game, board_game
from tests.domain.test_replay import games

# Leaves that Python's == tells apart (it takes 1 and true for the same, and so does the diff; the view never
# changes a field between such types).
JSON = st.recursive(
    st.none() | st.booleans() | st.integers(2, 5) | st.sampled_from([0.5, 1.5]) | st.sampled_from(["", "a", "x/y~z"]),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["a", "b", "c/d", "~e"]), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(JSON, JSON)
def test_a_diff_applied_turns_the_old_value_into_the_new(old, new):
    patched = apply_patch(old, diff(old, new))
    assert json.dumps(patched, sort_keys=True) == json.dumps(new, sort_keys=True)


class Client:
    """One connection and what its client holds: the view put together from its sync and deltas."""

    def __init__(self, viewer: Viewer, sections: Sections, state, now: float):
        self.conn = Connection(viewer)
        sync = json.loads(sync_message(sections, self.conn, state, [], False, now))
        self.view, self.n = sync["view"], sync["n"]

    def receive(self, text: str | None) -> None:
        if text is None:
            return
        check_frame(text)
        delta = json.loads(text)
        assert delta["n"] == self.n + 1, "a gap in the stream"
        self.n = delta["n"]
        self.view = apply_patch(self.view, delta["patch"])


def replay_day(game: Game) -> int:
    """Plays the game's states in order to clients that connect as seats appear; returns how many deltas went."""
    sections, now, sent = Sections(), 1000.0, 0
    first = game.states[0]
    clients = {v: Client(v, sections, first, now) for v in (Viewer(TRAINER), Viewer(PROJECTOR))}
    before = first
    for state in game.states[1:]:
        now += 7.5
        numbered = [(seq, game.log[seq - 1]) for seq in range(before.seq + 1, state.seq + 1)]
        publication = Publication(sections, state, numbered, now)
        for client in clients.values():
            text = publication.message(client.conn)
            sent += text is not None
            client.receive(text)
            assert client.view == view_for(state, client.conn.viewer, now)
        for seat_id in state.seats:
            viewer = Viewer("seat", seat_id)
            if viewer not in clients:
                clients[viewer] = Client(viewer, sections, state, now)
                assert clients[viewer].view == view_for(state, viewer, now)
        before = state
    return sent


# More of the meeting, then after it: pairs' notebooks and drafts, late arrivals, undo, time moving on, the big
# screen, the debrief and its reflections, the clock.
ENDINGS = ["notebook", "draft", "late", "undo", "quarter", "year", "stage", "debrief", "reflect", "reflect", "pause"]


def ending(game: Game, kind: str, k: int) -> tuple[c.Command, c.Actor]:
    seats = sorted(game.state.seats) or ["nobody"]
    someone = c.Actor.seat(seats[k % len(seats)])
    if kind == "late":
        late = game.join("fire")  # refused once the doors are shut or the meeting is over
        pairs = sorted(game.state.pairs) or ["p1"]
        if k % 2:
            return c.SeatObserver(seat_id=late), c.TRAINER
        return c.SeatThirdMember(seat_id=late, pair_id=pairs[k % len(pairs)]), c.TRAINER
    return {
        "notebook": (c.WriteNotebook(text=f"Plan {k}"), someone),
        "draft": (c.WriteDraft(motion=c.DraftMotion(text=f"Draft {k}", kind="free")), someone),
        "undo": (c.Undo(), c.TRAINER),
        "quarter": (c.AdvanceTime(period="quarter"), c.TRAINER),
        "year": (c.AdvanceTime(period="year"), c.TRAINER),
        "stage": (c.SetStage(stage=["consequences", "ledger", "debrief"][k % 3]), c.TRAINER),
        "debrief": (c.StartPhase(phase="debrief"), c.TRAINER),
        "reflect": (c.Reflect(ratings={"trust": 1 + k % 5}, comment=f"Note {k}"), someone),
        "pause": (c.PauseClock() if k % 2 else c.ResumeClock(), c.TRAINER),
    }[kind]


@st.composite
def whole_days(draw) -> Game:
    """A random session from arrival through the meeting (`games`), then more of it and a random ending."""
    game = draw(games())
    for kind, k in draw(st.lists(st.tuples(st.sampled_from(ENDINGS), st.integers(0, 20)), max_size=16)):
        with contextlib.suppress(RuleViolation):
            game.do(*ending(game, kind, k))
        game.states.append(game.state)
    return game


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(whole_days())
def test_every_viewers_view_put_together_from_deltas_equals_view_for_after_every_command(game):
    replay_day(game)


def test_a_debrief_with_reflections_sends_deltas_that_rebuild_every_view():
    game = board_game()
    game.states = [game.state]
    steps = [(c.RaiseHand(), Game.seat(game.resident)), (c.AdvanceTime(period="year"), c.TRAINER)]
    steps += [(c.StartPhase(phase="debrief"), c.TRAINER)]
    steps += [(c.Reflect(ratings={"trust": 4}, comment="Good"), Game.seat(s)) for s in sorted(game.state.seats)[:4]]
    for command, actor in steps:
        game.do(command, actor)
        game.states.append(game.state)
    assert game.state.reflections and game.state.rounds
    assert replay_day(game) >= len(steps) * 3  # the trainer, the projector and at least one seat, each time


def test_pages_opening_on_one_update_share_its_shared_sections_yet_each_gets_its_own_view_and_the_latest():
    """The shared sections' JSON is written once for an update and reused by every page opening on it; a page
    opening after the next update (or later on a running clock) must not be sent the old text."""
    game = board_game()
    sections, state = Sections(), game.state
    seats = sorted(state.seats)
    for seat_id in seats[:3]:
        viewer = Viewer("seat", seat_id)
        assert Client(viewer, sections, state, 1000.0).view == view_for(state, viewer, 1000.0)
    game.do(c.RaiseHand(), Game.seat(game.resident))
    game.do(c.AdvanceTime(period="year"), c.TRAINER)
    for now in (1000.0, 1090.0):
        for viewer in (Viewer(TRAINER), Viewer(PROJECTOR), Viewer("seat", seats[0])):
            assert Client(viewer, sections, game.state, now).view == view_for(game.state, viewer, now)
