"""Every hostile pack above, dropped in the scenarios folder, is reported and skipped at start-up; the others load.

A 500-deep scenario.yaml once raised RecursionError at start-up and stopped `nplc serve` altogether.
"""

from __future__ import annotations

import httpx

from tests.hardening.hostile import YAML, start, tiny_files, tiny_yaml, write_pack
from tests.hardening.test_hostile_folders import LINKS
from tests.hardening.test_hostile_ids import RESERVED, rename_directorate
from tests.hardening.test_hostile_numbers import CASES
from tests.hardening.test_hostile_yaml import HOSTILE_YAML
from tests.support import LiveServer, sign_in_client


def hostile_folder(tmp_path):
    """A scenarios folder with the tiny pack and every hostile pack; returns it and {folder: expected problem}."""
    scenarios = tmp_path / "scenarios"
    write_pack(scenarios, tiny_files())
    expected: dict[str, str] = {}
    for make in HOSTILE_YAML:
        yaml, line, message = make()
        write_pack(scenarios, tiny_files(**{YAML: yaml}), f"yaml-{make.__name__}")
        expected[f"yaml-{make.__name__}"] = f"{YAML}:{line}: {message}"
    for number, (old, new, message) in enumerate(CASES):
        write_pack(scenarios, tiny_files(**{YAML: tiny_yaml(old, new)}), f"number-{number}")
        expected[f"number-{number}"] = message
    for name in RESERVED:
        write_pack(scenarios, tiny_files(**{YAML: rename_directorate(name)}), f"id-{name}")
        expected[f"id-{name}"] = f"'{name}' is a name the server keeps for its own roles"
    for link in LINKS:
        pack = write_pack(scenarios, tiny_files(), f"link-{link.__name__}")
        expected[pack.name] = f"{link(pack, tmp_path)}: this is a link"
    write_pack(scenarios, tiny_files(**{"docs/chair.md": b"![" * 30_000}), "markdown-brackets")
    expected["markdown-brackets"] = "docs/chair.md:1: the pack has more than 1,000 square brackets"
    return scenarios, expected


def test_start_up_skips_every_hostile_pack_with_its_problem_and_loads_the_rest(tmp_path):
    scenarios, expected = hostile_folder(tmp_path)
    services = start(scenarios, tmp_path)
    assert set(services.packs) == {"tiny"}
    skipped = {bad.pack: [str(p) for p in bad.problems] for bad in services.library.skipped}
    assert set(skipped) == set(expected)
    for folder, problem in expected.items():
        assert any(problem in found for found in skipped[folder]), (folder, skipped[folder])


def test_nplc_serve_starts_with_hostile_packs_beside_a_good_one(tmp_path):
    scenarios = tmp_path / "scenarios"
    write_pack(scenarios, tiny_files())
    nested = tiny_yaml("injects:\n", "injects: " + "[" * 500 + "]" * 500 + "\nold_injects:\n")
    write_pack(scenarios, tiny_files(**{YAML: nested}), "nested")
    write_pack(scenarios, tiny_files(**{YAML: tiny_yaml("baseline: 20", "baseline: .nan")}), "infinite")
    write_pack(scenarios, tiny_files(**{YAML: b"id: x\x0b\n"}), "vertical-tab")
    (write_pack(scenarios, tiny_files(), "environ") / "docs" / "environ.md").symlink_to("/proc/self/environ")
    server = LiveServer(tmp_path / "nplc.db", scenarios)
    server.start()
    try:
        with sign_in_client(server) as trainer:
            assert [p["id"] for p in trainer.get("/api/scenarios").json()] == ["tiny"]
            assert trainer.get("/api/scenarios/tiny/download").status_code == 200
        assert httpx.get(f"{server.base_url}/api/health").status_code == 200
    finally:
        server.stop()
    for folder in ("nested", "infinite", "vertical-tab", "environ"):
        assert f"Skipped the scenario pack '{folder}'" in server.output
    assert "Traceback" not in server.output
