"""The websocket endpoint: check who is connecting, catch them up, then carry commands in and updates out.

It never changes anything itself: commands go to `actions`, and what is
sent back comes from the connection's queue, so acknowledgements always
arrive after the update they caused.
"""

from __future__ import annotations

import asyncio
import json
import logging
from urllib.parse import urlsplit

from anyio import to_thread
from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from pydantic import ValidationError

from .. import accounts
from ..accounts import Trainer
from ..api.deps import Services, may_run, normalise_code, seat_of, trainer_of
from ..api.errors import command_problem, unknown_session_message
from ..api.guessing import client_of
from ..domain.commands import COMMANDS, TRAINER, Actor
from ..domain.core.errors import RuleViolation
from ..domain.views import Viewer
from ..live import UnknownSession
from .hub import Connection
from .protocol import ClientFrame, error, parse_frame

router = APIRouter()
log = logging.getLogger("nplc.ws")
POLICY = 1008


def origin_allowed(ws: WebSocket, svc: Services) -> bool:
    """A page from another site may not open a websocket with this browser's cookies."""
    origin = ws.headers.get("origin")
    if origin is None:
        return True
    if origin in svc.settings.allowed_origins:
        return True
    return urlsplit(origin).netloc == ws.headers.get("host")


async def identify(
    ws: WebSocket, svc: Services, code: str, role: str
) -> tuple[Viewer, Actor | None, Trainer | None] | None:
    if role in ("trainer", "projector"):
        trainer = await to_thread.run_sync(trainer_of, ws, svc)
        if trainer is None or not await to_thread.run_sync(may_run, svc, trainer, code):
            return None
        return Viewer(role), (TRAINER if role == "trainer" else None), trainer
    seat_id = await seat_of(ws, svc, code)
    return (Viewer("seat", seat_id), Actor.seat(seat_id), None) if seat_id else None


@router.websocket("/ws/{code}")
async def session_socket(ws: WebSocket, code: str) -> None:
    svc: Services = ws.app.state.services
    code = normalise_code(code)
    if not origin_allowed(ws, svc):
        await ws.close(POLICY, "This page is not allowed to connect.")
        return
    if ws.app.state.guard.blocked(client_of(ws)):
        await ws.close(POLICY, "Too many wrong session codes from this device; wait a minute.")
        return
    who = await identify(ws, svc, code, ws.query_params.get("as", "seat"))
    if who is None:
        await ws.close(POLICY, "Join the session (or sign in as the trainer) first.")
        return
    viewer, actor, trainer = who
    await ws.accept()
    conn = svc.actions.hub.connection(viewer, sign_in=trainer.sign_in if trainer else "")
    try:
        await svc.actions.attach(code, conn, _after(ws))
    except UnknownSession:
        ws.app.state.guard.missed(client_of(ws))
        await ws.send_text(json.dumps(error(None, unknown_session_message(code))))
        await ws.close(4404)
        return
    sender = asyncio.create_task(_send(ws, conn))
    watcher = asyncio.create_task(_watch_sign_in(svc, trainer, conn)) if trainer else None
    try:
        await _receive(ws, svc, code, actor, conn)
    except WebSocketDisconnect:
        pass
    finally:
        svc.actions.hub.leave(code, conn)
        sender.cancel()
        if watcher:
            watcher.cancel()


async def _watch_sign_in(svc: Services, trainer: Trainer, conn: Connection) -> None:
    """Closes a trainer's connection once the sign-in ends: signed out elsewhere, revoked by
    `nplc trainer revoke` (perhaps from another process), or expired."""
    while True:
        await asyncio.sleep(svc.settings.trainer_recheck_seconds)
        if not await to_thread.run_sync(accounts.still_signed_in, svc.live.engine, trainer):
            conn.close(POLICY)
            return


def _after(ws: WebSocket) -> int:
    try:
        return int(ws.query_params.get("after", "0"))
    except ValueError:
        return -1  # anything unreadable gets a fresh view


async def _send(ws: WebSocket, conn: Connection) -> None:
    try:
        while (text := await conn.next()) is not None:
            await ws.send_text(text)
        await ws.close(conn.close_code or 1000, conn.close_reason)  # RESYNC: fell behind, come back for a fresh view
    except Exception:  # the socket went away mid-send; the receiver sees the disconnect
        pass


async def _receive(ws: WebSocket, svc: Services, code: str, actor: Actor | None, conn: Connection) -> None:
    limit = svc.settings.max_message_bytes
    while True:
        message = await ws.receive()
        if message["type"] == "websocket.disconnect":
            raise WebSocketDisconnect(message.get("code", 1000))
        frame = parse_frame(message, limit)
        if isinstance(frame, dict):
            conn.push(json.dumps(frame))
        elif frame.type == "ping":
            conn.push(json.dumps({"type": "pong"}))
        else:
            conn.push(json.dumps(await _command(svc, code, actor, frame)))


async def _command(svc: Services, code: str, actor: Actor | None, frame: ClientFrame) -> dict:
    if actor is None:
        return error(frame.id, "The projector only shows the meeting; it cannot change it.")
    try:
        command = COMMANDS.validate_python(frame.command or {})
        done = await svc.actions.submit(code, actor, command, frame.id)
    except ValidationError as problem:
        return error(frame.id, command_problem(problem))
    except RuleViolation as refusal:
        return error(frame.id, str(refusal))
    except Exception:
        log.exception("command failed in session %s", code)
        return error(frame.id, "Something went wrong on the server. Please try again.")
    return {"type": "ack", "id": frame.id, "seq": done.seq, "duplicate": done.duplicate}
