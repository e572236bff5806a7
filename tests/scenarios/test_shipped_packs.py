"""Every pack we ship validates and plays through a whole day, like an oTree bot would."""

from pathlib import Path

import pytest

from app.domain import commands as c
from app.domain import events as ev
from app.domain.apply import apply
from app.domain.core.errors import RuleViolation
from app.domain.decide import decide
from app.scenarios.loader import facts, load_folder
from app.scenarios.schema import PACK_SECTIONS

SHIPPED = Path(__file__).resolve().parents[2] / "scenarios"


def shipped() -> list[Path]:
    return sorted(p for p in SHIPPED.iterdir() if (p / "scenario.yaml").is_file())


class Day:
    def __init__(self, pack):
        self.state = apply(None, ev.SessionCreated("PLAY01", facts(pack), 0.0))
        self.clock = 0.0

    def do(self, command, actor=c.TRAINER, **context):
        self.clock += 1
        for event in decide(self.state, command, c.Context(actor, self.clock, **context)):
            self.state = apply(self.state, event)

    def join(self, name, agency) -> str:
        seat = f"s{len(self.state.seats) + 1}"
        self.do(c.Join(name=name, agency=agency), c.GUEST, new_seat_id=seat)
        return seat


def test_there_is_a_shipped_pack():
    assert shipped(), "scenarios/ holds no pack"


@pytest.mark.parametrize("folder", shipped(), ids=lambda p: p.name)
def test_pack_plays_from_arrival_to_a_carried_transfer(folder):
    pack = load_folder(folder)
    day = play_to_the_board(pack)
    carry_a_transfer(day, pack)


def play_to_the_board(pack) -> Day:
    """A full board: a pair for every directorate (a resident pair among them when residents are paired),
    a chair, and a resident on the panel when there is one; then the shuffle and the read-in."""
    s = pack.scenario
    day = Day(pack)
    paired = s.residents.mode == "pairs"
    mapped = [a for a in s.agencies if a.directorate][: len(s.directorates) - (1 if paired else 0)]
    for agency in mapped:
        day.join(f"{agency.name[:50]} one", agency.id)
        day.join(f"{agency.name[:50]} two", agency.id)
    if paired:
        day.join("Resident one", "resident")
        day.join("Resident two", "resident")
    unmapped = [a for a in s.agencies if not a.directorate]
    chair = day.join("Chair person", unmapped[0].id if paired and unmapped else "resident")
    if not paired:
        day.join("Resident", "resident")
    day.do(c.ChooseChair(seat_id=chair))
    day.do(c.AutoPair())
    day.do(c.Shuffle(seed=1))
    day.do(c.StartPhase(phase="read_in"))
    check_packs(day, pack)
    day.do(c.StartPhase(phase="board"))
    for item in s.agenda:
        day.do(c.OpenItem(item_id=item.id))
    return day


def check_packs(day, pack):
    """Each seat can read its own directorate's whole pack and the shared papers, and nothing of anyone else's."""
    for seat_id in day.state.seats:
        role = day.state.role_of(seat_id)
        keys = day.state.reader_keys(seat_id)
        readable = [d for d in pack.documents.values() if keys.intersection(d.visible_to)]
        if role.directorate:
            sections = {d.section for d in readable if role.directorate in d.visible_to}
            assert set(PACK_SECTIONS) <= sections
            own_agency = day.state.agency(day.state.seats[seat_id].agency)
            assert own_agency is None or own_agency.directorate != role.directorate
        others = {d.id for d in pack.scenario.directorates} - {role.directorate}
        assert not [d.id for d in readable if others.intersection(d.visible_to) and "everyone" not in d.visible_to]


def carry_a_transfer(day, pack):
    """Fund the source of the first modelled exported cost from the budget it lands on."""
    link = pack.scenario.exported_costs[0] if pack.scenario.exported_costs else None
    holders = {a.directorate: a.director for a in day.state.assignments.values()}
    source, target = (link.target, link.source) if link else list(holders)[:2]
    amount = min(link.annual_cost if link else 1000, day.state.ledger[source])
    total = sum(day.state.ledger.values())
    proposer = c.Actor.seat(holders[source])
    seconder = next(d for d in holders if d != source)
    day.do(
        c.Propose(
            text="Fund the cause, not the symptom",
            transfer=c.TransferTerms(source=source, target=target, amount=amount, reason="exported cost"),
        ),
        proposer,
    )
    day.do(c.Second(motion_id="m1"), c.Actor.seat(holders[seconder]))
    for seat in holders.values():
        day.do(c.Vote(motion_id="m1", choice="for"), c.Actor.seat(seat))
    before = dict(day.state.ledger)
    day.do(c.CloseVote(motion_id="m1"), c.Actor.seat(day.state.chair))
    assert day.state.motions["m1"].status == "carried"
    assert day.state.ledger[source] == before[source] - amount
    assert day.state.ledger[target] == before[target] + amount
    assert sum(day.state.ledger.values()) == total == pack.scenario.total_budget


@pytest.mark.parametrize("folder", shipped(), ids=lambda p: p.name)
def test_a_session_seats_a_full_board_and_then_says_it_is_full(folder):
    pack = load_folder(folder)
    s = pack.scenario
    day = Day(pack)
    board = 2 * len(s.directorates) + 1
    agencies = [a.id for a in s.agencies]
    for n in range(board):
        day.join(f"Person {n}", agencies[n % len(agencies)])
    with pytest.raises(RuleViolation, match="This session is full"):
        day.join("One too many", agencies[0])
    residents_fit = s.residents.max if s.residents.mode == "panel" else 0
    for n in range(residents_fit):
        day.join(f"Resident {n}", "resident")
    with pytest.raises(RuleViolation, match="This session is full"):
        day.join("One more resident", "resident")
    assert len(day.state.seats) == board + residents_fit
