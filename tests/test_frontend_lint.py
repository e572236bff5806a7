"""Browser compatibility lint: eslint with eslint-plugin-compat over frontend/js, for the browsers in
package.json "browserslist" (participants bring Safari and Firefox). .ci/run installs the locked tools with
`npm ci`; here the test runs them when they are installed, and in CI their absence is a failure."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import IN_CI

ROOT = Path(__file__).resolve().parent.parent
ESLINT = ROOT / "node_modules" / ".bin" / "eslint"


def test_the_frontend_passes_the_browser_compatibility_lint():
    if not ESLINT.exists():
        if IN_CI:
            pytest.fail("eslint is not installed: run `npm ci` at the top of the repository first (see .ci/run)")
        pytest.skip("eslint is not installed here (npm ci)")
    done = subprocess.run(
        [str(ESLINT), "--max-warnings", "0", "frontend/js"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_lint_targets_safari_and_firefox_and_its_tools_are_locked():
    package = json.loads((ROOT / "package.json").read_text())
    assert {"Safari >= 16", "Firefox ESR"} <= set(package["browserslist"])
    assert set(package) >= {"devDependencies"} and "dependencies" not in package
    locked = json.loads((ROOT / "package-lock.json").read_text())["packages"]
    for name, version in package["devDependencies"].items():
        assert locked[f"node_modules/{name}"]["version"] == version, name
