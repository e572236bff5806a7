"""The `nplc` command: serve the app, print a fresh sign-in link, manage trainers, check a scenario pack."""

from __future__ import annotations

import argparse
import socket
import sys
from pathlib import Path

from . import logs, ops, reach, scenario_cli, trainer_cli
from .config import Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="nplc", description="Neighbourhood plc: run the partnership exercise.")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="start the server")
    serve.add_argument("--host", help="address to listen on (default 127.0.0.1; 0.0.0.0 for a venue network)")
    serve.add_argument("--port", type=int, help="port (default 8000)")
    serve.add_argument("--database", help="database URL (default sqlite:///nplc.db)")
    serve.add_argument("--scenarios", type=Path, help="folder of scenario packs")
    serve.add_argument("--log-json", action="store_true", help="write the log as JSON lines (default: plain text)")
    trainer_cli.add_commands(sub)
    scenario_cli.add_commands(sub)
    ops.add_commands(sub)
    args = parser.parse_args(argv)
    if args.command == "serve":
        try:
            with ops.serving_lock(_settings(args).database_url):
                return _serve(args)
        except ops.ServerRunning as running:
            print(running, file=sys.stderr)
            return 2
    if args.command in ("sign-in", "migrate", "trainer"):
        return trainer_cli.run(args, _settings)
    if args.command in ("backup", "restore"):
        return ops.run(args, _settings)
    return scenario_cli.run(args)


def _settings(args: argparse.Namespace) -> Settings:
    given = {
        "host": getattr(args, "host", None),
        "port": getattr(args, "port", None),
        "database_url": getattr(args, "database", None),
        "scenarios_dir": getattr(args, "scenarios", None),
    }
    settings = Settings(**{k: v for k, v in given.items() if v is not None})
    if settings.public_url is None:
        settings = settings.model_copy(
            update={"public_url": f"http://{_reachable_host(settings.host)}:{settings.port}"}
        )
    return settings


def _reachable_host(host: str) -> str:
    """Listening on every interface, participants need this machine's address on the local network."""
    if host not in ("0.0.0.0", "::", ""):
        return host
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # no packet is sent; this only picks the outgoing interface
            return probe.getsockname()[0]
    except OSError:
        return "127.0.0.1"


def _serve(args: argparse.Namespace) -> int:
    import uvicorn
    from sqlalchemy.engine import make_url

    from .accounts import AccountProblem
    from .auth import new_sign_in_token
    from .main import build_services, create_app

    logs.configure(json_lines=args.log_json)
    settings = _settings(args)
    services = build_services(settings)
    app = create_app(settings)
    app.state.services = services
    try:
        token = new_sign_in_token(services.live.engine, settings.sign_in_minutes)
    except AccountProblem as problem:
        print(f"{problem} (`nplc trainer add NAME --admin`, `nplc trainer enable NAME`)", file=sys.stderr)
        return 1
    print("Neighbourhood plc", flush=True)
    print("  Open this first, on this computer; it signs you in to the trainer's console:", flush=True)
    print(f"  Trainer sign-in link:  {settings.public_url}/sign-in?token={token}", flush=True)
    print(f"    (works once, within {settings.sign_in_minutes} minutes; `nplc sign-in` prints another)", flush=True)
    print(f"  Participants join at:  {settings.public_url}  (with the session code)", flush=True)
    if warning := reach.venue_warning(settings.host, settings.public_url or ""):
        print(f"  Warning: {warning}", flush=True)
    database = make_url(settings.database_url).render_as_string(hide_password=True)
    print(f"  Scenarios: {', '.join(sorted(services.packs)) or 'none'}; database: {database}", flush=True)
    # Logging is already set up (logs.configure); uvicorn is told not to set it up again.
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        ws_max_size=1024 * 1024,
        log_config=None,
        access_log=False,
        proxy_headers=False,  # the app believes forwarded headers only from NPLC_TRUSTED_PROXIES
    )
    return 0


def run() -> None:
    """Console entry point: `nplc ...`; output cut short by a closed pipe (`| head`) ends quietly."""
    try:
        sys.exit(main())
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    run()
