"""Benchmark of the application list and export: prints figures, asserts nothing.

    .venv/bin/python tests/perf/bench_applications.py [--sizes 100 10000] [--export-rows 100000]
        [--database-url URL]

For each size it builds a fresh SQLite database (or empties the PostgreSQL one given) with that many
applications, each with a usage, a contract and a supplier shared by thirty, then times the list
page (plain, filtered and searched, sorted by action-needed-by) through the WSGI app. The export
is timed on --export-rows applications in a separate process, which also reports its peak memory
(ru_maxrss) before and after streaming the CSV and writing the XLSX.
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import insert, text

from portfolio import create_app
from portfolio.ops import migrations
from portfolio.applications.models import Application, Contract, Usage
from portfolio.core.db import get_engine, session_scope
from portfolio.core.dates import utcnow
from portfolio.reference.seed import seed_reference_data
from portfolio.suppliers.models import Supplier
from portfolio.users.services import create_user

CONFIG = {
    "SECRET_KEY": "benchmark",
    "WTF_CSRF_ENABLED": False,
    "ARGON2": {"time_cost": 1, "memory_cost": 8, "parallelism": 1},
}
PASSWORD = "benchmark password"
LIST_URLS = (
    ("list", "/applications/"),
    ("filtered", "/applications/?status=production&biv=high&q=app"),
    ("by action date", "/applications/?sort=action&action_within=24"),
)


def build(database_url, count, instance):
    """A migrated database with count applications (bulk inserts: benchmark data is not audited)."""
    app = create_app({**CONFIG, "DATABASE_URL": database_url}, instance_path=instance)
    migrations.upgrade(app)
    engine = get_engine(app)
    with app.app_context(), session_scope(app) as session:
        seed_reference_data(session)
        create_user(session, email="bench@example.org", name="Bench", role="admin", password=PASSWORD)
    with engine.begin() as connection:
        domains = [row[0] for row in connection.execute(text("SELECT id FROM domain"))]
        organisations = [row[0] for row in connection.execute(text("SELECT id FROM organisation"))]
        suppliers = max(1, count // 30)
        connection.execute(insert(Supplier), [{"name": f"Leverancier {n}", "archived": False, "version": 1} for n in range(suppliers)])
        supplier_ids = [row[0] for row in connection.execute(text("SELECT id FROM supplier ORDER BY id"))]
        levels = ("low", "medium", "high")
        for start in range(0, count, 5000):
            batch = range(start, min(count, start + 5000))
            connection.execute(insert(Application), [
                {
                    "name": f"Applicatie {n}", "supplier_id": supplier_ids[n % len(supplier_ids)],
                    "product": f"Product {n % 97}", "domain_id": domains[n % len(domains)],
                    "description": "Generated for the benchmark.", "lifecycle_status": "production",
                    "availability": levels[n % 3], "integrity": levels[(n + 1) % 3], "confidentiality": levels[n % 2],
                    "archived": False, "created_at": utcnow(), "version": 1,
                }
                for n in batch
            ])
        ids = [row[0] for row in connection.execute(text("SELECT id FROM application ORDER BY id"))]
        for start in range(0, len(ids), 5000):
            chunk = ids[start:start + 5000]
            connection.execute(insert(Usage), [
                {"application_id": i, "organisation_id": organisations[i % len(organisations)], "status": "active",
                 "ensia_subjects": [], "archived": False, "version": 1}
                for i in chunk
            ])
            connection.execute(insert(Contract), [
                {"application_id": i, "contract_type": "license", "starts_on": date(2024, 1, 1),
                 "ends_on": date(2026, 1, 31) + timedelta(days=i % 1500), "notice_months": i % 7,
                 "cost_cents": 100_000 * (i % 50), "cost_period": "yearly", "archived": False, "version": 1}
                for i in chunk
            ])
    return app


def logged_in_client(app):
    client = app.test_client()
    response = client.post("/login", data={"email": "bench@example.org", "password": PASSWORD})
    assert response.status_code == 302, response.status_code
    return client


def time_requests(client, url, repeat):
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        response.get_data()
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings) * 1000, min(timings) * 1000


def bench_list(database_url, sizes, repeat):
    print(f"List page ({'PostgreSQL' if database_url else 'SQLite'}), median and best of {repeat} requests:")
    for size in sizes:
        with tempfile.TemporaryDirectory() as instance:
            url = database_url or f"sqlite:///{instance}/bench.sqlite3"
            if database_url:
                _reset_postgres(url)
            started = time.perf_counter()
            app = build(url, size, instance)
            built = time.perf_counter() - started
            client = logged_in_client(app)
            client.get("/applications/")  # warm up caches and templates
            for label, path in LIST_URLS:
                median, best = time_requests(client, path, repeat)
                print(f"  {size:>7} applications  {label:<15} {median:8.1f} ms median  {best:8.1f} ms best")
            print(f"  ({size} applications built in {built:.1f} s)")
            get_engine(app).dispose()


def _reset_postgres(url):
    from sqlalchemy import create_engine

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def bench_export(rows, database_url):
    with tempfile.TemporaryDirectory() as instance:
        url = database_url or f"sqlite:///{instance}/bench.sqlite3"
        if database_url:
            _reset_postgres(url)
        app = build(url, rows, instance)
        get_engine(app).dispose()
        for kind in ("csv", "xlsx"):
            result = subprocess.run(
                [sys.executable, __file__, "--export-child", kind, "--database-url", url, "--instance", instance],
                capture_output=True, text=True, check=True,
            )
            print(result.stdout.strip())


def export_child(kind, database_url, instance):
    """Runs in a fresh process so that ru_maxrss shows the export's own peak."""
    app = create_app({**CONFIG, "DATABASE_URL": database_url}, instance_path=instance)
    client = logged_in_client(app)
    client.get("/applications/?page=1")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    response = client.get(f"/applications/export.{kind}")
    size = sum(len(chunk) for chunk in response.response)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    response.close()
    print(f"Export {kind.upper():<4}: {elapsed:6.1f} s, {size / 1e6:6.1f} MB, peak RSS {before:6.0f} MB before → {after:6.0f} MB after")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 10_000])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--export-rows", type=int, default=100_000)
    parser.add_argument("--database-url", default=None, help="an empty PostgreSQL database to use instead of SQLite")
    parser.add_argument("--export-child", choices=("csv", "xlsx"), help=argparse.SUPPRESS)
    parser.add_argument("--instance", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.export_child:
        export_child(options.export_child, options.database_url, options.instance)
        return
    os.environ.pop("PORTFOLIO_DATABASE_URL", None)
    bench_list(options.database_url, options.sizes, options.repeat)
    if options.export_rows:
        print(f"Export of {options.export_rows} applications (each in a fresh process):")
        bench_export(options.export_rows, options.database_url)


if __name__ == "__main__":
    main()
