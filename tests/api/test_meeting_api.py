"""Commands and briefing documents over HTTP: who may do and read what."""

import pytest

from tests.api.test_join import new_session
from tests.support import TINY_ROSTER, board_meeting, join, send


@pytest.fixture
def meeting(trainer, participant):
    """A tiny session in its board meeting: two pairs (housing and NHS staff), shuffled with seed 7."""
    code = new_session(trainer)
    browsers = {}
    for name, agency in TINY_ROSTER:
        browser = participant()
        browsers[join(browser, code, name, agency)] = browser
    view = board_meeting(trainer, code, browsers)
    return code, view, browsers


def browser_for(meeting, directorate):
    _code, view, browsers = meeting
    row = next(d for d in view["directorates"] if d["id"] == directorate)
    return browsers[row["director"]["id"]] if row["director"] else None


def held(view):
    return [d["id"] for d in view["directorates"] if d["director"]]


def test_shuffle_moves_every_pair_away_from_its_own_agency(meeting):
    _code, view, _ = meeting
    own = {"Asha": "housing", "Ben": "housing", "Cai": "health", "Dee": "health"}
    for seat in view["seats"]:
        assert seat["directorate"] is not None
        assert seat["directorate"] != own[seat["name"]]
    assert view["session"]["seed"] == 7


def test_a_seat_reads_only_its_own_pack_and_the_shared_documents(meeting):
    code, view, _ = meeting
    directorate = held(view)[0]
    browser = browser_for(meeting, directorate)
    listed = browser.get(f"/api/sessions/{code}/documents").json()
    ids = {d["id"] for d in listed}
    assert f"{directorate}-mission" in ids and "profile" in ids
    others = [d for d in ("housing", "health", "safety", "education") if d != directorate]
    assert not any(i.startswith(tuple(others)) for i in ids)
    assert "chair-brief" not in ids
    mine = browser.get(f"/api/sessions/{code}/documents/{directorate}-mission").json()
    assert f"SECRET-{directorate}" in mine["html"]
    for other in others:
        response = browser.get(f"/api/sessions/{code}/documents/{other}-mission")
        assert response.status_code == 404


def test_document_html_is_sanitised(meeting):
    code, view, _ = meeting
    directorate = held(view)[0]
    html = browser_for(meeting, directorate).get(f"/api/sessions/{code}/documents/{directorate}-mission").json()["html"]
    assert "<script" not in html and "javascript:" not in html.replace("[a link](javascript:", "")
    assert 'href="javascript' not in html


def test_budget_document_carries_the_figures_from_the_pack(meeting, trainer):
    code, _, _ = meeting
    html = trainer.get(f"/api/sessions/{code}/documents/housing-budget").json()["html"]
    assert "<caption>Housing: budget for the year</caption>" in html
    assert '<td>Repairs</td><td class="num">£300,000</td>' in html
    assert "£400,000" in html


def test_nobody_reads_a_pack_before_the_read_in(trainer, participant):
    code = new_session(trainer)
    browser = participant()
    join(browser, code, "Asha", "council-housing")
    assert browser.get(f"/api/sessions/{code}/documents").json() == []
    assert browser.get(f"/api/sessions/{code}/documents/profile").status_code == 404


def test_the_print_view_shows_the_pack_and_nothing_else(meeting):
    code, view, _ = meeting
    directorate = held(view)[0]
    page = browser_for(meeting, directorate).get(f"/play/{code}/pack")
    assert page.status_code == 200
    assert f"SECRET-{directorate}" in page.text
    assert all(f"SECRET-{d}" not in page.text for d in ("housing", "health", "safety", "education") if d != directorate)


def test_a_participant_cannot_open_an_agenda_item(meeting):
    code, view, _ = meeting
    browser = browser_for(meeting, held(view)[0])
    answer = send(browser, code, {"type": "open-item", "item_id": "objectives"}, expect=409)
    assert answer["detail"] == "Only the chair or the trainer can do that."


def test_a_carried_transfer_moves_money_and_a_repeat_counts_once(meeting, trainer):
    code, view, _ = meeting
    first, second = held(view)
    proposer, seconder = browser_for(meeting, first), browser_for(meeting, second)
    send(
        proposer,
        code,
        {
            "type": "propose",
            "text": "Fund damp repairs",
            "transfer": {"source": first, "target": second, "amount": 25000, "reason": "damp"},
        },
    )
    send(seconder, code, {"type": "second", "motion_id": "m1"})
    send(proposer, code, {"type": "vote", "motion_id": "m1", "choice": "for"}, command_id="vote-1")
    again = send(proposer, code, {"type": "vote", "motion_id": "m1", "choice": "for"}, command_id="vote-1")
    assert again["duplicate"] is True
    send(seconder, code, {"type": "vote", "motion_id": "m1", "choice": "abstain"})
    send(trainer, code, {"type": "close-vote", "motion_id": "m1"})
    after = trainer.get(f"/api/sessions/{code}/view").json()
    balances = {d["id"]: d["balance"] for d in after["directorates"]}
    budgets = {d["id"]: d["budget"] for d in after["directorates"]}
    assert balances[first] == budgets[first] - 25000
    assert balances[second] == budgets[second] + 25000
    motion = after["motions"][0]
    assert motion["status"] == "carried" and motion["tally"] == {"for": 1, "against": 0, "abstain": 1}


