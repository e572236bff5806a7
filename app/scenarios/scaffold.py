"""`nplc scenario new NAME`: a small pack that validates and plays at once, for an organiser to fill in."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

DIRECTORATES = {
    "housing": (
        "Housing",
        "Chief Housing Officer",
        500_000,
        [("Repairs and maintenance", 350_000), ("Tenancy support", 150_000)],
    ),
    "health": (
        "Health",
        "Director of Public Health",
        400_000,
        [("GP and community services", 300_000), ("Prevention", 100_000)],
    ),
    "safety": (
        "Community Safety",
        "Neighbourhood Police Inspector",
        300_000,
        [("Patrols", 220_000), ("Youth diversion", 80_000)],
    ),
}
SECTIONS = {
    "mission": "Mission and current strategies",
    "budget": "Budget commentary",
    "targets": "Outcome targets",
    "reports": "Area reports and survey findings",
    "guidance": "Central government guidance",
}

YAML_HEAD = """\
# A new Neighbourhood plc pack. Every field is explained in docs/scenario-format.md.
# Check it with:  nplc scenario validate {folder}
id: {id}
title: {title}
summary: >-
  Replace this with two or three sentences a trainer reads when choosing a scenario:
  the place, its main problems and what the board must decide.
area: {area}
total_budget: 1200000
timings: {{lobby: 15, read_in: 60, board: 90, debrief: 30}}
chair: {{title: Managing Director}}
residents: {{mode: panel, title: "Shareholders' panel", max: 6}}
agencies:
  - {{id: council-housing, name: Council housing, directorate: housing}}
  - {{id: nhs, name: NHS primary care, directorate: health}}
  - {{id: police, name: Police, directorate: safety}}
  - {{id: voluntary-sector, name: Voluntary sector, directorate: null}}
indicators:
  - {{id: damp-homes, name: Homes with damp or mould, heading: Housing, unit: "%", baseline: 18, better: lower}}
  - {{id: gp-visits, name: GP visits per resident a year, heading: Health, unit: visits, baseline: 6.5, better: lower}}
  - {{id: crime-rate, name: "Recorded crimes per 1,000 residents", heading: Crime, unit: per 1000, baseline: 95, better: lower}}
exported_costs:
  - {{source: housing, target: health, annual_cost: 60000, because: Damp homes bring more chest and asthma cases to the surgery.}}
prevention:
  - {{source: housing, preventable: 0.6, return: 1.8, lag: 1, because: Damp repairs stop most damp-related chest infections within a winter or two.}}
directorates:
"""


def _directorate_yaml(key: str) -> str:
    name, title, total, lines = DIRECTORATES[key]
    budget_lines = ", ".join(f"{{label: {label}, amount: {amount}}}" for label, amount in lines)
    target = {"housing": "damp-homes, value: 12", "health": "gp-visits, value: 6", "safety": "crime-rate, value: 85"}[
        key
    ]
    return (
        f"  - id: {key}\n    name: {name}\n    director_title: {title}\n"
        f"    budget: {{total: {total}, lines: [{budget_lines}]}}\n"
        f"    targets: [{{indicator: {target}, by: March 2028}}]\n"
    )


def _documents_yaml() -> str:
    rows = [
        "documents:",
        "  - {id: area-profile, title: Area profile, file: shared/area-profile.md, section: shared, visible_to: [everyone]}",
        "  - {id: chair-brief, title: Chair's brief, file: chair/brief.md, section: confidential, visible_to: [chair]}",
        "  - {id: residents-brief, title: Residents' brief, file: residents/brief.md, section: mission, visible_to: [residents]}",
        "  - {id: news-story, title: Local news story, file: news/story.md, section: inject, visible_to: [everyone]}",
    ]
    for key, (name, *_rest) in DIRECTORATES.items():
        for section, label in SECTIONS.items():
            rows.append(
                f'  - {{id: {key}-{section}, title: "{name}: {label.lower()}", file: {key}/{section}.md, '
                f"section: {section}, visible_to: [{key}]}}"
            )
    rows += [
        "agenda:",
        "  - {id: objectives, title: Corporate objectives, kind: objectives, minutes: 30}",
        "  - {id: targets, title: Departmental targets, kind: targets, minutes: 25}",
        "  - {id: budget, title: Budget strategy and transfers, kind: budget, minutes: 35}",
        "injects:",
        "  - {id: news-story, title: Local news story, document: news-story, suggested_minute: 40}",
    ]
    return "\n".join(rows) + "\n"


def _markdown(title: str, hint: str) -> bytes:
    return f"# {title}\n\n{hint}\n".encode()


def scaffold_files(pack_id: str, title: str, folder: str) -> dict[str, bytes]:
    """Returns the files of a new pack: path -> bytes."""
    quoted = {"title": _quoted(title), "area": _quoted(f"{title} (fictional)")}
    yaml = YAML_HEAD.format(id=pack_id, folder=folder, **quoted)
    yaml += "".join(_directorate_yaml(key) for key in DIRECTORATES) + _documents_yaml()
    files = {
        "scenario.yaml": yaml.encode(),
        "shared/area-profile.md": _markdown(
            "Area profile",
            "Describe the neighbourhood with figures everyone can see: people, income, health, housing, crime.",
        ),
        "chair/brief.md": _markdown("Chair's brief", "What the managing director should steer the board towards."),
        "residents/brief.md": _markdown("Residents' brief", "What the shareholders' panel cares about."),
        "news/story.md": _markdown("Local news story", "A story the trainer releases during the meeting."),
    }
    for key, (name, *_rest) in DIRECTORATES.items():
        for section, label in SECTIONS.items():
            files[f"{key}/{section}.md"] = _markdown(
                f"{name}: {label.lower()}", f"Write the {label.lower()} for the {name} pair here."
            )
    return files


def _quoted(text: str) -> str:
    """Text as a YAML double-quoted string (JSON's quoting is YAML's), accents kept as they are."""
    return json.dumps(text, ensure_ascii=False)


def slug(name: str) -> str:
    """A display name as a pack id: 'Côte Ward' -> 'cote-ward', 'St. Mary's  Estate' -> 'st-mary-s-estate'.
    Accents are dropped from their letters (not the letters themselves), capitals lowered, and every run
    of anything else becomes one hyphen; the id starts with a letter and is at most 40 characters."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    pack_id = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40].rstrip("-") or "new-pack"
    if not pack_id[0].isalpha():
        pack_id = f"pack-{pack_id}"[:40].rstrip("-")
    return pack_id


def create_pack(parent: Path, name: str) -> Path:
    """Writes a new pack folder `parent/<id>`, the name kept as its title; raises FileExistsError if it is
    there already."""
    pack_id = slug(name)
    folder = parent / pack_id
    if folder.exists():
        raise FileExistsError(folder)
    title = " ".join(name.split())[:100] or pack_id
    for path, data in scaffold_files(pack_id, title, folder.as_posix()).items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(data)
    return folder
