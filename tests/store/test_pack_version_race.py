"""Two servers storing the same pack version at the same moment on PostgreSQL: the second waits, then does nothing."""

from __future__ import annotations

import threading

import pytest

from app.store import records
from app.store.db import make_engine, session_scope
from tests.domain.builders import tiny_pack
from tests.store.test_migrate_once import postgres_url  # noqa: F401  (the fixture)


@pytest.mark.postgres
def test_the_same_pack_version_stored_by_two_transactions_at_once_is_stored_once(postgres_url):  # noqa: F811
    first_engine, second_engine = make_engine(postgres_url), make_engine(postgres_url)
    pack, answers = tiny_pack(), []
    try:
        with session_scope(first_engine) as first:
            assert records.save_pack_version(session=first, pack=pack, at=1.0) is True  # not yet committed

            def second_server() -> None:
                with session_scope(second_engine) as second:
                    answers.append(records.save_pack_version(session=second, pack=pack, at=2.0))
                    second.commit()

            waiting = threading.Thread(target=second_server)
            waiting.start()
            waiting.join(timeout=1)  # it cannot finish: it waits on the first transaction's row
            first.commit()
        waiting.join(timeout=30)
        assert answers == [False], "the second insert collided or stored a copy"
        with session_scope(first_engine) as db:
            assert records.latest_packs(session=db)["tiny"] == pack
    finally:
        first_engine.dispose()
        second_engine.dispose()
