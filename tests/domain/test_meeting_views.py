"""What each viewer sees of the board meeting: secret ballots, the extra 10% answers, news sent to chosen
seats, the corporate strategy and the floor. A viewer is the trainer, the projector or one seat."""

from __future__ import annotations

import contextlib
import itertools
import json
from collections import Counter
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain import commands as c
from app.domain import events as ev
from app.domain.apply import apply
from app.domain.core.errors import RuleViolation
from app.domain.views import PROJECTOR, TRAINER, Viewer, shown_event, view_for

from .builders import CHOICES, Game, board_game, meeting_command, meeting_moves

TINY_DIRECTORATES = ["housing", "health", "safety", "education"]


def viewers(state) -> list[Viewer]:
    return [Viewer(TRAINER), Viewer(PROJECTOR)] + [Viewer("seat", s) for s in sorted(state.seats)]


def own_directorate(state, viewer: Viewer) -> str | None:
    return state.role_of(viewer.seat_id).directorate if viewer.seat_id else None


def shown(game: Game, viewer: Viewer, event_type: type) -> list[dict]:
    """The events of one type in the log, as `viewer` is shown them (those it is not shown left out)."""
    bodies = [
        shown_event(game.state, e, seq, viewer) for seq, e in enumerate(game.log, start=1) if isinstance(e, event_type)
    ]
    return [b for b in bodies if b is not None]


def motion_in(view: dict, motion_id: str) -> dict:
    return next(m for m in view["motions"] if m["id"] == motion_id)


def director(game: Game, directorate: str) -> c.Actor:
    return game.seat(game.holder(directorate))


def voting_on(game: Game, *, secret: bool = False, **fields) -> str:
    fields = {"text": "Fund damp repairs", **fields}
    [proposed] = game.do(c.Propose(secret=secret, **fields), director(game, "health"))
    game.do(c.Second(motion_id=proposed.motion_id), director(game, "safety"))
    return proposed.motion_id


def cast(game: Game, motion_id: str, **choices: str) -> None:
    for directorate, choice in choices.items():
        game.do(c.Vote(motion_id=motion_id, choice=choice), director(game, directorate))


# --- secret ballots -----------------------------------------------------------------------------------------


def check_ballots_shown(game: Game) -> None:
    """A secret ballot shows each viewer only its own directorate's choice; a named one shows all."""
    state = game.state
    for viewer in viewers(state):
        own = own_directorate(state, viewer)
        view = view_for(state, viewer, 0.0)
        for row in view["motions"]:
            motion = state.motions[row["id"]]
            if motion.secret:
                expected = {d: (b.choice if d == own else "voted") for d, b in motion.ballots.items()}
            else:
                expected = {d: b.choice for d, b in motion.ballots.items()}
            assert row["ballots"] == expected, f"{viewer} sees {row['ballots']}"
        for seq, event in enumerate(game.log, start=1):
            if not isinstance(event, ev.VoteCast):
                continue
            body = shown_event(state, event, seq, viewer)
            assert body is not None and body["motion_id"] == event.motion_id
            if state.motions[event.motion_id].secret and own != event.directorate:
                assert "choice" not in body and not set(body.values()) & set(CHOICES), f"{viewer} sees {body}"
            else:
                assert body["choice"] == event.choice


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 2**31 - 1), meeting_moves(TINY_DIRECTORATES, min_size=20, max_size=50))
def test_a_secret_ballot_never_shows_another_directorates_choice(seed, moves):
    game = board_game(seed=seed)
    for i, move in enumerate(moves):
        with contextlib.suppress(RuleViolation):
            game.do(*meeting_command(game, move))
        if i % 5 == 4:
            check_ballots_shown(game)
    check_ballots_shown(game)


