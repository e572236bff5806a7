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
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from .scenarios.archive import read_zip, write_zip
from .scenarios.checks import YAML
from .scenarios.files import read_folder
from .scenarios.loader import Pack, load_files
from .scenarios.problems import PackInvalid, Problem
from .store import records
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

    def upload(self, data: bytes, name: str = "upload.zip") -> Pack:
        """Takes zip bytes; validates and stores the pack as its newest version. Raises PackInvalid."""
        files = read_zip(data, name)
        pack = checked(name, files)
        self._store(pack, files, make_current=True)
        self.refresh()
        return pack

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

    def _store(self, pack: Pack, files: dict[str, bytes], make_current: bool) -> None:
        with session_scope(self.engine) as db:
            records.save_pack_version(
                session=db, pack=pack, at=time.time(), archive=write_zip(files), make_current=make_current
            )
            try:
                db.commit()
            except IntegrityError:  # another process starting at the same moment stored this very version first
                db.rollback()
