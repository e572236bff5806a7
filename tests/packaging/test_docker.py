"""The image's inputs, checked where no Docker daemon runs (CI builds the image itself where one does)."""

from __future__ import annotations

import fnmatch
import re
import shlex

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.packaging


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) for each line of the Dockerfile, continuation lines joined."""
    text = re.sub(r"\\\n\s*", " ", (ROOT / "Dockerfile").read_text())
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in lines]


def ignored(path: str) -> bool:
    patterns = [p.strip() for p in (ROOT / ".dockerignore").read_text().splitlines() if p.strip()]
    return any(fnmatch.fnmatch(path, p.removeprefix("**/")) for p in patterns)


def test_every_copy_source_is_in_the_build_context():
    copied = 0
    for op, args in instructions():
        if op != "COPY" or args.startswith("--from="):
            continue
        *sources, _ = shlex.split(args)
        for source in sources:
            assert (ROOT / source).exists(), f"COPY {source}: no such file"
            assert not ignored(source), f"COPY {source}: .dockerignore leaves it out of the build context"
            copied += 1
    assert copied >= 5


def test_the_image_installs_from_the_lockfile_with_hashes_and_never_editable():
    runs = [args for op, args in instructions() if op == "RUN"]
    installs = [part.strip() for run in runs for part in run.split("&&") if "pip install" in part]
    assert any("--require-hashes -r /tmp/requirements-runtime.lock" in i for i in installs), installs
    assert all(" -e " not in f" {i} " and "--editable" not in i for i in installs), installs
    # Everything else comes from the lock, so the wheel itself may bring no dependency of its own.
    assert all("--require-hashes" in i or "--no-deps" in i for i in installs), installs
    assert any("pip wheel" in run and "--no-deps" in run for run in runs)


def test_the_runtime_lock_is_the_full_lock_without_the_test_tools():
    from .test_lockfile import locked

    full = locked()
    runtime = locked("requirements-runtime.lock")
    assert runtime and all(full.get(name) == pin for name, pin in runtime.items())
    assert "pytest" in full and "pytest" not in runtime and "playwright" not in runtime


def test_the_server_runs_as_a_user_other_than_root_with_a_health_check_and_its_data_in_a_volume():
    steps = instructions()
    users = [args.strip() for op, args in steps if op == "USER"]
    assert users and users[-1] not in ("root", "0") and not users[-1].startswith("0:")
    final_stage = max(i for i, (op, _) in enumerate(steps) if op == "FROM")
    assert any(op == "USER" for op, _ in steps[final_stage:])
    (health,) = [args for op, args in steps if op == "HEALTHCHECK"]
    assert "/api/health" in health
    volumes = [args for op, args in steps if op == "VOLUME"]
    assert volumes == ["/data"]
    env = " ".join(args for op, args in steps if op == "ENV")
    assert "NPLC_DATABASE_URL=sqlite:////data/" in env
    assert [args for op, args in steps if op == "CMD"] == ['["nplc", "serve"]']


def test_the_wheel_the_image_installs_builds_and_gives_the_nplc_command(wheel):
    import zipfile

    with zipfile.ZipFile(wheel) as built:
        (entry_points,) = [n for n in built.namelist() if n.endswith(".dist-info/entry_points.txt")]
        assert "nplc = app.cli:run" in built.read(entry_points).decode()
