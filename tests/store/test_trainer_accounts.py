"""Trainer accounts as stored, on SQLite and PostgreSQL: links used once even in a race, the key never stored."""

from __future__ import annotations

import os
import stat
import threading

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from app import accounts
from app.secret_key import default_key_file, load_secret_key
from app.store.db import MIGRATIONS, make_engine, session_scope
from app.store.models import ServerValue, SessionRow, SignInLink, TrainerSignIn


def race(engine, token: str) -> list[int | None]:
    """Two threads use the same link at the same moment; returns what each got."""
    start, results = threading.Barrier(2), []

    def use() -> None:
        start.wait()
        results.append(accounts.use_link(engine, token))

    racers = [threading.Thread(target=use) for _ in range(2)]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join()
    return results


def test_two_browsers_racing_with_one_link_sign_in_once(engine):
    admin = accounts.first_admin(engine)
    for _ in range(10):
        results = race(engine, accounts.new_link(engine, admin, 15))
        assert sorted(results, key=lambda r: r is None) == [admin.id, None]


def test_the_first_administrator_is_made_once_and_takes_the_older_sessions(engine):
    with session_scope(engine) as db:
        db.add(SessionRow(code="OLD123", pack_id="tiny", pack_version="1", title="Before accounts", created_at=1.0))
        db.commit()
    made = [accounts.first_admin(engine) for _ in range(3)]
    assert len({t.id for t in made}) == 1 and made[0].is_admin and made[0].name == "admin"
    assert accounts.list_trainers(engine) == [("admin", True, False, False)]
    with session_scope(engine) as db:
        assert db.get(SessionRow, "OLD123").owner == made[0].id


def test_a_sign_in_stores_only_a_hash_of_the_cookie_id(engine):
    admin = accounts.first_admin(engine)
    sign_in_id = accounts.start_sign_in(engine, admin.id, hours=12)
    with session_scope(engine) as db:
        stored = db.exec(sa.select(TrainerSignIn.token_hash)).scalars().all()
    assert stored and sign_in_id not in stored
    assert accounts.signed_in(engine, sign_in_id).name == "admin"
    assert accounts.signed_in(engine, stored[0]) is None  # the stored hash is no use as a cookie


def test_the_key_file_is_made_once_private_and_reused(tmp_path):
    key_file = tmp_path / "data" / "nplc.db.key"
    first = load_secret_key(None, key_file)
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert load_secret_key(None, key_file) == first and len(first) >= 32
    assert load_secret_key("e" * 40, key_file) == "e" * 40  # NPLC_SECRET_KEY wins
    assert [p.name for p in key_file.parent.iterdir()] == ["nplc.db.key"]  # no drafts left behind


def test_processes_starting_at_once_agree_on_one_key(tmp_path):
    key_file = tmp_path / "nplc.db.key"
    start, keys = threading.Barrier(8), []

    def load() -> None:
        start.wait()
        keys.append(load_secret_key(None, key_file))

    loaders = [threading.Thread(target=load) for _ in range(8)]
    for loader in loaders:
        loader.start()
    for loader in loaders:
        loader.join()
    assert len(keys) == 8 and len(set(keys)) == 1


def test_the_key_file_sits_beside_the_sqlite_database(tmp_path):
    assert default_key_file(f"sqlite:///{tmp_path}/nplc.db") == tmp_path / "nplc.db.key"


def test_an_older_database_loses_its_stored_key_and_reusable_links(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = sa.create_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with old.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
        connection.execute(
            sa.text(
                "INSERT INTO server_values (name, value) VALUES ('secret_key', 'plain-text-key'), "
                "('sign-in:abc', 'trainer'), ('kept', 'other')"
            )
        )
    old.dispose()
    upgraded = make_engine(url)
    with session_scope(upgraded) as db:
        assert [row.name for row in db.exec(sa.select(ServerValue)).scalars()] == ["kept"]
    upgraded.dispose()


def test_expired_links_and_long_ended_sign_ins_are_tidied_away(engine):
    admin = accounts.first_admin(engine)
    accounts.new_link(engine, admin, 0)
    live_link = accounts.new_link(engine, admin, 15)
    current = accounts.start_sign_in(engine, admin.id, hours=1)
    with session_scope(engine) as db:
        db.add(TrainerSignIn(token_hash="old", trainer_id=admin.id, created_at=0.0, expires_at=1.0))
        db.commit()
    accounts.tidy(engine)
    with session_scope(engine) as db:
        assert db.exec(sa.select(sa.func.count()).select_from(SignInLink)).scalar() == 1
        assert db.get(TrainerSignIn, "old") is None
    assert accounts.use_link(engine, live_link) == admin.id
    assert accounts.signed_in(engine, current).name == "admin"


def test_migration_0004_can_be_undone_and_redone_keeping_the_sessions(engine):
    with session_scope(engine) as db:
        db.add(SessionRow(code="KEEP01", pack_id="tiny", pack_version="1", title="Kept", created_at=1.0))
        db.commit()
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT code FROM sessions")).scalars().all() == ["KEEP01"]
        assert "trainers" not in sa.inspect(connection).get_table_names()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    assert accounts.first_admin(engine).name == "admin"
