"""How long the hostile packs of tests/hardening/ take to be refused, and how long valid packs take to load.

Run: python bench/hostile_packs.py
Prints one line per case: the seconds `load_files` took (the worst of three) and its first problem.
Nothing here is asserted; tests never time anything.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.scenarios.archive import read_zip
from app.scenarios.files import read_folder
from app.scenarios.loader import load_files
from app.scenarios.problems import PackInvalid
from tests.hardening.hostile import YAML, tiny_files, tiny_yaml, tiny_zip
from tests.hardening.test_hostile_numbers import CASES
from tests.hardening.test_hostile_yaml import HOSTILE_YAML


def cases():
    for make in HOSTILE_YAML:
        yield make.__name__, tiny_files(**{YAML: make()[0]})
    for number, (old, new, _) in enumerate(CASES):
        yield f"number-{number}", tiny_files(**{YAML: tiny_yaml(old, new)})
    yield "60,000 unclosed ![ in a file shown 5 times", tiny_files(**{"docs/housing.md": b"![" * 30_000})
    yield "63 KB of *a **a emphasis", tiny_files(**{"docs/chair.md": b"*a **a " * 9000})
    yield "5,000-deep blockquote", tiny_files(**{"docs/chair.md": b">" * 5000 + b" x\n"})
    yield "the costliest Markdown allowed: 10,000 lines of '|-'", costliest_allowed()
    yield "tiny (valid)", tiny_files()
    for pack in sorted((ROOT / "scenarios").iterdir()):
        yield f"{pack.name} (valid, shipped)", read_folder(pack)


def costliest_allowed() -> dict[str, bytes]:
    """Twelve documents of 999 short table-like lines each: as many lines as a pack may hold, at the highest
    cost per line found by trying every two- and three-character pattern."""
    extra = "".join(
        f"\n  - {{id: extra-{i}, title: Extra {i}, file: docs/extra-{i}.md, section: shared, visible_to: [everyone]}}"
        for i in range(4)
    )
    names = ["chair", "education", "health", "housing", "news", "residents", "safety", "shared"]
    files = {f"docs/{name}.md": b"|-\n" * 832 for name in names} | {
        f"docs/extra-{i}.md": b"|-\n" * 832 for i in range(4)
    }
    return tiny_files(**files, **{YAML: tiny_yaml("visible_to: [everyone]}", "visible_to: [everyone]}" + extra)})


def timed(files: dict[str, bytes]) -> tuple[float, str]:
    worst, outcome = 0.0, ""
    for _ in range(3):
        start = time.perf_counter()
        try:
            load_files("bench", read_zip(tiny_zip()) if files is None else files)
            outcome = "loaded"
        except PackInvalid as bad:
            outcome = str(bad.problems[0])
        worst = max(worst, time.perf_counter() - start)
    return worst, outcome


def main() -> None:
    for name, files in cases():
        seconds, outcome = timed(files)
        print(f"{seconds:8.3f} s  {name}: {outcome[:110]}")


if __name__ == "__main__":
    main()
