"""`make load`: a bounded mixed read/write load against gunicorn on loopback; no request may fail.

    .venv/bin/python tests/perf/load.py [--seconds 300] [--clients 8] [--write-share 0.2]

A fresh SQLite database with the demo data (or the database PORTFOLIO_DATABASE_URL names, which
gets the demo data when it has no application yet, and a load-test account and tokens), Portfolio
under gunicorn with 2 workers (tests/perf/bench_pages.py starts it and signs in), then --clients
threads for --seconds: about 80% page reads over the main pages and application pages, about 20%
writes (a supplier created through the form, one created through the API, and an API change of a
supplier the thread created, with If-Match). Prints requests, errors and p50/p99 latency; exits 1
when any request failed (a status of 400 or more, or no answer).
"""

import argparse
import http.client
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlmodel import select  # noqa: E402

from portfolio import create_app  # noqa: E402
from portfolio.auth.models import User  # noqa: E402
from portfolio.core.db import get_engine, session_scope  # noqa: E402
from portfolio.tokens.services import create_token  # noqa: E402
from portfolio.users.services import create_user  # noqa: E402
from tests.perf.bench_pages import BIN, EMAIL, PASSWORD, _env, gunicorn, session_cookie  # noqa: E402

PAGES = ("/", "/applications/", "/applications/?status=production", "/suppliers/", "/procurements/",
         "/budget/", "/security/", "/security/measures/", "/privacy/")
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def prepare(folder, database_url, clients):
    """Migrate and fill the database, make sure the load-test admin exists; returns (server
    environment, one API token per client)."""
    environment = {"PORTFOLIO_DATABASE_URL": database_url, "PORTFOLIO_SECRET_KEY": "load test"}
    flask = [str(BIN / "flask"), "--app", "portfolio"]
    for command in (["db", "upgrade"], ["demo", "load", "--if-empty"]):
        subprocess.run(flask + command, check=True, env=_env(environment), cwd=ROOT, stdout=subprocess.DEVNULL)
    app = create_app({"DATABASE_URL": database_url, "SECRET_KEY": "load test"}, instance_path=str(folder))
    with app.app_context(), session_scope(app, actor=lambda: (None, "load test")) as session:
        user = session.exec(select(User).where(User.email == EMAIL)).first()
        user = user or create_user(session, email=EMAIL, name="Load test", role="admin", password=PASSWORD)
        secrets = [create_token(session, user=user, name=f"load {number}", scope="write", today=date.today(),
                                expires_on=date.today() + timedelta(days=1))[1] for number in range(clients)]
    get_engine(app).dispose()
    return environment, secrets


class Client:
    """One simulated user: a session cookie for pages, a token for the API; times every request."""

    def __init__(self, base, cookie, secret, number, seed, stats):
        parsed = urllib.parse.urlsplit(base)
        self.connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
        self.cookie, self.secret, self.number, self.stats = cookie, secret, number, stats
        self.rng = random.Random(seed)
        self.created, self.count = [], 0

    def request(self, method, path, body=None, headers=None, ok=(200,)):
        started = time.perf_counter()
        try:
            self.connection.request(method, path, body=body, headers=headers or {})
            response = self.connection.getresponse()
            content = response.read()
        except (OSError, http.client.HTTPException) as error:
            self.connection.close()
            self.stats.record(time.perf_counter() - started, f"{method} {path}: {error!r}")
            return None, b""
        failure = None if response.status in ok else f"{method} {path}: {response.status} {content[:200]!r}"
        self.stats.record(time.perf_counter() - started, failure)
        return response, content

    def page(self, path, **kwargs):
        return self.request("GET", path, headers={"Cookie": self.cookie}, **kwargs)

    def api(self, method, path, payload=None, headers=None, ok=(200,)):
        headers = {"Authorization": f"Bearer {self.secret}", "Content-Type": "application/json", **(headers or {})}
        return self.request(method, f"/api/v1{path}", json.dumps(payload) if payload is not None else None, headers, ok)

    def name(self):
        self.count += 1
        return f"Leverancier load {self.number}-{self.count}-{self.rng.randrange(10**9)}"

    def read(self, application_ids):
        if application_ids and self.rng.random() < 0.3:
            self.page(f"/applications/{self.rng.choice(application_ids)}")
        else:
            self.page(self.rng.choice(PAGES))

    def write(self):
        choice = self.rng.randrange(3)
        if choice == 0:
            _response, content = self.page("/suppliers/new")
            token = CSRF.search(content.decode())
            if token:
                form = urllib.parse.urlencode({"csrf_token": token.group(1), "name": self.name()})
                self.request("POST", "/suppliers/new", form, {"Cookie": self.cookie,
                             "Content-Type": "application/x-www-form-urlencoded"}, ok=(302, 303))
        elif choice == 1 or not self.created:
            response, content = self.api("POST", "/suppliers", {"name": self.name()}, ok=(201,))
            if response is not None and response.status == 201:
                self.created.append(json.loads(content)["id"])
        else:
            supplier_id = self.rng.choice(self.created)
            response, _content = self.api("GET", f"/suppliers/{supplier_id}")
            if response is not None and response.status == 200:
                self.api("PATCH", f"/suppliers/{supplier_id}", {"notes": f"bijgewerkt {self.count}"},
                         {"If-Match": response.getheader("ETag")})


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies, self.failures = [], []

    def record(self, seconds, failure):
        with self.lock:
            self.latencies.append(seconds)
            if failure:
                self.failures.append(failure)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000 if ordered else float("nan")


def application_ids(base, secret):
    client = Client(base, "", secret, 0, 0, Stats())
    _response, content = client.api("GET", "/applications?per_page=100")
    return [item["id"] for item in json.loads(content)["items"]] if content else []


def run(args):
    with tempfile.TemporaryDirectory() as folder:
        database = os.environ.get("PORTFOLIO_DATABASE_URL") or f"sqlite:///{folder}/load.sqlite3"
        environment, secrets = prepare(folder, database, args.clients)
        stats = Stats()
        with gunicorn("portfolio:create_app()", environment) as (base, _master):
            cookie = session_cookie(base)
            ids = application_ids(base, secrets[0])
            deadline = time.monotonic() + args.seconds
            clients = [Client(base, cookie, secret, number, number, stats) for number, secret in enumerate(secrets)]

            def drive(client):
                while time.monotonic() < deadline:
                    client.write() if client.rng.random() < args.write_share else client.read(ids)

            threads = [threading.Thread(target=drive, args=(client,)) for client in clients]
            started = time.monotonic()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.monotonic() - started
    requests = len(stats.latencies)
    print(f"load: {args.clients} clients for {elapsed:.0f} s against gunicorn (2 workers) on {database.split(':')[0]}")
    print(f"requests {requests}  ({requests / elapsed:.1f}/s)  errors {len(stats.failures)}  "
          f"p50 {percentile(stats.latencies, 0.50):.0f} ms  p99 {percentile(stats.latencies, 0.99):.0f} ms")
    for failure in stats.failures[:10]:
        print(f"  error: {failure}")
    return 1 if stats.failures or not requests else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("LOAD_SECONDS", 300)))
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--write-share", type=float, default=0.2)
    sys.exit(run(parser.parse_args()))


if __name__ == "__main__":
    main()