def test_a_secret_ballot_by_example():
    game = board_game()
    motion = voting_on(game, secret=True)
    cast(game, motion, housing="against", health="for", safety="abstain")
    housing = {game.holder("housing"), game.holder("housing", "assistant")}
    for viewer in viewers(game.state):
        view = view_for(game.state, viewer, 0.0)
        ballots = motion_in(view, motion)["ballots"]
        mine = "against" if viewer.seat_id in housing else "voted"
        assert ballots["housing"] == mine, viewer
        assert {ballots["health"], ballots["safety"]} <= {"voted", "for", "abstain"}
        if viewer.kind != "seat":
            assert set(ballots.values()) == {"voted"}
        events = shown(game, viewer, ev.VoteCast)
        housing_votes = [e for e in events if e["directorate"] == "housing"]
        assert [e.get("choice") for e in housing_votes] == ["against" if viewer.seat_id in housing else None]
    # The count is public once the vote closes.
    [closed] = game.do(c.CloseVote(motion_id=motion, casting="against"), game.seat(game.state.chair))
    assert (closed.votes_for, closed.votes_against, closed.abstentions, closed.carried) == (1, 1, 1, False)


def test_a_closed_vote_shows_the_count_recorded_when_it_closed():
    """Views show the tally the VoteClosed event recorded, not a recount: the record is what the board heard."""
    game = board_game()
    motion = voting_on(game)
    cast(game, motion, housing="for", health="for", safety="against")
    [closed, *_] = game.do(c.CloseVote(motion_id=motion), game.seat(game.state.chair))
    # Replaying a record whose count differs from the ballots (an older log, a correction) keeps the record.
    before = game.log[: -1 - len(_)]
    state = None
    for event in before:
        state = apply(state, event)
    state = apply(state, replace(closed, votes_for=5, votes_against=4, abstentions=3))
    for viewer in viewers(state):
        assert motion_in(view_for(state, viewer, 0.0), motion)["tally"] == {"for": 5, "against": 4, "abstain": 3}


def possible_choices(row: dict) -> dict[str, set[str]]:
    """For each directorate whose secret choice is hidden from this viewer, the choices that agree with
    everything else the viewer is shown of the motion (the known choices and the running tally)."""
    hidden = [d for d, shown_as in row["ballots"].items() if shown_as == "voted"]
    known = Counter(v for v in row["ballots"].values() if v != "voted")
    tally = row.get("tally")
    possible: dict[str, set[str]] = {d: set() for d in hidden}
    for guess in itertools.product(CHOICES, repeat=len(hidden)):
        counts = known + Counter(guess)
        if tally is None or all(counts[ch] == tally.get(ch, 0) for ch in CHOICES):
            for d, choice in zip(hidden, guess, strict=False):
                possible[d].add(choice)
    return possible


def test_the_running_tally_of_an_open_secret_ballot_gives_no_vote_away():
    game = board_game()
    motion = voting_on(game, secret=True)
    cast(game, motion, housing="against")
    for viewer in viewers(game.state):
        if viewer.kind == TRAINER or own_directorate(game.state, viewer) == "housing":
            continue
        row = motion_in(view_for(game.state, viewer, 0.0), motion)
        assert row["ballots"] == {"housing": "voted"}
        assert all(len(choices) > 1 for choices in possible_choices(row).values()), (
            f"{viewer} can tell how Housing voted from {row['tally']}"
        )


# --- the extra 10% round ------------------------------------------------------------------------------------


def ten_percent_game() -> Game:
    game = board_game()
    game.do(c.OpenTenPercent())
    game.do(
        c.AnswerTenPercent(recipient="housing", reason="Damp fills the surgery"),
        game.seat(game.holder("health", "assistant")),
    )
    game.do(c.AnswerTenPercent(recipient="education", reason="Bored teenagers"), director(game, "safety"))
    return game


def test_a_ten_percent_answer_is_seen_only_by_the_trainer_and_its_directorate_until_the_reveal():
    game = ten_percent_game()
    for viewer in viewers(game.state):
        own = own_directorate(game.state, viewer)
        t = view_for(game.state, viewer, 0.0)["ten_percent"]
        assert t["status"] == "open" and t["answered"] == ["health", "safety"]
        seen = {a["directorate"]: a["recipient"] for a in t["answers"]}
        events = {e["directorate"]: e["recipient"] for e in shown(game, viewer, ev.TenPercentAnswered)}
        if viewer.kind == TRAINER:
            expected = {"health": "housing", "safety": "education"}
        else:
            expected = {d: r for d, r in {"health": "housing", "safety": "education"}.items() if d == own}
        assert seen == expected, viewer
        assert events == expected, viewer
        if viewer.kind == PROJECTOR:
            assert "Damp fills the surgery" not in json.dumps(view_for(game.state, viewer, 0.0))


