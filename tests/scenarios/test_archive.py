"""Packs as zips: a round trip changes nothing, and unsafe uploads are refused before anything is unpacked."""

import io
import zipfile
from pathlib import Path

import pytest

from app.scenarios.archive import read_zip, write_zip
from app.scenarios.files import MAX_ENTRIES
from app.scenarios.loader import load_files, read_folder
from app.scenarios.problems import PackInvalid

TINY = Path(__file__).resolve().parents[1] / "packs" / "tiny"


def zipped(entries: dict[str, bytes], *, symlink: str | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
        if symlink:
            info = zipfile.ZipInfo(symlink)
            info.external_attr = 0o120777 << 16
            archive.writestr(info, "/etc/passwd")
    return out.getvalue()


def refusal(data: bytes) -> str:
    with pytest.raises(PackInvalid) as bad:
        read_zip(data)
    return "\n".join(str(p) for p in bad.value.problems)


def test_folder_to_zip_to_folder_changes_nothing(tmp_path):
    files = read_folder(TINY)
    unpacked = read_zip(write_zip(files))
    assert unpacked == files
    assert load_files("tiny", unpacked).version == load_files("tiny", files).version
    for name, data in unpacked.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    assert read_folder(tmp_path) == files


def test_the_same_pack_always_zips_to_the_same_bytes():
    files = read_folder(TINY)
    assert write_zip(files) == write_zip(dict(reversed(list(files.items()))))


def test_a_zip_of_the_folder_itself_is_understood():
    files = read_folder(TINY)
    assert read_zip(zipped({f"tiny/{name}": data for name, data in files.items()})) == files


def test_paths_that_climb_out_of_the_pack_are_refused():
    message = refusal(
        zipped({"scenario.yaml": b"id: x", "../evil.md": b"x", "/etc/cron.md": b"x", "docs\\win.md": b"x"})
    )
    assert "../evil.md: this path would land outside the pack" in message
    assert "/etc/cron.md: this path would land outside the pack" in message
    assert "docs\\win.md: this path would land outside the pack" in message


def test_links_and_unexpected_file_types_are_refused():
    message = refusal(
        zipped({"scenario.yaml": b"id: x", "run.sh": b"rm -rf /", "page.html": b"<script>"}, symlink="docs/link.md")
    )
    assert "run.sh: only .yaml, .md, .txt and image files" in message
    assert "page.html: only .yaml, .md, .txt and image files" in message
    assert "docs/link.md: links are not allowed" in message


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    assert "compressed suspiciously far" in refusal(zipped({"scenario.yaml": b"id: x", "big.md": b"\0" * 1_500_000}))
    assert "larger than 2 MB" in refusal(zipped({"scenario.yaml": b"id: x", "huge.md": b"\0" * 3_000_000}))


def test_too_many_files_and_not_a_zip():
    many = {f"docs/{i}.md": b"x" for i in range(MAX_ENTRIES + 1)}
    assert f"a pack may hold {MAX_ENTRIES}" in refusal(zipped(many))
    assert "this is not a zip file" in refusal(b"PK but not really")
