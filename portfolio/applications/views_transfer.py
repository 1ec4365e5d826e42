"""Export of exactly the filtered list, as CSV and XLSX, with the list's own query string."""

from flask import Response, abort, send_file, stream_with_context

from portfolio.applications import listing
from portfolio.applications.export import csv_chunks, write_xlsx
from portfolio.applications.views import bp, filter_form, lead_months, today
from portfolio.auth.permissions import Permission, requires
from portfolio.db import get_session

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filtered_rows():
    form = filter_form()
    if not form.validate():
        abort(400)
    return listing.iter_filtered(get_session(), form.to_filter(), today=today(), lead_months=lead_months())


def _filename(extension):
    return f"applicaties-{today().isoformat()}.{extension}"


@bp.route("/export.csv")
@requires(Permission.READ_REGISTER)
def export_csv():
    rows = _filtered_rows()
    return Response(
        stream_with_context(chunk.encode("utf-8") for chunk in csv_chunks(rows)),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="{_filename("csv")}"',
            "Content-Type": "text/csv; charset=utf-8",
        },
    )


@bp.route("/export.xlsx")
@requires(Permission.READ_REGISTER)
def export_xlsx():
    handle = write_xlsx(_filtered_rows())
    return send_file(handle, mimetype=XLSX_MIMETYPE, as_attachment=True, download_name=_filename("xlsx"))
