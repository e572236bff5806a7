"""Every round's change in the dividend is explained in named causes, in plain words, that add up exactly to the
change as shown, with no line for nothing, and the debrief can set what the board did beside doing nothing."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import commands as c
from app.domain.consequences.explain import line_amount, shares_that_add_up
from app.domain.consequences.views import consequences_view
from app.scenarios.loader import load_folder
from app.scenarios.simulate import Board

ROOT = Path(__file__).resolve().parents[2]
PACKS = {
    p.name: load_folder(p)
    for p in [ROOT / "scenarios/kilnbrook", ROOT / "scenarios/marram-bay", ROOT / "tests/packs/tiny"]
}


def check_round_sums(rounds, start=100.0):
    before = start
    for r in rounds:
        change = round(r["dividend"] - before, 2)
        assert round(sum(line_amount(line) for line in r["explanation"]), 2) == change, r["explanation"]
        assert all(abs(line_amount(line)) >= 0.01 for line in r["explanation"])
        assert "£0 " not in " ".join(r["explanation"])
        before = r["dividend"]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(sorted(PACKS)), st.data())
def test_the_explanation_lines_add_up_exactly_to_each_change_as_shown(name, data):
    board = Board(PACKS[name])
    ids = [d.id for d in board.scenario.directorates]
    for _ in range(data.draw(st.integers(1, 4))):
        for _ in range(data.draw(st.integers(0, 3))):
            giver, taker = data.draw(st.sampled_from(ids)), data.draw(st.sampled_from(ids))
            held = board.state.ledger[giver]
            if giver != taker and held > 0:
                amount = data.draw(st.integers(1, held))
                terms = c.TransferTerms(source=giver, target=taker, amount=amount, reason="test")
                board.carry(text="Move money", kind="transfer", transfer=terms)
        board.do(c.AdvanceTime(period=data.draw(st.sampled_from(["quarter", "year"]))))
    check_round_sums(consequences_view(board.state)["rounds"])


@pytest.mark.parametrize("name", sorted(PACKS))
def test_a_board_that_does_nothing_is_told_that_unaddressed_problems_grew(name):
    board = Board(PACKS[name])
    board.do(c.AdvanceTime(period="year"))
    board.do(c.AdvanceTime(period="year"))
    rounds = consequences_view(board.state)["rounds"]
    assert rounds[-1]["dividend"] < rounds[0]["dividend"] < 100
    assert rounds[-1]["dividend"] == rounds[-1]["had_nothing_been_done"]
    words = " ".join(rounds[-1]["explanation"])
    assert "unaddressed problems" in words or "costs that fall between services are" in words
    check_round_sums(rounds)


def test_the_explanation_names_the_money_moved_and_the_exports_that_fell():
    board = Board(PACKS["tiny"])
    terms = c.TransferTerms(source="safety", target="housing", amount=25_000, reason="fix damp")
    board.carry(text="Fund damp repairs", kind="transfer", transfer=terms)
    board.do(c.AdvanceTime(period="year"))
    (r,) = consequences_view(board.state)["rounds"]
    text = "\n".join(r["explanation"])
    assert "Housing's indicators: its budget is up £25,000 on the start" in text
    assert "the costs it exports to others are" in text
    assert "Community Safety's indicators" in text and "its budget is down £25,000" in text
    assert r["had_nothing_been_done"] < r["dividend"] or "Community Safety" in text


def test_shares_that_add_up_gives_the_odd_hundredths_to_the_largest_remainders():
    parts = {"a": 0.333, "b": 0.333, "c": 0.334}
    assert shares_that_add_up(parts, 1.0) == {"a": 0.33, "b": 0.33, "c": 0.34}
    assert sum(shares_that_add_up({"a": -0.126, "b": 0.051}, -0.08).values()) == pytest.approx(-0.08)
