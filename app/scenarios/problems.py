"""A problem in a pack, written the way an organiser needs it: `file:line: what to fix`."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from .yaml_lines import Path, line_for


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        """`file:line: message`, or `file: message` for problems with the file as a whole (line 0)."""
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"


MAX_LISTED = 100


class PackInvalid(Exception):
    """A pack with problems; `problems` lists every one found in a single pass (up to MAX_LISTED of them, so
    a hostile file with a hundred thousand mistakes gives a readable answer)."""

    def __init__(self, pack: str, problems: list[Problem]):
        self.pack = pack
        self.problems = sorted(problems)
        if len(problems) > MAX_LISTED:
            more = Problem(pack, 0, f"and {len(problems) - MAX_LISTED + 1:,} more problems; fix these first")
            self.problems = self.problems[: MAX_LISTED - 1] + [more]
        super().__init__("\n".join([f"{pack}: {len(problems)} problem(s)"] + [f"  {p}" for p in self.problems]))


def dotted(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the file"


_ADVICE = {
    "missing": "is missing; add it",
    "extra_forbidden": "is not a field this format knows; check the spelling (see docs/scenario-format.md)",
    "string_pattern_mismatch": "must be a short id of lower-case letters, digits and hyphens, starting with a letter",
    "int_type": "must be a whole number (like 250000), not {shown}",
    "float_type": "must be a number (like 12.5), not {shown}",
    "finite_number": "must be an ordinary number; .nan and .inf are not allowed",
    "less_than_equal": "must be at most {le}",
    "greater_than_equal": "must be at least {ge}",
    "greater_than": "must be more than {gt}",
    "too_long": "has more than {max_length} entries; a pack may have at most {max_length}",
    "string_too_long": "is longer than {max_length} characters; shorten it",
}


def _shown(value: object) -> str:
    """A refused value as the organiser wrote it in YAML, kept short."""
    text = {True: "true", False: "false", None: "null"}.get(value) if isinstance(value, bool | None) else None
    text = text or repr(value)
    return text if len(text) <= 30 else text[:27] + "..."


def _advice(item: ErrorDetails) -> str:
    template = _ADVICE.get(item["type"])
    if template is None:
        return item["msg"].rstrip(".").replace("Input should", "should").lower() if item["msg"] else "is not valid"
    ctx = {key: _number(value) for key, value in item.get("ctx", {}).items()}
    return template.format(shown=_shown(item.get("input")), **ctx)


def _number(value: object) -> object:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"
    return value


def _comma_in_text(path: Path, before: tuple[str, str]) -> str:
    """What to say when a comma in unquoted text inside `{ }` split it, so its second half looks like a field."""
    key, text = before
    return (
        f"{dotted(path[:-1] + (key,))} has a comma in its text, and inside {{ }} a comma ends the value, so "
        f"'{path[-1]}' was read as a field of its own; put the whole text in double quotes: "
        f'{key}: "{text}, {path[-1]}"'
    )


def from_validation(error: ValidationError, file: str, lines: dict[Path, int]) -> list[Problem]:
    """Takes pydantic's errors for one YAML file; returns one Problem each, at the line it concerns."""
    bare_keys: dict[Path, tuple[str, str]] = getattr(lines, "bare_keys", {})
    problems = []
    for item in error.errors():
        path = tuple(item["loc"])
        if item["type"] == "extra_forbidden" and path in bare_keys:
            message = _comma_in_text(path, bare_keys[path])
        else:
            message = f"{dotted(path)} {_advice(item)}"
        problems.append(Problem(file, line_for(lines, path), message))
    return problems
