"""Pairing by agency, and the shuffle: a seeded matching of pairs to directorates that
never gives a pair the directorate of its own agency.

The shuffle is a bipartite matching (Kuhn's augmenting paths) explored in an
order drawn from the seed, so the same roster and seed always give the same
roles, and different seeds give different but equally valid ones. When no
matching exists, Hall's theorem names the culprits: the pairs that an
augmenting search could reach share fewer directorates than there are pairs.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..core.types import DirectorateId, PairId, SeatId


class ShuffleImpossible(Exception):
    """The roster cannot be shuffled as it stands; the message says what to change."""


@dataclass(frozen=True)
class Candidate:
    """A pair as the shuffle sees it: who is in it and which directorates it may not hold."""

    id: PairId
    seats: tuple[SeatId, ...]
    forbidden: frozenset[DirectorateId]


def auto_pairs(seats_by_agency: Sequence[tuple[SeatId, str]]) -> list[tuple[SeatId, ...]]:
    """Takes (seat, agency) in join order; returns pairs of the same agency first, then mixes the odd ones out."""
    by_agency: dict[str, list[SeatId]] = {}
    for seat, agency in seats_by_agency:
        by_agency.setdefault(agency, []).append(seat)
    pairs: list[tuple[SeatId, ...]] = []
    leftovers: list[SeatId] = []
    for members in by_agency.values():
        for i in range(0, len(members) - 1, 2):
            pairs.append((members[i], members[i + 1]))
        if len(members) % 2:
            leftovers.append(members[-1])
    pairs.extend(tuple(leftovers[i : i + 2]) for i in range(0, len(leftovers), 2))
    return pairs


def match(
    candidates: Sequence[Candidate],
    directorates: Sequence[DirectorateId],
    seed: int,
    names: Mapping[DirectorateId, str] | None = None,
) -> dict[PairId, DirectorateId]:
    """Takes pairs, directorates and a seed; returns pair -> directorate, or raises ShuffleImpossible."""
    names = names or {d: d for d in directorates}
    if len(candidates) > len(directorates):
        raise ShuffleImpossible(
            f"There are {len(candidates)} pairs but only {len(directorates)} directorates. "
            "Merge some people into existing pairs, or make someone the chair."
        )
    rng = random.Random(seed)
    order = sorted(candidates, key=lambda c: c.id)
    rng.shuffle(order)
    options = {
        c.id: [d for d in rng.sample(list(directorates), len(directorates)) if d not in c.forbidden] for c in order
    }
    holder: dict[DirectorateId, PairId] = {}
    for cand in order:
        seen: set[PairId] = set()
        if not _augment(cand.id, options, holder, seen):
            raise ShuffleImpossible(_explain(seen, candidates, options, names))
    return {pair: d for d, pair in holder.items()}


def _augment(
    pair: PairId, options: Mapping[PairId, list[DirectorateId]], holder: dict[DirectorateId, PairId], seen: set[PairId]
) -> bool:
    seen.add(pair)
    for d in options[pair]:
        current = holder.get(d)
        if current is None or (current not in seen and _augment(current, options, holder, seen)):
            holder[d] = pair
            return True
    return False


def _explain(
    stuck: set[PairId],
    candidates: Sequence[Candidate],
    options: Mapping[PairId, list[DirectorateId]],
    names: Mapping[DirectorateId, str],
) -> str:
    open_to = sorted({d for p in stuck for d in options[p]}, key=lambda d: names[d])
    who = ", ".join(sorted(stuck))
    places = ", ".join(names[d] for d in open_to) or "none at all"
    if len(stuck) == 1:
        subject, whose = f"pair {who} can", "its"
    else:
        subject, whose = f"the {len(stuck)} pairs {who} can only", "their"
    count = {0: "no directorate", 1: "one directorate"}.get(len(open_to), f"{len(open_to)} directorates")
    together = " between them" if len(stuck) > 1 else ""
    return (
        f"No shuffle is possible: {subject} take {count}{together} ({places}); every other directorate "
        f"belongs to one of {whose} own agencies. Re-pair people from different agencies, "
        "or add a pair from another agency."
    )


def split_roles(seats: tuple[SeatId, ...], rng: random.Random) -> tuple[SeatId, SeatId | None]:
    """Takes a pair's seats; returns (director, assistant) in seeded order."""
    if len(seats) == 1:
        return seats[0], None
    first, second = rng.sample(list(seats), 2)
    return first, second
