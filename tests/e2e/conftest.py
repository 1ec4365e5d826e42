"""Browser tests: Portfolio served on a free loopback port with a fresh database, driven by
Debian's Chromium through Playwright (its own browser download does not work here)."""

import os
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from portfolio.core.db import session_scope
from portfolio.ops.demo import load_demo_data
from tests.conftest import PASSWORD

SCAN_REPORT = pytest.StashKey[list]()
CHROMIUM = Path(os.environ.get("PORTFOLIO_CHROMIUM", "/usr/bin/chromium"))
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing; `make test` installs Debian's chromium"
        if os.environ.get("PORTFOLIO_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": LAUNCH_ARGS,
    }


@pytest.fixture(scope="session")
def base_url():
    """Replaces pytest-playwright's fallback fixture, which pytest 9 warns about (a session
    fixture defined as a method); every test here builds its URLs from `server`."""
    return None


@pytest.fixture
def app_config():
    """The browser sends real forms, so CSRF protection stays on."""
    return {"WTF_CSRF_ENABLED": True}


@pytest.fixture
def server(app):
    """Base URL of the app served by a threaded server, with the demo data loaded."""
    with app.app_context(), session_scope(app, actor=lambda: (None, "demo")) as session:
        load_demo_data(session)
    http = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=http.serve_forever, name="e2e-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{http.server_port}"
    http.shutdown()
    thread.join()


@pytest.fixture
def log_in(server, make_user):
    """log_in(page, role) signs a new user of role in through the login page; returns the user."""

    def sign_in(page, role, *, user=None):
        user = user or make_user(role)
        page.goto(f"{server}/login")
        page.locator("input[name=email]").fill(user.email)
        page.locator("input[name=password]").fill(PASSWORD)
        page.locator("main [type=submit]").click()
        page.wait_for_url(f"{server}/")
        return user

    return sign_in


def open_menu(page, name):
    """Follow the main navigation's link called name (in whichever language the page is)."""
    page.locator("nav.portfolio-nav").get_by_role("link", name=name).click()


@pytest.fixture
def scan_report(request):
    """report(line): a line for the accessibility section at the end of the test run."""
    lines = request.config.stash.setdefault(SCAN_REPORT, [])
    return lines.append


def pytest_terminal_summary(terminalreporter, config):
    lines = config.stash.get(SCAN_REPORT, [])
    if lines:
        terminalreporter.section("accessibility scan (axe-core)")
        for line in lines:
            terminalreporter.write_line(line)
