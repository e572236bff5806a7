"""Sections are built once per change and shared: what a command leaves alone is the very same object after
it, viewers who see a section alike share one value, and every view still equals `view_for`."""

from __future__ import annotations

from app.domain import commands as c
from app.domain.sections import Sections
from app.domain.views import PROJECTOR, TRAINER, Viewer, view_for

from .builders import Game, board_game


def viewers(game: Game) -> list[Viewer]:
    return [Viewer(TRAINER), Viewer(PROJECTOR)] + [Viewer("seat", s) for s in sorted(game.state.seats)]


def views(sections: Sections, game: Game) -> dict[Viewer, dict]:
    found = {v: sections.view(game.state, v, game.now) for v in viewers(game)}
    assert all(view == view_for(game.state, v, game.now) for v, view in found.items())
    return found


def test_a_vote_leaves_the_consequences_and_the_other_motions_as_they_were():
    game, sections = board_game(), Sections()
    directors = [Game.seat(a.director) for a in game.state.assignments.values()]
    for text in ("First", "Second"):
        game.do(c.Propose(text=text, kind="strategy"), directors[0])
    game.do(c.Second(motion_id="m2"), directors[1])
    game.do(c.AdvanceTime(period="year"))
    before = views(sections, game)
    game.do(c.Vote(motion_id="m2", choice="for"), directors[2])
    after = views(sections, game)
    for viewer in viewers(game):
        assert after[viewer]["consequences"] is before[viewer]["consequences"]
        assert after[viewer]["motions"][0] is before[viewer]["motions"][0], "m1 was not voted on"
        assert after[viewer]["motions"][1] is not before[viewer]["motions"][1]
        assert after[viewer]["indicators"] is before[viewer]["indicators"]
    game.do(c.AdvanceTime(period="quarter"))
    moved_on = views(sections, game)
    assert moved_on[Viewer(TRAINER)]["consequences"] is not after[Viewer(TRAINER)]["consequences"]


def test_viewers_who_see_a_section_alike_share_it_and_the_others_do_not():
    game, sections = board_game(), Sections()
    held = next(iter(game.state.assignments.values()))
    director, assistant = Viewer("seat", held.director), Viewer("seat", held.assistant)
    game.do(c.Propose(text="Ours", kind="strategy", secret=True), Game.seat(held.director))
    found = views(sections, game)
    assert found[director]["motions"] is found[assistant]["motions"], "one directorate, one ballot view"
    assert found[director]["agenda"] is found[Viewer(PROJECTOR)]["agenda"] is found[Viewer(TRAINER)]["agenda"]
    assert found[director]["me"] is not found[assistant]["me"]
    assert found[Viewer(TRAINER)]["session"] is not found[Viewer(PROJECTOR)]["session"], "the seed is the trainer's"
    assert found[Viewer(PROJECTOR)]["session"] is found[director]["session"]


def test_pages_opening_later_on_the_same_state_see_the_clocks_moved_on_and_share_everything_else():
    game, sections = board_game(), Sections()  # an agenda item is open: its clock ticks
    first = views(sections, game)
    game.now += 30  # nothing happens for half a minute; then another page opens
    later = views(sections, game)
    trainer, projector = Viewer(TRAINER), Viewer(PROJECTOR)
    assert later[trainer]["agenda"] != first[trainer]["agenda"], "the open item's time left went down"
    assert later[trainer]["session"] is not first[trainer]["session"]
    for viewer in viewers(game):
        for name in ("directorates", "consequences", "motions", "seats", "floor"):
            assert later[viewer][name] is first[viewer][name], name
    assert later[projector]["agenda"] is later[trainer]["agenda"]
    moved = [(old, new) for old, new in zip(first[trainer]["agenda"], later[trainer]["agenda"], strict=True)]
    assert [old is new for old, new in moved] == [not row["current"] for row in later[trainer]["agenda"]], (
        "the rows the clock left alone are the very same objects, held once"
    )


def test_a_viewers_sections_since_an_update_take_only_what_changed_and_follow_a_change_of_role():
    game, sections = board_game(), Sections()
    held = next(iter(game.state.assignments.values()))
    director = Viewer("seat", held.director)
    before = sections.personal(game.state, director, game.now)
    generations = sections.generations(game.state, game.now)
    assert sections.personal_since(game.state, director, game.now, before, generations) is before
    game.do(c.RaiseHand(), Game.seat(game.resident))  # only the floor (shared) and the clock's session move
    after = sections.personal_since(game.state, director, game.now, before, generations)
    whole = view_for(game.state, director, game.now)
    assert after == {name: whole[name] for name in after} and after["me"] is before["me"]
    assert after == sections.personal(game.state, director, game.now)
    moved = sections.generations(game.state, game.now)
    late = game.join("fire")
    game.do(c.SeatThirdMember(seat_id=late, pair_id=game.state.pair_of(held.director)), c.TRAINER)
    newcomer = Viewer("seat", late)
    fresh = sections.personal(game.state, newcomer, game.now)
    assert sections.personal_since(game.state, newcomer, game.now, after, moved) == fresh, (
        "a change of who is who (a third member) works every section out again"
    )


def test_generations_from_another_copy_of_the_sections_never_pass_for_this_ones():
    game = board_game()
    director = Viewer("seat", next(iter(game.state.assignments.values())).director)
    old = Sections()
    old.personal(game.state, director, game.now)
    stale = old.generations(game.state, game.now)
    game.do(c.WriteNotebook(text="Our plan"), Game.seat(director.seat_id))
    new = Sections()  # the session's sections built again (nobody was watching for a while)
    before = {name: "stale" for name in new.personal(game.state, director, game.now)}
    found = new.personal_since(game.state, director, game.now, before, stale)
    assert found == new.personal(game.state, director, game.now)
