"""The organiser's preview: one renderer with the participant's page, each role one click away, problems beside
the document they concern, and a reload when a file is saved."""

from __future__ import annotations

import re
import threading

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from app.preview import create_preview_app
from app.scenarios.loader import load_folder
from app.scenarios.render import demote_headings, markdown_to_html, reader_html
from tests.support import TINY, TINY_ROSTER, edit, join, send

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def document_body(page: str, doc_id: str) -> str:
    found = re.search(
        rf'<section class="doc" id="doc-{doc_id}".*?<div class="document-body">(.*?)</div>\n</section>', page, re.S
    )
    assert found, doc_id
    return found.group(1)


def test_headings_move_below_the_page_keeping_their_order():
    html = markdown_to_html("# One\n\n## Two\n\n### Three\n\n#### Four\n")
    assert demote_headings(html, 4) == "<h4>One</h4>\n<h5>Two</h5>\n<h6>Three</h6>\n<h6>Four</h6>\n"
    assert demote_headings(markdown_to_html("### Only\n"), 4) == "<h4>Only</h4>\n"
    assert demote_headings("<p>No headings</p>", 4) == "<p>No headings</p>"


@given(st.lists(st.integers(1, 6), min_size=1, max_size=8), st.integers(1, 6))
def test_the_highest_heading_lands_at_the_top_level_asked_for(levels, top):
    html = "".join(f"<h{n}>x</h{n}>" for n in levels)
    moved = [int(n) for n in re.findall(r"<h(\d)>", demote_headings(html, top))]
    assert min(moved) == min(top, 6) and all(1 <= n <= 6 for n in moved)
    assert moved == sorted(moved) or levels != sorted(levels)


def test_each_role_is_one_click_away_and_reads_only_its_own_papers(pack):
    client = TestClient(create_preview_app(pack))
    page = client.get("/?role=health").text
    links = re.findall(r'<a href="\?role=([a-z-]+)"( aria-current="page")?>', page)
    assert [key for key, _ in links] == ["housing", "health", "safety", "education", "chair", "residents", "everyone"]
    assert [key for key, current in links if current] == ["health"]
    assert "SECRET-health" in page and "SECRET-housing" not in page


def test_the_preview_shows_a_document_exactly_as_the_participant_page_gets_it(pack, trainer, participant):
    body = load_folder(pack).documents["profile"]
    preview = TestClient(create_preview_app(pack)).get("/?role=housing").text
    assert document_body(preview, "profile") == reader_html(body.html, "/files/")
    code = trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    browsers = [participant() for _ in TINY_ROSTER]
    for browser, (name, agency) in zip(browsers, TINY_ROSTER, strict=True):
        join(browser, code, name, agency)
    for command in ({"type": "auto-pair"}, {"type": "shuffle", "seed": 7}, {"type": "start-phase", "phase": "read_in"}):
        send(trainer, code, command)
    served = browsers[0].get(f"/api/sessions/{code}/documents/profile").json()["html"]
    assert served == document_body(preview, "profile")


def test_problems_are_shown_beside_the_document_they_concern(pack):
    (pack / "docs" / "chair.md").write_bytes(b"# Chair\n\xff\xfe not UTF-8\n")
    edit(
        pack,
        "file: docs/news.md, section: inject, visible_to: [everyone]",
        "file: docs/news.md, section: inject, visible_to: [everyone, mayor]",
    )
    edit(pack, "total_budget: 1000000", "total_budget: 999")
    client = TestClient(create_preview_app(pack))
    chair = client.get("/?role=chair").text
    assert "problem(s) to fix" in chair and "3 problem(s)" in chair
    beside = re.search(
        r'id="doc-chair-brief".*?<aside class="notice error doc-problems"[^>]*>(.*?)</aside>', chair, re.S
    )
    assert beside and "docs/chair.md:2: the file is not UTF-8" in beside.group(1)
    news = re.search(r'id="doc-news".*?<aside class="notice error doc-problems"[^>]*>(.*?)</aside>', chair, re.S)
    assert news and "mayor" in news.group(1)
    general = chair.split('<nav class="role-switch"')[0]
    assert "make total_budget 1000000" in general and "mayor" not in general and "not UTF-8" not in general
    assert "Tiny Town profile" in chair  # the other papers are still shown
    housing = client.get("/?role=housing").text
    assert "SECRET-housing" in housing
    assert "Chair&#39;s brief (read by chair): <code>docs/chair.md:2: the file is not UTF-8" in housing


def test_pictures_in_the_pack_are_served_to_the_preview(pack):
    (pack / "docs" / "map.png").write_bytes(PNG)
    (pack / "docs" / "shared.md").write_text("# Profile\n\n![Map of the estate](docs/map.png)\n")
    client = TestClient(create_preview_app(pack))
    assert '<img src="/files/docs/map.png" alt="Map of the estate"' in client.get("/?role=everyone").text
    picture = client.get("/files/docs/map.png")
    assert picture.status_code == 200 and picture.content == PNG and picture.headers["content-type"] == "image/png"
    assert client.get("/files/scenario.yaml").status_code == 404


def test_changes_answers_at_once_for_an_old_version(pack):
    client = TestClient(create_preview_app(pack))
    answer = client.get("/changes?since=000000000000")
    assert answer.headers["content-type"].startswith("text/event-stream") and "data: changed" in answer.text


def test_changes_waits_for_the_next_save(pack):
    client = TestClient(create_preview_app(pack))
    since = client.get("/version").json()["version"]
    answers: list[str] = []
    listening = threading.Thread(target=lambda: answers.append(client.get(f"/changes?since={since}").text))
    listening.start()
    saves = 0
    while listening.is_alive() and saves < 200:
        saves += 1
        (pack / "docs" / "chair.md").write_text(f"# Chair\nSaved {saves} times.\n")
        listening.join(0.1)
    listening.join()
    assert answers == ["data: changed\n\n"]


@pytest.mark.parametrize("role", ["nobody", "x" * 40])
def test_an_unknown_role_shows_the_first(pack, role):
    page = TestClient(create_preview_app(pack)).get(f"/?role={role}").text
    assert re.search(r'href="\?role=housing" aria-current="page"', page)


def test_the_print_view_shows_documents_through_the_same_path_below_its_own_headings(trainer):
    code = trainer.post("/api/sessions", json={"scenario_id": "tiny"}).json()["code"]
    printed = trainer.get(f"/play/{code}/pack").text
    profile = load_folder(TINY).documents["profile"]
    assert reader_html(profile.html, f"/api/sessions/{code}/files/", top=3) in printed
    assert "<h3>Tiny Town profile</h3>" in printed and "<h1>Tiny Town profile</h1>" not in printed
