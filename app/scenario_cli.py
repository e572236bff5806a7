"""`nplc scenario ...`: check, scaffold, describe and preview packs. Problems print as `file:line: what to fix`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .scenarios.archive import MAX_ARCHIVE_BYTES, read_zip
from .scenarios.loader import Pack, load_files, read_folder
from .scenarios.problems import PackInvalid, Problem
from .scenarios.scaffold import create_pack
from .scenarios.schema import Scenario


def add_commands(sub: argparse._SubParsersAction) -> None:
    scenario = sub.add_parser("scenario", help="work with scenario packs")
    commands = scenario.add_subparsers(dest="scenario_command", required=True)
    validate = commands.add_parser("validate", help="check a pack (folder or .zip) and list every problem")
    validate.add_argument("path", type=Path)
    validate.add_argument("--plan", type=Path, help="also play this plan (as simulate does) and list its warnings")
    new = commands.add_parser("new", help="start a new pack that validates and plays at once")
    new.add_argument("name")
    new.add_argument("--into", type=Path, default=Path("scenarios"), help="parent folder (default scenarios/)")
    commands.add_parser("schema", help="print the JSON Schema of scenario.yaml, for editors")
    simulate = commands.add_parser("simulate", help="play a plan of board decisions and print each round")
    simulate.add_argument("path", type=Path)
    simulate.add_argument("--plan", type=Path, required=True, help="YAML plan (docs/consequences-model.md)")
    simulate.add_argument("--json", action="store_true", help="print the rounds as JSON")
    preview = commands.add_parser("preview", help="serve the pack as each role would see it")
    preview.add_argument("path", type=Path)
    preview.add_argument("--port", type=int, default=8001)


def run(args: argparse.Namespace) -> int:
    commands = {"validate": _validate, "new": _new, "schema": _schema, "preview": _preview, "simulate": _simulate}
    return commands[args.scenario_command](args)


def load_path(path: Path) -> Pack:
    """Takes a pack folder or .zip; returns the Pack or raises PackInvalid (or FileNotFoundError)."""
    if path.is_dir():
        return load_files(path.name, read_folder(path))
    if path.is_file() and path.suffix.lower() == ".zip":
        if path.stat().st_size > MAX_ARCHIVE_BYTES:  # refused before it is read into memory
            raise PackInvalid(
                path.name, [Problem(path.name, 0, f"the zip is larger than {MAX_ARCHIVE_BYTES // 2**20} MB")]
            )
        return load_files(path.name, read_zip(path.read_bytes(), path.name))
    raise FileNotFoundError(path)


def _validate(args: argparse.Namespace) -> int:
    path: Path = args.path
    try:
        pack = load_path(path)
    except FileNotFoundError:
        print(f"{path}: no such folder or .zip; give the folder that holds scenario.yaml", file=sys.stderr)
        return 1
    except PackInvalid as bad:
        prefix = path.as_posix().rstrip("/") + "/" if path.is_dir() else f"{path.as_posix()}:"
        for problem in bad.problems:
            print(f"{prefix}{problem}")
        print(f"{len(bad.problems)} problem(s) found.", file=sys.stderr)
        return 1
    print(f"{path}: '{pack.scenario.title}' is valid ({len(pack.documents)} documents, version {pack.version}).")
    return _check_plan(pack, args.plan) if args.plan else 0


def _check_plan(pack: Pack, plan_path: Path) -> int:
    """Plays a plan on a valid pack; prints each warning as `plan:round N: warning`. 1 if it cannot be played."""
    from .scenarios.simulate import PlanError, read_plan, simulate

    try:
        rounds = simulate(pack, read_plan(plan_path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        print(f"{plan_path}: no such plan file", file=sys.stderr)
        return 1
    except PlanError as bad:
        print(f"{plan_path}: {bad}")
        return 1
    found = [(n, w) for n, r in enumerate(rounds, start=1) for w in r["warnings"]]
    for number, warning in found:
        print(f"{plan_path}: round {number}: warning: {warning}")
    print(f"{plan_path}: the plan plays ({len(rounds)} rounds, {len(found)} warning(s)).")
    return 0


def _simulate(args: argparse.Namespace) -> int:
    from .scenarios.simulate import PlanError, as_text, read_plan, simulate

    try:
        pack = load_path(args.path)
        plan = read_plan(args.plan.read_text(encoding="utf-8"))
        rounds = simulate(pack, plan)
    except FileNotFoundError as missing:
        print(f"{missing.filename or missing}: no such file or pack folder", file=sys.stderr)
        return 2
    except PackInvalid as bad:
        for problem in bad.problems:
            print(f"{args.path.as_posix().rstrip('/')}/{problem}", file=sys.stderr)
        return 2
    except PlanError as bad:
        print(f"{args.plan}: {bad}", file=sys.stderr)
        return 2
    print(json.dumps({"rounds": rounds}, indent=1) if args.json else as_text(rounds))
    return 0


def _new(args: argparse.Namespace) -> int:
    try:
        folder = create_pack(args.into, args.name)
    except FileExistsError as exists:
        print(f"{exists}: already exists; choose another name", file=sys.stderr)
        return 1
    print(f"Created {folder}. Edit its files, then check it with: nplc scenario validate {folder}")
    return 0


def _schema(args: argparse.Namespace) -> int:
    schema = Scenario.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Neighbourhood plc scenario.yaml"
    print(json.dumps(schema, indent=2))
    return 0


def _preview(args: argparse.Namespace) -> int:
    import uvicorn

    from .preview import create_preview_app

    if not (args.path / "scenario.yaml").is_file():
        print(f"{args.path}: not a pack folder (no scenario.yaml in it)", file=sys.stderr)
        return 1
    print(f"Previewing {args.path} at http://127.0.0.1:{args.port} (it reloads when you save a file)", flush=True)
    # An open page keeps a request waiting for the next change, so stopping does not wait long for it.
    app = create_preview_app(args.path)
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning", timeout_graceful_shutdown=1)
    return 0
