"""The organiser's commands: new, schema, validate a zip, and preview."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from fastapi.testclient import TestClient

from app.preview import create_preview_app
from app.scenarios.archive import write_zip
from app.scenarios.loader import load_folder, read_folder
from tests.scenarios.test_shipped_packs import carry_a_transfer, check_packs, play_to_the_board

TINY = Path(__file__).resolve().parents[1] / "packs" / "tiny"


def nplc(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True, text=True, timeout=60)


def test_a_new_pack_validates_and_plays_at_once(tmp_path):
    made = nplc("scenario", "new", "Harbour Ward", "--into", str(tmp_path))
    assert made.returncode == 0, made.stderr
    folder = tmp_path / "harbour-ward"
    assert nplc("scenario", "validate", str(folder)).returncode == 0
    pack = load_folder(folder)
    day = play_to_the_board(pack)
    check_packs(day, pack)
    carry_a_transfer(day, pack)
    again = nplc("scenario", "new", "Harbour Ward", "--into", str(tmp_path))
    assert again.returncode == 1 and "already exists" in again.stderr


def test_schema_is_json_schema_of_the_pack_format():
    run = nplc("scenario", "schema")
    schema = json.loads(run.stdout)
    assert schema["title"] == "Neighbourhood plc scenario.yaml"
    assert {"id", "title", "directorates", "documents", "agenda"} <= set(schema["required"])
    assert schema["additionalProperties"] is False
    assert "Directorate" in schema["$defs"]


def test_validate_reads_a_zip_and_names_problems_inside_it(tmp_path):
    files = read_folder(TINY)
    good = tmp_path / "tiny.zip"
    good.write_bytes(write_zip(files))
    assert nplc("scenario", "validate", str(good)).returncode == 0
    files["scenario.yaml"] = files["scenario.yaml"].replace(b"indicator: damp-homes", b"indicator: nowhere")
    bad = tmp_path / "bad.zip"
    bad.write_bytes(write_zip(files))
    run = nplc("scenario", "validate", str(bad))
    assert run.returncode == 1
    assert f"{bad.as_posix()}:scenario.yaml:" in run.stdout and "'nowhere' is not a known indicator" in run.stdout
    missing = nplc("scenario", "validate", str(tmp_path / "nothing"))
    assert missing.returncode == 1 and "Traceback" not in missing.stderr


def test_preview_shows_each_role_its_own_pack_and_follows_edits(tmp_path):
    folder = tmp_path / "tiny"
    shutil.copytree(TINY, folder)
    client = TestClient(create_preview_app(folder))
    housing = client.get("/?role=housing").text
    assert "SECRET-housing" in housing and "SECRET-health" not in housing
    assert "Tiny Town profile" in housing and "released by the trainer" in housing
    chair = client.get("/?role=chair").text
    assert "Keep the board to time." in chair and "SECRET-" not in chair
    before = client.get("/version").json()["version"]
    (folder / "docs" / "chair.md").write_text("# Chair's brief\nA new line.\n")
    assert client.get("/version").json()["version"] != before
    assert "A new line." in client.get("/?role=chair").text
    (folder / "docs" / "chair.md").unlink()
    broken = client.get("/").text
    assert "the file &#x27;docs/chair.md&#x27; does not exist" in broken or "docs/chair.md" in broken
    assert "problem(s) to fix" in broken