def test_after_the_reveal_every_viewer_sees_every_answer():
    game = ten_percent_game()
    game.do(c.RevealTenPercent())
    for viewer in viewers(game.state):
        t = view_for(game.state, viewer, 0.0)["ten_percent"]
        assert t["status"] == "revealed"
        assert {a["directorate"]: (a["recipient"], a["reason"]) for a in t["answers"]} == {
            "health": ("housing", "Damp fills the surgery"),
            "safety": ("education", "Bored teenagers"),
        }


def test_after_the_reveal_the_answers_events_are_shown_to_everyone():
    game = ten_percent_game()
    game.do(c.RevealTenPercent())
    for viewer in viewers(game.state):
        assert len(shown(game, viewer, ev.TenPercentAnswered)) == 2, viewer


# --- news sent to chosen seats ------------------------------------------------------------------------------


def test_news_released_to_chosen_seats_reaches_only_them_and_the_trainer():
    game = board_game()
    housing, partner = game.holder("housing"), game.holder("housing", "assistant")
    game.do(c.ReleaseInject(inject_id="news", to=[housing]))
    game.do(c.WriteInject(title="Leaked memo", text="Cuts are *coming*.", to=[game.resident, housing]))
    game.do(c.WriteInject(title="Flood warning", text="The river is rising."))
    expected_titles = {
        housing: {"Local news", "Leaked memo", "Flood warning"},
        game.resident: {"Leaked memo", "Flood warning"},
    }
    for viewer in viewers(game.state):
        titles = {row["title"] for row in view_for(game.state, viewer, 0.0)["injects"]}
        feed = shown(game, viewer, ev.InjectReleased) + shown(game, viewer, ev.InjectWritten)
        if viewer.kind == TRAINER:
            assert titles == {"Local news", "Leaked memo", "Flood warning"}
            assert len(feed) == 3
            continue
        assert titles == expected_titles.get(viewer.seat_id, {"Flood warning"}), viewer
        assert {e["title"] for e in feed} == titles, viewer
    # The released document opens only for the chosen seat (not even the partner).
    assert game.state.can_read(housing, "news", "inject", ["everyone"])
    for seat in (partner, game.resident, game.state.chair):
        assert not game.state.can_read(seat, "news", "inject", ["everyone"])


def test_news_released_to_everyone_is_on_the_projector_too():
    game = board_game()
    game.do(c.ReleaseInject(inject_id="news"))
    for viewer in viewers(game.state):
        assert [row["title"] for row in view_for(game.state, viewer, 0.0)["injects"]] == ["Local news"]
        assert len(shown(game, viewer, ev.InjectReleased)) == 1


def test_unreleased_news_is_listed_only_for_the_trainer():
    game = board_game()
    rows = view_for(game.state, Viewer(TRAINER), 0.0)["injects"]
    assert [(r["id"], r["released_at"]) for r in rows] == [("news", None)]
    for viewer in viewers(game.state)[1:]:
        assert view_for(game.state, viewer, 0.0)["injects"] == []
        assert not game.state.can_read(viewer.seat_id, "news", "inject", ["everyone"]) if viewer.seat_id else True


# --- the corporate strategy ---------------------------------------------------------------------------------


def carry(game: Game, motion_id: str, choice: str = "for") -> None:
    for d in ("housing", "health", "safety"):
        game.do(c.Vote(motion_id=motion_id, choice=choice), director(game, d))
    game.do(c.CloseVote(motion_id=motion_id), game.seat(game.state.chair))


