"""The vendored frontend libraries are the files their README pins, each with its licence beside it."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

VENDOR = Path(__file__).resolve().parent.parent / "frontend" / "vendor"
ROW = re.compile(r"^\| `(?P<file>[^`]+)` \|.*\| [^|]*`(?P<licence>[^`]+\.LICENSE\.md)` \| `(?P<sha>[0-9a-f]{64})` \|$")


def pinned() -> dict[str, tuple[str, str]]:
    rows = (ROW.match(line) for line in (VENDOR / "README.md").read_text().splitlines())
    return {m["file"]: (m["sha"], m["licence"]) for m in rows if m}


def test_every_vendored_file_is_pinned_by_its_hash_with_its_licence():
    pins = pinned()
    shipped = {p.name for p in VENDOR.iterdir()} - {"README.md"}
    assert set(pins) | {licence for _, licence in pins.values()} == shipped
    for name, (sha, licence) in pins.items():
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == sha, name
        assert (VENDOR / licence).read_text().strip(), licence
