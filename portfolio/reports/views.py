"""The management report: a page to read and print, and the same report as a PDF for the board."""

from flask import current_app, render_template
from flask_login import current_user

from portfolio.web.permissions import Permission, requires
from portfolio.dashboard.charts import budget_chart, domain_chart, organisation_chart, phase_chart, status_chart
from portfolio.core.db import get_session
from portfolio.core.dates import local_today, utcnow
from portfolio.reports.management import management_report
from portfolio.reports.pdf import html_to_pdf
from portfolio.web.routing import Routes

routes = Routes()


def _report():
    today = local_today()
    report = management_report(
        get_session(), current_user, today=today, now=utcnow(),
        lead_months=current_app.config["PROCUREMENT_LEAD_MONTHS"],
        organisation=current_app.config["REPORT_ORGANISATION"],
    )
    figures = report.figures
    charts = [status_chart(figures), domain_chart(figures), budget_chart(figures), organisation_chart(figures),
              phase_chart(figures)]
    return report, charts


@routes.route("/management")
@requires(Permission.READ_REGISTER)
def management():
    report, charts = _report()
    return render_template("reports/management.html", report=report, charts=charts)


@routes.route("/management.pdf")
@requires(Permission.READ_REGISTER)
def management_pdf():
    report, charts = _report()
    html = render_template("reports/management_pdf.html", report=report, charts=charts)
    pdf = html_to_pdf(html, base_url=current_app.static_folder)
    response = current_app.response_class(pdf, mimetype="application/pdf")
    filename = f"managementrapportage-{report.day.isoformat()}.pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
