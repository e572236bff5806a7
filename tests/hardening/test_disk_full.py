"""A full disk is said once, plainly (503 and one log line), and nothing acknowledged is lost."""

from __future__ import annotations

import logging

from sqlalchemy import event

from app.api.buckets import Buckets
from app.api.disk import DISK_FULL_MESSAGE, DiskFullLog, disk_full
from app.store import events as log
from app.store.db import session_scope


def cap_the_disk(engine) -> None:
    """Every new connection may not grow the database file any further, as on a full disk."""

    def cap(dbapi_connection, _):
        cursor = dbapi_connection.cursor()
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {pages}")
        cursor.close()

    event.listen(engine, "connect", cap)
    engine.dispose()
    return cap


def test_a_full_disk_gives_one_clear_answer_and_one_log_line_and_loses_nothing(trainer, caplog):
    app = trainer.app
    app.state.limits.commands = Buckets(10**6, 10**6)  # this test is about the disk, not the rate limit
    code = trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    engine = app.state.services.live.engine
    cap = cap_the_disk(engine)
    acked, failures = [], []
    caplog.set_level(logging.INFO)
    paused = False
    for n in range(400):
        command = {"type": "resume-clock" if paused else "pause-clock"}
        response = trainer.post(f"/api/sessions/{code}/commands", json={"id": f"c{n}", "command": command})
        if response.status_code == 200:
            acked.append(response.json()["seq"])
            paused = not paused
        else:
            assert response.status_code == 503, response.text
            assert response.json()["detail"] == DISK_FULL_MESSAGE
            failures.append(n)
        if len(failures) >= 20:
            break
    assert len(failures) >= 20, "the capped database never filled"
    with trainer.websocket_connect(f"/ws/{code}?as=trainer") as ws:
        ws.receive_json()
        ws.send_json(
            {"type": "command", "id": "over-ws", "command": {"type": "resume-clock" if paused else "pause-clock"}}
        )
        answer = ws.receive_json()
    assert answer == {"type": "error", "id": "over-ws", "message": DISK_FULL_MESSAGE}
    lines = [r for r in caplog.records if "disk is full" in r.getMessage()]
    assert len(lines) == 1 and lines[0].exc_info is None
    assert not [r for r in caplog.records if r.exc_info], "no tracebacks"

    event.remove(engine, "connect", cap)
    engine.dispose()
    with session_scope(engine) as db:
        stored = [seq for seq, _ in log.load(session=db, code=code)]
    assert set(acked) <= set(stored)  # every acknowledged change is there
    view = trainer.get(f"/api/sessions/{code}/view").json()
    assert view["session"]["seq"] == stored[-1]
    done = trainer.post(f"/api/sessions/{code}/commands", json={"id": "after", "command": {"type": "resume-clock"}})
    assert done.status_code in (200, 409)  # with space again, the session carries on


def test_the_log_says_it_once_a_minute_with_a_count():
    now = [0.0]
    writer = DiskFullLog(clock=lambda: now[0])
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logging.getLogger("nplc").addHandler(handler)
    try:
        for _ in range(3314):
            writer.note("POST /api/sessions/ABCDEF/commands")
        now[0] = 61
        writer.note("POST /api/sessions/ABCDEF/commands")
    finally:
        logging.getLogger("nplc").removeHandler(handler)
    assert len(records) == 2
    assert "3313 more since the last line" in records[1].getMessage()


def test_disk_full_is_recognised_however_it_is_wrapped():
    import errno
    import sqlite3

    from sqlalchemy.exc import OperationalError

    assert disk_full(OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full")))
    assert disk_full(OSError(errno.ENOSPC, "No space left on device"))
    assert not disk_full(sqlite3.OperationalError("database is locked"))
    assert not disk_full(ValueError("disk is full"))
