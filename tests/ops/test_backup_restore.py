"""`nplc backup` while a real server takes a burst of commands; `nplc restore` into a new file serves all of it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing

from tests.conftest import TEST_PACKS
from tests.support import ROOT, LiveServer, page_client

MOST = 5000  # a ceiling only: the burst stops soon after the backup is done, however slow the machine
AFTER_BACKUP = 20


def nplc(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NPLC_")}
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def burst(trainer, code: str, acked: list[str], backed_up: threading.Event) -> None:
    """Pauses and resumes the clock as fast as the server allows until AFTER_BACKUP commands after the backup;
    `acked` grows as answers arrive."""
    after = 0
    for n in range(MOST):
        if backed_up.is_set():
            after += 1
            if after > AFTER_BACKUP:
                return
        command = {"type": "resume-clock" if n % 2 else "pause-clock"}
        while True:
            response = trainer.post(f"/api/sessions/{code}/commands", json={"id": f"c{n}", "command": command})
            if response.status_code != 429:  # the per-seat limit: wait and send the same command again
                break
            time.sleep(0.1)
        assert response.status_code == 200, response.text
        acked.append(f"c{n}")


def stored(db_file, code: str) -> tuple[list[str], list[int]]:
    with closing(sqlite3.connect(db_file)) as db:
        ids = [r[0] for r in db.execute("SELECT command_id FROM commands WHERE session_code = ? ORDER BY seq", (code,))]
        seqs = [r[0] for r in db.execute("SELECT seq FROM events WHERE session_code = ? ORDER BY seq", (code,))]
    return ids, seqs


def test_a_backup_during_a_burst_restores_into_a_server_with_every_command_acknowledged_before_it(tmp_path):
    live_db, saved, restored_db = tmp_path / "live.db", tmp_path / "saved.db", tmp_path / "restored.db"
    server = LiveServer(live_db, TEST_PACKS)
    server.start()
    try:
        trainer = page_client(server)
        trainer.get(server.sign_in_url, follow_redirects=False)
        code = trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
        acked: list[str] = []
        backed_up = threading.Event()
        sender = threading.Thread(target=burst, args=(trainer, code, acked, backed_up))
        sender.start()
        while len(acked) < 40 and sender.is_alive():
            time.sleep(0.05)
        acked_before = list(acked)
        done = nplc("backup", str(saved), "--database", f"sqlite:///{live_db}")
        backed_up.set()
        sender.join()
        assert done.returncode == 0, done.stderr
        sent = len(acked)
        assert sent < MOST, "the burst ended before the backup did; nothing was tried"
        # The server refuses a restore over the database it is using, and changes nothing.
        refused = nplc("restore", str(saved), "--database", f"sqlite:///{live_db}")
        assert refused.returncode == 2 and "stop it first" in refused.stderr
        assert stored(live_db, code)[0] == [f"c{n}" for n in range(sent)]
        trainer.close()
    finally:
        server.stop()

    in_backup, seqs = stored(saved, code)
    assert in_backup[: len(acked_before)] == acked_before, "a command acknowledged before the backup is missing"
    assert in_backup == [f"c{n}" for n in range(len(in_backup))], "the snapshot is a prefix of what was sent"
    assert seqs == list(range(seqs[0], seqs[0] + len(seqs))), "no gap in the event log"

    put_back = nplc("restore", str(saved), "--database", f"sqlite:///{restored_db}")
    assert put_back.returncode == 0, put_back.stderr
    again = LiveServer(restored_db, TEST_PACKS)
    again.start()
    try:
        with page_client(again) as trainer:
            trainer.get(again.sign_in_url, follow_redirects=False)
            assert code in [s["code"] for s in trainer.get("/api/sessions").json()]
            view = trainer.get(f"/api/sessions/{code}/view").json()
            assert view["session"]["seq"] == seqs[-1]
            assert view["session"]["paused"] is (len(in_backup) % 2 == 1)
            for n in (0, len(in_backup) - 1):  # sent again, the acknowledged commands are known, not re-applied
                command = {"type": "resume-clock" if n % 2 else "pause-clock"}
                answer = trainer.post(f"/api/sessions/{code}/commands", json={"id": f"c{n}", "command": command})
                assert answer.json()["duplicate"] is True
    finally:
        again.stop()


def test_restore_refuses_what_is_not_a_neighbourhood_plc_database_and_changes_nothing(tmp_path):
    target = tmp_path / "nplc.db"
    assert nplc("migrate", "--database", f"sqlite:///{target}").returncode == 0
    before = target.read_bytes()
    text_file = tmp_path / "notes.db"
    text_file.write_text("not a database at all\n" * 100)
    other = tmp_path / "other.db"
    with closing(sqlite3.connect(other)) as db:
        db.execute("CREATE TABLE sessions (code TEXT)")
        db.commit()
    future = tmp_path / "future.db"
    assert nplc("backup", str(future), "--database", f"sqlite:///{target}").returncode == 0
    with closing(sqlite3.connect(future)) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        db.commit()
    for bad, says in (
        (text_file, "is not a SQLite database"),
        (other, "is not a Neighbourhood plc database"),
        (future, "does not know"),
        (tmp_path / "missing.db", "There is no file"),
    ):
        answer = nplc("restore", str(bad), "--database", f"sqlite:///{target}")
        assert answer.returncode == 2 and says in answer.stderr, answer.stderr
        assert "Traceback" not in answer.stderr
    assert target.read_bytes() == before


def test_backup_never_overwrites_and_points_postgresql_to_its_own_tools(tmp_path):
    source = tmp_path / "nplc.db"
    assert nplc("migrate", "--database", f"sqlite:///{source}").returncode == 0
    earlier = tmp_path / "earlier.db"
    earlier.write_text("an earlier backup")
    answer = nplc("backup", str(earlier), "--database", f"sqlite:///{source}")
    assert answer.returncode == 2 and "already exists" in answer.stderr
    assert earlier.read_text() == "an earlier backup"
    missing = nplc("backup", str(tmp_path / "b.db"), "--database", f"sqlite:///{tmp_path / 'typo.db'}")
    assert missing.returncode == 2 and "There is no database" in missing.stderr
    assert not (tmp_path / "typo.db").exists()
    for command in ("backup", "restore"):
        answer = nplc(command, str(tmp_path / "x.db"), "--database", "postgresql+psycopg://postgres@127.0.0.1/test")
        assert answer.returncode == 2 and "pg_dump" in answer.stderr and "pg_restore" in answer.stderr


def test_a_backup_is_one_self_contained_file(tmp_path):
    source = tmp_path / "nplc.db"
    assert nplc("migrate", "--database", f"sqlite:///{source}").returncode == 0
    copy = tmp_path / "copy.db"
    assert nplc("backup", str(copy), "--database", f"sqlite:///{source}").returncode == 0
    assert not (tmp_path / "copy.db-wal").exists()
    with closing(sqlite3.connect(copy)) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
