"""The load benchmark's markdown table: each measure for the real server and the bare one, beside its target."""

from __future__ import annotations

# The targets (100 sessions x 20 seats at 500 commands a second).
P99_MS, CPU_MS, UPDATE_KB, FIRST_STATE_X, MEMORY_X, STORM_S = 50, 1.0, 1, 2.0, 1.25, 5.0


def ms(seconds: float | None) -> str:
    return "–" if seconds is None else f"{seconds * 1000:.1f} ms"


def kb(size: float | None) -> str:
    return "–" if size is None else f"{size / 1024:.2f} KB"


def spread(figures: dict, key: str, *ranks: str) -> str:
    found = figures.get(key)
    return " / ".join(ms(found.get(rank)) for rank in ranks) if found else "–"


def share(figures: dict) -> str:
    if "server_cpu_share" not in figures:
        return "–"
    return f"{figures['server_cpu_share']:.0%} / {figures['client_cpu_share']:.0%} of a core"


def ratio(ours: float | None, bare: float | None) -> str:
    return f" ({ours / bare:.2f}x bare)" if ours is not None and bare else ""


def traffic(real: dict, bare: dict, duration: float) -> list[tuple[str, ...]]:
    def sent(f: dict) -> str:
        return f"{f['commands']} ({f['commands'] / duration:.1f}/s)" if f else "–"

    def deliveries(f: dict) -> str:
        return f"{f['deliveries']} ({f['missing']}), {f['deliveries_per_second']:.0f}/s" if f else "–"

    database = ms(real.get("database_cpu_per_command")) if "database_cpu" in real else "– (SQLite: in the server)"
    return [
        ("commands sent (a second)", sent(real), sent(bare), ""),
        ("refused / unanswered", f"{sum(real['errors'].values())} / {real['unanswered']}", "–", "0"),
        ("latency p50 / p95", spread(real, "latency", "p50", "p95"), spread(bare, "latency", "p50", "p95"), ""),
        ("latency p99", spread(real, "latency", "p99"), spread(bare, "latency", "p99"), f"<= {P99_MS} ms"),
        ("sender's ack p50 / p99", spread(real, "ack_latency", "p50", "p99"), "–", ""),
        ("deliveries (missing), a second", deliveries(real), deliveries(bare), "0 missing"),
        ("CPU used by server / by clients", share(real), share(bare), ""),
        ("server CPU per command", ms(real["cpu_per_command"]), ms(bare.get("cpu_per_command")), f"<= {CPU_MS:g} ms"),
        ("PostgreSQL's CPU per command (its backends)", database, "–", ""),
        ("events told twice / out of order / skipped; commands never told", told(real), "–", "0 / 0 / 0; 0"),
    ]


def told(real: dict) -> str:
    found = real["delivery"]
    counts = f"{found['duplicates']} / {found['out_of_order']} / {found['gaps']}; {found['missing']}"
    return f"{counts} ({found['seats_wrong']} of {found['seats']} seats wrong)"


def sizes(real: dict, bare: dict) -> list[tuple[str, ...]]:
    rows = [
        (f"bytes per update per viewer: {kind}", f"{kb(raw)} JSON, {kb(real['wire_bytes'].get(kind))} deflated")
        for kind, raw in sorted(real["raw_bytes"].items())
    ]
    relayed = f"{kb(bare['raw_bytes'])} JSON, {kb(bare['wire_bytes'])} deflated (every message)" if bare else "–"
    target = f"<= {UPDATE_KB} KB (vote, hand)"
    return [(label, ours, relayed if n == 0 else "", target) for n, (label, ours) in enumerate(rows)]


def arrivals(real: dict, bare: dict, join_sessions: int) -> list[tuple[str, ...]]:
    rm, bm = real["memory_per_connection"], bare.get("memory_per_connection")
    rows = [("memory per idle connection", kb(rm) + ratio(rm, bm), kb(bm), f"<= {MEMORY_X:g}x bare")]
    if "first_state" in real:
        rf, bf = real["first_state"], bare.get("first_state", {})
        rows.append(
            (
                f"{rf['people']} joining {join_sessions} sessions: first state p50 / p99",
                spread(real, "first_state", "p50", "p99") + ratio(rf["p99"], bf.get("p99")),
                spread(bare, "first_state", "p50", "p99"),
                f"p99 <= {FIRST_STATE_X:g}x bare",
            )
        )
    storm = f"reconnect storm of {real['storm']['clients']}: p50 / all resynced"
    rows.append(
        (storm, spread(real, "storm", "p50", "max"), spread(bare, "storm", "p50", "max"), f"2,000 in {STORM_S:g} s")
    )
    return rows


def table(figures: dict) -> str:
    real, bare, opts = figures["real"], figures.get("bare", {}), figures["options"]
    rows = traffic(real, bare, opts["duration"]) + sizes(real, bare) + arrivals(real, bare, opts["join_sessions"])
    load = ", ".join(f"{x:.1f}" for x in figures["load_average"])
    processes = f"{real['processes']} process{'es' if real['processes'] > 1 else ''} on {real['database']}"
    lines = [
        f"{opts['sessions']} sessions x {opts['seats']} seats, {opts['rate']:g} commands/s for {opts['duration']:g} s, "
        f"nplc as {processes}; {figures['cores']} cores, load average {load} at the start\n",
        "| measure | nplc | bare | target |",
        "|---|---|---|---|",
    ] + [f"| {' | '.join(row)} |" for row in rows]
    if real["errors"]:
        lines.append("\nRefused commands: " + "; ".join(f"{n} x {text}" for text, n in real["errors"].items()))
    if real["dropped_behind"]:
        lines.append(f"\nPages dropped for falling behind (4409): {real['dropped_behind']}")
    return "\n".join(lines)
