"""The one logging set-up of `nplc serve`: plain lines for a person at a terminal, JSON lines for a log
collector (`--log-json`). uvicorn's own loggers go through it too. Every line carries the id of the HTTP
request it belongs to, and secrets are blanked out before anything is written.
"""

from __future__ import annotations

import logging
import logging.config
import re
from contextvars import ContextVar
from typing import Any

REQUEST_ID: ContextVar[str] = ContextVar("request_id", default="-")

# `name=value` pairs whose value must never reach a log: sign-in tokens in links, passwords in database URLs
# written as query strings, cookies.
_SECRET_PAIR = re.compile(
    r"\b(token|password|passwd|pwd|secret|secret_key|cookie|nplc_[a-z_]+)=([^&\s\"';,]+)", re.IGNORECASE
)
# user:password@host in a database URL.
_URL_PASSWORD = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^:/@\s]+:)([^@\s]+)(@)", re.IGNORECASE)
REDACTED = "[redacted]"


def redact(text: str) -> str:
    text = _SECRET_PAIR.sub(lambda m: f"{m[1]}={REDACTED}", text)
    return _URL_PASSWORD.sub(lambda m: f"{m[1]}{REDACTED}{m[3]}", text)


class RedactSecrets(logging.Filter):
    """Writes the finished message (and any traceback) back into the record with secrets blanked out."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = redact(record.getMessage()), None
        if record.exc_info:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


class AddRequestId(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = REQUEST_ID.get()
        return True


class DropUvicornsCopyOfErrors(logging.Filter):
    """The request middleware already wrote one line for the failure; uvicorn would write it again."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Exception in ASGI application")


class DropEachOpenedWebsocket(logging.Filter):
    """uvicorn writes a line for every websocket it accepts: 2,000 in a venue's reconnect storm, with nothing
    in them a trainer acts on, and a seventh of the server's CPU during a join burst. Refusals still show."""

    ACCEPTED = '%s - "WebSocket %s" [accepted]'

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno > logging.INFO or record.msg != self.ACCEPTED


def config(json_lines: bool = False, level: str = "INFO") -> dict[str, Any]:
    formatter: dict[str, Any] = (
        {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
        if json_lines
        else {"format": "%(asctime)s %(levelname)-7s %(name)s [%(request_id)s] %(message)s"}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": AddRequestId},
            "redact": {"()": RedactSecrets},
            "uvicorn_errors": {"()": DropUvicornsCopyOfErrors},
            "websocket_opened": {"()": DropEachOpenedWebsocket},
        },
        "formatters": {"main": formatter},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "main",
                "filters": ["request_id", "redact"],
            }
        },
        "root": {"handlers": ["stderr"], "level": level},
        "loggers": {
            "uvicorn": {"level": level, "handlers": [], "propagate": True},
            "uvicorn.error": {"level": level, "filters": ["uvicorn_errors", "websocket_opened"], "propagate": True},
            # One line per request comes from app.api.request_ids instead, without the query string.
            "uvicorn.access": {"level": "WARNING", "handlers": [], "propagate": False},
        },
    }


def configure(json_lines: bool = False, level: str = "INFO") -> None:
    logging.config.dictConfig(config(json_lines, level))
    logging.captureWarnings(True)  # a library's warning becomes a log line like any other, not stray stderr
