"""Play a plan of board decisions on a pack through the real domain rules (the commands, `decide` and `apply`
the server runs), and report each round: the ledger, exported costs, indicators, and the dividend with its
explanation. For organisers calibrating a pack, and trainers rehearsing a day.

A plan (YAML):

    rounds:
      - transfers:                      # carried transfer motions, in order
          - {from: health, to: housing, amount: 300000}
        levers: [shared-data]           # optional: carried strategy levers (or pooled-fund purposes)
        advance: year                   # or quarter
      - advance: year
"""

from __future__ import annotations

from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..domain import apply as domain
from ..domain import commands as c
from ..domain import events as ev
from ..domain.consequences.views import consequences_view
from ..domain.core.errors import RuleViolation
from ..domain.core.money import pounds
from ..domain.core.state import SessionState
from ..domain.core.types import RESIDENT
from ..domain.decide import decide
from ..domain.ledger.checks import holder_name
from .loader import Pack, facts


class PlanError(Exception):
    """A plan that cannot be played, with what to fix in words."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class PlanTransfer(_Strict):
    source: str = Field(alias="from")
    target: str = Field(alias="to")
    amount: int = Field(gt=0)


class PlanRound(_Strict):
    transfers: list[PlanTransfer] = Field(default_factory=list)
    levers: list[str] = Field(default_factory=list)
    advance: Literal["year", "quarter"] = "year"


class Plan(_Strict):
    rounds: list[PlanRound] = Field(min_length=1, max_length=100)


def read_plan(text: str) -> Plan:
    """Takes the plan's YAML; returns the Plan or raises PlanError saying what is wrong."""
    try:
        return Plan.model_validate(yaml.safe_load(text))
    except yaml.YAMLError as bad:
        raise PlanError(f"the plan is not valid YAML: {bad}") from None
    except ValidationError as bad:
        first = bad.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise PlanError(f"the plan's {where}: {first['msg'].lower()} (see docs/consequences-model.md)") from None


class Board:
    """A session seated and in the board meeting, driven command by command as the server would."""

    def __init__(self, pack: Pack):
        self.scenario = facts(pack)
        created = ev.SessionCreated("SIM", self.scenario, 0.0)
        self.state: SessionState = domain.apply(None, created)
        self.log: list[ev.Event] = [created]
        self.now = 0.0
        self._seat_everyone()

    def do(self, command: c.Command, actor: c.Actor = c.TRAINER, **context) -> None:
        self.now += 1.0
        for event in decide(self.state, command, c.Context(actor, self.now, **context)):
            self.state = domain.apply(self.state, event)
            self.log.append(event)

    def _join(self, agency: str) -> str:
        seat = f"s{len(self.state.seats) + 1}"
        self.do(c.Join(name=f"Player {seat}", agency=agency), c.GUEST, new_seat_id=seat)
        return seat

    def _seat_everyone(self) -> None:
        s = self.scenario
        paired = s.residents_mode == "pairs"
        seen: set[str] = set()
        for agency in s.agencies:
            if agency.directorate and agency.directorate not in seen and len(seen) < len(s.directorates) - paired:
                seen.add(agency.directorate)
                self._join(agency.id)
                self._join(agency.id)
        if paired:
            self._join(RESIDENT)
            self._join(RESIDENT)
        free = [a.id for a in s.agencies if not a.directorate]
        chair = self._join(free[0] if free else RESIDENT)
        self.do(c.ChooseChair(seat_id=chair))
        self.do(c.AutoPair())
        self.do(c.Shuffle(seed=1))
        self.do(c.StartPhase(phase="read_in"))
        self.do(c.StartPhase(phase="board"))
        self.do(c.OpenItem(item_id=self.state.agenda[0].id))

    def voters(self) -> dict[str, c.Actor]:
        return {a.directorate: c.Actor.seat(a.director) for a in self.state.assignments.values()}

    def carry(self, **terms: Any) -> None:
        """Proposes a motion, has another directorate second it, every directorate vote for it, and closes it."""
        voters = self.voters()
        first, second = list(voters.values())[:2]
        self.do(c.Propose(**terms), first)
        motion = f"m{len(self.state.motions)}"
        self.do(c.Second(motion_id=motion), second)
        for actor in voters.values():
            self.do(c.Vote(motion_id=motion, choice="for"), actor)
        self.do(c.CloseVote(motion_id=motion))


