"""Export of exactly the filtered list, as CSV and XLSX, with the list's own query string."""

from flask import Response, abort, send_file, stream_with_context
from sqlmodel import Session

from portfolio.web import security_events
from portfolio.applications import listing
from portfolio.applications.export import csv_chunks, export_columns, write_xlsx
from portfolio.applications.views import filter_form, lead_months
from portfolio.web.permissions import Permission, requires
from portfolio.core.db import get_engine, get_session
from portfolio.core.dates import local_today
from portfolio.web.routing import Routes

routes = Routes()


XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _validated_filter():
    form = filter_form()
    if not form.validate():
        abort(400)
    return form.to_filter()


def _filename(extension):
    return f"applicaties-{local_today().isoformat()}.{extension}"


@routes.route("/export.csv")
@requires(Permission.READ_REGISTER)
def export_csv():
    application_filter = _validated_filter()
    security_events.record(security_events.PERSONAL_DATA_EXPORT, outcome="success", export="applications_csv")
    on, lead = local_today(), lead_months()

    def chunks():
        # The stream outlives the request's own session (closed at teardown, before the body is
        # sent), so it reads through a session of its own that it closes when done.
        with Session(bind=get_engine()) as session:
            rows = listing.iter_values(session, application_filter, today=on, lead_months=lead, columns=export_columns)
            for chunk in csv_chunks(rows):
                yield chunk.encode("utf-8")

    return Response(
        stream_with_context(chunks()),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="{_filename("csv")}"',
            "Content-Type": "text/csv; charset=utf-8",
        },
    )


@routes.route("/export.xlsx")
@requires(Permission.READ_REGISTER)
def export_xlsx():
    rows = listing.iter_values(get_session(), _validated_filter(), today=local_today(), lead_months=lead_months(),
                               columns=export_columns)
    security_events.record(security_events.PERSONAL_DATA_EXPORT, outcome="success", export="applications_xlsx")
    handle = write_xlsx(rows)
    return send_file(handle, mimetype=XLSX_MIMETYPE, as_attachment=True, download_name=_filename("xlsx"))
