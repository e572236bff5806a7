"""Makes hostile scenario packs on the fly: mutations of tests/packs/tiny written to a temporary folder or zip.

The malformed-pack corpus is generated, not kept as folders, so each hostile case sits next to the test
that explains it and the tiny pack stays the one valid pack to start from.
"""

from __future__ import annotations

import io
import shutil
import struct
import zipfile
from pathlib import Path

import pytest

from app.config import Settings
from app.main import build_services
from app.scenarios.archive import read_zip, write_zip
from app.scenarios.loader import load_files
from app.scenarios.problems import PackInvalid

TINY = Path(__file__).resolve().parents[1] / "packs" / "tiny"
YAML = "scenario.yaml"


def tiny_files(**changes: bytes) -> dict[str, bytes]:
    """The tiny pack's files (path -> bytes), with some replaced or added."""
    files = {p.relative_to(TINY).as_posix(): p.read_bytes() for p in sorted(TINY.rglob("*")) if p.is_file()}
    return files | changes


def tiny_yaml(old: str, new: str) -> bytes:
    """The tiny pack's scenario.yaml with the first `old` replaced by `new`."""
    text = (TINY / YAML).read_text(encoding="utf-8")
    assert old in text, old
    return text.replace(old, new, 1).encode("utf-8")


def line_of(yaml: bytes, needle: str) -> int:
    return next(i for i, line in enumerate(yaml.decode("utf-8").splitlines(), 1) if needle in line)


def write_pack(parent: Path, files: dict[str, bytes], name: str = "tiny") -> Path:
    folder = parent / name
    shutil.rmtree(folder, ignore_errors=True)
    for path, data in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(data)
    return folder


def problems_of(files: dict[str, bytes]) -> list[str]:
    """The problems `load_files` lists for a pack; fails the test if the pack is accepted or anything else escapes."""
    with pytest.raises(PackInvalid) as bad:
        load_files("hostile", files)
    return [str(p) for p in bad.value.problems]


def zip_problems(data: bytes) -> list[str]:
    with pytest.raises(PackInvalid) as bad:
        load_files("hostile.zip", read_zip(data))
    return [str(p) for p in bad.value.problems]


def start(scenarios: Path, tmp_path: Path):
    """The server's start-up as `nplc serve` does it, on a fresh database, with `scenarios` as the packs folder."""
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'hostile.db'}",
        scenarios_dir=scenarios,
        secret_key="k" * 40,
        public_url="http://testserver",
    )
    return build_services(settings)


# Crafted zips. Python's zipfile cannot write these, so a good zip is written and its headers edited.
_LOCAL = {"flags": (6, "<H"), "method": (8, "<H"), "crc": (14, "<I"), "compressed": (18, "<I"), "size": (22, "<I")}
_CENTRAL = {"flags": (8, "<H"), "method": (10, "<H"), "crc": (16, "<I"), "compressed": (20, "<I"), "size": (24, "<I")}


def tiny_zip(**changes: bytes) -> bytes:
    return write_zip(tiny_files(**changes))


def patch_entry(data: bytes, name: str, **fields: int) -> bytes:
    """Takes zip bytes; returns them with the named entry's header fields (flags, method, crc, compressed, size)
    set in both its local header and the central directory, as a hostile zip tool would write them."""
    out = bytearray(data)
    local = zipfile.ZipFile(io.BytesIO(data)).getinfo(name).header_offset
    central = _central_offset(data, name)
    for field, value in fields.items():
        for base, table in ((local, _LOCAL), (central, _CENTRAL)):
            offset, fmt = table[field]
            struct.pack_into(fmt, out, base + offset, value)
    return bytes(out)


def _central_offset(data: bytes, name: str) -> int:
    at = data.find(b"PK\x01\x02")
    while at != -1:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + length] == name.encode():
            return at
        at = data.find(b"PK\x01\x02", at + 4)
    raise KeyError(name)
