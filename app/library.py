"""The scenario library: packs from the scenarios folder and from uploads, every version kept.

Each version is stored whole (its rendered documents and its zip), so a
session runs on the version it started with whatever happens later, and any
version can be downloaded again exactly as it was.
"""

from __future__ import annotations

import io
import logging
import os
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from .scenarios import diff
from .scenarios.archive import read_zip, write_zip
from .scenarios.checks import YAML
from .scenarios.files import read_folder
from .scenarios.loader import Pack, load_files
from .scenarios.problems import PackInvalid, Problem
from .store import pack_history, records
from .store.db import session_scope

log = logging.getLogger("nplc")


def pack_folders(root: Path) -> list[Path]:
    """The folders under `root` holding a scenario.yaml (a link to one counts, so that it can be refused)."""
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if os.path.lexists(p / YAML) and (p.is_symlink() or p.is_dir()))


def read_folder_safely(folder: Path) -> dict[str, bytes]:
    if folder.is_symlink():
        raise PackInvalid(
            folder.name,
            [Problem(folder.name, 0, "the pack folder is a link; put the folder itself in the scenarios folder")],
        )
    return read_folder(folder)


def checked(name: str, files: dict[str, bytes]) -> Pack:
    """`load_files`, with a last guard at the library's door: whatever a pack's files make a parser do, even
    exhaust the stack or memory, the pack is refused with a message and the server carries on."""
    try:
        return load_files(name, files)
    except PackInvalid:
        raise
    except (RecursionError, MemoryError, ValueError, TypeError, ArithmeticError) as error:
        log.exception("could not read the scenario pack %r", name)
        unreadable = f"the pack could not be read ({type(error).__name__}); check it with: nplc scenario validate"
        raise PackInvalid(name, [Problem(YAML, 0, unreadable)]) from None


class PackLibrary:
    def __init__(self, engine: Engine):
        self.engine = engine
        self.current: dict[str, Pack] = {}
        self.skipped: list[PackInvalid] = []

    def load_folders(self, root: Path) -> None:
        """Stores every valid pack under `root` and refreshes. A broken pack is skipped and kept in `skipped`,
        so one half-edited (or hostile) pack never stops a trainer starting the day with the others."""
        seen: dict[str, str] = {}
        self.skipped = []
        for folder in pack_folders(root):
            try:
                files = read_folder_safely(folder)
                pack = checked(folder.name, files)
                if pack.id in seen:
                    already = f"the pack in '{seen[pack.id]}' already has the id '{pack.id}'; give this one another id"
                    raise PackInvalid(folder.name, [Problem(YAML, 1, already)])
            except PackInvalid as bad:
                self.skipped.append(bad)
                continue
            seen[pack.id] = folder.name
            self._store(pack, files, make_current=False)
        self.refresh()

    def upload(self, data: bytes, name: str = "upload.zip", uploaded_by: int | None = None) -> Pack:
        """Takes zip bytes; validates and stores the pack as its newest version. Raises PackInvalid."""
        return self.store_upload(data, name, uploaded_by).pack

    def store_upload(self, data: bytes, name: str = "upload.zip", uploaded_by: int | None = None) -> Stored:
        """Like `upload`, saying whether a new version was made: the same files as a stored version make none
        (that version becomes the newest again, and keeps who uploaded it first)."""
        files = read_zip(data, name)
        pack = checked(name, files)
        was_current = pack.id in self.current and self.current[pack.id].version == pack.version
        new = self._store(pack, files, make_current=not was_current, uploaded_by=uploaded_by)
        self.refresh()
        return Stored(pack, new, was_current)

    def archive(self, pack_id: str, version: str | None = None) -> bytes | None:
        pack = self.current.get(pack_id)
        if pack is None:
            return None
        with session_scope(self.engine) as db:
            return records.pack_archive(session=db, pack_id=pack_id, version=version or pack.version, library_only=True)

    def file(self, pack: Pack, path: str) -> bytes | None:
        """One file of a stored pack version, read from its zip."""
        with session_scope(self.engine) as db:
            archive = records.pack_archive(session=db, pack_id=pack.id, version=pack.version)
        if archive is None:
            return None
        with zipfile.ZipFile(io.BytesIO(archive)) as files:
            return files.read(path) if path in files.namelist() else None

    def refresh(self) -> None:
        with session_scope(self.engine) as db:
            self.current = records.latest_packs(session=db)

    def _store(self, pack: Pack, files: dict[str, bytes], make_current: bool, uploaded_by: int | None = None) -> bool:
        """Stores the version unless it is stored already; returns whether it was new."""
        with session_scope(self.engine) as db:
            new = records.save_pack_version(
                session=db,
                pack=pack,
                at=time.time(),
                archive=write_zip(files),
                make_current=make_current,
                uploaded_by=uploaded_by,
            )
            try:
                db.commit()
            except IntegrityError:  # another process starting at the same moment stored this very version first
                db.rollback()
                return False
            return new

    def versions(self, pack_id: str) -> list[dict]:
        """Every stored version of a library pack, newest first: when, who uploaded it, and which is current."""
        with session_scope(self.engine) as db:
            stored = pack_history.versions_of(session=db, pack_id=pack_id)
        current = self.current.get(pack_id)
        return [
            {
                "version": v.version,
                "stored_at": v.stored_at,
                "uploaded_by": v.uploaded_by,
                "title": Pack.from_json(v.content).scenario.title,
                "current": current is not None and v.version == current.version,
            }
            for v in reversed(stored)
        ]

    def changes(self, pack_id: str, before: str, after: str) -> dict | None:
        """What changed from one stored version of a pack to another; None if either is not stored."""
        with session_scope(self.engine) as db:
            stored = {v.version: v for v in pack_history.versions_of(session=db, pack_id=pack_id)}
        if before not in stored or after not in stored:
            return None
        old, new = stored[before], stored[after]
        files = diff.file_changes(_files(old.archive), _files(new.archive))
        figures = diff.scenario_changes(Pack.from_json(old.content).scenario, Pack.from_json(new.content).scenario)
        return {"before": before, "after": after, "files": files, **figures}


@dataclass(frozen=True)
class Stored:
    pack: Pack
    new: bool  # False: the same files as a version already stored, so no new version was made
    was_current: bool  # it was already the newest version


def _files(archive: bytes | None) -> dict[str, bytes]:
    """A stored version's files; none for a version stored before packs kept their zip."""
    return read_zip(archive, "stored version") if archive else {}
