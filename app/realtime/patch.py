"""JSON Patch (RFC 6902) between two views: only `add`, `remove` and `replace`, with paths into nested objects
and arrays. `diff` makes the patch the server sends; `apply_patch` is what a client does with it
(frontend/js/patch.js does the same in the browser).

Arrays are compared position by position (a view's lists mostly change in place or grow at the end); when more
than half of an array's items changed, the whole array is replaced instead, and the same for objects. Values are compared with Python's `==`, which takes `1`, `1.0` and `true` for the same; the view never
changes one field between those types (each field has one type, checked by app/contracts), so nothing is lost.
"""

from __future__ import annotations

import copy
from typing import Any

Op = dict[str, Any]


def pointer(key: str) -> str:
    """A key as one step of a JSON Pointer (RFC 6901)."""
    return key.replace("~", "~0").replace("/", "~1") if "~" in key or "/" in key else key


def diff(old: Any, new: Any, path: str = "") -> list[Op]:
    """Takes two JSON values; returns the operations that turn `old` into `new`."""
    ops: list[Op] = []
    _diff(old, new, path, ops)
    return ops


def _diff(old: Any, new: Any, path: str, ops: list[Op]) -> None:
    if old is new:
        return
    if type(old) is type(new) and old == new:  # whole containers at C speed (where 1 == 1.0 == true, see below)
        return
    if type(old) is dict and type(new) is dict:
        inner, changed = _object_ops(old, new, path)
    elif type(old) is list and type(new) is list:
        inner, changed = _array_ops(old, new, path)
    else:
        ops.append({"op": "replace", "path": path, "value": new})
        return
    if changed > max(1, len(new) // 2):  # mostly new: one replace says it in fewer bytes
        ops.append({"op": "replace", "path": path, "value": new})
    else:
        ops.extend(inner)


def _object_ops(old: dict[str, Any], new: dict[str, Any], path: str) -> tuple[list[Op], int]:
    """The operations for each member, and how many members changed."""
    ops: list[Op] = [{"op": "remove", "path": f"{path}/{pointer(k)}"} for k in old if k not in new]
    changed = len(ops)
    for key, value in new.items():
        where, before = f"{path}/{pointer(key)}", len(ops)
        if key in old:
            _diff(old[key], value, where, ops)
        else:
            ops.append({"op": "add", "path": where, "value": value})
        changed += len(ops) > before
    return ops, changed


def _array_ops(old: list[Any], new: list[Any], path: str) -> tuple[list[Op], int]:
    """The operations for each item, and how many items changed."""
    ops: list[Op] = []
    common, changed = min(len(old), len(new)), 0
    for i in range(common):
        before = len(ops)
        _diff(old[i], new[i], f"{path}/{i}", ops)
        changed += len(ops) > before
    ops += [{"op": "add", "path": f"{path}/{i}", "value": new[i]} for i in range(common, len(new))]
    # Removed from the end backwards, so each index is still there when its turn comes.
    ops += [{"op": "remove", "path": f"{path}/{i}"} for i in range(len(old) - 1, common - 1, -1)]
    return ops, changed + abs(len(new) - len(old))


class PatchError(ValueError):
    """The patch does not fit the document (the client's copy is not the one the server diffed)."""


def _steps(path: str) -> list[str]:
    if path == "":
        return []
    if not path.startswith("/"):
        raise PatchError(f"not a JSON Pointer: {path!r}")
    return [s.replace("~1", "/").replace("~0", "~") for s in path[1:].split("/")]


def _index(container: list[Any], step: str, adding: bool) -> int:
    if not step.isdigit() or (step != "0" and step.startswith("0")):
        raise PatchError(f"not an array index: {step!r}")
    index = int(step)
    if index > len(container) or (index == len(container) and not adding):
        raise PatchError(f"index {index} is out of range")
    return index


def apply_patch(document: Any, ops: list[Op]) -> Any:
    """Takes a JSON value and a patch; returns the patched value (the document itself is left alone)."""
    document = copy.deepcopy(document)
    for op in ops:
        document = _apply_one(document, op)
    return document


def _apply_one(document: Any, op: Op) -> Any:
    if op.get("op") not in ("add", "remove", "replace"):
        raise PatchError(f"not an operation this patch uses: {op.get('op')!r}")
    steps = _steps(op["path"])
    if not steps:
        if op["op"] == "remove":
            raise PatchError("cannot remove the whole document")
        return copy.deepcopy(op["value"])
    parent = document
    for step in steps[:-1]:
        parent = parent[_index(parent, step, False)] if isinstance(parent, list) else _member(parent, step)
    last, kind = steps[-1], op["op"]
    if isinstance(parent, list):
        index = _index(parent, last, kind == "add")
        if kind == "add":
            parent.insert(index, copy.deepcopy(op["value"]))
        elif kind == "remove":
            del parent[index]
        else:
            parent[index] = copy.deepcopy(op["value"])
    elif isinstance(parent, dict):
        if kind != "add" and last not in parent:
            raise PatchError(f"no member {last!r} to {kind}")
        if kind == "remove":
            del parent[last]
        else:
            parent[last] = copy.deepcopy(op["value"])
    else:
        raise PatchError(f"{op['path']!r} goes through a value that is neither an object nor an array")
    return document


def _member(parent: Any, step: str) -> Any:
    if not isinstance(parent, dict) or step not in parent:
        raise PatchError(f"no member {step!r}")
    return parent[step]
