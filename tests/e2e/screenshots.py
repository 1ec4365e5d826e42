"""`make screenshots`: PNGs of every page at 1280 and 375 px wide, for reviewing the look by eye.

Runs its own server on a free loopback port over a throw-away SQLite database with the demo data,
signs in as a throw-away admin and writes <folder>/<width>/<endpoint>.png.
Usage: python -m tests.e2e.screenshots FOLDER
"""

import logging
import secrets
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from portfolio import create_app
from portfolio.ops import migrations
from portfolio.core.db import get_engine, session_scope
from portfolio.ops.demo import load_demo_data
from portfolio.reference.seed import seed_reference_data
from portfolio.users.services import create_user
from tests.e2e.conftest import CHROMIUM, LAUNCH_ARGS
from tests.e2e.pages import ANONYMOUS_ONLY, page_paths, record_ids

WIDTHS = (1280, 375)


def build_app(folder):
    app = create_app({"DATABASE_URL": f"sqlite:///{folder}/screenshots.sqlite3"}, instance_path=str(folder))
    migrations.upgrade(app)
    password = secrets.token_urlsafe(16)
    with app.app_context(), session_scope(app, actor=lambda: (None, "screenshots")) as session:
        seed_reference_data(session)
        load_demo_data(session)
        create_user(session, email="screenshots@example.org", name="Schermafdruk", role="admin", password=password)
        ids = record_ids(session)
    return app, password, page_paths(app, ids)


def take(base_url, password, paths, output):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        for width in WIDTHS:
            folder = output / str(width)
            folder.mkdir(parents=True, exist_ok=True)
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(f"{base_url}/login")
            page.screenshot(path=folder / "auth.login.png", full_page=True)
            page.locator("input[name=email]").fill("screenshots@example.org")
            page.locator("input[name=password]").fill(password)
            page.locator("main [type=submit]").click()
            page.wait_for_url(f"{base_url}/")
            for endpoint, path in paths:
                if endpoint not in ANONYMOUS_ONLY:
                    page.goto(f"{base_url}{path}")
                    page.screenshot(path=folder / f"{endpoint}.png", full_page=True)
            page.close()
        browser.close()


def main(output):
    output = Path(output).resolve()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory() as folder:
        app, password, paths = build_app(folder)
        http = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=http.serve_forever, daemon=True)
        thread.start()
        try:
            take(f"http://127.0.0.1:{http.server_port}", password, paths, output)
        finally:
            http.shutdown()
            get_engine(app).dispose()
    print(f"{len(paths) * len(WIDTHS)} screenshots in {output}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "build/screenshots")
