"""`pip install .` (not editable) gives a working server from any folder: every page, the static files, the packs."""

from __future__ import annotations

import os
import re
import subprocess
import time
import venv
import zipfile
from pathlib import Path

import httpx
import pytest

from tests.support import free_port

from .conftest import shipped_files

pytestmark = pytest.mark.packaging


def test_the_wheel_carries_every_frontend_file_and_every_shipped_pack_file(wheel: Path):
    inside = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("frontend", "scenarios"):
        expected = shipped_files(folder)
        assert expected, f"nothing found under {folder}/"
        missing = [f for f in expected if f"app/_shipped/{f}" not in inside]
        assert not missing, f"left out of the wheel: {missing}"
    assert "app/store/migrations/script.py.mako" in inside
    templates = shipped_files("app/templates")
    assert templates and not [t for t in templates if t not in inside]
    assert not [n for n in inside if "__pycache__" in n or n.endswith(".pyc")]


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory) -> Path:
    """A fresh virtual environment with the wheel installed; dependencies come from the system site-packages."""
    env_dir = tmp_path_factory.mktemp("venv")
    venv.create(env_dir, system_site_packages=True, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-deps", "--force-reinstall", wheel],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return env_dir


def outside_env() -> dict[str, str]:
    """The environment without anything that would put the source tree back on sys.path."""
    return {k: v for k, v in os.environ.items() if not k.startswith("NPLC_") and k not in ("PYTHONPATH", "PYTHONHOME")}


def test_the_installed_copy_runs_not_the_source_tree(installed: Path, tmp_path: Path):
    found = subprocess.run(
        [installed / "bin" / "python", "-c", "import app, app.shipped as s; print(app.__file__); print(s.FRONTEND)"],
        cwd=tmp_path,
        env=outside_env(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert all(Path(p).is_relative_to(installed) for p in found), found


def test_nplc_serve_from_another_folder_serves_pages_static_files_and_packs(installed: Path, tmp_path: Path):
    port = free_port()
    server = subprocess.Popen(
        [installed / "bin" / "nplc", "serve", "--port", str(port), "--database", f"sqlite:///{tmp_path / 'day.db'}"],
        cwd=tmp_path,
        env=outside_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        link = _sign_in_link(server)
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, timeout=10) as http:
            _wait_healthy(http)
            home = http.get("/")
            assert home.status_code == 200 and "<html" in home.text
            for page in ("/play/ABCDEF", "/trainer", "/projector/ABCDEF", "/trainer/ABCDEF/debrief"):
                assert http.get(page).status_code == 200, page
            script = http.get("/static/js/api.js")
            assert script.status_code == 200
            assert script.text == (Path(__file__).resolve().parents[2] / "frontend/js/api.js").read_text()
            assert http.get("/static/css/app.css").status_code == 200
            refused = http.get("/sign-in?token=not-a-token")
            assert refused.status_code == 403 and "That sign-in link does not work" in refused.text
            assert http.get(link.replace(base, ""), follow_redirects=False).status_code == 303
            listed = http.get("/api/scenarios")
            assert listed.status_code == 200, listed.text
            ids = {p["id"] for p in listed.json()}
            shipped = {p.name for p in (Path(__file__).resolve().parents[2] / "scenarios").iterdir() if p.is_dir()}
            assert ids and ids == shipped
    finally:
        server.terminate()
        server.wait(10)
        server.stdout.close()


def _sign_in_link(server: subprocess.Popen) -> str:
    seen = ""
    for line in server.stdout:
        seen += line
        found = re.search(r"Trainer sign-in link:\s+(\S+)", line)
        if found:
            return found.group(1)
    raise AssertionError(f"the installed server stopped before printing its sign-in link:\n{seen}")


def _wait_healthy(http: httpx.Client) -> None:
    for _ in range(300):
        try:
            if http.get("/api/health").status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError("the installed server did not answer /api/health")
