"""Playwright driving Debian's Chromium against a real `nplc serve` with the shipped scenarios."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import sync_playwright

from tests.conftest import IN_CI, SHIPPED_PACKS
from tests.support import LiveServer

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="module")
def chromium():
    """Module-scoped: Playwright's sync API holds an event loop on this thread, which must end with the module."""
    if shutil.which(CHROMIUM) is None:
        if IN_CI:
            pytest.fail(f"Chromium is not installed at {CHROMIUM}; install Debian's package 'chromium'")
        pytest.skip("Chromium is not installed here (apt-get install -y chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def day_server(tmp_path_factory):
    live = LiveServer(tmp_path_factory.mktemp("browser") / "nplc.db", SHIPPED_PACKS)
    live.start()
    yield live
    live.stop()


@pytest.fixture
def new_context(chromium):
    """Opens a fresh browser context (its own cookies, like its own laptop); all are closed afterwards."""
    opened = []

    def make(**options):
        context = chromium.new_context(**options)
        context.set_default_timeout(10_000)
        opened.append(context)
        return context

    yield make
    for context in opened:
        context.close()
