"""Fixtures: an app on a fresh SQLite file, a real server in a subprocess, and the packs they load.

The schema is migrated and the test packs are stored once per test run, in a template file that each test
gets a copy of; migrating per test was over a third of the quick loop.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import settings as hypothesis_settings
from sqlalchemy.engine import Engine

from app import library
from app.config import Settings
from app.main import build_services, create_app
from app.scenarios.loader import Pack
from app.store.db import make_engine
from tests.support import PAGE_HEADERS, LiveServer, sign_in_client

# Everything the server sends is checked against its contract in app/contracts, in every test.
pytest_plugins = ["tests.contracts.wire"]

TESTS = Path(__file__).parent
TEST_PACKS = TESTS / "packs"
SHIPPED_PACKS = TESTS.parent / "scenarios"
IN_CI = os.environ.get("CI") == "true"

# In CI the property tests draw the same examples every run, so a red build is always reproducible;
# locally they keep exploring new ones.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if IN_CI:
    hypothesis_settings.load_profile("ci")


@pytest.fixture(scope="session", autouse=True)
def packs_parsed_once():
    """Parses each pack's files once per test run: every app a test builds loads the same test packs.

    Keyed by the files' exact bytes, so an edited or broken pack is parsed (and judged) afresh; a Pack is a
    frozen dataclass that nothing changes after loading, so sharing one between tests is safe."""
    parse = library.load_files
    parsed: dict[tuple[str, tuple[tuple[str, bytes], ...]], Pack] = {}

    def load_files(name: str, files: dict[str, bytes]) -> Pack:
        key = (name, tuple(sorted(files.items())))
        if key not in parsed:
            parsed[key] = parse(name, files)
        return parsed[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(library, "load_files", load_files)
        yield


@pytest.fixture(scope="session")
def schema_db(tmp_path_factory) -> Path:
    """An empty SQLite file migrated to the latest schema, made once per test run."""
    path = tmp_path_factory.mktemp("template") / "schema.db"
    _settle(make_engine(f"sqlite:///{path}"))
    return path


@pytest.fixture(scope="session")
def template_db(schema_db: Path, packs_parsed_once) -> Path:
    """The migrated file with the test packs stored, as every app under test starts."""
    path = copy_of(schema_db, schema_db.with_name("template.db"))
    engine = make_engine(f"sqlite:///{path}")
    library.PackLibrary(engine).load_folders(TEST_PACKS)
    _settle(engine)
    return path


def _settle(engine: Engine) -> None:
    """Folds the write-ahead log into the file and closes it, so that one file is the whole database."""
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()


def copy_of(template: Path, path: Path) -> Path:
    shutil.copyfile(template, path)
    return path


@pytest.fixture
def settings(tmp_path: Path, template_db: Path) -> Settings:
    return Settings(
        database_url=f"sqlite:///{copy_of(template_db, tmp_path / 'test.db')}",
        scenarios_dir=TEST_PACKS,
        secret_key="k" * 40,
        public_url="http://testserver",
    )


@pytest.fixture
def client(settings: Settings):
    """An httpx-based client on the app, not yet signed in."""
    app = create_app(settings)
    app.state.services = build_services(settings)
    with TestClient(app, headers=dict(PAGE_HEADERS)) as test_client:
        yield test_client


@pytest.fixture
def trainer(client: TestClient, settings: Settings) -> TestClient:
    """The same client, signed in as the trainer through a real sign-in link."""
    from app.auth import new_sign_in_token

    token = new_sign_in_token(client.app.state.services.live.engine, 5)
    response = client.get(f"/sign-in?token={token}", follow_redirects=False)
    assert response.status_code == 303
    return client


@pytest.fixture
def participant(client: TestClient):
    """Makes a separate browser (own cookie jar) on the same app."""
    made = []

    def make() -> TestClient:
        other = TestClient(client.app, headers=dict(PAGE_HEADERS))
        made.append(other)
        return other

    yield make


@pytest.fixture(scope="module")
def server(tmp_path_factory, template_db):
    """A real `nplc serve` process on a free port with the tiny test pack."""
    live = LiveServer(copy_of(template_db, tmp_path_factory.mktemp("server") / "nplc.db"), TEST_PACKS)
    live.start()
    yield live
    live.stop()


@pytest.fixture
def server_trainer(server: LiveServer):
    with sign_in_client(server) as http:
        yield http


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A copy of the tiny test pack to edit."""
    target = tmp_path / "tiny"
    shutil.copytree(TEST_PACKS / "tiny", target)
    return target