def _check_names(board: Board, plan: Plan) -> None:
    levers = {v.id for v in board.scenario.levers} | {p.id for f in board.scenario.funds for p in f.purposes}
    for number, step in enumerate(plan.rounds, start=1):
        for t in step.transfers:
            for end in (t.source, t.target):
                if holder_name(board.state, end) is None:
                    known = ", ".join(d.id for d in board.scenario.directorates)
                    raise PlanError(f"round {number}: '{end}' is not a directorate or pooled fund ({known})")
        for lever in step.levers:
            if lever not in levers:
                raise PlanError(
                    f"round {number}: '{lever}' is not a lever or fund purpose the pack declares "
                    f"({', '.join(sorted(levers)) or 'it declares none'})"
                )


def unheld_warning(state: SessionState, source: str, amount: int) -> str | None:
    """A warning for a transfer out of a directorate no pair holds: nobody at the table can object to it."""
    d = state.directorate(source)
    if d is None or state.holder(source) is not None:
        return None
    left = state.ledger.get(source, 0) - amount
    drains = "drains it" if left <= 0 else f"leaves it {pounds(left)}"
    return (
        f"nobody holds {d.name}, so no one at the table can object to moving {pounds(amount)} out of it "
        f"(it {drains}); check that the day will have a pair for every directorate"
    )


def simulate(pack: Pack, plan: Plan) -> list[dict[str, Any]]:
    """Plays the plan; returns each round as {label, dividend, had_nothing_been_done, indicators, ledger,
    exported, explanation, warnings}. Raises PlanError for a plan the rules refuse."""
    board = Board(pack)
    _check_names(board, plan)
    warnings: list[list[str]] = []
    for number, step in enumerate(plan.rounds, start=1):
        warnings.append([])
        try:
            for t in step.transfers:
                if warning := unheld_warning(board.state, t.source, t.amount):
                    warnings[-1].append(warning)
                terms = c.TransferTerms(source=t.source, target=t.target, amount=t.amount, reason="the plan")
                board.carry(text=f"Move {t.amount} from {t.source} to {t.target}", kind="transfer", transfer=terms)
            for lever in step.levers:
                board.carry(text=f"Adopt {lever}", kind="strategy", lever=lever)
            board.do(c.AdvanceTime(period=step.advance))
        except RuleViolation as refused:
            raise PlanError(f"round {number}: {refused}") from None
    rounds = [_round(r) for r in consequences_view(board.state)["rounds"]]
    return [r | {"warnings": found} for r, found in zip(rounds, warnings, strict=False)]


def _round(r: dict[str, Any]) -> dict[str, Any]:
    exported = {}
    for d in r["directorates"]:
        for cause in d["causes"]:
            exported[f"{cause['source']}>{d['id']}"] = cause["amount"]
    return {
        "label": r["label"],
        "months": r["months"],
        "dividend": r["dividend"],
        "had_nothing_been_done": r["had_nothing_been_done"],
        "indicators": {i["id"]: i["value"] for i in r["indicators"]},
        "ledger": {d["id"]: d["balance"] for d in r["directorates"]},
        "exported": exported,
        "explanation": r["explanation"],
    }


def as_text(rounds: list[dict[str, Any]]) -> str:
    lines = []
    for r in rounds:
        lines.append(
            f"{r['label']}: dividend {r['dividend']:.2f} (had the board done nothing: {r['had_nothing_been_done']:.2f})"
        )
        lines += [f"  Warning: {warning}" for warning in r.get("warnings", [])]
        lines += [f"  {why}" for why in r["explanation"]]
        lines.append("  Ledger: " + ", ".join(f"{k} £{v:,}" for k, v in r["ledger"].items()))
        lines.append("  Exported costs a year: " + ", ".join(f"{k} £{v:,}" for k, v in r["exported"].items()))
        lines.append("  Indicators: " + ", ".join(f"{k} {v:g}" for k, v in r["indicators"].items()))
    return "\n".join(lines)
