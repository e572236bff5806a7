"""The documentation is kept true by tests: the Quick start, CI and the protocol reference."""

import re
import typing
from pathlib import Path

from app.domain.commands import AnyCommand
from app.domain.events import EVENT_TYPES

ROOT = Path(__file__).resolve().parent.parent


def quick_start_blocks() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)```", section, flags=re.S)


def commands(block: str) -> list[str]:
    """The block's commands, each without its trailing comment."""
    return [line.split("   #", 1)[0].strip() for line in block.strip().splitlines() if line.strip()]


def test_quick_start_has_exactly_a_run_block_and_a_test_block():
    run, test = quick_start_blocks()
    run_lines = commands(run)
    # Debian refuses a bare `pip install`: the newcomer makes a virtual environment first.
    assert run_lines.index("python3 -m venv .venv && . .venv/bin/activate") < run_lines.index("pip install .")
    assert run_lines[-1] == "nplc serve"
    assert "chromium" in test


def test_quick_start_installs_the_test_dependencies_the_way_ci_does():
    ci_lines = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line and not line.startswith("#")]
    ci_pip = [re.sub(r" -q| --disable-pip-version-check", "", line) for line in ci_lines if "pip install" in line]
    readme_pip = [line for line in commands(quick_start_blocks()[1]) if "pip install" in line]
    assert readme_pip == ci_pip


def test_ci_runs_exactly_the_readme_test_command():
    test_command = commands(quick_start_blocks()[1])[-1]
    ci_lines = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line and not line.startswith("#")]
    assert test_command == "python -m pytest"
    assert ci_lines[-1] == test_command
    assert any("apt-get install -y" in line and "chromium" in line for line in ci_lines)
    assert any(line.startswith("apt-get update") for line in ci_lines)


def test_every_command_is_in_the_protocol_reference():
    protocol = (ROOT / "docs" / "protocol.md").read_text()
    union = typing.get_args(typing.get_args(AnyCommand)[0])
    names = [typing.get_args(model.model_fields["type"].annotation)[0] for model in union]
    missing = [name for name in names if name != "join" and f"`{name}`" not in protocol]
    assert missing == []


def test_every_event_explains_itself():
    assert [name for name, cls in EVENT_TYPES.items() if not (cls.__doc__ or "").strip()] == []
