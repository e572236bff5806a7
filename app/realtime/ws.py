"""The websocket endpoint: check who is connecting, catch them up, then carry commands in and updates out.

It never changes anything itself: commands go to `actions`, and what is
sent back comes from the connection's queue, so acknowledgements always
arrive after the update they caused.
"""

from __future__ import annotations

import asyncio
import json
import logging

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from pydantic import ValidationError

from ..api.deps import Services, is_trainer, normalise_code, seat_of
from ..api.errors import command_problem, unknown_session_message
from ..api.guessing import guessing_wait, record_miss
from ..api.middleware import origin_allowed
from ..domain.commands import COMMANDS, TRAINER, Actor
from ..domain.errors import RuleViolation
from ..domain.views import Viewer
from ..live import UnknownSession
from .hub import Connection
from .protocol import ClientFrame, error, parse_frame

router = APIRouter()
log = logging.getLogger("nplc.ws")
POLICY = 1008


async def identify(ws: WebSocket, svc: Services, code: str, role: str) -> tuple[Viewer, Actor | None] | None:
    if role in ("trainer", "projector"):
        if not is_trainer(ws, svc):
            return None
        return Viewer(role), (TRAINER if role == "trainer" else None)
    seat_id = await seat_of(ws, svc, code)
    return (Viewer("seat", seat_id), Actor.seat(seat_id)) if seat_id else None


@router.websocket("/ws/{code}")
async def session_socket(ws: WebSocket, code: str) -> None:
    svc: Services = ws.app.state.services
    code = normalise_code(code)
    if not origin_allowed(ws.headers, svc.settings):  # a page from another site, with this browser's cookies
        await ws.close(POLICY, "This page is not allowed to connect.")
        return
    if await guessing_wait(ws, code):
        await ws.close(POLICY, "Too many wrong session codes from this device; wait a minute.")
        return
    who = await identify(ws, svc, code, ws.query_params.get("as", "seat"))
    if who is None:
        await ws.close(POLICY, "Join the session (or sign in as the trainer) first.")
        return
    viewer, actor = who
    await ws.accept()
    conn = Connection(viewer)
    try:
        await svc.actions.attach(code, conn, _after(ws))
    except UnknownSession:
        record_miss(ws)
        await ws.send_text(json.dumps(error(None, unknown_session_message(code))))
        await ws.close(4404)
        return
    sender = asyncio.create_task(_send(ws, conn))
    try:
        await _receive(ws, svc, code, actor, conn)
    except WebSocketDisconnect:
        pass
    finally:
        svc.actions.hub.leave(code, conn)
        sender.cancel()


def _after(ws: WebSocket) -> int:
    try:
        return int(ws.query_params.get("after", "0"))
    except ValueError:
        return -1  # anything unreadable gets a fresh view


async def _send(ws: WebSocket, conn: Connection) -> None:
    try:
        while (text := await conn.queue.get()) is not None:
            await ws.send_text(text)
        await ws.close(1013)  # fell too far behind: reconnect and resume
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
