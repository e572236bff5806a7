"""Events survive JSON unchanged, a log replays to the live state, and views show each viewer only
what is theirs: no shuffle seed outside the trainer's, no briefing text anywhere, packs by directorate."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app.domain import apply as reducer
from app.domain import commands as c
from app.domain import events as ev
from app.domain.core import codec
from app.domain.core.errors import RuleViolation
from app.domain.core.types import PHASES, RESIDENT
from app.domain.follow_up.plan import plan
from app.domain.views import PROJECTOR, TRAINER, Viewer, shown_event, view_for

from .builders import (
    GUEST,
    Game,
    board_game,
    meeting_command,
    meeting_moves,
    tiny_facts,
    tiny_pack,
)

TINY_AGENCIES = ["council-housing", "nhs", "police", "schools", "fire"]
TINY_DIRECTORATES = ["housing", "health", "safety", "education"]
# Seeds with many digits, so that finding one in a view cannot be a coincidence.
SEEDS = st.integers(10**8, 2**31 - 1)


def round_trip(event: ev.Event) -> ev.Event:
    wire = json.dumps(codec.encode(event))
    return codec.decode(event.type, json.loads(wire))


# --- a whole random game ---------------------------------------------------------------------------------

LOBBY_KINDS = ["join"] * 6 + ["remove", "move", "chair", "auto-pair", "shuffle", "pause", "resume"]


@st.composite
def games(draw) -> Game:
    """A random session from arrival to (perhaps) the end, through every kind of command.
    Refused commands are part of the game: they must leave no trace."""
    game = Game(tiny_facts())
    game.states = [game.state]

    def attempt(command, actor=c.TRAINER, **context):
        before = game.state
        try:
            game.do(command, actor, **context)
        except RuleViolation:
            assert game.state is before
        game.states.append(game.state)

    def seat(k: int) -> str:
        seats = list(game.state.seats) or ["nobody"]
        return seats[k % len(seats)]

    for k, agency in enumerate(draw(st.permutations(TINY_AGENCIES[:4] * 2))[: draw(st.integers(0, 8))]):
        attempt(c.Join(name=f"Early {k}", agency=agency), GUEST, new_seat_id=f"s{len(game.log)}")
    lobby = st.tuples(st.sampled_from(LOBBY_KINDS), st.integers(0, 20), st.sampled_from(TINY_AGENCIES + [RESIDENT]))
    for kind, k, agency in draw(st.lists(lobby, min_size=4, max_size=25)):
        if kind == "join":
            attempt(c.Join(name=f"Person {k}", agency=agency), GUEST, new_seat_id=f"s{len(game.log)}")
        elif kind == "remove":
            attempt(c.RemoveSeat(seat_id=seat(k)))
        elif kind == "move":
            pairs = list(game.state.pairs) + [None]
            attempt(c.MoveSeat(seat_id=seat(k), to_pair=pairs[k % len(pairs)]))
        elif kind == "chair":
            attempt(c.ChooseChair(seat_id=None if k == 0 else seat(k)))
        elif kind == "auto-pair":
            attempt(c.AutoPair())
        elif kind == "shuffle":
            attempt(c.Shuffle(seed=draw(SEEDS)))
        else:
            attempt(c.PauseClock() if kind == "pause" else c.ResumeClock())
    attempt(c.AutoPair())
    attempt(c.Shuffle(), seed=draw(SEEDS))
    attempt(c.StartPhase(phase="read_in", minutes=draw(st.none() | st.integers(1, 600))))
    for k in draw(st.lists(st.integers(0, 9), max_size=4, unique=True)):
        pairs = sorted(game.state.assignments)
        if len(pairs) >= 2:
            attempt(c.SwapPairs(first=pairs[k % len(pairs)], second=pairs[(k + 1) % len(pairs)]))
    if draw(st.booleans()):
        attempt(c.PauseClock())
        attempt(c.ResumeClock())
    attempt(c.StartPhase(phase="board"))
    attempt(c.OpenItem(item_id=draw(st.sampled_from(["objectives", "budget"]))))
    if game.state.phase == "board":
        for move in draw(meeting_moves(TINY_DIRECTORATES, min_size=10, max_size=40)):
            attempt(*meeting_command(game, move))
    for phase in draw(st.lists(st.sampled_from(PHASES), max_size=2)):
        attempt(c.StartPhase(phase=phase))
    return game


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(games())
def test_a_random_games_log_round_trips_and_replays_to_the_live_state(game):
    decoded = [round_trip(e) for e in game.log]
    assert decoded == game.log
    assert reducer.replay(game.log) == game.state
    assert reducer.replay(decoded) == game.state
    assert game.state.seq == len(game.log)
    # Every intermediate state is the fold of the events up to it (folded once, not once per state).
    folds, fold = {}, None
    for seq, event in enumerate(decoded, start=1):
        fold = folds[seq] = reducer.apply(fold, event)
    for state in game.states:
        assert folds[state.seq] == state


def test_a_scripted_game_produces_every_kind_of_event_and_replays():
    game = Game(tiny_facts())
    seats = [game.join(a) for a in ("council-housing", "council-housing", "nhs", "nhs", "police", "schools")]
    extra = game.join("fire")
    resident = game.join(RESIDENT)
    game.do(c.RemoveSeat(seat_id=extra))
    game.do(c.AutoPair())
    game.do(c.MoveSeat(seat_id=seats[5], to_pair=None))
    game.do(c.ChooseChair(seat_id=seats[5]))
    game.do(c.Shuffle(seed=123456789))
    game.do(c.StartPhase(phase="read_in"))
    game.do(c.SwapPairs(first="p1", second="p2"))
    # A pair's notebook and drafts, and late arrivals seated as a third member and an observer.
    writer = game.state.assignments["p1"].director
    game.do(c.WriteNotebook(text="Our plan"), game.seat(writer))
    [draft] = game.do(c.WriteDraft(motion=c.DraftMotion(text="Drafted", kind="free")), game.seat(writer))
    [spare] = game.do(c.WriteDraft(motion=c.DraftMotion(text="Spare", kind="free")), game.seat(writer))
    game.do(c.DiscardDraft(draft_id=spare.draft_id), game.seat(writer))
    late, watcher = game.join("fire"), game.join("fire")
    game.do(c.SeatThirdMember(seat_id=late, pair_id="p1"))
    game.do(c.SeatObserver(seat_id=watcher))
    game.do(c.Undo())  # seating-restored: the observer is without a place again
    game.do(c.SeatObserver(seat_id=watcher))
    game.do(c.SetDoors(open=False))
    game.do(c.SetDoors(open=True))
    game.do(c.PauseClock())
    game.do(c.ResumeClock())
    game.do(c.StartPhase(phase="board"))
    chair = game.seat(seats[5])
    # The trainer's news, announcements and live agenda.
    game.do(c.ReleaseInject(inject_id="news", to=[resident]))
    game.do(c.WriteInject(title="Flood warning", text="The river is **rising**.", to=[]))
    game.do(c.Announce(text="Ten minutes to the vote"))
    [added] = game.do(c.AddItem(title="Any other business", kind="free", minutes=10, position=0))
    game.do(c.EditItem(item_id=added.item.id, minutes=5, description="Brief, please"))
    game.do(c.MoveItem(item_id=added.item.id, position=2))
    game.do(c.AddItem(title="Added by mistake"))
    game.do(c.Undo())  # agenda-item-removed
    game.do(c.WriteInject(title="Sent by mistake", text="Oops", to=[]))
    game.do(c.Undo())  # news-withdrawn
    game.do(c.OpenItem(item_id="budget"), chair)
    game.do(c.TableDraft(draft_id=draft.draft_id), game.seat(writer))
    # A transfer motion, amended, made secret, seconded, carried, then voided.
    directors = [a.director for a in game.state.assignments.values()]
    first, second = directors[0], directors[1]
    source = game.state.role_of(first).directorate
    target = game.state.role_of(second).directorate
    terms = c.TransferTerms(source=source, target=target, amount=1000, reason="Exported costs £")
    [m1] = game.do(c.Propose(text="A motion", kind="transfer", transfer=terms), game.seat(first))
    bigger = c.TransferTerms(source=source, target=target, amount=2000, reason="More")
    [amendment] = game.do(c.Amend(motion_id=m1.motion_id, text="An amended motion", transfer=bigger), game.seat(second))
    game.do(
        c.DecideAmendment(motion_id=m1.motion_id, amendment_id=amendment.amendment_id, accept=True), game.seat(first)
    )
    game.do(c.SetBallot(motion_id=m1.motion_id, secret=True), chair)
    game.do(c.Second(motion_id=m1.motion_id), game.seat(second))
    game.do(c.Vote(motion_id=m1.motion_id, choice="for"), game.seat(first))
    game.do(c.Vote(motion_id=m1.motion_id, choice="against"), game.seat(second))
    game.do(c.Vote(motion_id=m1.motion_id, choice="for"), game.seat(second))
    closed = game.do(c.CloseVote(motion_id=m1.motion_id, casting="against"), chair)
    assert [e.type for e in closed] == ["vote-closed", "budget-transferred"]
    budgets = {d.id: d.budget for d in game.scenario.directorates}
    assert game.state.ledger[source] == budgets[source] - 2000, "the amended amount moved"
    assert game.state.ledger[target] == budgets[target] + 2000
    game.do(c.VoidMotion(motion_id=m1.motion_id, reason="The amount was misheard"))
    game.do(c.Undo())  # motion-restored, and the money moves again
    game.do(c.VoidMotion(motion_id=m1.motion_id, reason="The amount was misheard"))
    assert game.state.ledger == {d.id: d.budget for d in game.scenario.directorates}
    # Motions withdrawn and ruled out.
    [m2] = game.do(c.Propose(text="Another", kind="objective", term="long"), game.seat(first))
    game.do(c.Withdraw(motion_id=m2.motion_id), game.seat(first))
    [m3] = game.do(c.Propose(text="Off topic", kind="strategy"), game.seat(second))
    game.do(c.RuleOut(motion_id=m3.motion_id, reason="Not for this board"), chair)
    # The floor.
    game.do(c.RaiseHand(), game.seat(resident))
    game.do(c.LowerHand(), game.seat(resident))
    game.do(c.RaiseHand(), game.seat(resident))
    game.do(c.CallSpeaker(), chair)
    game.do(c.FinishSpeaker(), chair)
    game.do(c.CallSpeaker(seat_id=resident), chair)
    game.do(c.DoneSpeaking(), game.seat(resident))
    game.do(c.MoveToRole(seat_id=resident, directorate=source, position="assistant"))
    # The extra 10% round.
    game.do(c.OpenTenPercent())
    game.do(c.AnswerTenPercent(recipient=target, reason="They carry our costs"), game.seat(first))
    game.do(c.RevealTenPercent())
    # Time moves on, and the debrief's reflection.
    game.do(c.AdvanceTime(period="quarter"))
    game.do(c.SetStage(stage="consequences"))
    game.do(c.StartPhase(phase="debrief"))
    game.do(
        c.Reflect(ratings={"trust": 4, "residents-voice": 2}, comment="We listened more than usual."),
        game.seat(resident),
    )
    game.do(c.StartPhase(phase="closed"))
    follow_up = [
        ev.SessionCreated("NEXT", game.state.scenario, 9999.0),
        plan(game.state, 9999.0),
        ev.FollowUpOpened("AFTER", 9999.5),
    ]
    assert {e.type for e in game.log + follow_up} == set(ev.EVENT_TYPES), "the script should cover every event type"
    decoded = [round_trip(e) for e in game.log]
    assert decoded == game.log
    assert reducer.replay(decoded) == game.state
    assert reducer.replay(round_trip(e) for e in follow_up) == reducer.replay(follow_up)


def _finite(event: ev.Event) -> bool:
    try:
        json.dumps(codec.encode(event), allow_nan=False)
    except ValueError:
        return False
    return True


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of([st.from_type(cls) for cls in ev.EVENT_TYPES.values()]))
def test_any_event_with_any_content_round_trips_through_json(event):
    assume(_finite(event))  # NaN never equals itself, and no rule ever records one
    assert round_trip(event) == event


def test_decoding_an_unknown_event_type_is_an_error():
    with pytest.raises(KeyError):
        codec.decode("no-such-event", {})


# --- views --------------------------------------------------------------------------------------------------


def viewers(state) -> list[Viewer]:
    return [Viewer(TRAINER), Viewer(PROJECTOR)] + [Viewer("seat", s) for s in state.seats]


def walk(value, path=()):
    """Yields (path, leaf) for every leaf of plain nested data, keys included in the path."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from walk(v, path + (k,))
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            yield from walk(v, path + (i,))
    else:
        yield path, value