def test_the_strategy_lists_what_was_carried_sorted_into_its_parts():
    game = board_game()
    motions = {}
    for name, fields in {
        "short": {"kind": "objective", "term": "short", "text": "Fix every damp home this winter"},
        "medium": {"kind": "objective", "term": "medium", "text": "Halve GP visits for chest infections"},
        "long": {"kind": "objective", "term": "long", "text": "A healthy town"},
        "target": {
            "kind": "target",
            "text": "Damp homes to 10%",
            "target": c.TargetTermsIn(indicator="damp-homes", directorate="housing", value=10, by="2028"),
        },
        "transfer": {
            "kind": "transfer",
            "text": "Move money to repairs",
            "transfer": c.TransferTerms(source="health", target="housing", amount=25_000, reason="damp"),
        },
        "strategy": {"kind": "strategy", "text": "One front door for residents"},
        "free": {"kind": "free", "text": "Thank the residents' panel"},
        "lost": {"kind": "strategy", "text": "Close the library"},
    }.items():
        motions[name] = voting_on(game, **fields)
        carry(game, motions[name], "against" if name == "lost" else "for")
    for viewer in viewers(game.state):
        strategy = view_for(game.state, viewer, 0.0)["strategy"]
        assert [e["text"] for e in strategy["objectives"]["short"]] == ["Fix every damp home this winter"]
        assert [e["text"] for e in strategy["objectives"]["medium"]] == ["Halve GP visits for chest infections"]
        assert [e["text"] for e in strategy["objectives"]["long"]] == ["A healthy town"]
        [target] = strategy["targets"]
        assert target["target"]["indicator"] == "damp-homes" and target["target"]["value"] == 10
        assert target["target"]["indicator_name"] == "Homes with damp"
        [transfer] = strategy["transfers"]
        assert (transfer["transfer"]["source"], transfer["transfer"]["amount"]) == ("health", 25_000)
        assert [e["text"] for e in strategy["strategies"]] == ["One front door for residents"]
        assert [e["text"] for e in strategy["resolutions"]] == ["Thank the residents' panel"]
        assert "Close the library" not in json.dumps(strategy)
    # A voided motion drops out of the strategy, and its money goes back.
    game.do(c.VoidMotion(motion_id=motions["transfer"], reason="Misheard"))
    game.do(c.VoidMotion(motion_id=motions["medium"], reason="Wrong item"))
    strategy = view_for(game.state, Viewer(PROJECTOR), 0.0)["strategy"]
    assert strategy["transfers"] == [] and strategy["objectives"]["medium"] == []
    assert [e["motion_id"] for e in strategy["objectives"]["long"]] == [motions["long"]]
    assert view_for(game.state, Viewer(PROJECTOR), 0.0)["ledger_total"] == 1_000_000


# --- the floor ----------------------------------------------------------------------------------------------


def test_the_floor_view_shows_the_speaker_the_queue_in_order_and_counts_by_voice():
    game = board_game()
    chair = game.seat(game.state.chair)
    resident, housing, health_assistant = game.resident, game.holder("housing"), game.holder("health", "assistant")
    for seat in (resident, housing, health_assistant, game.state.chair):
        game.do(c.RaiseHand(), game.seat(seat))
    game.do(c.CallSpeaker(), chair)  # the resident
    game.do(c.CallSpeaker(), chair)  # housing's director
    game.do(c.CallSpeaker(seat_id=resident), chair)  # the resident again, out of turn
    for viewer in viewers(game.state):
        floor = view_for(game.state, viewer, 0.0)["floor"]
        assert floor["speaking"]["id"] == resident and floor["speaking"]["voice"] == "resident"
        assert [(p["id"], p["voice"]) for p in floor["queue"]] == [
            (health_assistant, "assistant"),
            (game.state.chair, "chair"),
        ]
        assert floor["queue"][0]["directorate"] == "health"
        assert floor["by_voice"] == {"resident": 2, "director": 1}
        assert [(r["id"], r["count"]) for r in floor["contributions"]] == [(resident, 2), (housing, 1)]
    game.do(c.CallSpeaker(), chair)
    game.do(c.CallSpeaker(), chair)
    game.do(c.FinishSpeaker(), chair)
    floor = view_for(game.state, Viewer(PROJECTOR), 0.0)["floor"]
    assert floor["speaking"] is None and floor["queue"] == []
    assert floor["by_voice"] == {"resident": 2, "director": 1, "assistant": 1, "chair": 1}
