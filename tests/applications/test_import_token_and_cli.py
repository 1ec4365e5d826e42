"""The import's token between preview and confirm, and the import from the command line."""

import json
from pathlib import Path

import pytest

from portfolio.applications.columns import HEADERS
from tests.applications.helpers import text
from tests.applications.import_helpers import (
    application_audit, applications_by_name, confirm, counts, new_row, to_csv, token_of, upload,
)


# --- the token between preview and confirm ------------------------------------------------


def test_another_users_token_is_refused_and_the_owner_can_still_confirm(editor, client_as, db):
    token = token_of(upload(editor, to_csv(HEADERS, [new_row()])))
    admin = client_as("admin")
    before = counts(db)
    response = confirm(admin, token)
    assert response.status_code == 400
    assert "Deze import is verlopen of niet van u." in text(response)
    assert counts(db) == before
    assert confirm(editor, token).status_code == 302
    assert "Nieuwe app" in applications_by_name(db)


def test_a_token_works_once(editor, app):
    token = token_of(upload(editor, to_csv(HEADERS, [new_row()])))
    assert confirm(editor, token).status_code == 302
    assert confirm(editor, token).status_code == 400
    assert list((Path(app.instance_path) / "imports").iterdir()) == []


def test_a_token_older_than_an_hour_is_refused(editor, app, db):
    token = token_of(upload(editor, to_csv(HEADERS, [new_row()])))
    meta = Path(app.instance_path) / "imports" / f"{token}.json"
    stored_meta = json.loads(meta.read_text())
    meta.write_text(json.dumps({**stored_meta, "created": stored_meta["created"] - 3601}))
    before = counts(db)
    assert confirm(editor, token).status_code == 400
    assert counts(db) == before


@pytest.mark.parametrize("token", ["", "../../secret_key", "x" * 32])
def test_malformed_or_unknown_tokens_are_refused(editor, token):
    assert confirm(editor, token).status_code == 400


# --- the command line ---------------------------------------------------------------------


@pytest.fixture
def run(app, tmp_path):
    """run(content, *options, name="applicaties.csv") -> the result of `flask applications import`."""
    runner = app.test_cli_runner()

    def invoke(content, *options, name="applicaties.csv"):
        path = tmp_path / name
        path.write_bytes(content)
        return runner.invoke(args=["applications", "import", str(path), *options])

    return invoke


def test_cli_dry_run_writes_nothing(run, db):
    before = counts(db)
    result = run(to_csv(HEADERS, [new_row(Naam="GouwIT")]), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "1 to create" in result.output
    assert "Dry run: nothing written." in result.output
    assert counts(db) == before


def test_cli_import_writes_as_the_cli(run, db):
    result = run(to_csv(HEADERS, [new_row(Naam="GouwIT")]))
    assert result.exit_code == 0, result.output
    assert "Written: 1 created, 0 changed." in result.output
    application = applications_by_name(db)["GouwIT"]
    assert [entry.actor_label for entry in application_audit(db, application.id)] == ["cli"]


def test_cli_invalid_file_exits_1_and_writes_nothing(run, db):
    before = counts(db)
    result = run(to_csv(HEADERS, [new_row(Naam="Goed"), new_row(Levenscyclus="in de steigers")]))
    assert result.exit_code == 1
    assert "row 3, Levenscyclus: Onbekende waarde: in de steigers." in result.output
    assert counts(db) == before


def test_cli_refuses_an_unreadable_file(run, db):
    result = run(b"\x00\x01", name="applicaties.xlsx")
    assert result.exit_code == 1
    assert "Het Excelbestand is beschadigd" in result.output
