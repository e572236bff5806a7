"""Bodies of the HTTP API's JSON answers (`app/api/routes/`), and of its errors.

Small answers are checked by FastAPI as they leave (`response_model=`). The view, the minutes and the export
are large and built by the domain for speed, so those routes send their JSON as it is and the tests check it.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from .base import Named, Phase, SeatRef, Wire
from .views import TrainerView


class Problem(Wire):
    """Every error: a sentence for a person, with a 4xx (or 500) status. Never a traceback."""

    detail: str


class PackProblems(Problem):
    """A pack upload that was not stored: every problem as `file:line: what to fix`."""

    problems: list[str]


ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "Not signed in as the trainer, or not joined to this session"},
    404: {"model": Problem, "description": "No such session (or scenario, document, picture)"},
    403: {"model": Problem, "description": "Signed in, but not a trainer who runs this session"},
    409: {"model": Problem, "description": "Refused by the rules of the exercise; nothing changed"},
    413: {"model": Problem, "description": "The request's body is larger than the limit"},
    422: {"model": Problem, "description": "The request was not understood; nothing changed"},
    429: {"model": Problem, "description": "Too many wrong session codes from this address; wait a minute"},
}


class Health(Wire):
    status: str
    database: str = Field(description="the database's dialect: sqlite or postgresql")
    scenarios: list[str]


class TrainerIdentity(Wire):
    """The signed-in trainer."""

    name: str
    is_admin: bool


class ScenarioSummary(Wire):
    id: str
    title: str
    summary: str
    area: str
    directorates: int
    version: str


class PackStored(Wire):
    id: str
    title: str
    version: str
    new: bool = Field(description="false: the same files as a stored version, so no new version was made")
    detail: str = Field(description="what happened, in a sentence for the trainer")


class PackVersion(Wire):
    """One stored version of a pack, in the console's version list."""

    version: str
    stored_at: float
    uploaded_by: str | None = Field(description="the trainer who uploaded it; null if read from the scenarios folder")
    title: str
    current: bool


class PackChange(Wire):
    what: str = Field(description="where it sits in scenario.yaml: directorates.housing.budget.total")
    before: Any = Field(description="null where the earlier version does not have it")
    after: Any = Field(description="null where the later version does not have it")


class PackFileChanges(Wire):
    added: list[str]
    removed: list[str]
    changed: list[str]


class PackChanges(Wire):
    """What changed from one version of a pack to another."""

    before: str
    after: str
    files: PackFileChanges
    figures: list[PackChange] = Field(description="changed numbers: budgets, costs, baselines, minutes...")
    settings: list[PackChange] = Field(description="changed texts and choices")


class SessionCode(Wire):
    code: str


class ProjectorLink(Wire):
    url: str  # the projector page with its read-only key; making a new one revokes the old


class NextMeeting(Wire):
    code: str | None = Field(description="the follow-up meeting's code, or null while there is none")


class SessionRow(Wire):
    code: str
    title: str
    phase: Phase
    seats: int
    directorates_held: int = Field(description="directorates with a director, once roles are shuffled")
    created_at: float
    updated_at: float = Field(description="when the session last changed")
    meeting: int
    follows: str | None = Field(description="the code of the meeting this one follows")


class Lobby(Wire):
    code: str
    title: str
    area: str
    phase: Phase
    joinable: bool
    join_url: str
    reachable: bool = Field(description="false: the join address is one only the server's own computer can open")
    reach_warning: str | None = Field(None, description="why participants cannot reach the join address, and the fix")
    agencies: list[Named]


class Joined(Wire):
    seat_id: str


class Recorded(Wire):
    seq: int
    duplicate: bool = Field(description="true: a command with this id was recorded already; nothing happened twice")


class DocumentRow(Wire):
    id: str
    title: str
    section: str
    audience: list[str]


class DocumentBody(Wire):
    id: str
    title: str
    section: str
    html: str = Field(description="sanitised HTML")


class SeriesMeeting(Wire):
    code: str
    meeting: int
    phase: Phase
    created_at: float
    carried: int = Field(description="decisions carried, brought forward and new")
    dividend: float | None = Field(description="the residents' dividend after the latest round, if any")
    rounds: int


class LoggedEvent(Wire):
    seq: int
    type: str
    payload: dict[str, Any] = Field(description="the event's fields, as stored")


class PairRecord(Wire):
    """A pair's private notebook as the pair's own record (full export only)."""

    pair_id: str
    directorate: str | None
    members: list[SeatRef]
    notebook: str


class FullExport(Wire):
    """The whole record (`?full=1`); `POST /api/sessions/import` makes a new session from it."""

    format: Literal["neighbourhood-plc-session"]
    format_version: Literal[2]
    anonymised: Literal[False]
    code: str
    pack: str = Field(description="the scenario pack, as JSON text")
    pack_archive: str | None = Field(description="the pack's own files: a .zip, in base64")
    events: list[LoggedEvent]
    state: TrainerView
    pairs_own: list[PairRecord] = Field(description="each pair's private notebook, as that pair's own record")


class SharedReflection(Wire):
    ratings: dict[str, int]
    comment: str


class SharedExport(Wire):
    """The record for sharing (the default): pseudonyms for names, no secret ballot choices, and the reflections
    apart from the seats that gave them. It does not import."""

    format: Literal["neighbourhood-plc-session"]
    format_version: Literal[2]
    anonymised: Literal[True]
    code: str
    pack: str = Field(description="the scenario pack, as JSON text")
    events: list[LoggedEvent]
    reflections: list[SharedReflection]
    state: TrainerView


SessionExport = SharedExport | FullExport


def file_answer(media_type: str, description: str) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI entry of a route that answers with a file rather than JSON."""
    schema = {"type": "string"} if media_type.endswith("svg+xml") else {"type": "string", "format": "binary"}
    return {200: {"description": description, "content": {media_type: {"schema": schema}}}}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI entries of the errors a route (or router) can answer with."""
    return {status: ERRORS[status] for status in statuses}


def body_of(media_type: str, schema: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI request body of a route that reads its body itself (an upload, an import)."""
    return {"requestBody": {"required": True, "content": {media_type: {"schema": schema}}}}
