"""The least a broadcast server can do, as the yardstick for the real one: each message a client sends on
`/ws/{room}` goes to every socket in that room (the sender too), unchanged. Nothing is stored, checked or
rendered. A new connection first gets the message in `--first` (a real `sync` frame the harness saved), so
its time to first message is comparable with the real server's time to first state.

Run: python bench/bare_server.py --port 8100 [--first FILE]
Served by uvicorn with the same websocket settings as `nplc serve` (permessage-deflate on, 1 MiB frames).
"""

from __future__ import annotations

import argparse
import contextlib
from collections import defaultdict
from pathlib import Path

import uvicorn
from fastapi import FastAPI, WebSocket, WebSocketDisconnect


def make_app(first: str) -> FastAPI:
    app = FastAPI()
    rooms: dict[str, set[WebSocket]] = defaultdict(set)

    @app.get("/health")
    def health() -> dict:
        return {"status": "ok"}

    @app.websocket("/ws/{room}")
    async def relay(ws: WebSocket, room: str) -> None:
        await ws.accept()
        if first:
            await ws.send_text(first)
        rooms[room].add(ws)
        try:
            while True:
                text = await ws.receive_text()
                for other in list(rooms[room]):
                    with contextlib.suppress(Exception):  # a socket closing mid-send just misses this one
                        await other.send_text(text)
        except WebSocketDisconnect:
            pass
        finally:
            rooms[room].discard(ws)

    return app


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--first", type=Path, help="a file whose text every new connection gets first")
    args = parser.parse_args()
    first = args.first.read_text() if args.first else ""
    uvicorn.run(make_app(first), host="127.0.0.1", port=args.port, ws_max_size=1024 * 1024, log_config=None)


if __name__ == "__main__":
    main()
