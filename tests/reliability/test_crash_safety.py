"""Crash safety on SQLite: the real server under a write load is killed with SIGKILL again and
again; after every kill the database passes its integrity check and holds every write the server
acknowledged.

Every trial kills all of gunicorn's workers (the processes that hold the database connections
and do the writes) at a random moment; every fifth kills the master too and starts the server
anew. Starting Portfolio takes seconds on a busy machine, and gunicorn's master, which loaded the
app once (--preload), forks new workers at once: so twenty kills fit in about a minute.
"""

import http.client
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from portfolio.ops.backup import integrity_errors
from portfolio.core.db import get_engine
from portfolio.tokens.services import create_token
from tests.perf.bench_pages import ROOT, free_port

TRIALS = 20
FULL_RESTART_EVERY = 5
WRITERS = 3
BIN = Path(sys.executable).parent


@pytest.fixture
def database(app, db, make_user, request):
    """(path of the migrated SQLite database, a write token of an editor)."""
    if request.config.getoption("--db") != "sqlite":
        pytest.skip("kill -9 against SQLite's files: PostgreSQL's own crash recovery is not ours to test")
    with db() as session:
        _token, secret = create_token(session, user=make_user("editor"), name="crash", scope="write",
                                      expires_on=date.today() + timedelta(days=1), today=date.today())
    get_engine(app).dispose()
    return Path(make_url(app.config["DATABASE_URL"]).database), secret


def start_server(database, port):
    """gunicorn with 2 workers in a process group of its own, so that one killpg ends it whole."""
    environment = {**os.environ, "PORTFOLIO_DATABASE_URL": f"sqlite:///{database}",
                   "PORTFOLIO_SECRET_KEY": "crash test", "PORTFOLIO_API_RATE_LIMIT": "1000000"}
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "-w", "2", "--preload", "-b", f"127.0.0.1:{port}", "--log-level", "critical",
         "portfolio:create_app()"],
        env=environment, cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    wait_until_serving(port, process)
    return process


def wait_until_serving(port, process):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with closing(http.client.HTTPConnection("127.0.0.1", port, timeout=1)) as connection:
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    return
        except OSError:
            time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    raise AssertionError("the server did not answer within 60 s")


def workers_of(process):
    found = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True).stdout.split()
    return [int(pid) for pid in found]


def kill_workers(process):
    """SIGKILL every worker; the master forks new ones."""
    workers = workers_of(process)
    assert workers, "gunicorn has workers"
    for pid in workers:
        os.kill(pid, signal.SIGKILL)


def writer(port, secret, prefix, acknowledged, failures, stop):
    """Create suppliers through the API until stop is set or the connection fails (a kill).
    A 201 with the new record's id counts as acknowledged; any other answer is a failure."""
    headers = {"Authorization": f"Bearer {secret}", "Content-Type": "application/json"}
    try:
        with closing(http.client.HTTPConnection("127.0.0.1", port, timeout=10)) as connection:
            for index in range(1_000_000):
                if stop.is_set():
                    return
                name = f"{prefix}-{index}"
                connection.request("POST", "/api/v1/suppliers", body=json.dumps({"name": name}), headers=headers)
                response = connection.getresponse()
                body = response.read()
                if response.status == 201 and json.loads(body)["name"] == name:
                    acknowledged.append(name)
                else:
                    failures.append((response.status, body[:200]))
    except (OSError, http.client.HTTPException):
        return  # the kill: this request is unacknowledged, and may or may not have been stored


def stored_names(database):
    with closing(sqlite3.connect(database)) as connection:
        return {row[0] for row in connection.execute("SELECT name FROM supplier")}


def test_kill_9_under_write_load_loses_no_acknowledged_write(database, scorecard):
    path, secret = database
    rng = random.Random(11)
    acknowledged, failures = [], []
    corrupt = lost = 0
    port = free_port()
    server = start_server(path, port)
    try:
        for trial in range(TRIALS):
            stop = threading.Event()
            threads = [threading.Thread(target=writer, args=(port, secret, f"trial {trial} writer {number}",
                                                             acknowledged, failures, stop)) for number in range(WRITERS)]
            for thread in threads:
                thread.start()
            time.sleep(rng.uniform(0.2, 1.0))
            if (trial + 1) % FULL_RESTART_EVERY == 0:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait(10)
            else:
                kill_workers(server)
            stop.set()
            for thread in threads:
                thread.join(20)
            assert not any(thread.is_alive() for thread in threads), "a writer hung after the kill"
            scorecard("kill -9 trials")
            if server.poll() is not None:
                corrupt += bool(integrity_errors(path))  # opening the database recovers its log, as a restart does
                server = start_server(path, port)
            else:
                wait_until_serving(port, server)
                corrupt += bool(integrity_errors(path))
            lost = len(set(acknowledged) - stored_names(path))
    finally:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(10)
    scorecard("corrupt databases", corrupt)
    scorecard("lost acknowledged writes", lost)
    print(f"{TRIALS} kills, {len(acknowledged)} writes acknowledged, {corrupt} corrupt, {lost} lost")

    assert not failures, failures[:5]
    assert len(acknowledged) >= TRIALS, "the load wrote something in most trials"
    assert corrupt == 0
    assert lost == 0
