"""Closing the doors over HTTP: newcomers are turned away with a plain message, everyone with a seat carries on."""

from tests.api.test_join import new_session
from tests.support import join, send

CLOSED = "This session is not taking new people; ask the trainer."


def test_closed_doors_turn_newcomers_away_but_not_people_with_a_seat(trainer, participant):
    code = new_session(trainer)
    seated = participant()
    seat_id = join(seated, code, "Asha", "council-housing")
    send(trainer, code, {"type": "set-doors", "open": False})

    newcomer = participant()
    refused = newcomer.post(f"/api/sessions/{code}/join", json={"name": "Ben", "agency": "nhs"})
    assert refused.status_code == 409 and refused.json()["detail"] == CLOSED
    assert not any(name.startswith("nplc_seat_") for name in newcomer.cookies)
    assert newcomer.get(f"/api/sessions/{code}/lobby").json()["joinable"] is False
    assert trainer.get(f"/api/sessions/{code}/view").json()["session"]["doors_open"] is False

    # Coming back with the seat's cookie still works, and so does taking part.
    back = seated.get(f"/api/sessions/{code}/view")
    assert back.status_code == 200 and back.json()["me"]["seat_id"] == seat_id
    assert seated.get(f"/play/{code}").status_code == 200
    assert send(seated, code, {"type": "reflect", "ratings": {"trust": 3}}, expect=409)["detail"].startswith(
        "The reflection opens"
    )
    assert [s["id"] for s in trainer.get(f"/api/sessions/{code}/view").json()["seats"]] == [seat_id]

    assert (
        send(trainer, code, {"type": "set-doors", "open": False}, expect=409)["detail"]
        == "The doors are already closed."
    )
    send(trainer, code, {"type": "set-doors", "open": True})
    join(newcomer, code, "Ben", "nhs")
    assert newcomer.get(f"/api/sessions/{code}/lobby").json()["joinable"] is True


def test_only_the_trainer_closes_the_doors(trainer, participant):
    code = new_session(trainer)
    seated = participant()
    join(seated, code, "Asha", "council-housing")
    refused = send(seated, code, {"type": "set-doors", "open": False}, expect=409)
    assert refused["detail"] == "Only the trainer can do that."


def test_the_trainer_removes_several_people_at_once(trainer, participant):
    code = new_session(trainer)
    browsers = {}
    for name, agency in [("Asha", "council-housing"), ("Asha again", "council-housing"), ("Cai", "nhs")]:
        browser = participant()
        browsers[join(browser, code, name, agency)] = browser
    gone = list(browsers)[:2]
    send(trainer, code, {"type": "remove-seats", "seat_ids": gone})
    assert [s["name"] for s in trainer.get(f"/api/sessions/{code}/view").json()["seats"]] == ["Cai"]
    for seat_id in gone:
        assert browsers[seat_id].get(f"/api/sessions/{code}/view").status_code == 401
    stays = list(browsers)[2]
    assert browsers[stays].get(f"/api/sessions/{code}/view").status_code == 200
    refused = send(trainer, code, {"type": "remove-seats", "seat_ids": [stays, gone[0]]}, expect=409)
    assert "no longer in this session" in refused["detail"]
    assert browsers[stays].get(f"/api/sessions/{code}/view").status_code == 200, "all or nothing"
