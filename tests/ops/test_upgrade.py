"""Today's server on a database written by release 0.1 (8821bc1, migrations up to 0003): the day is all there.

The fixture was recorded by running that release's own code (tests/fixtures/record_old_day.py inside
`git worktree add /tmp/old 8821bc1`); the JSON beside it is what that release showed at the end of the day.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from alembic.script import ScriptDirectory

from app.store.db import MIGRATIONS
from tests.conftest import TEST_PACKS
from tests.support import LiveServer, page_client, send

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
HEAD = ScriptDirectory(str(MIGRATIONS)).get_current_head()


def test_the_new_version_serves_a_day_recorded_by_the_previous_one(tmp_path):
    old_day = tmp_path / "nplc.db"
    shutil.copy(FIXTURES / "nplc-0.1-day.db", old_day)
    shown = json.loads((FIXTURES / "nplc-0.1-day.json").read_text())
    with closing(sqlite3.connect(old_day)) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0003"
    server = LiveServer(old_day, TEST_PACKS)
    server.start()
    try:
        with page_client(server) as trainer:
            assert trainer.get(server.sign_in_url, follow_redirects=False).status_code == 303
            code = shown["code"]
            assert code in [s["code"] for s in trainer.get("/api/sessions").json()]
            view = trainer.get(f"/api/sessions/{code}/view").json()
            assert view["session"]["seq"] == shown["seq"] and view["session"]["phase"] == shown["phase"]
            assert sorted(s["name"] for s in view["seats"]) == shown["seats"]
            assert [{k: d[k] for k in ("id", "balance", "budget")} for d in view["directorates"]] == shown[
                "directorates"
            ]
            motions = [{k: m[k] for k in ("id", "status", "tally", "transfer", "text")} for m in view["motions"]]
            assert motions == shown["motions"]
            assert view["consequences"]["rounds"] == shown["consequences"]["rounds"]
            minutes = trainer.get(f"/api/sessions/{code}/minutes")
            assert minutes.status_code == 200 and "Move money to prevention" in minutes.text
            exported = trainer.get(f"/api/sessions/{code}/export.json")
            assert exported.status_code == 200, exported.text
            export = exported.json()
            assert export["code"] == code and [e["seq"] for e in export["events"]] == list(range(1, shown["seq"] + 1))
            # The old day goes on under the new version.
            answer = send(trainer, code, {"type": "pause-clock"})
            assert answer["seq"] == shown["seq"] + 1
    finally:
        server.stop()
    with closing(sqlite3.connect(old_day)) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD
