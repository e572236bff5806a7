"""A problem in a pack, written the way an organiser needs it: `file:line: what to fix`."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

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
}


def from_validation(error: ValidationError, file: str, lines: dict[Path, int]) -> list[Problem]:
    """Takes pydantic's errors for one YAML file; returns one Problem each, at the line it concerns."""
    problems = []
    for item in error.errors():
        path = tuple(item["loc"])
        advice = _ADVICE.get(item["type"], item["msg"].rstrip(".").lower() if item["msg"] else "is not valid")
        problems.append(Problem(file, line_for(lines, path), f"{dotted(path)} {advice}"))
    return problems
