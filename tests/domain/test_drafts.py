"""Draft motions: a pair writes them privately during the read-in, and tabling one at the meeting proposes
exactly the motion the pair would have typed then (every motion rule applies); the draft is marked tabled."""

from __future__ import annotations

import json
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import commands as c
from app.domain.views import Viewer, shown_event, view_for
from app.import_checks import check_log

from .builders import TRAINER, Game, board_game

KINDS = st.sampled_from([("free", None), ("objective", "short"), ("objective", "long"), ("strategy", None)])


def in_read_in() -> Game:
    """board_game's people, back at the read-in (the phase drafts are mostly written in)."""
    game = board_game()
    game.do(c.StartPhase(phase="read_in"))
    return game


def draft(text: str, kind: str = "free", term: str | None = None) -> c.WriteDraft:
    return c.WriteDraft(motion=c.DraftMotion(text=text, kind=kind, term=term))


@settings(max_examples=25, deadline=None)
@given(writes=st.lists(st.tuples(st.integers(0, 9), KINDS, st.integers(0, 99)), min_size=1, max_size=8))
def test_each_pair_sees_its_own_drafts_and_nobody_else_does(writes):
    game = in_read_in()
    writers = [a.director for a in game.state.assignments.values()]
    written: dict[str, list[str]] = {}
    for k, (kind, term), n in writes:
        writer = writers[k % len(writers)]
        text = f"<<motion {n} by {writer}>>"
        seq = game.state.seq
        [event] = game.do(draft(text, kind, term), game.seat(writer))
        pair = game.state.pair_of(writer)
        written.setdefault(pair, []).append(text)
        others = [Viewer("trainer"), Viewer("projector")] + [
            Viewer("seat", s) for s in game.state.seats if game.state.pair_of(s) != pair
        ]
        assert all(shown_event(game.state, event, seq + 1, v) is None for v in others)
    for pair, texts in written.items():
        for seat in game.state.pairs[pair]:
            mine = view_for(game.state, Viewer("seat", seat), game.now)["me"]["drafts"]
            assert [d["text"] for d in mine] == texts
        for viewer in [Viewer("trainer"), Viewer("projector")]:
            assert not any(text in json.dumps(view_for(game.state, viewer, game.now)) for text in texts)


def test_tabling_a_draft_proposes_the_same_motion_as_typing_it():
    drafted, typed = board_game(), board_game()
    proposer = drafted.holder("d0") or next(a.director for a in drafted.state.assignments.values())
    motion = c.DraftMotion(text="Fund the damp survey", kind="objective", term="medium")
    [written] = drafted.do(c.WriteDraft(motion=motion), drafted.seat(proposer))
    typed.now = drafted.now
    drafted.do(c.TableDraft(draft_id=written.draft_id), drafted.seat(proposer))
    typed.do(c.Propose(**motion.model_dump()), typed.seat(proposer))
    # The same motion, but for its version (the place in the log where it last changed).
    assert {k: replace(m, version=0) for k, m in drafted.state.motions.items()} == {
        k: replace(m, version=0) for k, m in typed.state.motions.items()
    }
    assert drafted.state.drafts[written.draft_id].tabled == "m1"
    assert "already been tabled (motion m1)" in drafted.refuse(
        c.TableDraft(draft_id=written.draft_id), drafted.seat(proposer)
    )


def test_a_draft_waits_for_the_meeting_and_an_open_item():
    game = in_read_in()
    writer = next(a.director for a in game.state.assignments.values())
    [written] = game.do(draft("Later"), game.seat(writer))
    assert "during the board meeting" in game.refuse(c.TableDraft(draft_id=written.draft_id), game.seat(writer))
    game.do(c.StartPhase(phase="board"))
    assert "not opened an agenda item" in game.refuse(c.TableDraft(draft_id=written.draft_id), game.seat(writer))


def test_the_motion_rules_apply_when_a_draft_is_tabled():
    game = board_game()
    writer = next(a.director for a in game.state.assignments.values())
    [written] = game.do(c.WriteDraft(motion=c.DraftMotion(text="Some goal", kind="objective")), game.seat(writer))
    assert "short, medium or long" in game.refuse(c.TableDraft(draft_id=written.draft_id), game.seat(writer))
    game.do(
        c.WriteDraft(draft_id=written.draft_id, motion=c.DraftMotion(text="Some goal", kind="objective", term="long")),
        game.seat(writer),
    )
    game.do(c.TableDraft(draft_id=written.draft_id), game.seat(writer))
    assert game.state.motions["m1"].term == "long"


def test_only_the_pair_touches_its_drafts():
    game = board_game()
    first, second = list(game.state.assignments.values())[:2]
    [written] = game.do(draft("Ours"), game.seat(first.director))
    for command in (c.TableDraft(draft_id=written.draft_id), c.DiscardDraft(draft_id=written.draft_id)):
        assert "no such draft" in game.refuse(command, game.seat(second.director))
    assert "no such draft" in game.refuse(
        c.WriteDraft(draft_id=written.draft_id, motion=c.DraftMotion(text="Theirs")), game.seat(second.director)
    )
    assert "not in a pair" in game.refuse(draft("Mine"), game.seat(game.resident))
    assert "trainer does not see them" in game.refuse(draft("Trainer's"), TRAINER)
    game.do(c.DiscardDraft(draft_id=written.draft_id), game.seat(first.director))
    assert "discarded" in game.refuse(c.TableDraft(draft_id=written.draft_id), game.seat(first.director))
    assert view_for(game.state, Viewer("seat", first.director), game.now)["me"]["drafts"] == []


def test_a_log_with_drafts_imports_back_to_the_same_state():
    game = in_read_in()
    writer = next(a.director for a in game.state.assignments.values())
    [first] = game.do(draft("One"), game.seat(writer))
    game.do(draft("Two", "objective", "short"), game.seat(writer))
    game.do(c.WriteDraft(draft_id=first.draft_id, motion=c.DraftMotion(text="One, better")), game.seat(writer))
    game.do(c.StartPhase(phase="board"))
    game.do(c.OpenItem(item_id="budget"))
    game.do(c.TableDraft(draft_id=first.draft_id), game.seat(writer))
    game.do(c.DiscardDraft(draft_id="d2"), game.seat(writer))
    assert check_log(game.log, now=game.now) == game.state
