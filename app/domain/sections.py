"""A view cut into its named top-level sections, each built once per change and shared.

`view_for` builds every part afresh for one viewer. A session publishes to
every screen after every command, and most parts are the same for everyone
(the agenda, the ledger, the consequences) or change rarely (a seat's news).
Most sections are the same for every viewer (`SHARED`: put together once per
update); the others (`PERSONAL`) say which viewers see the same value (their
audience). Each section says which parts of the state it is built from (what
it reads); `Sections` keeps the last value of each section for each audience
and builds it again only when what it reads has changed. A value built again that equals the last is replaced by
the last, so an unchanged section is the very same object from one update to
the next: comparing sections is then mostly an identity check.

Values are shared between viewers and between updates: nobody may change them.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from .core.state import SessionState
from .motions.views import motion_view
from .section_list import (
    EVERY,
    FIELD_NAMES,
    ME,
    PERSONAL,
    PERSONAL_BY_NAME,
    SHARED,
    TICKING,
    WHO_READS,
    Fields,
    Section,
    Who,
    next_generation,
)
from .views import TRAINER, Viewer


def _same(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    return len(a) == len(b) and all(x is y or (type(x) is type(y) and x == y) for x, y in zip(a, b, strict=True))


def _reuse(kept: Any, value: Any) -> Any:
    """`value`, with each item (of a list) or member (of an object) that equals the kept value's at the same
    place replaced by the kept one: the agenda rows a ticking clock leaves alone, the seats a join leaves alone,
    are held once however many screens were sent them, and compare by identity in the next patch."""
    if type(kept) is list and type(value) is list:
        shared = [old if _alike(old, new) else new for old, new in zip(kept, value, strict=False)]
        return shared + value[len(kept) :]  # items past the end of the kept list are new
    if type(kept) is dict and type(value) is dict:
        return {name: kept[name] if name in kept and _alike(kept[name], new) else new for name, new in value.items()}
    return value


def _alike(old: Any, new: Any) -> bool:
    return type(old) is type(new) and old == new


class Sections:
    """One session's sections, kept for each audience between updates (not thread-safe: one per session, used
    under its lock)."""

    def __init__(self) -> None:
        self._kept: dict[tuple[str, Hashable], tuple[int, Any]] = {}  # (section, audience) -> generation, value
        self._reads: dict[str, tuple[tuple[Any, ...], int]] = {}  # section -> what it read last, its generation
        self._update: tuple[SessionState, float, dict[str, int]] | None = None
        self._motions: dict[tuple[str, str | None], tuple[Any, Any, Any, dict[str, Any]]] = {}
        self._shared: tuple[SessionState, float, dict[str, Any]] | None = None
        self._who: dict[Hashable, tuple[int, Who]] = {}  # viewer key -> the generation it was found at, who

    def view(self, state: SessionState, viewer: Viewer, now: float) -> dict[str, Any]:
        """Takes what `view_for` takes; returns the same view, made of shared sections."""
        return self.shared(state, now) | self.personal(state, viewer, now)

    def shared(self, state: SessionState, now: float) -> dict[str, Any]:
        """The sections every viewer sees alike: one dict for each update, the very same dict as the last
        update's if none of them changed."""
        if self._shared is not None and self._shared[0] is state and self._shared[1] == now:
            return self._shared[2]
        who, generations = Who(Viewer(TRAINER), None, True), self._generations(state, now)  # nobody in particular
        parts = {section.name: self._section(section, state, who, now, generations) for section in SHARED}
        last = self._shared[2] if self._shared is not None else {}
        if len(last) == len(parts) and all(last.get(name) is value for name, value in parts.items()):
            parts = last
        self._shared = (state, now, parts)
        return parts

    def personal(self, state: SessionState, viewer: Viewer, now: float) -> dict[str, Any]:
        """The sections that depend on who is looking."""
        generations = self._generations(state, now)
        who = self._who_of(state, viewer, generations)
        parts = {section.name: self._section(section, state, who, now, generations) for section in PERSONAL}
        if viewer.kind == "seat" and viewer.seat_id is not None:
            parts["me"] = self._section(ME, state, who, now, generations)
        return parts

    def personal_since(
        self,
        state: SessionState,
        viewer: Viewer,
        now: float,
        before: dict[str, Any],
        generations_before: dict[str, int] | None,
    ) -> dict[str, Any]:
        """`personal`, for a viewer whose sections were `before` at `generations_before` (see `generations`):
        the sections nothing has changed for since are taken from `before` without asking who the viewer is,
        so an update that leaves a room's personal sections alone (most of them) costs each viewer a few
        comparisons. `before` itself comes back when nothing in it changed."""
        generations = self._generations(state, now)
        if generations_before is None or generations_before.get(WHO_READS) != generations[WHO_READS]:
            return self.personal(state, viewer, now)  # who the viewer is, and so its audiences, may have moved
        changed = [name for name in before if generations[name] != generations_before.get(name)]
        if not changed:
            return before
        who, parts = self._who_of(state, viewer, generations), dict(before)
        for name in changed:
            parts[name] = self._section(PERSONAL_BY_NAME[name], state, who, now, generations)
        return parts

    def generations(self, state: SessionState, now: float) -> dict[str, int]:
        """Each section's generation at this update (the same dict for every viewer of it): one only goes up,
        and only when what that section reads has changed."""
        return self._generations(state, now)

    def _who_of(self, state: SessionState, viewer: Viewer, generations: dict[str, int]) -> Who:
        kept = self._who.get(viewer.key)
        if kept is None or kept[0] != generations[WHO_READS]:
            kept = self._who[viewer.key] = (generations[WHO_READS], Who.of(state, viewer))
        return kept[1]

    def _section(self, section: Section, state: SessionState, who: Who, now: float, generations: dict[str, int]) -> Any:
        key = (section.name, section.audience(who))
        generation = generations[section.name]
        kept = self._kept.get(key)
        if kept is not None and kept[0] == generation:
            return kept[1]  # nothing it reads has changed since it was built
        value = self._build(section, state, who, now)
        if kept is not None:
            value = kept[1] if kept[1] == value else _reuse(kept[1], value)
        self._kept[key] = (generation, value)
        return value

    def _generations(self, state: SessionState, now: float) -> dict[str, int]:
        """Looks once per update at what each section reads: its generation goes up each time that changes."""
        sections, generations, moved = EVERY, {}, None
        if self._update is not None and self._update[0] is state:
            if self._update[1] == now:
                return self._update[2]
            # The same state later (pages opening between updates): only what reads the time may have changed.
            sections, generations = TICKING, dict(self._update[2])
        elif self._update is not None:
            last_state = self._update[0]
            moved = frozenset(name for name in FIELD_NAMES if getattr(state, name) is not getattr(last_state, name))
        for section in sections:
            last = self._reads.get(section.name)
            fields = section.reads.names if isinstance(section.reads, Fields) else None
            if moved is not None and last is not None and fields is not None and moved.isdisjoint(fields):
                generations[section.name] = last[1]  # not one of its fields was replaced since
                continue
            reads = section.reads(state, now)
            generation = next_generation() if last is None or not _same(last[0], reads) else last[1]
            self._reads[section.name] = (reads, generation)
            generations[section.name] = generation
        self._update = (state, now, generations)
        return generations

    def _build(self, section: Section, state: SessionState, who: Who, now: float) -> Any:
        if section.name == "motions":  # the same as its `build`, one motion at a time
            return [self._motion(state, m_id, who.own) for m_id in state.motions]
        return section.build(state, who, now)

    def _motion(self, state: SessionState, motion_id: str, own: str | None) -> dict[str, Any]:
        """A vote changes one motion: the others are kept, built once for each audience."""
        motion = state.motions[motion_id]
        key = (motion_id, own)
        kept = self._motions.get(key)
        if kept is not None and kept[0] is motion and kept[1] is state.seats and kept[2] is state.scenario:
            return kept[3]
        value = motion_view(state, motion, own)
        self._motions[key] = (motion, state.seats, state.scenario, value)
        return value
