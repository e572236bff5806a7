"""The frontend under Node: every unit test in tests/js/*.test.mjs (`node --test`), and frontend/js/patch.js
applying the patches the server's `diff` makes between real views of a meeting, to get the same views."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from app.domain import commands as c
from app.domain.views import PROJECTOR, TRAINER, Viewer, view_for
from app.realtime.patch import diff
from tests.conftest import IN_CI
from tests.domain.builders import Game, board_game

ROOT = Path(__file__).resolve().parents[2]


def node() -> str:
    found = shutil.which("node")
    if found is None:
        if IN_CI:
            pytest.fail("Node.js is not installed; the frontend's unit tests need it (apt-get install -y nodejs)")
        pytest.skip("Node.js is not installed here")
    return found


def test_the_frontend_unit_tests_pass():
    # Named one by one: Node versions differ in what they find when given a folder.
    tests = sorted(str(f.relative_to(ROOT)) for f in (ROOT / "tests" / "js").glob("*.test.mjs"))
    assert len(tests) >= 2, "no tests/js/*.test.mjs found"
    done = subprocess.run([node(), "--test", *tests], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    # Every file ran and none was skipped whole: a test file that fails to load counts as a failure above.
    assert "# fail 0" in done.stdout and "# pass 0" not in done.stdout, done.stdout[-2000:]


def meeting_views() -> list[tuple[dict, dict]]:
    """(before, after) views of every viewer around each command of a short meeting."""
    game = board_game()
    chair, voters = Game.seat(game.chair), [Game.seat(a.director) for a in game.state.assignments.values()]
    steps = [(c.RaiseHand(), Game.seat(game.resident)), (c.CallSpeaker(), chair), (c.FinishSpeaker(), chair)]
    steps += [(c.Propose(text="Share the data", kind="strategy"), voters[0]), (c.Second(motion_id="m1"), voters[1])]
    steps += [(c.Vote(motion_id="m1", choice="for"), v) for v in voters] + [(c.CloseVote(motion_id="m1"), chair)]
    steps += [(c.AdvanceTime(period="year"), c.TRAINER), (c.Announce(text="Tea"), c.TRAINER)]
    viewers = [Viewer(TRAINER), Viewer(PROJECTOR)] + [Viewer("seat", s) for s in sorted(game.state.seats)]
    pairs = []
    for command, actor in steps:
        before = game.state
        game.do(command, actor)
        pairs += [(view_for(before, v, game.now - 1), view_for(game.state, v, game.now)) for v in viewers]
    return pairs


APPLY = """
import { readFileSync } from "node:fs";
import { applyPatch } from "./frontend/js/patch.js";
const cases = JSON.parse(readFileSync(process.argv[1], "utf8"));
process.stdout.write(JSON.stringify(cases.map(([before, patch]) => applyPatch(before, patch))));
"""


def test_the_browser_applies_the_servers_patches_to_the_same_views(tmp_path):
    pairs = meeting_views()
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps([(before, diff(before, after)) for before, after in pairs]))
    run = subprocess.run(
        [node(), "--input-type=module", "-e", APPLY, str(cases)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    patched = json.loads(run.stdout)
    assert len(patched) == len(pairs) > 50
    assert [p == json.loads(json.dumps(after)) for p, (_, after) in zip(patched, pairs, strict=True)] == [True] * len(
        pairs
    )
