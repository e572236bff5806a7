"""Two screens acting on the same moment: a command that moves the phase, opens an agenda item or closes a
vote names the version its screen showed, and of two such commands only the first takes effect. Votes carry
no version and are never refused for arriving together. A secret ballot never tells anyone, the chair
included, whether it is tied until it closes."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain import commands as c
from app.domain.views import view_for

from .builders import CHOICES, TRAINER, Game, board_game
from .test_meeting_views import director, viewers, voting_on

STALE = "Someone else has already"
UNCHANGED = "Nothing was changed."
DIRECTORATES = ["housing", "health", "safety", "education"]


def trainer_view(game: Game) -> dict:
    return view_for(game.state, viewers(game.state)[0], 0.0)


def test_two_screens_moving_the_phase_on_the_same_moment():
    game = board_game()
    seen = trainer_view(game)["session"]["phase_version"]
    game.do(c.StartPhase(phase="debrief", phase_version=seen))
    message = game.refuse(c.StartPhase(phase="read_in", phase_version=seen))
    assert message.startswith(STALE) and message.endswith(UNCHANGED)
    assert game.state.phase == "debrief"
    fresh = trainer_view(game)["session"]["phase_version"]
    assert fresh != seen
    game.do(c.StartPhase(phase="board", phase_version=fresh))


def test_pressing_the_running_phase_again_changes_nothing():
    game = board_game()
    seen = trainer_view(game)["session"]["phase_version"]
    assert "already running" in game.refuse(c.StartPhase(phase="board", phase_version=seen))
    assert game.state.current_item == "budget"


def test_two_screens_opening_agenda_items_on_the_same_moment():
    game = board_game()
    seen = trainer_view(game)["session"]["item_version"]
    game.do(c.OpenItem(item_id="objectives", item_version=seen), game.seat(game.chair))
    message = game.refuse(c.OpenItem(item_id="budget", item_version=seen))
    assert message.startswith(STALE) and message.endswith(UNCHANGED)
    assert game.state.current_item == "objectives"
    game.do(c.OpenItem(item_id="budget", item_version=trainer_view(game)["session"]["item_version"]))


def test_two_screens_closing_the_same_vote():
    game = board_game()
    motion = voting_on(game)
    for d in DIRECTORATES[:3]:
        game.do(c.Vote(motion_id=motion, choice="for"), director(game, d))
    row = next(m for m in trainer_view(game)["motions"] if m["id"] == motion)
    game.do(c.CloseVote(motion_id=motion, motion_version=row["version"]), game.seat(game.chair))
    message = game.refuse(c.CloseVote(motion_id=motion, motion_version=row["version"]))
    assert message.startswith(STALE) and message.endswith(UNCHANGED)
    assert game.state.motions[motion].status == "carried"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    order=st.permutations(DIRECTORATES),
    choices=st.lists(st.sampled_from(CHOICES), min_size=4, max_size=4),
    secret=st.booleans(),
)
def test_votes_cast_at_the_same_moment_are_all_accepted(order, choices, secret):
    """Every directorate votes from the same screen (the same view), in any order: none is refused, and the
    chair's close decided on that same screen still applies, since votes never make a command stale."""
    game = board_game()
    motion = voting_on(game, secret=secret)
    seen = next(m for m in trainer_view(game)["motions"] if m["id"] == motion)["version"]
    for directorate, choice in zip(order, choices, strict=True):
        [cast] = game.do(c.Vote(motion_id=motion, choice=choice), director(game, directorate))
        assert (cast.directorate, cast.choice) == (directorate, choice)
    assert len(game.state.motions[motion].ballots) == 4
    game.do(c.CloseVote(motion_id=motion, casting="against", motion_version=seen), TRAINER)
    assert game.state.motions[motion].status in ("carried", "lost")


def test_commands_without_a_version_still_apply():
    """Logs stored before versions existed decide again: the field is optional."""
    game = board_game()
    game.do(c.OpenItem(item_id="objectives"))
    game.do(c.StartPhase(phase="debrief"))
    assert game.state.phase == "debrief"


# --- an open secret ballot never says whether it is tied ------------------------------------------------


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(choices=st.lists(st.sampled_from(CHOICES), min_size=0, max_size=4))
def test_no_view_tells_anyone_whether_an_open_secret_ballot_is_tied(choices):
    game = board_game()
    motion = voting_on(game, secret=True)
    for directorate, choice in zip(DIRECTORATES, choices, strict=False):
        game.do(c.Vote(motion_id=motion, choice=choice), director(game, directorate))
    for viewer in viewers(game.state):
        row = next(m for m in view_for(game.state, viewer, 0.0)["motions"] if m["id"] == motion)
        assert row["tied"] is None and row["tally"] is None, viewer
        assert set(row) >= {"tied", "tally"}
        assert "tied" not in json.dumps(row["ballots"])


def test_the_chair_gives_a_casting_vote_at_every_secret_close_and_it_counts_only_on_a_tie():
    game = board_game()
    chair = game.seat(game.chair)
    tied = voting_on(game, secret=True)
    for d, choice in zip(DIRECTORATES, ["for", "against", "for", "against"], strict=True):
        game.do(c.Vote(motion_id=tied, choice=choice), director(game, d))
    message = game.refuse(c.CloseVote(motion_id=tied), chair)
    assert "used only if the vote is tied" in message and "tied at" not in message
    [closed] = game.do(c.CloseVote(motion_id=tied, casting="for"), chair)
    assert (closed.casting, closed.carried) == ("for", True)
    game.do(c.OpenItem(item_id="objectives"))
    clear = voting_on(game, secret=True)
    for d in DIRECTORATES[:3]:
        game.do(c.Vote(motion_id=clear, choice="against"), director(game, d))
    message_untied = game.refuse(c.CloseVote(motion_id=clear), chair)
    assert message_untied == message, "the refusal is the same tied or not"
    [closed] = game.do(c.CloseVote(motion_id=clear, casting="for"), chair)
    assert (closed.casting, closed.carried) == (None, False), "no tie: the casting vote is not used"
