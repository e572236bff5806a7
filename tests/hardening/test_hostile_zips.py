"""Uploaded zips that are damaged, encrypted, oddly compressed or lying about sizes are refused with a message,
never a traceback or a 500, and leave the library as it was."""

from __future__ import annotations

import io
import warnings
import zipfile
import zlib

import pytest

from app.scenarios.archive import read_zip
from app.scenarios.problems import PackInvalid
from tests.hardening.hostile import patch_entry, tiny_files, tiny_zip

DOC = "docs/shared.md"
DAMAGED = f"{DOC}: the file is damaged in the zip; zip the pack again"
WRONG_SIZE = f"{DOC}: the file is not the size the zip says; it was not opened"
NOT_A_ZIP = "upload.zip: this is not a zip file (or it is damaged); zip the pack's folder again and upload that"


def crc_of(name: str) -> int:
    return zlib.crc32(tiny_files()[name])


def size_of(name: str) -> int:
    return len(tiny_files()[name])


def duplicated() -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w") as archive:
        warnings.simplefilter("ignore")
        for name, data in tiny_files().items():
            archive.writestr(name, data)
        archive.writestr("Scenario.YAML", b"id: evil\n")
    return out.getvalue()


def with_name(name: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for path, data in tiny_files(**{name: b"# hello\n"}).items():
            archive.writestr(path, data)
    return out.getvalue()


HOSTILE = {
    "encrypted": (
        lambda: patch_entry(tiny_zip(), DOC, flags=1),
        f"{DOC}: the file is encrypted (password-protected); zip the pack without a password",
    ),
    "bad CRC": (lambda: patch_entry(tiny_zip(), DOC, crc=crc_of(DOC) ^ 0xFFFF), DAMAGED),
    "PPMd": (
        lambda: patch_entry(tiny_zip(), DOC, method=98),
        f"{DOC}: the file is compressed in a way this server does not read; use ordinary zip",
    ),
    "WinZip AES": (
        lambda: patch_entry(tiny_zip(), DOC, method=99),
        f"{DOC}: the file is compressed in a way this server does not read; use ordinary zip",
    ),
    "says smaller than it is": (lambda: patch_entry(tiny_zip(), DOC, size=10), DAMAGED),
    "says larger than it is": (lambda: patch_entry(tiny_zip(), DOC, size=size_of(DOC) + 1000), WRONG_SIZE),
    "compressed size too small": (lambda: patch_entry(tiny_zip(), DOC, compressed=5), DAMAGED),
    "one file twice": (duplicated, "Scenario.YAML: the zip holds this file twice; keep one copy"),
    "control character in a name": (
        lambda: with_name("docs/a\x01b.md"),
        "docs/a\\x01b.md: this path has control characters or empty parts; rename the file",
    ),
    "cut short": (lambda: tiny_zip()[: len(tiny_zip()) // 2], NOT_A_ZIP),
}


@pytest.mark.parametrize("case", HOSTILE, ids=str)
def test_a_hostile_zip_is_refused_with_a_message(case):
    make, expected = HOSTILE[case]
    with pytest.raises(PackInvalid) as bad:
        read_zip(make())
    found = [str(p) for p in bad.value.problems]
    assert found == [expected]


@pytest.mark.parametrize("case", HOSTILE, ids=str)
def test_a_hostile_upload_answers_422_and_changes_nothing(trainer, case):
    before = trainer.get("/api/scenarios").json()
    download = trainer.get("/api/scenarios/tiny/download").content
    make, expected = HOSTILE[case]
    response = trainer.post("/api/scenarios", content=make(), headers={"content-type": "application/zip"})
    assert response.status_code == 422, response.text
    assert response.json()["problems"] == [expected]
    assert trainer.get("/api/scenarios").json() == before
    assert trainer.get("/api/scenarios/tiny/download").content == download
