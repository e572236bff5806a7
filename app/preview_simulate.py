"""The preview's simulator page: a plan (picked from the pack's folder or pasted) played on the pack by the very
code of `nplc scenario simulate`, beside the same rounds with no decisions, for the page's charts."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from .scenarios.checks import YAML
from .scenarios.loader import Pack
from .scenarios.simulate import Plan, PlanRound, read_plan, simulate

MAX_PLAN_CHARS = 64 * 1024
PLAN_SUFFIXES = {".yaml", ".yml"}
EXAMPLE_PLAN = """\
# Each round: the transfers and levers the board carries, then time moves on a year (or a quarter).
rounds:
  - transfers:
      - {from: DIRECTORATE, to: ANOTHER, amount: 10000}
    advance: year
  - advance: year
"""


def plan_files(files: dict[str, bytes]) -> list[str]:
    """The YAML files of the pack other than scenario.yaml: where an organiser keeps plans to try."""
    return sorted(p for p in files if PurePosixPath(p).suffix.lower() in PLAN_SUFFIXES and p != YAML)


def example_plan(pack: Pack) -> str:
    ids = [d.id for d in pack.scenario.directorates]
    return EXAMPLE_PLAN.replace("DIRECTORATE", ids[0]).replace("ANOTHER", ids[1])


def nothing_done(plan: Plan) -> Plan:
    """The same rounds with no transfers and no levers: the board that did nothing."""
    return Plan(rounds=[PlanRound(advance=step.advance) for step in plan.rounds])


def opening(pack: Pack, first: dict[str, Any]) -> dict[str, Any]:
    """The figures before any round, for the charts' first point: the pack's budgets, exported costs and
    baselines, and the dividend every first meeting starts from."""
    s = pack.scenario
    budgets = {d.id: d.budget.total for d in s.directorates}
    return {
        "label": "At the start",
        "months": 0,
        "dividend": 100.0,
        "had_nothing_been_done": 100.0,
        "indicators": {i.id: i.baseline for i in s.indicators},
        "ledger": {holder: budgets.get(holder, 0) for holder in first["ledger"]},
        "exported": {f"{x.source}>{x.target}": x.annual_cost for x in s.exported_costs},
        "explanation": [],
        "warnings": [],
    }


def played(pack: Pack, text: str) -> dict[str, Any]:
    """Plays the plan's YAML; returns the rounds, the rounds had the board done nothing, and the names the
    charts need. Raises PlanError saying what is wrong with the plan."""
    plan = read_plan(text)
    s = pack.scenario
    names = {d.id: d.name for d in s.directorates} | {f.id: f.name for f in s.pooled_funds}
    rounds = simulate(pack, plan)
    return {
        "start": opening(pack, rounds[0]),
        "rounds": rounds,
        "nothing": simulate(pack, nothing_done(plan)),
        "names": names,
        "indicators": {i.id: {"name": i.name, "unit": i.unit, "better": i.better} for i in s.indicators},
    }


def folder_plan(files: dict[str, bytes], path: str) -> str | None:
    """The text of one plan file of the pack, or None if it is not one."""
    if path not in plan_files(files):
        return None
    try:
        return files[path].decode("utf-8")
    except UnicodeDecodeError:
        return None
