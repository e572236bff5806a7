"""What changed between two versions of a pack: files added, removed and changed, and every figure and
setting of `scenario.yaml` that differs, named by where it sits ("directorates.housing.budget.total")."""

from __future__ import annotations

import hashlib
from typing import Any

from .schema import Scenario

MAX_SHOWN = 200  # characters of a changed text shown before and after
Leaves = dict[str, Any]


def file_changes(before: dict[str, bytes], after: dict[str, bytes]) -> dict[str, list[str]]:
    """Takes two versions' files (path -> bytes); returns the paths added, removed and changed, sorted."""

    def digest(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()

    return {
        "added": sorted(set(after) - set(before)),
        "removed": sorted(set(before) - set(after)),
        "changed": sorted(p for p in set(before) & set(after) if digest(before[p]) != digest(after[p])),
    }


def _key(item: dict[str, Any], index: int) -> str:
    """How an entry of a list is named: by its id, its label, or its source>target, else its place."""
    if "id" in item:
        return str(item["id"])
    if "label" in item:
        return str(item["label"])
    if "source" in item and "target" in item:
        return f"{item['source']}>{item['target']}"
    if "source" in item:
        return str(item["source"])
    return str(index + 1)


def leaves(value: Any, path: str = "") -> Leaves:
    """Every number, text and choice in the data, by its dotted path."""
    found: Leaves = {}
    if isinstance(value, dict):
        for key, inner in value.items():
            found |= leaves(inner, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        for index, inner in enumerate(value):
            found |= leaves(inner, f"{path}.{_key(inner, index)}")
    elif isinstance(value, list):
        found[path] = ", ".join(str(v) for v in value)
    else:
        found[path] = value
    return found


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _shown(value: Any) -> Any:
    return value[:MAX_SHOWN] + "…" if isinstance(value, str) and len(value) > MAX_SHOWN else value


def scenario_changes(before: Scenario, after: Scenario) -> dict[str, list[dict[str, Any]]]:
    """Takes two versions' scenarios; returns the changed figures (numbers: budgets, costs, baselines...) and
    the other changed settings, each {"what", "before", "after"}; None where a version does not have it."""
    old = leaves(before.model_dump(mode="json", by_alias=True))
    new = leaves(after.model_dump(mode="json", by_alias=True))
    figures: list[dict[str, Any]] = []
    settings: list[dict[str, Any]] = []
    for path in sorted(set(old) | set(new)):
        a, b = old.get(path), new.get(path)
        if a == b:
            continue
        change = {"what": path, "before": _shown(a), "after": _shown(b)}
        (figures if _is_number(a) or _is_number(b) else settings).append(change)
    return {"figures": figures, "settings": settings}