def document_snippets() -> list[str]:
    """Runs of visible text from every briefing document of the tiny pack, leaving out the names of
    public facts (an indicator's name in a pack's targets table is also, rightly, in every view)."""
    facts = tiny_facts()
    public = {i.name for i in facts.indicators} | {d.name for d in facts.directorates}
    snippets = []
    for doc in tiny_pack().documents.values():
        text = re.sub(r"<[^>]+>", "\n", doc.html)
        snippets += [
            line.strip() for line in text.splitlines() if len(line.strip()) >= 12 and line.strip() not in public
        ]
    assert any("SECRET-housing" in s for s in snippets)
    return snippets


SNIPPETS = document_snippets()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(games())
def test_views_hide_the_seed_and_never_carry_documents(game):
    for state in game.states[::4] + [game.state]:
        for viewer in viewers(state):
            view = view_for(state, viewer, 1000.0)
            leaves = list(walk(view))
            keys = {k for path, _ in leaves for k in path if isinstance(k, str)}
            strings = [v for _, v in leaves if isinstance(v, str)]
            if viewer.kind == TRAINER:
                assert view["session"]["seed"] == state.seed
            else:
                assert not {"seed", "chair_pick"} & keys, f"{viewer} sees trainer-only data"
                if state.seed is not None:
                    assert str(state.seed) not in json.dumps(view)
            # Snippets are single lines, so searching the view's strings joined by newlines finds exactly the
            # snippets inside any one string, in one pass per snippet.
            every_string = "\n".join(strings)
            assert not any(snippet in every_string for snippet in SNIPPETS), f"document text in {viewer}'s view"
    for seq, event in enumerate(game.log, start=1):
        body = shown_event(game.state, event, seq, Viewer(PROJECTOR)) or {}
        assert "seed" not in body
        if isinstance(event, ev.RolesShuffled):
            assert str(event.seed) not in json.dumps(body)


