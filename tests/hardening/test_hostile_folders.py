"""Pack folders never read through a link, nor anything that is not an ordinary file inside the pack.

A pack folder linking to /proc/self/environ once showed the server's environment, secret key included, to
participants and in the download zip. Each case is a copy of the tiny pack with one hostile entry added.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.config import Settings
from app.preview import create_preview_app
from app.scenarios.files import read_folder
from app.scenarios.problems import PackInvalid
from tests.hardening.hostile import TINY, start, tiny_files, tiny_yaml, write_pack

LINK = "this is a link; links are not allowed in a pack"


def outside(tmp_path: Path) -> Path:
    """A folder outside the pack holding a file an attacker would like to read."""
    folder = tmp_path / "outside"
    folder.mkdir(exist_ok=True)
    (folder / "secret.md").write_text("NPLC_SECRET_KEY=do-not-show-me\n")
    return folder


def link_extra_file(pack: Path, tmp_path: Path) -> str:
    (pack / "docs" / "environ.md").symlink_to("/proc/self/environ")
    return "docs/environ.md"


def link_a_document(pack: Path, tmp_path: Path) -> str:
    (pack / "docs" / "shared.md").unlink()
    (pack / "docs" / "shared.md").symlink_to(outside(tmp_path) / "secret.md")
    return "docs/shared.md"


def link_inside_the_pack(pack: Path, tmp_path: Path) -> str:
    (pack / "docs" / "copy.md").symlink_to("housing.md")
    return "docs/copy.md"


def link_a_folder(pack: Path, tmp_path: Path) -> str:
    (pack / "more").symlink_to(outside(tmp_path), target_is_directory=True)
    return "more"


def link_the_scenario(pack: Path, tmp_path: Path) -> str:
    real = outside(tmp_path) / "scenario.yaml"
    (pack / "scenario.yaml").rename(real)
    (pack / "scenario.yaml").symlink_to(real)
    return "scenario.yaml"


def dangling_link(pack: Path, tmp_path: Path) -> str:
    (pack / "docs" / "gone.md").symlink_to(tmp_path / "nowhere.md")
    return "docs/gone.md"


LINKS = [link_extra_file, link_a_document, link_inside_the_pack, link_a_folder, link_the_scenario, dangling_link]


@pytest.mark.parametrize("hostile", LINKS, ids=lambda f: f.__name__)
def test_a_link_anywhere_in_a_pack_folder_is_refused_by_name(tmp_path, hostile):
    pack = write_pack(tmp_path, tiny_files())
    name = hostile(pack, tmp_path)
    with pytest.raises(PackInvalid) as bad:
        read_folder(pack)
    assert f"{name}: {LINK}" in [str(p)[: len(name) + 2 + len(LINK)] for p in bad.value.problems]


def test_a_pipe_or_other_special_file_is_refused(tmp_path):
    pack = write_pack(tmp_path, tiny_files())
    os.mkfifo(pack / "docs" / "pipe.md")
    with pytest.raises(PackInvalid) as bad:
        read_folder(pack)
    assert [str(p) for p in bad.value.problems] == [
        "docs/pipe.md: this is not an ordinary file (a device, pipe or socket); remove it"
    ]


def test_a_folder_obeys_the_same_file_rules_as_a_zip(tmp_path):
    pack = write_pack(tmp_path, tiny_files(**{"run.sh": b"rm -rf /", "docs/big.md": b"x" * (3 * 2**20)}))
    with pytest.raises(PackInvalid) as bad:
        read_folder(pack)
    assert [str(p) for p in bad.value.problems] == [
        "docs/big.md: the file is larger than 2 MB",
        "run.sh: only .yaml, .md, .txt and image files (.png, .jpg, .gif, .webp) may be in a pack",
    ]


def test_a_folder_nested_deeper_than_python_can_recurse_is_refused_quickly(tmp_path):
    pack = write_pack(tmp_path, tiny_files())
    deep = pack
    for _ in range(250):
        deep = deep / "d"
    deep.mkdir(parents=True)
    with pytest.raises(PackInvalid) as bad:
        read_folder(pack)
    assert [str(p) for p in bad.value.problems] == ["tiny: the pack has more than 200 folders; flatten it"]


def test_at_start_up_a_linked_pack_is_skipped_and_never_stored(tmp_path):
    scenarios = tmp_path / "scenarios"
    write_pack(scenarios, tiny_files())
    hostile = write_pack(scenarios, tiny_files(**{"scenario.yaml": tiny_yaml("id: tiny", "id: hostile")}), "hostile")
    link_extra_file(hostile, tmp_path)
    (scenarios / "linked").symlink_to(TINY, target_is_directory=True)
    services = start(scenarios, tmp_path)
    assert set(services.packs) == {"tiny"}
    skipped = {bad.pack: [str(p) for p in bad.problems] for bad in services.library.skipped}
    assert skipped["hostile"] == [
        f"docs/environ.md: {LINK} (they can reach files outside it); put the file itself here"
    ]
    assert skipped["linked"] == ["linked: the pack folder is a link; put the folder itself in the scenarios folder"]
    assert services.library.archive("hostile") is None


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """The server's settings with a scenarios folder holding the tiny pack, one of whose files is a link."""
    scenarios = tmp_path / "scenarios"
    link_a_document(write_pack(scenarios, tiny_files()), tmp_path)
    return Settings(
        database_url=f"sqlite:///{tmp_path / 'test.db'}",
        scenarios_dir=scenarios,
        secret_key="k" * 40,
        public_url="http://testserver",
    )


def test_a_linked_file_never_reaches_the_download_zip_or_any_reader(trainer):
    assert trainer.get("/api/scenarios").json() == []
    assert trainer.get("/api/scenarios/tiny/download").status_code == 404
    assert trainer.post("/api/sessions", json={"scenario_id": "tiny"}).status_code in (404, 422)


def test_the_preview_lists_the_link_as_a_problem_and_shows_nothing_through_it(tmp_path):
    from fastapi.testclient import TestClient

    pack = write_pack(tmp_path, tiny_files())
    link_a_document(pack, tmp_path)
    with TestClient(create_preview_app(pack)) as preview:
        page = preview.get("/")
        assert page.status_code == 200
        assert f"docs/shared.md: {LINK}" in page.text.replace("&#x27;", "'")
        assert "do-not-show-me" not in page.text
        assert preview.get("/version").status_code == 200
