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
import zlib

from .files import MAX_FILE_BYTES, count_problem, name_problem, size_problem, total_problem
from .problems import PackInvalid, Problem

MAX_ARCHIVE_BYTES = 10 * 1024 * 1024
MAX_RATIO = 100
RATIO_FROM_BYTES = 64 * 1024  # small text files may legitimately squash far
IGNORED = ("__MACOSX/", ".DS_Store", "Thumbs.db")
FIXED_TIME = (2020, 1, 1, 0, 0, 0)
METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
# What a damaged or lying entry can raise while it is read: bad CRC, truncated or corrupt data, bad headers.
DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError, NotImplementedError)
NOT_A_ZIP = "this is not a zip file (or it is damaged); zip the pack's folder again and upload that"


def read_zip(data: bytes, name: str = "upload.zip") -> dict[str, bytes]:
    """Takes zip bytes; returns the pack's files (path -> bytes), or raises PackInvalid listing every problem."""
    if len(data) > MAX_ARCHIVE_BYTES:
        raise PackInvalid(name, [Problem(name, 0, f"the zip is larger than {MAX_ARCHIVE_BYTES // 2**20} MB")])
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = [i for i in archive.infolist() if not i.is_dir() and not _ignored(i.filename)]
    except DAMAGE:
        raise PackInvalid(name, [Problem(name, 0, NOT_A_ZIP)]) from None
    if too_many := count_problem(name, len(entries)):
        raise PackInvalid(name, [too_many])
    problems = [p for info in entries for p in _entry_problems(info)] + _duplicates(entries)
    problems += [p for p in (total_problem(name, sum(i.file_size for i in entries)),) if p]
    if problems:
        raise PackInvalid(name, problems)
    with archive:
        files = {info.filename: _read_capped(archive, info, name) for info in entries}
    return _strip_top_folder(files)


def _ignored(filename: str) -> bool:
    return any(part in filename for part in IGNORED)


def _entry_problems(info: zipfile.ZipInfo) -> list[Problem]:
    path = info.filename
    if stat.S_ISLNK(info.external_attr >> 16):
        return [Problem(path, 0, "links are not allowed in a pack; include the file itself")]
    if bad := name_problem(path):
        return [bad]
    if info.flag_bits & 0x1:
        return [Problem(path, 0, "the file is encrypted (password-protected); zip the pack without a password")]
    if info.compress_type not in METHODS:
        return [Problem(path, 0, "the file is compressed in a way this server does not read; use ordinary zip")]
    if bad := size_problem(path, info.file_size):
        return [bad]
    if info.file_size > RATIO_FROM_BYTES and info.file_size / max(info.compress_size, 1) > MAX_RATIO:
        return [Problem(path, 0, "the file is compressed suspiciously far (a zip bomb?); it was not opened")]
    return []


def _duplicates(entries: list[zipfile.ZipInfo]) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for info in entries:
        if info.filename.casefold() in seen:
            problems.append(Problem(info.filename, 0, "the zip holds this file twice; keep one copy"))
        seen.add(info.filename.casefold())
    return problems


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    try:
        with archive.open(info) as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except DAMAGE:
        raise PackInvalid(
            name, [Problem(info.filename, 0, "the file is damaged in the zip; zip the pack again")]
        ) from None
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
