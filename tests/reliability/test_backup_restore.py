"""Backup under a write load, restored into a fresh instance: intact, and holding every write
acknowledged before the backup began (`flask --app portfolio backup` and `restore`)."""

import hashlib
import json
import shutil
import threading
import time
import uuid

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlmodel import Session

from portfolio import create_app
from portfolio.core.audit.history import verify_chain
from portfolio.ops.backup import integrity_errors
from portfolio.core.db import get_engine, session_scope
from portfolio.security.evidence.storage import storage_dir
from portfolio.suppliers.services import create_supplier
from tests.conftest import base_config

WRITERS = 4
WRITTEN_TABLES = {"supplier", "audit_entry"}  # the only tables the load writes to


def write_load(app, stop):
    """Threads adding suppliers until stop is set; returns the list of (name, acknowledged at)."""
    acknowledged, errors = [], []

    def writer(number):
        try:
            with app.app_context():
                for index in range(100_000):
                    if stop.is_set():
                        return
                    name = f"Leverancier {number}-{index}"
                    with session_scope(app) as session:
                        create_supplier(session, data={"name": name})
                    acknowledged.append((name, time.monotonic()))
        except Exception as error:  # re-raised by the test
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(number,)) for number in range(WRITERS)]
    for thread in threads:
        thread.start()
    return threads, acknowledged, errors


def table_rows(engine):
    """{table: set of rows as JSON text} of every table."""
    rows = {}
    with engine.connect() as connection:
        for table in inspect(connection).get_table_names():
            result = connection.execute(text(f'SELECT * FROM "{table}"'))  # nosec B608: names from the schema
            rows[table] = {json.dumps(list(row), default=str, sort_keys=True) for row in result}
    return rows


def add_evidence_files(app, count=3):
    """Files in the evidence folder as the upload stores them (named by content hash)."""
    folder = storage_dir(app)
    folder.mkdir(parents=True, exist_ok=True)
    contents = [f"bewijs {number}".encode() for number in range(count)]
    for content in contents:
        (folder / hashlib.sha256(content).hexdigest()).write_bytes(content)
    return {hashlib.sha256(content).hexdigest(): content for content in contents}


@pytest.fixture
def backup_tools(app):
    """On PostgreSQL the backup needs pg_dump and pg_restore: skipped without them."""
    if not app.config["DATABASE_URL"].startswith("sqlite") and not (shutil.which("pg_dump") and shutil.which("pg_restore")):
        pytest.skip("pg_dump and pg_restore are not installed (Debian: postgresql-client); the PostgreSQL backup uses them")


@pytest.fixture
def restore_target(app, tmp_path, backup_tools):
    """The database URL of a fresh, empty instance to restore into (dropped afterwards on PostgreSQL)."""
    url = app.config["DATABASE_URL"]
    if url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    server = make_url(url)
    name = f"portfolio_restore_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield server.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_a_backup_under_write_load_restores_every_write_acknowledged_before_it(app, tmp_path, restore_target, scorecard):
    evidence = add_evidence_files(app)
    archive = tmp_path / "backups" / "portfolio.tar.gz"
    stop = threading.Event()
    threads, acknowledged, errors = write_load(app, stop)
    try:
        time.sleep(1.0)
        began = time.monotonic()
        result = app.test_cli_runner().invoke(args=["backup", str(archive)])
        time.sleep(0.5)  # writes go on after the backup too: they must not matter
    finally:
        stop.set()
        for thread in threads:
            thread.join(60)
    assert not errors, errors
    assert result.exit_code == 0, result.output
    if not app.config["DATABASE_URL"].startswith("sqlite"):
        assert "pg_dump" in result.output
    before = {name for name, at in acknowledged if at < began}
    assert before, "the load wrote before the backup began"

    restored = create_app(base_config(restore_target), instance_path=str(tmp_path / "restored-instance"))
    outcome = restored.test_cli_runner().invoke(args=["restore", "--yes", str(archive)])
    assert outcome.exit_code == 0, outcome.output

    source_rows, restored_rows = table_rows(get_engine(app)), table_rows(get_engine(restored))
    with restored.app_context(), Session(get_engine(restored)) as session:
        names = set(session.exec(text("SELECT name FROM supplier")).scalars())
        chain = verify_chain(session)
    missing = len(before - names)
    for table, rows in restored_rows.items():
        missing += len(rows - source_rows[table])  # a restored row the source never had, or changed
        if table not in WRITTEN_TABLES:
            missing += len(source_rows[table] - rows)
    compared = sum(len(rows) for rows in restored_rows.values())
    scorecard("backup-restore rows compared", compared)
    scorecard("backup-restore rows missing", missing)
    print(f"{len(acknowledged)} writes acknowledged, {len(before)} before the backup, "
          f"{len(names)} suppliers restored; {compared} rows compared, {missing} missing")

    assert set(restored_rows) == set(source_rows)
    assert missing == 0
    assert chain.problem is None, chain
    if restore_target.startswith("sqlite"):
        assert integrity_errors(make_url(restore_target).database) == []
    restored_files = {item.name: item.read_bytes() for item in storage_dir(restored).iterdir()}
    assert restored_files == evidence
    get_engine(restored).dispose()


def test_restore_refuses_what_is_not_a_backup(app, tmp_path):
    bogus = tmp_path / "not-a-backup.tar.gz"
    bogus.write_bytes(b"no archive")
    result = app.test_cli_runner().invoke(args=["restore", "--yes", str(bogus)])
    assert result.exit_code != 0
    assert "Cannot read" in result.output


def test_restore_asks_for_confirmation(app, tmp_path, backup_tools):
    archive = tmp_path / "portfolio.tar.gz"
    assert app.test_cli_runner().invoke(args=["backup", str(archive)]).exit_code == 0
    with app.app_context(), session_scope(app) as session:
        create_supplier(session, data={"name": "Na de back-up"})
    result = app.test_cli_runner().invoke(args=["restore", str(archive)], input="n\n")
    assert result.exit_code != 0
    assert "Aborted" in result.output
    with Session(get_engine(app)) as session:
        assert session.exec(text("SELECT count(*) FROM supplier")).scalar() == 1  # nothing was restored
