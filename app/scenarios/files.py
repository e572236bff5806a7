"""What a pack may hold, and reading a pack folder without ever following a link.

A folder and a zip obey the same rules (names, kinds of file, sizes, count),
so a folder that loads at start-up can always be downloaded and uploaded
again. A link is refused rather than followed: a link in a pack folder once
showed the server's environment, secret key included, to participants.
Files are opened with O_NOFOLLOW and checked to be ordinary files after
opening, so a file swapped for a link mid-read is refused too.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath

from .problems import PackInvalid, Problem

ALLOWED_SUFFIXES = {".yaml", ".yml", ".md", ".txt", ".png", ".jpg", ".jpeg", ".gif", ".webp"}
MAX_ENTRIES = 400
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_TOTAL_BYTES = 25 * 1024 * 1024
MAX_FOLDERS = 200
LINK = "this is a link; links are not allowed in a pack (they can reach files outside it); put the file itself here"


def name_problem(path: str) -> Problem | None:
    """The problem with a path inside a pack (from a zip or a folder), or None if it is acceptable."""
    parts = PurePosixPath(path).parts
    if path.startswith(("/", "\\")) or "\\" in path or ".." in parts or (parts and ":" in parts[0]):
        return Problem(path, 0, "this path would land outside the pack; use plain relative paths")
    if any(ord(c) < 32 or c == "\x7f" for c in path) or "//" in path or "/./" in f"/{path}/":
        return Problem(repr(path)[1:-1], 0, "this path has control characters or empty parts; rename the file")
    if PurePosixPath(path).suffix.lower() not in ALLOWED_SUFFIXES:
        return Problem(path, 0, "only .yaml, .md, .txt and image files (.png, .jpg, .gif, .webp) may be in a pack")
    return None


def size_problem(path: str, size: int) -> Problem | None:
    if size > MAX_FILE_BYTES:
        return Problem(path, 0, f"the file is larger than {MAX_FILE_BYTES // 2**20} MB")
    return None


def count_problem(pack: str, count: int) -> Problem | None:
    if count > MAX_ENTRIES:
        return Problem(pack, 0, f"the pack holds more than {MAX_ENTRIES} files; a pack may hold {MAX_ENTRIES}")
    return None


def total_problem(pack: str, total: int) -> Problem | None:
    if total > MAX_TOTAL_BYTES:
        return Problem(
            pack, 0, f"the files add up to {total // 2**20} MB unpacked; the limit is {MAX_TOTAL_BYTES // 2**20} MB"
        )
    return None


def read_folder(folder: Path) -> dict[str, bytes]:
    """Takes a pack folder; returns its files as relative path -> bytes, skipping hidden files and folders.
    Raises PackInvalid for links, special files and files a pack may not hold."""
    found, problems = _walk(folder, folder.name)
    problems += [p for p in (count_problem(folder.name, len(found)),) if p]
    if problems:
        raise PackInvalid(folder.name, problems)
    files: dict[str, bytes] = {}
    for rel, path in found:
        data, problem = _read_regular(path, rel)
        if problem:
            problems.append(problem)
        else:
            files[rel] = data
    problems += [p for p in (total_problem(folder.name, sum(map(len, files.values()))),) if p]
    if problems:
        raise PackInvalid(folder.name, problems)
    return files


def _walk(folder: Path, name: str) -> tuple[list[tuple[str, Path]], list[Problem]]:
    """Every ordinary file under `folder` (no recursion, so any depth is safe), and every entry refused."""
    found: list[tuple[str, Path]] = []
    problems: list[Problem] = []
    stack, folders = [(folder, "")], 0
    while stack:
        here, prefix = stack.pop()
        folders += 1
        if folders > MAX_FOLDERS:
            return found, [Problem(name, 0, f"the pack has more than {MAX_FOLDERS} folders; flatten it")]
        try:
            entries = sorted(os.scandir(here), key=lambda e: e.name)
        except OSError as error:
            return found, [Problem(prefix or name, 0, f"the folder cannot be read ({error.strerror})")]
        for entry in entries:
            rel = prefix + entry.name
            if entry.name.startswith("."):
                continue
            if entry.is_symlink():
                problems.append(Problem(rel, 0, LINK))
            elif entry.is_dir(follow_symlinks=False):
                stack.append((Path(entry.path), rel + "/"))
            elif not entry.is_file(follow_symlinks=False):
                problems.append(Problem(rel, 0, "this is not an ordinary file (a device, pipe or socket); remove it"))
            elif bad := name_problem(rel) or size_problem(rel, entry.stat(follow_symlinks=False).st_size):
                problems.append(bad)
            else:
                found.append((rel, Path(entry.path)))
        if len(found) > MAX_ENTRIES:
            break
    return sorted(found), problems


def _read_regular(path: Path, rel: str) -> tuple[bytes, Problem | None]:
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return b"", Problem(rel, 0, LINK if path.is_symlink() else "the file cannot be read; check its permissions")
    with os.fdopen(handle, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            return b"", Problem(rel, 0, "this is not an ordinary file (a device, pipe or socket); remove it")
        data = file.read(MAX_FILE_BYTES + 1)
    return data, size_problem(rel, len(data))
