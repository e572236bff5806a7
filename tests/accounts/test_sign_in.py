"""Trainers signing in: links work once and briefly, cookies carry a revocable sign-in, passwords are argon2."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from app import accounts
from app.auth import TRAINER_COOKIE, TrainerCookies
from app.cli import main
from app.store.models import TrainerAccount
from tests.support import PAGE_HEADERS


def engine_of(client):
    return client.app.state.services.live.engine


def browser(client) -> TestClient:
    return TestClient(client.app, headers=dict(PAGE_HEADERS))


def path_of(link: str) -> str:
    parts = urlsplit(link)
    return f"{parts.path}?{parts.query}"


def sign_in(http, token: str):
    return http.get(f"/sign-in?token={token}", follow_redirects=False)


def test_a_sign_in_link_works_once(client):
    token = accounts.new_link(engine_of(client), accounts.first_admin(engine_of(client)), 15)
    first, second = browser(client), browser(client)
    assert sign_in(first, token).status_code == 303
    assert first.get("/api/me").json() == {"name": "admin", "is_admin": True}
    refused = sign_in(second, token)
    assert refused.status_code == 403
    assert "used already" in refused.text
    assert TRAINER_COOKIE not in second.cookies
    assert second.get("/api/sessions").status_code == 401


def test_an_expired_link_is_refused(client):
    token = accounts.new_link(engine_of(client), accounts.first_admin(engine_of(client)), 0)
    assert sign_in(client, token).status_code == 403
    assert client.get("/api/sessions").status_code == 401


def test_links_last_a_quarter_of_an_hour_unless_configured(settings):
    assert settings.sign_in_minutes == 15


def test_signing_out_refuses_the_cookie_from_the_next_request(trainer, participant):
    cookie = trainer.cookies[TRAINER_COOKIE]
    assert trainer.get("/api/sessions").status_code == 200
    assert trainer.post("/api/sign-out").status_code == 204
    assert TRAINER_COOKIE not in trainer.cookies
    replay = participant()
    replay.cookies.set(TRAINER_COOKIE, cookie)  # someone kept a copy of the cookie
    assert replay.get("/api/sessions").status_code == 401
    assert replay.post("/api/sessions", json={"scenario_id": "tiny"}).status_code == 401


def test_signing_out_one_browser_leaves_the_others_signed_in(trainer, participant):
    laptop = participant()
    token = accounts.new_link(engine_of(trainer), accounts.first_admin(engine_of(trainer)), 15)
    assert sign_in(laptop, token).status_code == 303
    assert trainer.post("/api/sign-out").status_code == 204
    assert laptop.get("/api/sessions").status_code == 200


def test_the_old_constant_cookie_and_forgeries_are_refused(client, settings):
    signer = TrainerCookies(settings.secret_key, 12)
    for value in ("trainer", signer.issue("a-sign-in-id-nobody-was-given"), TrainerCookies("x" * 40, 12).issue("y")):
        client.cookies.set(TRAINER_COOKIE, value)
        assert client.get("/api/sessions").status_code == 401


def test_revoking_a_trainer_signs_them_out_everywhere_and_cancels_their_links(client, settings, participant):
    engine = engine_of(client)
    bea = accounts.add_trainer(engine, "Bea")
    unused = accounts.new_link(engine, bea, 15)
    laptops = [participant(), participant()]
    for laptop in laptops:
        assert sign_in(laptop, accounts.new_link(engine, bea, 15)).status_code == 303
    admin = participant()
    assert sign_in(admin, accounts.new_link(engine, accounts.first_admin(engine), 15)).status_code == 303

    assert main(["trainer", "revoke", "Bea", "--database", settings.database_url]) == 0

    for laptop in laptops:
        assert laptop.get("/api/sessions").status_code == 401
    assert sign_in(participant(), unused).status_code == 403
    assert admin.get("/api/sessions").status_code == 200
    assert sign_in(participant(), accounts.new_link(engine, bea, 15)).status_code == 303  # a new link works again


def test_trainer_add_prints_a_link_that_signs_in_that_trainer(client, settings, capsys, participant):
    assert main(["trainer", "add", "Cass", "--database", settings.database_url]) == 0
    link = capsys.readouterr().out.strip().splitlines()[-1]
    assert "/sign-in?token=" in link
    cass = participant()
    assert cass.get(path_of(link), follow_redirects=False).status_code == 303
    assert cass.get("/api/me").json() == {"name": "Cass", "is_admin": False}
    assert main(["trainer", "add", "Cass", "--database", settings.database_url]) == 1
    assert "already a trainer called 'Cass'" in capsys.readouterr().err


def test_sign_in_prints_a_fresh_link_for_the_named_trainer(client, settings, capsys, participant):
    accounts.add_trainer(engine_of(client), "Dev")
    assert main(["sign-in", "Dev", "--database", settings.database_url]) == 0
    link = capsys.readouterr().out.strip()
    dev = participant()
    assert dev.get(path_of(link), follow_redirects=False).status_code == 303
    assert dev.get("/api/me").json()["name"] == "Dev"
    assert main(["sign-in", "Nobody", "--database", settings.database_url]) == 1
    assert "no trainer called 'Nobody'" in capsys.readouterr().err


def test_a_disabled_trainer_is_refused_at_once_until_enabled(client, settings, participant, capsys):
    engine = engine_of(client)
    bea = accounts.add_trainer(engine, "Bea")
    laptop = participant()
    assert sign_in(laptop, accounts.new_link(engine, bea, 15)).status_code == 303
    spare = accounts.new_link(engine, bea, 15)
    assert main(["trainer", "disable", "Bea", "--database", settings.database_url]) == 0
    assert laptop.get("/api/sessions").status_code == 401
    assert sign_in(participant(), spare).status_code == 403
    with pytest.raises(accounts.AccountProblem, match="disabled"):
        accounts.new_link(engine, accounts.find_trainer(engine, "Bea"), 15)
    assert main(["trainer", "enable", "Bea", "--database", settings.database_url]) == 0
    assert (
        sign_in(participant(), accounts.new_link(engine, accounts.find_trainer(engine, "Bea"), 15)).status_code == 303
    )


def test_the_last_administrator_cannot_be_disabled(client, settings, capsys):
    accounts.first_admin(engine_of(client))
    assert main(["trainer", "disable", "admin", "--database", settings.database_url]) == 1
    assert "only administrator" in capsys.readouterr().err
    assert main(["sign-in", "--database", settings.database_url]) == 0


@pytest.fixture
def typed_password(monkeypatch):
    answers = iter(["correct horse battery", "correct horse battery"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))


def password_form(http, name: str, password: str):
    return http.post(
        "/sign-in",
        content=f"name={name}&password={password}",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        follow_redirects=False,
    )


def test_a_trainer_with_a_password_signs_in_with_the_form(client, settings, typed_password, participant):
    assert main(["trainer", "add", "Eli", "--password", "--database", settings.database_url]) == 0
    from app.store.db import session_scope

    with session_scope(engine_of(client)) as db:
        stored = db.exec(TrainerAccount.__table__.select().where(TrainerAccount.name == "Eli")).one()
    assert stored.password_hash.startswith("$argon2id$")
    assert "correct horse" not in stored.password_hash

    eli = participant()
    assert password_form(eli, "Eli", "correct+horse+battery").status_code == 303
    assert eli.get("/api/me").json()["name"] == "Eli"
    wrong = password_form(participant(), "Eli", "wrong")
    assert wrong.status_code == 403 and "do not match" in wrong.text


def test_a_trainer_without_a_password_cannot_use_the_form(client):
    accounts.add_trainer(engine_of(client), "Fay")
    for password in ("", "anything at all", "x" * 2000):
        response = password_form(client, "Fay", password)
        assert response.status_code in (403, 422)
        assert TRAINER_COOKIE not in client.cookies
    assert password_form(client, "Nobody", "anything at all").status_code == 403


def test_guessing_one_trainers_password_is_stopped(client, settings, typed_password):
    main(["trainer", "add", "Gil", "--password", "--database", settings.database_url])
    codes = [password_form(client, "Gil", f"guess {n}").status_code for n in range(11)]
    assert codes[:10] == [403] * 10 and codes[10] == 429
    assert password_form(client, "Gil", "correct+horse+battery").status_code == 429


def test_short_passwords_and_odd_names_are_refused_with_a_reason(client):
    with pytest.raises(accounts.AccountProblem, match="12 characters"):
        accounts.add_trainer(engine_of(client), "Hal", password="short")
    for name in ("", " ", "<script>", "a" * 81, "-dash"):
        with pytest.raises(accounts.AccountProblem, match="trainer's name"):
            accounts.add_trainer(engine_of(client), name)
