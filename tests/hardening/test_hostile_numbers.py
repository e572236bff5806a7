"""Numbers in a pack are strict, finite and plausible, so no figure can break a session later.

`.nan`, `.inf` and 10^400 once validated and then broke a session for ever at "Advance time"; a budget of
`true` was taken as £1. Each case is one figure of the tiny pack changed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.config import Settings
from tests.api.test_join import new_session
from tests.hardening.hostile import YAML, line_of, problems_of, tiny_files, tiny_yaml, tiny_zip, write_pack
from tests.support import TINY_ROSTER, board_meeting, join, send

NOT_ORDINARY = "must be an ordinary number; .nan and .inf are not allowed"
CASES = [
    ("baseline: 20", "baseline: .nan", "indicators[0].baseline " + NOT_ORDINARY),
    ("baseline: 7", "baseline: .inf", "indicators[1].baseline " + NOT_ORDINARY),
    ("value: 10,", "value: -.inf,", "directorates[0].targets[0].value " + NOT_ORDINARY),
    ("baseline: 7", "baseline: 1.0e+400", "indicators[1].baseline " + NOT_ORDINARY),
    (
        "area: Tiny Town\n",
        "area: Tiny Town\nmodel: {elasticity: .nan, prevention_ratio: 1}\n",
        "model.elasticity " + NOT_ORDINARY,
    ),
    (
        "value: 5,",
        "value: " + "1" + "0" * 400 + ",",
        "this number has 401 digits; no number in a pack needs more than 20",
    ),
    ("value: 5,", "value: 1.0e+12,", "directorates[1].targets[0].value must be at most 1,000,000,000"),
    (
        "amount: 300000",
        "amount: true",
        "directorates[0].budget.lines[0].amount must be a whole number (like 250000), not true",
    ),
    (
        "amount: 100000}",
        "amount: 99999.5}",
        "directorates[0].budget.lines[1].amount must be a whole number (like 250000), not 99999.5",
    ),
    ("total_budget: 1000000", "total_budget: 20000000000", "total_budget must be at most 10,000,000,000"),
    ("annual_cost: 50000", "annual_cost: -5", "exported_costs[0].annual_cost must be at least 0"),
    ("max: 4", "max: yes", "residents.max must be a whole number (like 250000), not true"),
    ("minutes: 20", 'minutes: "20"', "agenda[0].minutes must be a whole number (like 250000), not '20'"),
    (
        "suggested_minute: 30",
        "suggested_minute: .nan",
        "injects[0].suggested_minute must be a whole number (like 250000), not nan",
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), CASES, ids=lambda v: v if len(v) < 30 else v[:30])
def test_a_number_that_could_break_a_session_is_refused_at_its_line(old, new, expected):
    yaml = tiny_yaml(old, new)
    line = line_of(yaml, new.split("\n")[-2] if "\n" in new else new)
    assert f"{YAML}:{line}: {expected}" in problems_of(tiny_files(**{YAML: yaml}))


def test_every_infinite_figure_is_named_at_once():
    yaml = tiny_yaml("area: Tiny Town\n", "area: Tiny Town\nmodel: {elasticity: .nan, prevention_ratio: .inf}\n")
    found = problems_of(tiny_files(**{YAML: yaml}))
    assert [p for p in found if "model." in p] == [
        f"{YAML}:6: model.elasticity {NOT_ORDINARY}",
        f"{YAML}:6: model.prevention_ratio {NOT_ORDINARY}",
    ]


def test_an_upload_with_an_infinite_baseline_answers_422_and_changes_nothing(trainer):
    before = trainer.get("/api/scenarios").json()
    data = tiny_zip(**{YAML: tiny_yaml("baseline: 20", "baseline: .inf")})
    response = trainer.post("/api/scenarios", content=data, headers={"content-type": "application/zip"})
    assert response.status_code == 422
    assert response.json()["problems"] == [f"{YAML}:36: indicators[0].baseline {NOT_ORDINARY}"]
    assert trainer.get("/api/scenarios").json() == before


def extreme_yaml() -> bytes:
    """The tiny pack with its money scaled up 10,000 times, to the limit of what a pack may hold (scaling keeps
    the consequences model's lesson the same, so the pack still passes its checks)."""
    yaml = tiny_yaml("total_budget: 1000000", "total_budget: 10000000000")
    for old, new in [
        (
            "{total: 400000, lines: [{label: Repairs, amount: 300000}, {label: Lettings, amount: 100000}]}",
            "{total: 4000000000, lines: [{label: Repairs, amount: 3000000000}, {label: Lettings, amount: 1000000000}]}",
        ),
        (
            "{total: 300000, lines: [{label: GP services, amount: 300000}]}",
            "{total: 3000000000, lines: [{label: GP services, amount: 3000000000}]}",
        ),
        (
            "{total: 200000, lines: [{label: Patrols, amount: 200000}]}",
            "{total: 2000000000, lines: [{label: Patrols, amount: 2000000000}]}",
        ),
        (
            "{total: 100000, lines: [{label: Schools, amount: 100000}]}",
            "{total: 1000000000, lines: [{label: Schools, amount: 1000000000}]}",
        ),
        ("annual_cost: 50000", "annual_cost: 500000000"),
    ]:
        yaml = _swap(yaml, old, new)
    return yaml


def _swap(yaml: bytes, old: str, new: str) -> bytes:
    text = yaml.decode()
    assert old in text, old
    return text.replace(old, new, 1).encode()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """The server's settings with only the extreme tiny pack in its scenarios folder."""
    scenarios = tmp_path / "scenarios"
    write_pack(scenarios, tiny_files(**{YAML: extreme_yaml()}))
    return Settings(
        database_url=f"sqlite:///{tmp_path / 'test.db'}",
        scenarios_dir=scenarios,
        secret_key="k" * 40,
        public_url="http://testserver",
    )


def no_constants(name: str):
    raise AssertionError(f"{name} in a JSON answer")


def test_a_pack_at_every_limit_plays_through_years_of_advance_time(trainer, participant):
    code = new_session(trainer)
    seats = {}
    for name, agency in TINY_ROSTER:
        browser = participant()
        seats[join(browser, code, name, agency)] = browser
    view = board_meeting(trainer, code, seats)
    held = [d["id"] for d in view["directorates"] if d["director"]]
    first, second = (seats[next(d["director"]["id"] for d in view["directorates"] if d["id"] == h)] for h in held)
    transfer = {"source": held[0], "target": held[1], "amount": 10**9, "reason": "a billion"}
    send(first, code, {"type": "propose", "kind": "transfer", "text": "Move everything", "transfer": transfer})
    send(second, code, {"type": "second", "motion_id": "m1"})
    send(first, code, {"type": "vote", "motion_id": "m1", "choice": "for"})
    send(second, code, {"type": "vote", "motion_id": "m1", "choice": "against"})
    send(trainer, code, {"type": "close-vote", "motion_id": "m1", "casting": "for"})
    for _ in range(5):
        send(trainer, code, {"type": "advance-time", "period": "year"})
    for path in (f"/api/sessions/{code}/view", f"/api/sessions/{code}/minutes", f"/api/sessions/{code}/export.json"):
        answer = trainer.get(path)
        assert answer.status_code == 200, path
        json.loads(answer.text, parse_constant=no_constants)
    for browser in seats.values():
        assert browser.get(f"/api/sessions/{code}/view").status_code == 200
    assert trainer.get(f"/api/sessions/{code}/export.zip").status_code == 200
