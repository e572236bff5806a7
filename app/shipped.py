"""Where the frontend and the shipped scenario packs are: inside the installed package, or in the source tree.

A wheel carries `frontend/` and `scenarios/` as `app/_shipped/...` (see `pyproject.toml`); a source checkout
(or an editable install) keeps them at the top of the repository, beside `app/`.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

SOURCE_ROOT = Path(__file__).resolve().parent.parent


def shipped(name: str) -> Path:
    """The folder `name` ("frontend" or "scenarios") as a real directory on disk."""
    inside = resources.files(__package__) / "_shipped" / name
    if isinstance(inside, Path) and inside.is_dir():
        return inside
    return SOURCE_ROOT / name


FRONTEND = shipped("frontend")
SCENARIOS = shipped("scenarios")
