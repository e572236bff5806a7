"""docker-compose.yml and deploy/Caddyfile agree with the app: no Docker here, so the files are read and checked.

Every NPLC_ setting they pass is one the app reads (app/config.py) and parses; the apps run the image the
Dockerfile builds, after `nplc migrate`, on the database the compose file starts; Caddy sends traffic to each
app on the port it listens on, and the apps believe forwarded headers from Caddy's address only.
"""

from __future__ import annotations

import ipaddress
import re

import pytest
import yaml
from sqlalchemy.engine import make_url

from app.config import Settings
from tests.support import ROOT

COMPOSE = ROOT / "docker-compose.yml"
APPS = ("app1", "app2")
# What an operator puts in the environment (or an .env file) before `docker compose up`.
OPERATOR = {"POSTGRES_PASSWORD": "a-long-random-password", "NPLC_DOMAIN": "nplc.example.org"}


def interpolated(text: str) -> str:
    """Compose's `${NAME}`, `${NAME:?message}` and `${NAME:-default}` with the operator's values."""

    def value(found: re.Match) -> str:
        name, rule = found.group(1), found.group(2) or ""
        if name in OPERATOR:
            return OPERATOR[name]
        if rule.startswith(":-"):
            return rule[2:]
        raise AssertionError(f"docker-compose.yml needs {name}, which the deployment guide does not mention")

    return re.sub(r"\$\{(\w+)([^}]*)\}", value, text)


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(interpolated(COMPOSE.read_text()))


def app_settings(service: dict) -> Settings:
    environment = service["environment"]
    unknown = [name for name in environment if name.removeprefix("NPLC_").lower() not in Settings.model_fields]
    assert unknown == [], f"the app reads no such settings: {unknown}"
    return Settings(**{name.removeprefix("NPLC_").lower(): value for name, value in environment.items()})


def test_two_app_processes_run_the_image_after_migrating(compose):
    services = compose["services"]
    assert (ROOT / services["app1"]["build"] / "Dockerfile").exists()
    for name in (*APPS, "migrate"):
        assert services[name]["image"] == services["app1"]["image"] and services[name]["build"] == "."
    assert [services[name]["command"] for name in APPS] == [["nplc", "serve"]] * 2
    assert services["migrate"]["command"] == ["nplc", "migrate"]
    for name in APPS:
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"


def test_the_apps_settings_are_real_and_point_at_the_compose_database(compose):
    services = compose["services"]
    settings = [app_settings(services[name]) for name in (*APPS, "migrate")]
    assert all(each == settings[0] for each in settings)  # every process configured alike
    url, db = make_url(settings[0].database_url), services["db"]["environment"]
    assert url.get_backend_name() == "postgresql" and url.host == "db" and url.port == 5432
    assert (url.username, url.password, url.database) == (
        db["POSTGRES_USER"],
        db["POSTGRES_PASSWORD"],
        db["POSTGRES_DB"],
    )
    assert settings[0].public_url == f"https://{OPERATOR['NPLC_DOMAIN']}"
    assert settings[0].host == "0.0.0.0"


def test_the_apps_share_one_cookie_key(compose):
    services = compose["services"]
    key_file = app_settings(services["app1"]).key_file
    assert key_file is not None
    for name in APPS:
        mounts = {volume.split(":")[1]: volume.split(":")[0] for volume in services[name]["volumes"]}
        assert str(key_file.parent) in mounts and mounts[str(key_file.parent)] in compose["volumes"]
    assert services["app1"]["volumes"] == services["app2"]["volumes"]


def test_caddy_serves_https_and_balances_the_apps_on_their_port(compose):
    caddy = compose["services"]["caddy"]
    assert {"80:80", "443:443"} <= set(caddy["ports"])
    source = next(v for v in caddy["volumes"] if v.endswith(":/etc/caddy/Caddyfile:ro")).split(":")[0]
    caddyfile = (ROOT / source).read_text()
    assert "{$NPLC_DOMAIN}" in caddyfile and "NPLC_DOMAIN" in caddy["environment"]
    upstreams = re.search(r"^\s*reverse_proxy ([^{\n]+)\{", caddyfile, flags=re.M).group(1).split()
    port = app_settings(compose["services"]["app1"]).port
    assert sorted(upstreams) == [f"{name}:{port}" for name in APPS]
    assert "EXPOSE 8000" in (ROOT / "Dockerfile").read_text() and port == 8000  # and its HEALTHCHECK asks there
    assert re.search(r"health_uri /api/health\b", caddyfile)


def test_the_apps_believe_forwarded_headers_from_caddy_only(compose):
    caddy_address = compose["services"]["caddy"]["networks"]["inside"]["ipv4_address"]
    subnet = ipaddress.ip_network(compose["networks"]["inside"]["ipam"]["config"][0]["subnet"])
    assert ipaddress.ip_address(caddy_address) in subnet
    for name in APPS:
        assert app_settings(compose["services"][name]).trusted_proxy_list == [caddy_address]
        assert compose["services"][name]["networks"] == ["inside"]