def test_the_trainer_sees_the_seed_and_the_room_does_not():
    game = board_game(seed=987654321)
    assert view_for(game.state, Viewer(TRAINER), 0.0)["session"]["seed"] == 987654321
    for viewer in viewers(game.state)[1:]:
        text = json.dumps(view_for(game.state, viewer, 0.0))
        assert "987654321" not in text
        assert all("987654321" not in json.dumps(shown_event(game.state, e, i, viewer)) for i, e in enumerate(game.log))


def test_the_chair_pick_before_the_shuffle_reaches_only_the_trainer():
    game = Game(tiny_facts())
    seats = [game.join(a) for a in ("council-housing", "nhs", "police")]
    events = game.do(c.ChooseChair(seat_id=seats[2]))
    assert not game.state.shuffled
    for viewer in viewers(game.state)[1:]:
        assert "chair_pick" not in json.dumps(view_for(game.state, viewer, 0.0))
        shown = [shown_event(game.state, e, game.state.seq, viewer) for e in events]
        assert shown == [None]


# --- reader keys --------------------------------------------------------------------------------------------


def expected_keys(state, seat_id: str) -> set[str]:
    if state.phase == "lobby" or not state.shuffled:
        return set()
    role = state.role_of(seat_id)
    extra = {
        "director": {role.directorate},
        "assistant": {role.directorate},
        "member": {role.directorate},
        "chair": {"chair"},
        "panel": {"residents"},
        "observer": set(),
        "unplaced": set(),
    }[role.kind]
    return {"everyone"} | extra


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(games())
def test_reader_keys_give_a_seat_only_its_own_directorate_once_packs_are_open(game):
    directorates = set(TINY_DIRECTORATES)
    for state in game.states:
        for seat_id in state.seats:
            keys = state.reader_keys(seat_id)
            assert keys == expected_keys(state, seat_id)
            assert len(keys & directorates) <= 1
            if state.phase == "lobby":
                assert keys == set()


