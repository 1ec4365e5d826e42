"""`flask --app portfolio backup PATH` and `restore PATH`: the database and the evidence files in
one archive, made while the server runs and checked before it is put in place.

The archive is a gzipped tar holding ``backup.json`` (what it holds), the database
(``portfolio.sqlite3`` from SQLite's ``VACUUM INTO``, or ``portfolio.pgdump`` from ``pg_dump
--format=custom``) and ``evidence/`` (the evidence files, named by content hash). The database is
copied first: evidence files are written before the row that names them and never removed, so
every file the copied rows name is in the archive.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import closing
from datetime import datetime, UTC
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy.engine import make_url

from portfolio.core.db import get_engine
from portfolio.security.evidence.storage import storage_dir

FORMAT = 1
MANIFEST = "backup.json"
SQLITE_MEMBER = "portfolio.sqlite3"
POSTGRES_MEMBER = "portfolio.pgdump"
EVIDENCE_MEMBER = "evidence"


class BackupError(click.ClickException):
    """The backup or restore could not be made; nothing was put in place."""


def integrity_errors(database_path):
    """The lines of SQLite's integrity check of database_path that are not 'ok' (none: intact)."""
    with closing(sqlite3.connect(database_path)) as connection:
        rows = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    return [] if rows == ["ok"] else rows


def _sqlite_path(url):
    return Path(make_url(url).database)


def _libpq(url):
    """(libpq connection URI without the password, environment carrying it) for pg_dump/pg_restore."""
    parsed = make_url(url)
    environment = {**os.environ}
    if parsed.password:
        environment["PGPASSWORD"] = parsed.password
    return parsed.set(drivername="postgresql", password=None).render_as_string(hide_password=False), environment


def _run(command, environment=None):
    """Run a PostgreSQL client tool. Raises BackupError when it is missing or fails."""
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian: apt-get install postgresql-client).")
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def copy_database(app, folder):
    """Copy the database into folder, consistent as of one moment, and check the copy.

    SQLite: ``VACUUM INTO`` reads one snapshot in a single step, so writers carry on meanwhile
    (a page-by-page backup would restart on every write). PostgreSQL: ``pg_dump`` in custom format,
    read back with ``pg_restore --list``. Returns the member name. Raises BackupError.
    """
    url = app.config["DATABASE_URL"]
    if url.startswith("sqlite"):
        target = folder / SQLITE_MEMBER
        with closing(get_engine(app).raw_connection()) as connection:
            connection.cursor().execute("VACUUM INTO ?", (str(target),))
        errors = integrity_errors(target)
        if errors:
            raise BackupError(f"The copy failed SQLite's integrity check: {'; '.join(errors[:5])}")
        return SQLITE_MEMBER
    target = folder / POSTGRES_MEMBER
    uri, environment = _libpq(url)
    _run(["pg_dump", "--format=custom", "--no-owner", f"--file={target}", uri], environment)
    _run(["pg_restore", "--list", str(target)], environment)
    return POSTGRES_MEMBER


def make_backup(app, path):
    """Write the archive to path: built and checked in a temporary file next to it, then renamed
    into place, so that path holds either the previous backup or a complete new one.
    Returns the manifest. Raises BackupError."""
    path = Path(path).resolve()
    if path.is_dir():
        raise BackupError(f"{path} is a directory; give the archive's file name, e.g. {path / 'portfolio.tar.gz'}")
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".backup-") as work:
        work = Path(work)
        started = datetime.now(UTC)
        member = copy_database(app, work)
        evidence = sorted(item for item in storage_dir(app).glob("*") if item.is_file()) if storage_dir(app).is_dir() else []
        manifest = {"format": FORMAT, "database": member, "started_at": started.isoformat(timespec="seconds"),
                    "evidence_files": len(evidence)}
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2))
        archive = work / "archive.tar.gz"
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(work / MANIFEST, MANIFEST)
            tar.add(work / member, member)
            for item in evidence:
                tar.add(item, f"{EVIDENCE_MEMBER}/{item.name}")
        with open(archive, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(archive, path)
    return manifest


def _read_manifest(tar):
    try:
        manifest = json.load(tar.extractfile(MANIFEST))
    except (KeyError, ValueError, AttributeError) as error:
        raise BackupError(f"Not a Portfolio backup: {error}") from None
    if manifest.get("format") != FORMAT or manifest.get("database") not in (SQLITE_MEMBER, POSTGRES_MEMBER):
        raise BackupError("Not a Portfolio backup of a format this version reads.")
    return manifest


def restore_backup(app, path):
    """Put the archive at path back: the database replaces the configured one, the evidence files
    are added to the evidence folder. The server must be stopped. Returns the manifest.
    Raises BackupError for an archive that is not a backup, a copy that fails its check, or a
    backup of the other kind of database."""
    url = app.config["DATABASE_URL"]
    expected = SQLITE_MEMBER if url.startswith("sqlite") else POSTGRES_MEMBER
    try:
        tar = tarfile.open(path, "r:*")
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"Cannot read {path}: {error}") from None
    with tar, tempfile.TemporaryDirectory(prefix=".restore-") as work:
        manifest = _read_manifest(tar)
        if manifest["database"] != expected:
            raise BackupError(f"This backup holds {manifest['database']}; the configured database needs {expected}.")
        tar.extractall(work, filter="data")
        copy = Path(work) / expected
        if expected == SQLITE_MEMBER:
            _restore_sqlite(copy, _sqlite_path(url))
        else:
            uri, environment = _libpq(url)
            _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                  f"--dbname={uri}", str(copy)], environment)
        _restore_evidence(Path(work) / EVIDENCE_MEMBER, storage_dir(app))
    get_engine(app).dispose()
    return manifest


def _restore_sqlite(copy, database):
    """Write copy over database through SQLite's backup API, which takes the database's locks and
    accounts for its write-ahead log (replacing the file under a stale -wal file would corrupt it)."""
    errors = integrity_errors(copy)
    if errors:
        raise BackupError(f"The backup's database failed SQLite's integrity check: {'; '.join(errors[:5])}")
    database.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(copy)) as source, closing(sqlite3.connect(database, timeout=30)) as target:
        source.backup(target)
    errors = integrity_errors(database)
    if errors:
        raise BackupError(f"The restored database failed SQLite's integrity check: {'; '.join(errors[:5])}")


def _restore_evidence(source, target):
    if not source.is_dir():
        return
    target.mkdir(parents=True, exist_ok=True)
    for item in source.iterdir():
        if not (target / item.name).exists():  # named by content hash: an existing file is the same file
            shutil.copy2(item, target / item.name)


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False))
@with_appcontext
def backup_command(path):
    """Back up the database and the evidence files into the archive PATH (a .tar.gz), online."""
    if not current_app.config["DATABASE_URL"].startswith("sqlite"):
        click.echo("PostgreSQL: the database is copied with pg_dump (custom format).")
    manifest = make_backup(current_app, path)
    click.echo(f"Backup written to {path}: the database as of {manifest['started_at']} "
               f"and {manifest['evidence_files']} evidence files.")


@click.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@with_appcontext
def restore_command(path, yes):
    """Replace the database with the backup PATH and add its evidence files. Stop the server first."""
    if not yes:
        click.confirm(f"This replaces every record in the database with the backup {path}. "
                      "Is the server stopped, and do you want to continue?", abort=True)
    manifest = restore_backup(current_app, path)
    click.echo(f"Restored the backup of {manifest['started_at']} ({manifest['evidence_files']} evidence files). "
               "Run `flask --app portfolio db upgrade` if this version is newer than the backup.")
