"""Pack versions that came with an imported session are kept for it alone: never the library's current
version, never offered for download from the library, until the same version arrives by upload or folder."""

from __future__ import annotations

from dataclasses import replace

from app.store import records
from app.store.db import session_scope
from tests.domain.builders import tiny_pack


def test_an_imported_version_stays_out_of_the_library_until_it_arrives_there_itself(engine):
    library, imported = tiny_pack(), replace(tiny_pack(), version="imported-abc")
    with session_scope(engine) as db:
        records.save_pack_version(session=db, pack=library, at=1.0, archive=b"library zip")
        records.save_pack_version(session=db, pack=imported, at=2.0, archive=b"imported zip", imported=True)
        db.commit()
    with session_scope(engine) as db:
        assert {p.version for p in records.latest_packs(session=db).values()} == {library.version}
        assert records.load_pack_version(session=db, pack_id="tiny", version="imported-abc") == imported
        assert records.pack_archive(session=db, pack_id="tiny", version="imported-abc") == b"imported zip"
        assert records.pack_archive(session=db, pack_id="tiny", version="imported-abc", library_only=True) is None
        # The same version uploaded later joins the library, as the newest.
        records.save_pack_version(session=db, pack=imported, at=3.0, make_current=True)
        db.commit()
    with session_scope(engine) as db:
        assert records.latest_packs(session=db)["tiny"].version == "imported-abc"
        assert records.pack_archive(session=db, pack_id="tiny", version="imported-abc", library_only=True)


def test_importing_a_version_already_in_the_library_leaves_it_there(engine):
    pack = tiny_pack()
    with session_scope(engine) as db:
        records.save_pack_version(session=db, pack=pack, at=1.0)
        assert records.save_pack_version(session=db, pack=pack, at=2.0, imported=True) is False
        db.commit()
    with session_scope(engine) as db:
        assert records.latest_packs(session=db)["tiny"].version == pack.version
