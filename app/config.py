"""All settings in one place. Nothing else in the app reads the environment.

Each setting can come from an `NPLC_`-prefixed environment variable, then a
`.env` file, then the default here; `nplc serve` flags override them.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from .shipped import SCENARIOS

PROJECT_SCENARIOS = SCENARIOS


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NPLC_", env_file=".env", extra="ignore")

    database_url: str = Field("sqlite:///nplc.db", description="SQLAlchemy URL: SQLite file or PostgreSQL.")
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    scenarios_dir: Path = PROJECT_SCENARIOS
    public_url: str | None = Field(None, description="Address participants use, if not http://host:port.")
    secret_key: str | None = Field(
        None, min_length=32, description="Signs cookies; if unset, kept in `key_file` (made on first start)."
    )
    key_file: Path | None = Field(None, description="Where the key is kept; default: beside the SQLite database.")
    max_message_bytes: int = Field(16 * 1024, ge=256, description="Largest websocket frame a client may send.")
    client_queue_bytes: int = Field(
        1024 * 1024, ge=64 * 1024, description="Most bytes queued for one slow client before it must resync."
    )
    live_sessions_max: int = Field(500, ge=1, description="Sessions kept in memory; idle ones beyond are let go.")
    live_idle_minutes: float = Field(30, gt=0, description="A session nobody watches is let go after this long.")
    allowed_origins: list[str] = Field(default_factory=list, description="Extra origins allowed to open websockets.")
    seat_cookie_days: int = Field(3, ge=1, le=30)
    trainer_cookie_hours: int = Field(12, ge=1, le=24 * 14)
    sign_in_minutes: int = Field(15, ge=1, le=24 * 60, description="How long a sign-in link works (once).")
    trainer_recheck_seconds: float = Field(
        10, gt=0, le=300, description="How often a trainer's open connection checks its sign-in still holds."
    )
    timezone: str = Field("Europe/London", description="Clock times in minutes and exports use this zone.")
    retention_days: int = Field(
        90, ge=1, le=3650, description="Sessions older than this are deleted, at start-up and daily."
    )
    trusted_proxies: str = Field(
        "",
        description="Comma-separated addresses or networks of reverse proxies whose X-Forwarded-For and "
        "X-Forwarded-Proto are believed; empty: none.",
    )

    @property
    def trusted_proxy_list(self) -> list[str]:
        return [part.strip() for part in self.trusted_proxies.split(",") if part.strip()]


@lru_cache
def get_settings() -> Settings:
    return Settings()
