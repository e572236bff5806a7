"""The board table names the pack's own assistant titles, and a transfer out of a directorate nobody holds is
flagged in the console, from views the real rules make."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from app.domain import commands as c
from app.domain.views import Viewer, view_for
from app.scenarios.loader import load_folder
from app.scenarios.simulate import Board
from tests.browser.frontend_pages import frontend_page

TINY = Path(__file__).resolve().parents[1] / "packs" / "tiny"

HEADINGS = """async (view) => {
  const { boardTable } = await import("/js/meeting.js");
  const table = boardTable(view, { pairs: true });
  return { head: [...table.querySelectorAll("thead th")].map((th) => th.textContent),
           rows: [...table.querySelectorAll("tbody tr")].map((tr) => tr.textContent) };
}"""


def _pack(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    folder = tmp_path / "tiny"
    shutil.copytree(TINY, folder)
    text = (folder / "scenario.yaml").read_text()
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    (folder / "scenario.yaml").write_text(text)
    return folder


def _view(folder: Path) -> tuple[Board, dict]:
    board = Board(load_folder(folder))
    return board, view_for(board.state, Viewer("trainer"), board.now)


def test_the_board_table_heads_its_column_with_the_pack_assistant_title(tmp_path, new_context):
    page = frontend_page(new_context())
    shared = _pack(tmp_path / "shared")
    path = shared / "scenario.yaml"
    path.write_text(re.sub(r"(\n    director_title: .*\n)", r"\1    assistant_title: Deputy\n", path.read_text()))
    answer = page.evaluate(HEADINGS, _view(shared)[1])
    assert answer["head"] == ["Directorate", "Pair", "Director", "Deputy"]

    pcso = ("director_title: Police Commander\n", "director_title: Police Commander\n    assistant_title: PCSO\n")
    answer = page.evaluate(HEADINGS, _view(_pack(tmp_path / "mixed", pcso))[1])
    assert answer["head"][-1] == "Assistant"
    safety = next(r for r in answer["rows"] if r.startswith("Community Safety"))
    assert safety.endswith("PCSO") and any(r.endswith("Executive assistant") for r in answer["rows"])


def test_a_proposed_transfer_out_of_a_directorate_nobody_holds_is_flagged(tmp_path, new_context):
    folder = _pack(tmp_path, ("{id: schools, name: Schools, directorate: education}", "{id: schools, name: Schools}"))
    board, _ = _view(folder)
    unheld = next(d for d in board.scenario.directorates if board.state.holder(d.id) is None)
    held = next(d for d in board.scenario.directorates if d.id != unheld.id)
    for source, target in ((unheld, held), (held, unheld)):
        terms = c.TransferTerms(source=source.id, target=target.id, amount=1000, reason="test")
        board.do(c.Propose(text="Move it", kind="transfer", transfer=terms), next(iter(board.voters().values())))
    view = view_for(board.state, Viewer("trainer"), board.now)
    page = frontend_page(new_context())
    warnings = page.evaluate(
        """async (view) => {
      const { motionCard } = await import("/js/meeting.js");
      return view.motions.map((m) => motionCard(view, m).querySelector(".unheld-warning")?.textContent || "");
    }""",
        view,
    )
    assert warnings[0].startswith(f"Nobody holds {unheld.name}") and "£1,000" in warnings[0]
    assert warnings[1] == ""
