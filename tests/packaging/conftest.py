"""The wheel, built once per test run, exactly as `pip install .` would build it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check", "-q", str(ROOT), "-w", out],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("neighbourhood_plc-*.whl")
    return built


def shipped_files(folder: str) -> list[str]:
    """Every file the repository ships under `folder`, as a path relative to the repository."""
    base = ROOT / folder
    return sorted(
        p.relative_to(ROOT).as_posix()
        for p in base.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and not p.name.startswith(".")
    )
