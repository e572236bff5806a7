"""Packs as .zip files: read one safely, write one reproducibly.

An uploaded zip is untrusted. Before anything is decompressed the entry
count, names, declared sizes and compression ratios are checked, and while
reading, the real sizes are capped too (a zip can lie about its sizes), so a
zip bomb is refused early and no file can land outside the pack.
"""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import PurePosixPath

from .problems import PackInvalid, Problem

ALLOWED_SUFFIXES = {".yaml", ".yml", ".md", ".txt", ".png", ".jpg", ".jpeg", ".gif", ".webp"}
MAX_ARCHIVE_BYTES = 10 * 1024 * 1024
MAX_ENTRIES = 400
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_TOTAL_BYTES = 25 * 1024 * 1024
MAX_RATIO = 100
RATIO_FROM_BYTES = 64 * 1024  # small text files may legitimately squash far
IGNORED = ("__MACOSX/", ".DS_Store", "Thumbs.db")
FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def read_zip(data: bytes, name: str = "upload.zip") -> dict[str, bytes]:
    """Takes zip bytes; returns the pack's files (path -> bytes), or raises PackInvalid listing every problem."""
    if len(data) > MAX_ARCHIVE_BYTES:
        raise PackInvalid(name, [Problem(name, 0, f"the zip is larger than {MAX_ARCHIVE_BYTES // 2**20} MB")])
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = [i for i in archive.infolist() if not i.is_dir() and not _ignored(i.filename)]
    except (zipfile.BadZipFile, OSError) as error:
        raise PackInvalid(
            name, [Problem(name, 0, "this is not a zip file; zip the pack's folder and try again")]
        ) from error
    if len(entries) > MAX_ENTRIES:
        raise PackInvalid(
            name, [Problem(name, 0, f"the zip holds {len(entries)} files; a pack may hold {MAX_ENTRIES}")]
        )
    problems = [p for info in entries for p in _entry_problems(info)]
    declared = sum(i.file_size for i in entries)
    if declared > MAX_TOTAL_BYTES:
        problems.append(
            Problem(
                name,
                0,
                f"the files add up to {declared // 2**20} MB unpacked; the limit is {MAX_TOTAL_BYTES // 2**20} MB",
            )
        )
    if problems:
        raise PackInvalid(name, problems)
    with archive:
        files = {info.filename: _read_capped(archive, info, name) for info in entries}
    return _strip_top_folder(files)


def _ignored(filename: str) -> bool:
    return any(part in filename for part in IGNORED)


def _entry_problems(info: zipfile.ZipInfo) -> list[Problem]:
    path = info.filename
    parts = PurePosixPath(path).parts
    if path.startswith(("/", "\\")) or "\\" in path or ".." in parts or (parts and ":" in parts[0]):
        return [Problem(path, 0, "this path would land outside the pack; use plain relative paths")]
    if stat.S_ISLNK(info.external_attr >> 16):
        return [Problem(path, 0, "links are not allowed in a pack; include the file itself")]
    if PurePosixPath(path).suffix.lower() not in ALLOWED_SUFFIXES:
        return [Problem(path, 0, "only .yaml, .md, .txt and image files (.png, .jpg, .gif, .webp) may be in a pack")]
    if info.file_size > MAX_FILE_BYTES:
        return [Problem(path, 0, f"the file is larger than {MAX_FILE_BYTES // 2**20} MB")]
    if info.file_size > RATIO_FROM_BYTES and info.file_size / max(info.compress_size, 1) > MAX_RATIO:
        return [Problem(path, 0, "the file is compressed suspiciously far (a zip bomb?); it was not opened")]
    return []


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    with archive.open(info) as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES or len(data) != info.file_size:
        raise PackInvalid(name, [Problem(info.filename, 0, "the file is not the size the zip says; it was not opened")])
    return data


def _strip_top_folder(files: dict[str, bytes]) -> dict[str, bytes]:
    """A zip of the pack's folder holds `folder/scenario.yaml`; the pack's own paths start below it."""
    tops = {path.split("/", 1)[0] for path in files}
    if "scenario.yaml" in files or len(tops) != 1 or not all("/" in p for p in files):
        return files
    top = tops.pop()
    return {path[len(top) + 1 :]: data for path, data in files.items()}


def write_zip(files: dict[str, bytes]) -> bytes:
    """Takes a pack's files; returns a zip of them with fixed timestamps, so the same pack gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(files):
            info = zipfile.ZipInfo(path, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[path])
    return out.getvalue()
