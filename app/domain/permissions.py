"""Who may issue which command: the trainer only, or the chair and the trainer; everything else any seated person."""

from __future__ import annotations

TRAINER_ONLY = {
    "remove-seat",
    "auto-pair",
    "move-seat",
    "choose-chair",
    "shuffle",
    "swap-pairs",
    "start-phase",
    "pause-clock",
    "resume-clock",
    "release-inject",
    "write-inject",
    "announce",
    "add-item",
    "edit-item",
    "move-item",
    "void-motion",
    "move-to-role",
    "open-ten-percent",
    "reveal-ten-percent",
    "advance-time",
}


CHAIR_OR_TRAINER = {"open-item", "close-vote", "rule-out", "set-ballot", "call-speaker", "finish-speaker"}
