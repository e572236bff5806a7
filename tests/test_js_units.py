"""The frontend's unit tests (tests/js/*.test.mjs, run with `node --test`): pure parts of frontend/js."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import IN_CI

ROOT = Path(__file__).resolve().parent.parent


def node() -> str:
    found = shutil.which("node")
    if found is None:
        if IN_CI:
            pytest.fail("Node.js is not installed; the frontend's unit tests need it (apt-get install -y nodejs)")
        pytest.skip("Node.js is not installed here")
    return found


def test_the_frontend_unit_tests_pass():
    tests = sorted((ROOT / "tests" / "js").glob("*.test.mjs"))
    assert tests, "no tests/js/*.test.mjs found"
    done = subprocess.run(
        [node(), "--test", *map(str, tests)], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    # Every file ran and none was skipped whole: a test file that fails to load counts as a failure above.
    assert "# fail 0" in done.stdout and "# pass 0" not in done.stdout, done.stdout[-2000:]
