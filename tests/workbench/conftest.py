"""Helpers for the organiser's workbench tests: a copy of the tiny pack to edit."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

TINY = Path(__file__).resolve().parents[1] / "packs" / "tiny"


@pytest.fixture
def pack(tmp_path) -> Path:
    target = tmp_path / "tiny"
    shutil.copytree(TINY, target)
    return target


def edit(pack: Path, old: str, new: str) -> None:
    path = pack / "scenario.yaml"
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))
