"""Creating a session, joining it, and every way joining can go wrong."""

from app.api.guessing import FREE_MISSES
from tests.support import join, send


def new_session(trainer) -> str:
    response = trainer.post("/api/sessions", json={"scenario_id": "tiny"})
    assert response.status_code == 201, response.text
    return response.json()["code"]


def test_only_the_trainer_creates_sessions(client):
    response = client.post("/api/sessions", json={"scenario_id": "tiny"})
    assert response.status_code == 401
    assert "sign in" in response.json()["detail"].lower()


def test_unknown_scenario_is_named(trainer):
    response = trainer.post("/api/sessions", json={"scenario_id": "atlantis"})
    assert response.status_code == 404
    assert "atlantis" in response.json()["detail"]


def test_sign_in_with_a_wrong_token_is_refused(client):
    response = client.get("/sign-in?token=not-a-token", follow_redirects=False)
    assert response.status_code == 403
    assert response.headers["content-type"].startswith("text/html")
    assert "<code>nplc sign-in</code>" in response.text
    without = client.get("/sign-in", follow_redirects=False)
    assert without.status_code == 200 and 'type="password"' in without.text  # the password form


def test_lobby_lists_the_organisations_and_join_address(trainer):
    code = new_session(trainer)
    lobby = trainer.get(f"/api/sessions/{code}/lobby").json()
    assert lobby["joinable"] is True
    assert lobby["join_url"] == f"http://testserver/play/{code}"
    assert {"id": "nhs", "name": "NHS primary care"} in lobby["agencies"]


def test_join_gives_a_seat_that_the_view_knows(trainer, participant):
    code = new_session(trainer)
    browser = participant()
    seat = join(browser, code.lower(), "Asha", "council-housing")
    view = browser.get(f"/api/sessions/{code}/view").json()
    assert view["me"]["seat_id"] == seat
    assert view["me"]["name"] == "Asha"
    assert [s["name"] for s in trainer.get(f"/api/sessions/{code}/view").json()["seats"]] == ["Asha"]


def test_wrong_code_gets_a_clear_message(client):
    response = client.post("/api/sessions/ZZZZZZ/join", json={"name": "Asha", "agency": "nhs"})
    assert response.status_code == 404
    assert response.json()["detail"] == "No session has the code ZZZZZZ. Check the code on the screen and try again."


def test_unknown_organisation_is_refused_and_nothing_changes(trainer, participant):
    code = new_session(trainer)
    response = participant().post(f"/api/sessions/{code}/join", json={"name": "Asha", "agency": "mi5"})
    assert response.status_code == 409
    assert "organisation" in response.json()["detail"]
    assert trainer.get(f"/api/sessions/{code}/view").json()["seats"] == []


def test_blank_name_is_refused_with_a_form_message(trainer, participant):
    code = new_session(trainer)
    response = participant().post(f"/api/sessions/{code}/join", json={"name": "   ", "agency": "nhs"})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("Please check the form")


def test_a_full_session_says_so(trainer, participant):
    code = new_session(trainer)
    for n in range(4):  # the tiny pack's panel holds four residents
        join(participant(), code, f"Resident {n}", "resident")
    response = participant().post(f"/api/sessions/{code}/join", json={"name": "One more", "agency": "resident"})
    assert response.status_code == 409
    assert "full" in response.json()["detail"]


def test_finished_session_takes_nobody(trainer, participant):
    code = new_session(trainer)
    send(trainer, code, {"type": "start-phase", "phase": "closed"})
    response = participant().post(f"/api/sessions/{code}/join", json={"name": "Late", "agency": "nhs"})
    assert response.status_code == 409
    assert trainer.get(f"/api/sessions/{code}/lobby").json()["joinable"] is False


def test_view_without_a_seat_is_refused(trainer, participant):
    code = new_session(trainer)
    response = participant().get(f"/api/sessions/{code}/view")
    assert response.status_code == 401


def test_an_oversized_request_is_refused_before_it_is_read(trainer):
    code = new_session(trainer)
    response = trainer.post(
        f"/api/sessions/{code}/join", content=b"x" * 100_000, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert "too large" in response.json()["detail"]
    assert trainer.get(f"/api/sessions/{code}/view").json()["seats"] == []


def test_guessing_codes_is_slowed_down(trainer, participant):
    code = new_session(trainer)
    guesser = participant()
    guesser.get("/")  # the home page, where a browser gets its id
    for n in range(FREE_MISSES + 1):
        assert guesser.get(f"/api/sessions/ZZZ{n:03d}/lobby").status_code == 404
    blocked = guesser.get(f"/api/sessions/{code}/lobby")
    assert blocked.status_code == 429 and "Wait 2 seconds" in blocked.json()["detail"]
    assert trainer.get(f"/api/sessions/{code}/lobby").status_code == 200  # the trainer is never held up