def test_reader_keys_in_a_worked_example():
    game = Game(tiny_facts())
    housing = [game.join("council-housing"), game.join("council-housing")]
    health = [game.join("nhs"), game.join("nhs")]
    chair, resident = game.join("fire"), game.join(RESIDENT)
    game.do(c.ChooseChair(seat_id=chair))
    game.do(c.AutoPair())
    game.do(c.Shuffle(seed=4))
    for seat_id in game.state.seats:
        assert game.state.reader_keys(seat_id) == set(), "nothing opens in the lobby, even after the shuffle"
    game.do(c.StartPhase(phase="read_in"))
    for seat_id in housing + health:
        held = game.state.role_of(seat_id).directorate
        own = "housing" if seat_id in housing else "health"
        assert held != own
        assert game.state.reader_keys(seat_id) == {"everyone", held}
    assert game.state.reader_keys(chair) == {"everyone", "chair"}
    assert game.state.reader_keys(resident) == {"everyone", "residents"}
    late = game.join("police")
    assert game.state.reader_keys(late) == {"everyone"}
    # A late arrival seated as a pair's third member reads that pair's pack; an observer only what is public.
    pair, held = next(iter(game.state.assignments.items()))
    game.do(c.SeatThirdMember(seat_id=late, pair_id=pair))
    assert game.state.reader_keys(late) == {"everyone", held.directorate}
    watcher = game.join("police")
    game.do(c.SeatObserver(seat_id=watcher))
    game.do(c.Undo())  # seating-restored: the observer is without a place again
    game.do(c.SeatObserver(seat_id=watcher))
    assert game.state.reader_keys(watcher) == {"everyone"}
    game.do(c.StartPhase(phase="lobby"))
    assert all(game.state.reader_keys(s) == set() for s in game.state.seats)
