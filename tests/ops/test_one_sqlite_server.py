"""One SQLite database, one server: a second `nplc serve` on the same file is refused at once, plainly."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import TEST_PACKS
from tests.support import ROOT, LiveServer, free_port


def second_serve(db_path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NPLC_")}
    command = [sys.executable, "-m", "app.cli", "serve", "--port", str(free_port())]
    command += ["--database", f"sqlite:///{db_path}", "--scenarios", str(TEST_PACKS)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False)


def test_a_second_server_on_the_same_sqlite_file_exits_with_status_2_and_says_why(tmp_path):
    db_path = tmp_path / "nplc.db"
    first = LiveServer(db_path, TEST_PACKS)
    first.start()
    try:
        second = second_serve(db_path)
        assert second.returncode == 2, second.stdout + second.stderr
        assert "Another Neighbourhood plc server is already using" in second.stderr
        assert str(db_path) in second.stderr
        assert "Traceback" not in second.stderr and "sign-in link" not in second.stdout
        # The first server is untouched and still serves.
        first._wait_healthy()
    finally:
        first.stop()
    # Stopped cleanly, the lock goes with it: the same file serves again.
    again = LiveServer(db_path, TEST_PACKS)
    again.start()
    again.stop()


def test_a_crashed_server_leaves_no_stale_lock(tmp_path):
    db_path = tmp_path / "nplc.db"
    crashed = LiveServer(db_path, TEST_PACKS)
    crashed.start()
    crashed.kill()
    assert (tmp_path / "nplc.db.lock").exists()  # the file stays; the lock on it died with the process
    after = LiveServer(db_path, TEST_PACKS)
    after.start()
    try:
        assert second_serve(db_path).returncode == 2  # and the new server holds it in turn
    finally:
        after.stop()


def test_a_server_on_another_file_beside_it_is_not_refused(tmp_path):
    first = LiveServer(tmp_path / "room-a.db", TEST_PACKS)
    other = LiveServer(tmp_path / "room-b.db", TEST_PACKS)
    first.start()
    try:
        other.start()
        other.stop()
    finally:
        first.stop()
