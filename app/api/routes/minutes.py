"""The minutes: as JSON, and as a page laid out for printing (trainer or any seat of the session)."""

from __future__ import annotations

from datetime import datetime
from html import escape
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ...domain.core.money import pounds
from ...domain.debrief.minutes import minutes
from ..deps import ServicesDep, caller, normalise_code

router = APIRouter()


async def minutes_for(request: Request, code: str, svc) -> dict[str, Any]:
    await caller(request, code, svc)  # the trainer, or a seat of this session
    code = normalise_code(code)
    live = await svc.reads.state(code)
    return minutes(live.state, list(live.events))


@router.get("/api/sessions/{code}/minutes")
async def minutes_json(code: str, request: Request, svc: ServicesDep) -> dict:
    """The minutes as data."""
    return await minutes_for(request, code, svc)


@router.get("/trainer/{code}/minutes", response_class=HTMLResponse, include_in_schema=False)
@router.get("/play/{code}/minutes", response_class=HTMLResponse, include_in_schema=False)
async def minutes_page(code: str, request: Request, svc: ServicesDep) -> HTMLResponse:
    record = await minutes_for(request, code, svc)
    zone = ZoneInfo(svc.settings.timezone)
    return HTMLResponse(render(record, lambda at: datetime.fromtimestamp(at, zone)))


def render(m: dict[str, Any], when) -> str:
    def clock(at: float | None) -> str:
        return when(at).strftime("%H:%M") if at else ""

    title = escape(m["title"])
    parts = [
        f"<h1>Minutes: {title}</h1>",
        f'<p class="role-line">{escape(m["area"])}. Session {escape(m["code"])}, '
        f"{when(m['created_at']).strftime('%A %d %B %Y')}.</p>",
        '<button type="button" class="no-print" onclick="window.print()">Print the minutes</button>',
        _table(
            "Present",
            ["Name", "Organisation", "Role in the exercise"],
            [[a["name"], a["organisation"], a["role"]] for a in m["attendance"]],
        ),
        "<h2>Business</h2>",
    ]
    for item in m["items"]:
        parts.append(f"<h3>{escape(item['title'])} <small>{clock(item['opened_at'])}</small></h3>")
        parts += [_motion(motion) for motion in item["motions"]] or ["<p>No motions.</p>"]
    parts.append("<h2>Money moved</h2>")
    parts.append(
        "<ul>"
        + "".join(f"<li>Motion {escape(t['motion'])}: {escape(t['text'])}</li>" for t in m["transfers"])
        + "</ul>"
        if m["transfers"]
        else "<p>None.</p>"
    )
    parts.append(
        _table(
            "Corporate ledger",
            ["Directorate", "At the start", "At the end"],
            [[r["directorate"], pounds(r["start"]), pounds(r["end"])] for r in m["ledger"]],
        )
    )
    parts += [_outcome(outcome) for outcome in m["outcomes"]]
    parts.append(
        _table(
            "Who spoke", ["Name", "Voice", "Times"], [[s["name"], s["voice"], str(s["count"])] for s in m["speaking"]]
        )
    )
    parts.append(_table("Timeline", ["Time", "What happened"], [[clock(t["at"]), t["text"]] for t in m["timeline"]]))
    return (
        '<!doctype html><html lang="en-GB"><head><meta charset="utf-8">'
        f'<title>Minutes: {title}</title><meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="stylesheet" href="/static/css/app.css"></head>'
        f'<body class="print-pack"><main>{"".join(parts)}</main></body></html>'
    )


def _outcome(outcome: dict[str, Any]) -> str:
    rows = [
        [
            i["name"],
            f"{i['baseline']:g} {i['unit']}",
            f"{i['value']:g} {i['unit']}",
            "" if i["target"] is None else f"{i['target']:g}",
            "" if i["progress"] is None else f"{i['progress']}%",
        ]
        for i in outcome["indicators"]
    ]
    return (
        f"<h2>Outcomes {escape(outcome['label'].lower())}</h2>"
        f"<p>The residents' dividend stood at {outcome['dividend']:.2f} (100 at the start).</p>"
        + _table("Indicators", ["Indicator", "At the start", "Now", "Target", "Progress"], rows)
    )


def _table(caption: str, headings: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return f"<h2>{escape(caption)}</h2><p>None.</p>"
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headings)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<h2>{escape(caption)}</h2><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _motion(m: dict[str, Any]) -> str:
    lines = [
        f"<h4>Motion {escape(m['number'])} ({escape(m['kind'])}): {escape(m['result'])}</h4>",
        f"<p>{escape(m['text'])}</p>",
    ]
    if m["original_text"] != m["text"]:
        lines.append(f"<p><em>As first proposed:</em> {escape(m['original_text'])}</p>")
    who = (
        f"Proposed by {escape(m['proposer']['name'] if m['proposer'] else 'a director')} "
        f"({escape(m['proposer_directorate'])})"
    )
    if m["seconder"]:
        who += f"; seconded by {escape(m['seconder']['name'])} ({escape(m['seconder_directorate'])})"
    lines.append(f"<p>{who}.</p>")
    for a in m["amendments"]:
        lines.append(
            f"<p>Amendment by {escape(a['by']['name'] if a['by'] else 'a director')}: "
            f"{escape(a['text'])} ({escape(a['status'])}).</p>"
        )
    t = m["tally"]
    if m["status"] in ("carried", "lost", "void"):
        casting = f"; the chair's casting vote: {m['casting']}" if m["casting"] else ""
        ballot = "secret ballot" if m["secret"] else "named vote"
        lines.append(
            f"<p>Vote ({ballot}): {t['for']} for, {t['against']} against, {t['abstain']} abstaining"
            f"{escape(casting)}.</p>"
        )
        if m["ballots"]:
            lines.append("<p>" + "; ".join(f"{escape(d)}: {escape(c)}" for d, c in m["ballots"].items()) + ".</p>")
    if m["note"]:
        lines.append(f"<p>Note: {escape(m['note'])}</p>")
    return '<div class="minute">' + "".join(lines) + "</div>"
