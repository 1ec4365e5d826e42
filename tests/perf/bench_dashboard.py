"""Benchmark of the start page: prints time per request and queries per request, asserts nothing.

    .venv/bin/python tests/perf/bench_dashboard.py [--sizes 100 10000] [--repeat 15] [--database-url URL]

For each size it builds the application benchmark's database (bench_applications.build: that many
applications, each with a usage and a contract ending within about four years), signs in as an
administrator (who sees every section: actions, security, privacy, figures and charts), and times
GET / through the WSGI app.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import event

from portfolio.core.db import get_engine
from tests.perf.bench_applications import _reset_postgres, build, logged_in_client, time_requests


def count_queries(app, client):
    statements = []
    engine = get_engine(app)

    def record(*arguments):
        statements.append(arguments[2])

    event.listen(engine, "before_cursor_execute", record)
    try:
        client.get("/").get_data()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return len(statements)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 10_000])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--database-url", default=None, help="an empty PostgreSQL database to use instead of SQLite")
    options = parser.parse_args()
    os.environ.pop("PORTFOLIO_DATABASE_URL", None)
    print(f"Dashboard ({'PostgreSQL' if options.database_url else 'SQLite'}), median and best of {options.repeat} requests:")
    for size in options.sizes:
        with tempfile.TemporaryDirectory() as instance:
            url = options.database_url or f"sqlite:///{instance}/bench.sqlite3"
            if options.database_url:
                _reset_postgres(url)
            app = build(url, size, instance)
            client = logged_in_client(app)
            client.get("/")  # warm up caches and templates
            median, best = time_requests(client, "/", options.repeat)
            queries = count_queries(app, client)
            print(f"  {size:>7} applications  {median:8.1f} ms median  {best:8.1f} ms best  {queries} queries")
            get_engine(app).dispose()


if __name__ == "__main__":
    main()
