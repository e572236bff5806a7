"""Undo: every reversible correction can be taken back, latest first, by compensating events; the log only grows,
and undoing everything brings the room back to where it was."""

from __future__ import annotations

from contextlib import suppress

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import commands as c
from app.domain.core.errors import RuleViolation
from app.domain.views import Viewer, view_for
from app.import_checks import check_log

from .builders import Game, board_game

MOVES = st.sampled_from(["add", "edit", "move", "write", "release", "third", "observer", "role", "void"])


def carried_transfer(game: Game, amount: int = 5000) -> str:
    first, second = list(game.state.assignments.values())[:2]
    terms = c.TransferTerms(source=first.directorate, target=second.directorate, amount=amount, reason="damp")
    [motion] = game.do(c.Propose(text="Fund repairs", transfer=terms), game.seat(first.director))
    game.do(c.Second(motion_id=motion.motion_id), game.seat(second.director))
    for a in game.state.assignments.values():
        game.do(c.Vote(motion_id=motion.motion_id, choice="for"), game.seat(a.director))
    game.do(c.CloseVote(motion_id=motion.motion_id))
    return motion.motion_id


def room(game: Game) -> tuple:
    s = game.state
    return (
        s.agenda,
        s.current_item,
        s.released,
        s.written,
        s.pairs,
        s.assignments,
        s.observers,
        {m.id: (m.status, m.note, m.moved_money) for m in s.motions.values()},
        s.ledger,
    )


def correction(game: Game, move: str, k: int, motion: str) -> c.Command:
    s = game.state
    items = [item.id for item in s.agenda]
    pairs = sorted(s.assignments)
    seats = sorted(s.seats)
    return {
        "add": lambda: c.AddItem(title=f"Item {k}", position=k % 5),
        "edit": lambda: c.EditItem(item_id=items[k % len(items)], minutes=k + 1),
        "move": lambda: c.MoveItem(item_id=items[k % len(items)], position=(k // 3) % len(items)),
        "write": lambda: c.WriteInject(title=f"News {k}", text="Something happened."),
        "release": lambda: c.ReleaseInject(inject_id="news"),
        "third": lambda: c.SeatThirdMember(seat_id=game.join("fire"), pair_id=pairs[k % len(pairs)]),
        "observer": lambda: c.SeatObserver(seat_id=game.join("fire")),
        "role": lambda: c.MoveToRole(
            seat_id=seats[k % len(seats)],
            directorate=s.assignments[pairs[k % len(pairs)]].directorate,
            position="director" if k % 2 else "assistant",
        ),
        "void": lambda: c.VoidMotion(motion_id=motion, reason="Misheard"),
    }[move]()


@settings(max_examples=40, deadline=None)
@given(moves=st.lists(st.tuples(MOVES, st.integers(0, 30)), min_size=1, max_size=10))
def test_undoing_every_correction_brings_the_room_back(moves):
    game = board_game()
    motion = carried_transfer(game)
    assert game.state.corrections == ()
    before = room(game)
    for move, k in moves:
        with suppress(RuleViolation):  # a correction the rules refuse records nothing, so there is nothing to undo
            game.do(correction(game, move, k, motion))
    while game.state.corrections:
        length, latest = len(game.log), game.state.corrections[-1]
        undone = game.do(c.Undo(seq=latest.seq))
        assert undone[0].undone_seq == latest.seq and len(game.log) == length + len(undone)
    assert room(game) == before
    assert "no correction left" in game.refuse(c.Undo())
    assert check_log(game.log, now=game.now) == game.state


def test_only_the_latest_correction_is_undone_and_the_trainer_sees_which():
    game = board_game()
    [added] = game.do(c.AddItem(title="Any other business"))
    game.do(c.WriteInject(title="Flood", text="The river rose."))
    shown = view_for(game.state, Viewer("trainer"), game.now)["session"]["undoable"]
    assert shown["what"] == "sending “Flood”"
    assert "that is now sending “Flood”" in game.refuse(c.Undo(seq=game.state.seq - 1))
    for viewer in (Viewer("projector"), Viewer("seat", game.resident)):
        assert "undoable" not in view_for(game.state, viewer, game.now)["session"]
    game.do(c.Undo())
    game.do(c.OpenItem(item_id=added.item.id))
    assert "open now" in game.refuse(c.Undo())


def test_undoing_a_void_moves_the_money_again_unless_it_has_been_spent():
    game = board_game()
    motion = carried_transfer(game)
    carried = dict(game.state.ledger)
    game.do(c.VoidMotion(motion_id=motion, reason="Misheard"))
    game.do(c.Undo())
    assert game.state.ledger == carried and game.state.motions[motion].status == "carried"
    game.do(c.VoidMotion(motion_id=motion, reason="Misheard again"))
    # The money that came back is spent on something else before the trainer thinks again.
    spent = carried_transfer(game, amount=game.state.ledger[game.state.motions[motion].transfer.source])
    assert game.state.motions[spent].status == "carried"
    assert "no longer holds" in game.refuse(c.Undo())


def test_a_new_shuffle_ends_undo_of_earlier_seating():
    game = Game()
    for agency in ("council-housing", "council-housing", "nhs", "nhs"):
        game.join(agency)
    game.do(c.AutoPair())
    game.do(c.Shuffle(seed=1))
    mover = game.state.assignments["p1"].assistant
    game.do(c.MoveToRole(seat_id=mover, directorate=game.state.assignments["p2"].directorate, position="director"))
    assert game.state.corrections[-1].kind == "seating"
    game.do(c.Shuffle(seed=2))
    assert game.state.corrections == ()
