"""Load benchmark: the real server (`nplc serve`, fresh SQLite database) and a bare broadcast server
(bench/bare_server.py) driven by real websocket clients offering permessage-deflate, as browsers do.

Run: python bench/load.py [--sessions 10] [--seats 20] [--rate 100] [--duration 20] [--json]

Against each server, in turn:
1. every seat opens its page and waits (server memory per idle connection);
2. commands at `--rate` a second in all, spread over the sessions: votes and changed votes, hands raised and
   lowered, motions proposed, seconded and closed (bench/load_mix.py). Latency is from sending a command to
   the `update` or `delta` frame carrying its seq arriving at each seat of the session; server CPU per command;
   bytes per update per viewer, as JSON and after permessage-deflate;
3. a reconnect storm: every page dropped at once, time until each has resynced;
4. `--joiners` people join `--join-sessions` new sessions at once: time from joining to first state.
The bare server relays a real update's text in place of each command. Prints a markdown table; nothing is
asserted here (tests/bench/test_load.py checks that the harness itself works). See docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load_bare import run_bare
from bench.load_real import RealRun, run_real

# The targets (100 sessions x 20 seats at 500 commands a second).
P99_MS, CPU_MS, UPDATE_BYTES, FIRST_STATE_X, MEMORY_X, STORM_S = 50, 1.0, 1024, 2.0, 1.25, 5.0


def options(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=5)
    parser.add_argument("--seats", type=int, default=20, help="people in each session (Kilnbrook holds 25)")
    parser.add_argument("--rate", type=float, default=25, help="commands a second, all sessions together")
    parser.add_argument("--duration", type=float, default=15, help="seconds of commands")
    parser.add_argument("--scenario", default="kilnbrook", help="a pack in scenarios/")
    parser.add_argument("--joiners", type=int, default=200, help="people joining at once (0: skip)")
    parser.add_argument("--join-sessions", type=int, default=10)
    parser.add_argument("--no-bare", action="store_true", help="skip the bare server")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    return parser.parse_args(argv)


def measure(opts: argparse.Namespace) -> tuple[dict, RealRun]:
    # Other work on the machine shows up in every figure here; the load average says how much there was.
    figures: dict = {"options": vars(opts), "load_average": os.getloadavg(), "cores": os.cpu_count()}
    real = run_real(opts)
    figures["real"] = real.figures
    if not opts.no_bare:
        figures["bare"] = run_bare(opts, real.first_text, real.update_text)
    return figures, real


def ms(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds * 1000:.1f} ms"


def kb(size: float | None) -> str:
    return "–" if size is None else f"{size / 1024:.2f} KB"


def share(figures: dict) -> str:
    if "server_cpu_share" not in figures:
        return "–"
    return f"{figures['server_cpu_share']:.0%} / {figures['client_cpu_share']:.0%} of a core"


def ratio(ours: float | None, bare: float | None) -> str:
    return f"{ours / bare:.2f}x bare" if ours is not None and bare else "–"


def table(figures: dict) -> str:
    real, bare = figures["real"], figures.get("bare", {})
    rl, bl = real["latency"], bare.get("latency", {})
    rows = [
        ("commands sent (a second)", f"{real['commands']} ({real['rate']:.1f}/s)", str(bare.get("commands", "–")), ""),
        ("refused / unanswered", f"{sum(real['errors'].values())} / {real['unanswered']}", "–", "0"),
        ("latency p50 / p95", f"{ms(rl['p50'])} / {ms(rl['p95'])}", f"{ms(bl.get('p50'))} / {ms(bl.get('p95'))}", ""),
        ("latency p99", ms(rl["p99"]), ms(bl.get("p99")), f"<= {P99_MS} ms"),
        (
            "deliveries (missing)",
            f"{real['deliveries']} ({real['missing']})",
            f"{bare.get('deliveries', '–')} ({bare.get('missing', '–')})",
            "0 missing",
        ),
        (
            "deliveries a second",
            f"{real['deliveries_per_second']:.0f}",
            f"{bare.get('deliveries_per_second', 0):.0f}",
            "",
        ),
        ("CPU used by server / by clients", share(real), share(bare), ""),
        ("server CPU per command", ms(real["cpu_per_command"]), ms(bare.get("cpu_per_command")), f"<= {CPU_MS:g} ms"),
    ]
    for kind in sorted(real["raw_bytes"]):
        wire = real["wire_bytes"].get(kind)
        rows.append(
            (
                f"bytes per update per viewer: {kind}",
                f"{kb(real['raw_bytes'][kind])} JSON, {kb(wire)} deflated",
                "",
                "<= 1 KB (vote, hand)",
            )
        )
    if bare:
        rows.append(
            ("bytes per relayed message", "", f"{kb(bare['raw_bytes'])} JSON, {kb(bare['wire_bytes'])} deflated", "")
        )
    rm, bm = real["memory_per_connection"], bare.get("memory_per_connection")
    rows.append(("memory per idle connection", f"{kb(rm)} ({ratio(rm, bm)})", kb(bm), f"<= {MEMORY_X}x bare"))
    if "first_state" in real:
        rf, bf = real["first_state"], bare.get("first_state", {})
        label = f"{rf['people']} joining {figures['options']['join_sessions']} sessions: first state p50 / p99"
        rows.append(
            (
                label,
                f"{ms(rf['p50'])} / {ms(rf['p99'])} ({ratio(rf['p99'], bf.get('p99'))})",
                f"{ms(bf.get('p50'))} / {ms(bf.get('p99'))}",
                f"p99 <= {FIRST_STATE_X:g}x bare",
            )
        )
    rs, bs = real["storm"], bare.get("storm", {})
    rows.append(
        (
            f"reconnect storm of {rs['clients']}: all resynced",
            ms(rs["max"]),
            ms(bs.get("max")),
            f"2,000 within {STORM_S:g} s",
        )
    )
    opts, load = figures["options"], ", ".join(f"{x:.1f}" for x in figures["load_average"])
    lines = [
        f"{opts['sessions']} sessions x {opts['seats']} seats, {opts['rate']:g} commands/s for {opts['duration']:g} s; "
        f"{figures['cores']} cores, load average {load} at the start\n",
        "| measure | nplc | bare | target |",
        "|---|---|---|---|",
    ] + [f"| {' | '.join(row)} |" for row in rows]
    if real["errors"]:
        lines.append("\nRefused commands: " + "; ".join(f"{n} x {text}" for text, n in real["errors"].items()))
    if real["dropped_behind"]:
        lines.append(f"\nPages dropped for falling behind (4409): {real['dropped_behind']}")
    return "\n".join(lines)


def main() -> None:
    opts = options()
    figures, _ = measure(opts)
    print(json.dumps(figures, indent=2) if opts.json else table(figures))


if __name__ == "__main__":
    main()
