"""Deciding an imported log again: any log the rules really wrote passes, event for event; an edited one is
refused at the first event the rules would not have recorded, even when it would replay."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings

from app.domain import commands as c
from app.domain import events as ev
from app.domain.follow_up.plan import plan
from app.import_checks import LogProblem, check_log
from tests.domain.builders import Game, board_game, tiny_facts
from tests.domain.test_replay import games


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(games())
def test_every_log_the_rules_write_is_decided_again_to_the_same_state(game):
    assert check_log(game.log, now=game.now) == game.state


def whole_day() -> Game:
    """A board meeting with a carried and a voided transfer, the 10% round, a year of consequences and the
    debrief's reflections: the events random games rarely reach."""
    game = board_game()
    first, second = sorted(game.state.assignments.values(), key=lambda a: a.pair_id)[:2]
    terms = c.TransferTerms(source=first.directorate, target=second.directorate, amount=5000, reason="damp")
    for reason in ("first", "second"):
        [motion] = game.do(c.Propose(text=f"Fund repairs ({reason})", transfer=terms), game.seat(first.director))
        game.do(c.Second(motion_id=motion.motion_id), game.seat(second.director))
        for a in game.state.assignments.values():
            game.do(c.Vote(motion_id=motion.motion_id, choice="for"), game.seat(a.director))
        game.do(c.CloseVote(motion_id=motion.motion_id))
    game.do(c.VoidMotion(motion_id="m2", reason="Counted twice"))
    game.do(c.OpenTenPercent())
    game.do(c.AnswerTenPercent(recipient=second.directorate, reason="prevention"), game.seat(first.director))
    game.do(c.RevealTenPercent())
    game.do(c.AdvanceTime(period="year"))
    game.do(c.StartPhase(phase="debrief"))
    for seat in (first.director, second.director):
        game.do(c.Reflect(ratings={"trust": 4}, comment="Open"), game.seat(seat))
    game.do(c.StartPhase(phase="closed"))
    return game


def test_a_whole_day_and_its_follow_up_are_decided_again():
    game = whole_day()
    assert {"budget-transferred", "ten-percent-revealed", "time-advanced", "reflection-given"} <= {
        e.type for e in game.log
    }
    assert check_log(game.log, now=game.now) == game.state
    follow = Game(tiny_facts(), code="NEXT")
    follow.log.append(plan(game.state, game.now))
    follow.state = check_log(follow.log, now=game.now)
    follow.do(c.StartPhase(phase="read_in"))
    assert check_log(follow.log, now=game.now) == follow.state


def edited(game: Game, kind: type, change) -> tuple[list[ev.Event], int]:
    """The game's log with the first event of `kind` replaced by `change(event)`, and that event's number."""
    at = next(i for i, e in enumerate(game.log) if isinstance(e, kind))
    return [*game.log[:at], change(game.log[at]), *game.log[at + 1 :]], at + 1


EDITS = {
    "a vote in the name of the chair, who holds none": (
        ev.VoteCast,
        lambda g: lambda e: replace(e, seat_id=g.chair),
    ),
    "a vote for a directorate the voter does not play": (
        ev.VoteCast,
        lambda g: lambda e: replace(e, directorate=next(d for d in g.state.held_directorates() if d != e.directorate)),
    ),
    "more money moved than the motion said": (ev.BudgetTransferred, lambda g: lambda e: replace(e, amount=900_000)),
    "a lost vote recorded as carried": (ev.VoteClosed, lambda g: lambda e: replace(e, votes_for=0, votes_against=5)),
    "a name longer than anyone could type": (ev.SeatJoined, lambda g: lambda e: replace(e, name="A" * 500)),
    "a shuffle that gives a pair its own agency's directorate": (
        ev.RolesShuffled,
        lambda g: lambda e: replace(e, assignments=tuple(replace(a, directorate="housing") for a in e.assignments)),
    ),
    "a reflection from a seat that is not in the session": (
        ev.ReflectionGiven,
        lambda g: lambda e: replace(e, seat_id="s-nobody"),
    ),
}


@pytest.mark.parametrize("what", EDITS)
def test_an_edited_log_is_refused_at_the_edited_event(what):
    game = whole_day()
    kind, change = EDITS[what]
    log, seq = edited(game, kind, change(game))
    # A transfer is recorded with the vote that carried it, so that command is the one that no longer fits.
    number, type_ = (seq - 1, "vote-closed") if kind is ev.BudgetTransferred else (seq, kind.type)
    with pytest.raises(LogProblem, match=rf"event {number} \({type_}\) is not what the rules record"):
        check_log(log, now=game.now)


def test_money_from_nowhere_is_refused():
    game = whole_day()
    source, target = game.state.held_directorates()[:2]
    log = [*game.log[:-4], ev.BudgetTransferred("m1", source, target, 1000), *game.log[-4:]]
    with pytest.raises(LogProblem, match=rf"event {len(game.log) - 3} \(budget-transferred\) is not what"):
        check_log(log, now=game.now)


def test_a_follow_up_start_is_taken_as_given_but_must_keep_the_invariants():
    game = whole_day()
    start = plan(game.state, game.now)
    broken = replace(start, pairs=(*start.pairs, ev.PairSpec("p9", ("s-nobody",))))
    with pytest.raises(LogProblem, match=r"after event 2 \(follow-up-started\) a pair holds a seat that is not"):
        check_log([ev.SessionCreated("NEXT", tiny_facts(), 0.0), broken], now=game.now)


def test_what_the_pack_allows_beyond_what_a_form_takes_is_still_decided_again():
    facts = tiny_facts()
    long_item = replace(facts.agenda[0], description="Background. " * 150)  # 1,800 characters, from the pack
    game = board_game(replace(facts, timings={**facts.timings, "debrief": 720}, agenda=(long_item, *facts.agenda[1:])))
    game.do(c.EditItem(item_id=long_item.id, minutes=25))
    game.do(c.EditItem(item_id=long_item.id, minutes=25))  # saved twice: nothing changes the second time
    game.do(c.StartPhase(phase="debrief"))  # the pack's 720 minutes; a trainer may type at most 600
    assert game.log[-1] == ev.PhaseStarted("debrief", 720, game.now)
    assert check_log(game.log, now=game.now) == game.state
