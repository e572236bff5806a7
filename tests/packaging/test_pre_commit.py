"""The pre-commit hooks run ruff (lint and format) and mypy, the tools CI runs."""

from __future__ import annotations

import shutil

import pytest
import yaml

from .conftest import ROOT

pytestmark = pytest.mark.packaging


def test_pre_commit_runs_ruff_lint_ruff_format_and_mypy_with_the_installed_tools():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert {"ruff-check", "ruff-format", "mypy"} <= set(hooks)
    for hook in hooks.values():
        tool = hook["entry"].split()[0]
        assert hook["language"] == "system"
        assert shutil.which(tool), f"the {hook['id']} hook calls {tool}, which is not installed"
    assert hooks["ruff-check"]["entry"].startswith("ruff check")
    assert hooks["ruff-format"]["entry"].startswith("ruff format")
    # mypy checks what pyproject.toml names, exactly as .ci/run does, not just the files being committed.
    assert hooks["mypy"]["entry"] == "mypy" and hooks["mypy"]["pass_filenames"] is False
