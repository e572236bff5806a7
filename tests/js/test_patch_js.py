"""The browser's half of the delta stream, under Node: frontend/js/patch.js applies the patches the server's
`diff` makes between real views of a meeting, and gets the same views (its unit tests are in tests/js/*.test.mjs,
which tests/test_js_units.py runs)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from app.domain import commands as c
from app.domain.views import PROJECTOR, TRAINER, Viewer, view_for
from app.realtime.patch import diff
from tests.domain.builders import Game, board_game
from tests.test_js_units import node

ROOT = Path(__file__).resolve().parents[2]


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
