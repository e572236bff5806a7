"""Commands for running the meeting floor: the agenda, the speakers' queue, announcements and news."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..core.command_base import Command, ItemKind, Ref
from ..core.versions import Version


class ReleaseInject(Command):
    """Release a scenario news item to everyone, or only to the seats listed in `to`."""

    type: Literal["release-inject"] = "release-inject"
    inject_id: Ref
    to: list[Ref] = Field(default_factory=list, max_length=60)


class WriteInject(Command):
    """A news item written on the spot (Markdown), to everyone or to the seats in `to`."""

    type: Literal["write-inject"] = "write-inject"
    title: str = Field(min_length=1, max_length=120)
    text: str = Field(min_length=1, max_length=5000)
    to: list[Ref] = Field(default_factory=list, max_length=60)


class Announce(Command):
    type: Literal["announce"] = "announce"
    text: str = Field(min_length=1, max_length=500)


class AddItem(Command):
    type: Literal["add-item"] = "add-item"
    title: str = Field(min_length=1, max_length=120)
    kind: ItemKind = "free"
    minutes: int = Field(15, ge=1, le=300)
    description: str = Field("", max_length=1000)
    position: int | None = Field(None, ge=0, le=100, description="0 is first; empty adds at the end.")


class EditItem(Command):
    type: Literal["edit-item"] = "edit-item"
    item_id: Ref
    title: str | None = Field(None, min_length=1, max_length=120)
    kind: ItemKind | None = None
    minutes: int | None = Field(None, ge=1, le=300)
    description: str | None = Field(None, max_length=1000)


class MoveItem(Command):
    type: Literal["move-item"] = "move-item"
    item_id: Ref
    position: int = Field(ge=0, le=100)


class OpenItem(Command):
    type: Literal["open-item"] = "open-item"
    item_id: Ref
    item_version: Version = None


class RaiseHand(Command):
    type: Literal["raise-hand"] = "raise-hand"


class LowerHand(Command):
    """Leave the queue; the chair may take someone else off it with `seat_id`."""

    type: Literal["lower-hand"] = "lower-hand"
    seat_id: Ref | None = None


class CallSpeaker(Command):
    """Give the floor to `seat_id`, or to the first in the queue when it is empty."""

    type: Literal["call-speaker"] = "call-speaker"
    seat_id: Ref | None = None


class FinishSpeaker(Command):
    type: Literal["finish-speaker"] = "finish-speaker"


class DoneSpeaking(Command):
    """The participant who has the floor ends their own turn."""

    type: Literal["done-speaking"] = "done-speaking"