def test_a_directorate_has_one_vote_which_it_may_change_until_the_close(meeting, trainer):
    code, view, _ = meeting
    first, second = held(view)
    proposer, seconder = browser_for(meeting, first), browser_for(meeting, second)
    send(proposer, code, {"type": "propose", "text": "Free text motion"})
    send(seconder, code, {"type": "second", "motion_id": "m1"})
    send(seconder, code, {"type": "vote", "motion_id": "m1", "choice": "against"})
    answer = send(seconder, code, {"type": "vote", "motion_id": "m1", "choice": "against"}, expect=409)
    assert "already voted against this motion" in answer["detail"]
    send(seconder, code, {"type": "vote", "motion_id": "m1", "choice": "for"})
    send(proposer, code, {"type": "vote", "motion_id": "m1", "choice": "for"})
    send(trainer, code, {"type": "close-vote", "motion_id": "m1"})
    motion = trainer.get(f"/api/sessions/{code}/view").json()["motions"][0]
    assert motion["tally"] == {"for": 2, "against": 0, "abstain": 0} and motion["status"] == "carried"
    late = send(seconder, code, {"type": "vote", "motion_id": "m1", "choice": "against"}, expect=409)
    assert late["detail"] == "That motion is not open for voting."


def test_a_transfer_larger_than_the_budget_is_refused(meeting):
    code, view, _ = meeting
    first, second = held(view)
    answer = send(
        browser_for(meeting, first),
        code,
        {
            "type": "propose",
            "text": "Everything",
            "transfer": {"source": first, "target": second, "amount": 10**9, "reason": "why not"},
        },
        expect=409,
    )
    assert "cannot transfer" in answer["detail"]


def test_malformed_and_unknown_commands_are_refused_clearly(meeting):
    code, view, _ = meeting
    browser = browser_for(meeting, held(view)[0])
    assert "not one this server knows" in send(browser, code, {"type": "launch-rockets"}, expect=422)["detail"]
    answer = send(browser, code, {"type": "vote", "motion_id": "m1", "choice": "maybe"}, expect=422)
    assert "choice" in answer["detail"]


def test_qr_code_is_an_svg_of_the_join_address(meeting, client):
    code, _, _ = meeting
    response = client.get(f"/api/sessions/{code}/qr.svg")
    assert response.headers["content-type"] == "image/svg+xml"
    assert response.text.lstrip().startswith("<?xml") or "<svg" in response.text


def test_news_stays_hidden_until_the_trainer_releases_it(meeting, trainer):
    code, view, _ = meeting
    browser = browser_for(meeting, held(view)[0])
    assert "news" not in {d["id"] for d in browser.get(f"/api/sessions/{code}/documents").json()}
    assert browser.get(f"/api/sessions/{code}/documents/news").status_code == 404
    assert browser.get(f"/api/sessions/{code}/view").json()["injects"] == []
    assert trainer.get(f"/api/sessions/{code}/view").json()["injects"][0]["released_at"] is None
    answer = send(browser, code, {"type": "release-inject", "inject_id": "news"}, expect=409)
    assert answer["detail"] == "Only the trainer can do that."
    send(trainer, code, {"type": "release-inject", "inject_id": "news"})
    assert "The surgery is full again." in browser.get(f"/api/sessions/{code}/documents/news").json()["html"]
    assert [i["title"] for i in browser.get(f"/api/sessions/{code}/view").json()["injects"]] == ["Local news"]
    again = send(trainer, code, {"type": "release-inject", "inject_id": "news"}, expect=409)
    assert again["detail"] == "'Local news' has already been released."


def test_news_written_on_the_spot_reaches_only_the_chosen_seats(meeting, trainer):
    code, view, _browsers = meeting
    first, second = held(view)
    chosen, other = browser_for(meeting, first), browser_for(meeting, second)
    chosen_seat = next(d["director"]["id"] for d in view["directorates"] if d["id"] == first)
    send(
        trainer,
        code,
        {
            "type": "write-inject",
            "title": "A leaked memo",
            "text": "The **surgery** will close on Fridays. <script>x</script>",
            "to": [chosen_seat],
        },
    )
    news = chosen.get(f"/api/sessions/{code}/view").json()["injects"]
    assert [n["title"] for n in news] == ["A leaked memo"]
    html = chosen.get(f"/api/sessions/{code}/documents/{news[0]['document']}").json()["html"]
    assert "<strong>surgery</strong>" in html and "<script" not in html
    assert other.get(f"/api/sessions/{code}/view").json()["injects"] == []
    assert other.get(f"/api/sessions/{code}/documents/{news[0]['document']}").status_code == 404


def test_the_view_carries_the_scenarios_indicators_and_exported_costs(meeting):
    _code, view, _ = meeting
    assert [i["id"] for i in view["indicators"]] == [
        "damp-homes",
        "gp-visits",
        "burglaries",
        "reading-age",
        "told-story-again",
    ]
    assert view["exported_costs"] == [
        {
            "source": "housing",
            "target": "health",
            "annual_cost": 50000,
            "because": "Damp homes bring more chest infections to the surgery.",
        }
    ]
