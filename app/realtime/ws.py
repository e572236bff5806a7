"""The websocket endpoint: check who is connecting, catch them up, then carry commands in and updates out.

It never changes anything itself: commands go to `actions`, and what is
sent back comes from the connection's queue, so acknowledgements always
arrive after the update they caused.
"""

from __future__ import annotations

import asyncio
import json
import logging

from anyio import to_thread
from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from pydantic import ValidationError
from starlette.websockets import WebSocketState
from websockets.exceptions import ConnectionClosed

from .. import accounts, projector_links
from ..accounts import Trainer
from ..actions import actor_key
from ..api.deps import Services, may_run, normalise_code, seat_of, trainer_of
from ..api.disk import DISK_FULL, DISK_FULL_MESSAGE, disk_full
from ..api.errors import command_problem, unknown_session_message
from ..api.guessing import guessing_wait, record_miss
from ..api.limits import RateLimited
from ..api.middleware import origin_allowed
from ..domain.commands import COMMANDS, TRAINER, Actor
from ..domain.core.errors import RuleViolation
from ..domain.views import Viewer
from ..live import UnknownSession
from .hub import Connection, TooManySockets
from .protocol import ClientFrame, error, parse_frame

router = APIRouter()
log = logging.getLogger("nplc.ws")
POLICY = 1008
TOO_MANY = 4429
UNKNOWN = 4404
GONE = (WebSocketDisconnect, ConnectionClosed)


async def identify(
    ws: WebSocket, svc: Services, code: str, role: str
) -> tuple[Viewer, Actor | None, Trainer | None] | None:
    if role == "projector" and "key" in ws.query_params:  # the read-only projector link: no trainer rights
        opens = await to_thread.run_sync(projector_links.key_opens, svc.live.engine, code, ws.query_params["key"])
        return (Viewer("projector"), None, None) if opens else None
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
    if not origin_allowed(ws.headers, svc.settings):  # a page from another site, with this browser's cookies
        await ws.close(POLICY, "This page is not allowed to connect.")
        return
    if await guessing_wait(ws, code):
        await ws.close(POLICY, "Too many wrong session codes from this browser; wait a little, then try again.")
        return
    who = await identify(ws, svc, code, ws.query_params.get("as", "seat"))
    if who is None:
        await ws.close(POLICY, "Join the session (or sign in as the trainer) first.")
        return
    viewer, actor, trainer = who
    await ws.accept()
    try:
        ws.app.state.limits.connect(code, viewer.kind, viewer.key)
    except RateLimited as too_often:
        await ws.close(TOO_MANY, str(too_often))
        return
    conn = svc.actions.hub.connection(viewer, sign_in=trainer.sign_in if trainer else "")
    try:
        await svc.actions.attach(code, conn, _after(ws))
    except UnknownSession:
        record_miss(ws)
        await ws.send_text(json.dumps(error(None, unknown_session_message(code))))
        await ws.close(UNKNOWN)
        return
    except TooManySockets as full:
        await ws.close(TOO_MANY, str(full))
        return
    sender = asyncio.create_task(_send(ws, conn, code))
    watcher = asyncio.create_task(_watch_sign_in(svc, trainer, conn)) if trainer else None
    try:
        await _receive(ws, svc, code, actor, conn)
    except GONE:
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
            conn.close(POLICY, "Your sign-in has ended; sign in again.")
            return


def _after(ws: WebSocket) -> int:
    try:
        return int(ws.query_params.get("after", "0")[:20])
    except ValueError:
        return -1  # anything unreadable gets a fresh view


async def _send(ws: WebSocket, conn: Connection, code: str) -> None:
    try:
        while (text := await conn.next()) is not None:
            await ws.send_text(text)
            # Let the message go before waiting for the next: an idle connection would otherwise keep the last
            # one it was sent, after its `sync` a whole view (tens of KB) for every page left open.
            del text
        await ws.close(conn.close_code or 1000, conn.close_reason)
    except GONE:
        pass  # the socket went away mid-send; the receiver sees the disconnect
    except RuntimeError:
        if ws.application_state != WebSocketState.DISCONNECTED:
            log.exception("sending to a websocket failed in session %s", code)
    except Exception:
        log.exception("sending to a websocket failed in session %s", code)


async def _receive(ws: WebSocket, svc: Services, code: str, actor: Actor | None, conn: Connection) -> None:
    limit = svc.settings.max_message_bytes
    failed_before = False
    while True:
        message = await ws.receive()
        if message["type"] == "websocket.disconnect":
            raise WebSocketDisconnect(message.get("code", 1000))
        try:
            conn.push(json.dumps(await _answer(ws, svc, code, actor, parse_frame(message, limit))))
        except GONE:
            raise
        except Exception:
            # Log the first failure on a connection in full and any more in one line each; the client is told.
            if failed_before:
                log.error("another websocket frame failed in session %s", code)
            else:
                log.exception("a websocket frame failed in session %s", code)
            failed_before = True
            conn.push(json.dumps(error(None, "Something went wrong on the server; nothing was changed.")))


async def _answer(ws: WebSocket, svc: Services, code: str, actor: Actor | None, frame: ClientFrame | dict) -> dict:
    if isinstance(frame, dict):
        return frame
    if frame.type == "ping":
        return {"type": "pong"}
    return await _command(ws, svc, code, actor, frame)


async def _command(ws: WebSocket, svc: Services, code: str, actor: Actor | None, frame: ClientFrame) -> dict:
    if actor is None:
        return error(frame.id, "The projector only shows the meeting; it cannot change it.")
    try:
        ws.app.state.limits.command(code, actor_key(actor))
        command = COMMANDS.validate_python(frame.command or {})
        done = await svc.actions.submit(code, actor, command, frame.id)
    except RateLimited as too_fast:
        return error(frame.id, str(too_fast))
    except ValidationError as problem:
        return error(frame.id, command_problem(problem))
    except RuleViolation as refusal:
        return error(frame.id, str(refusal))
    except UnknownSession:
        return error(frame.id, unknown_session_message(code))
    except Exception as failure:
        if not disk_full(failure):
            raise
        DISK_FULL.note(f"session {code}")
        return error(frame.id, DISK_FULL_MESSAGE)
    return {"type": "ack", "id": frame.id, "seq": done.seq, "duplicate": done.duplicate}
