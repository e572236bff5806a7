"""Rules for moving between the day's phases (the read-in opens the packs) and pausing the clock."""

from __future__ import annotations

from .. import commands as c
from .. import events as ev
from ..core.errors import RuleViolation
from ..core.rule import Rule, on
from ..core.state import SessionState
from ..core.types import PHASE_LABELS
from ..core.versions import check_version


def start_phase(state: SessionState, cmd: c.StartPhase, ctx: c.Context) -> list[ev.Event]:
    check_version(cmd.phase_version, state.phase_version, "moved the day on to another phase")
    # A second press on the running phase's button would restart its clock and close the open item.
    if cmd.phase == state.phase:
        raise RuleViolation(f"The {PHASE_LABELS[cmd.phase].lower()} is already running.")
    if cmd.phase in ("read_in", "board") and not state.shuffled:
        raise RuleViolation("Run the shuffle before the read-in, so everyone has a role.")
    minutes = cmd.minutes or state.scenario.timings.get(cmd.phase, 30)
    return [ev.PhaseStarted(cmd.phase, minutes, ctx.now)]


def pause_clock(state: SessionState, cmd: c.PauseClock, ctx: c.Context) -> list[ev.Event]:
    if state.clock.paused_at is not None:
        raise RuleViolation("The clock is already paused.")
    return [ev.ClockPaused(ctx.now)]


def resume_clock(state: SessionState, cmd: c.ResumeClock, ctx: c.Context) -> list[ev.Event]:
    if state.clock.paused_at is None:
        raise RuleViolation("The clock is not paused.")
    return [ev.ClockResumed(ctx.now)]


RULES: dict[str, Rule] = dict(
    [
        on(c.StartPhase, start_phase),
        on(c.PauseClock, pause_clock),
        on(c.ResumeClock, resume_clock),
    ]
)
