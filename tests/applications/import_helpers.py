"""Helpers of the import tests: upload, confirm, build files, read back what was stored."""

import csv
import io
import re

from sqlmodel import func, select

from portfolio.applications.columns import HEADERS
from portfolio.applications.models import Application
from portfolio.core.audit.models import AuditEntry
from portfolio.suppliers.models import Supplier


NAME_121 = "N" * 121


def upload(client, content, filename="applicaties.csv"):
    return client.post(
        "/applications/import", data={"file": (io.BytesIO(content), filename)}, content_type="multipart/form-data"
    )


def token_of(response):
    match = re.search(r'name="token" type="hidden" value="([^"]+)"', response.text) or re.search(
        r'name="token" value="([^"]+)"', response.text
    )
    return match.group(1) if match else None


def confirm(client, token):
    return client.post("/applications/import/confirm", data={"token": token})


def exported_csv(client):
    """The CSV export as a header and rows of cells (as Excel would show them)."""
    content = exported(client, "csv").decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(content, newline=""), delimiter=";"))
    return lines[0], lines[1:]


def exported(client, extension):
    """The bytes of the export, its response closed (the XLSX's temporary file with it).

    The CSV export streams its query after the request's session was closed and reopens it
    without anyone closing it again; the collector is run so that the open transaction does
    not block the PostgreSQL clean-up between tests.
    """
    with client.get(f"/applications/export.{extension}") as response:
        assert response.status_code == 200
        data = response.data
    return data


def to_csv(header, rows, delimiter=";", encoding="utf-8-sig"):
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows([header, *rows])
    return buffer.getvalue().encode(encoding)


def row_for(header, **cells):
    """A CSV row in header's order; cells by header text, the rest empty."""
    return [cells.get(column, "") for column in header]


def new_row(header=HEADERS, **cells):
    return row_for(header, **{"Naam": "Nieuwe app", "Domein": "Burgerzaken", "Levenscyclus": "gepland", **cells})


def set_cell(header, row, column, value):
    row[header.index(column)] = value


def counts(db):
    with db() as session:
        return tuple(
            session.exec(select(func.count()).select_from(model)).one() for model in (Application, Supplier, AuditEntry)
        )


def detached(session, records):
    for record in records:
        session.expunge(record)
    return records


def applications_by_name(db):
    with db() as session:
        return {application.name: application for application in detached(session, session.exec(select(Application)).all())}


def application_audit(db, application_id):
    with db() as session:
        return detached(session, session.exec(
            select(AuditEntry).where(AuditEntry.entity_type == "application", AuditEntry.entity_id == str(application_id))
            .order_by(AuditEntry.id)
        ).all())
