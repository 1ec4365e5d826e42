"""The key figures as charts: titles, summaries and rows with the link to the list behind each row.

Needs a request (or app) context: labels are translated and links built with url_for.
"""

from flask import url_for
from flask_babel import format_date
from flask_babel import gettext as _

from portfolio.applications.enums import LifecycleStatus
from portfolio.core.labels import label
from portfolio.core.money import format_euros
from portfolio.procurements.enums import Phase
from portfolio.reports.charts import Chart, Row


def _percent(value):
    return f"{value}%"


def _euros(cents):
    return format_euros(cents)


def status_chart(figures):
    rows = [Row(str(label(LifecycleStatus, c.key)), (c.count,), url_for("applications.index", status=c.key))
            for c in figures.statuses]
    return Chart("chart-status", _("Applicaties per levenscyclusstatus"),
                 _("%(total)d applicaties; de meeste zijn %(top)s.", total=figures.applications,
                   top=max(rows, key=lambda r: r.values[0]).label if figures.applications else "–"),
                 _("Status"), (_("Aantal"),), rows)


def domain_chart(figures):
    rows = [Row(c.label, (c.count,), url_for("applications.index", domain=c.key)) for c in figures.domains]
    return Chart("chart-domain", _("Applicaties per domein"),
                 _("%(total)d applicaties in %(domains)d domeinen.", total=figures.applications, domains=len(rows)),
                 _("Domein"), (_("Aantal"),), rows)


def phase_chart(figures):
    rows = [Row(str(label(Phase, c.key)), (c.count, c.cents),
                url_for("procurements.index", _anchor=f"fase-{c.key}")) for c in figures.phases]
    # A stopped procurement costs nothing more: left out of the total as the budget overview does.
    cents = sum(c.cents or 0 for c in figures.phases if c.key != Phase.STOPPED.value)
    return Chart("chart-phase", _("Aanbestedingen per fase"),
                 _("%(total)d aanbestedingen, samen %(cost)s aan implementatiekosten.",
                   total=figures.procurements, cost=format_euros(cents)),
                 _("Fase"), (_("Aantal"), _("Kosten")), rows, formats=(str, _euros), drawn=1)


def budget_chart(figures):
    rows = [Row(str(t.name), (t.structural_cents, t.incidental_cents), url_for("budget.index", year=t.name))
            for t in figures.years]
    this = figures.this_year
    return Chart("chart-budget", _("Begroting per jaar: structureel en incidenteel"),
                 _("Dit jaar (%(year)d) %(structural)s structureel en %(incidental)s incidenteel.",
                   year=this.name, structural=format_euros(this.structural_cents),
                   incidental=format_euros(this.incidental_cents)),
                 _("Jaar"), (_("structureel"), _("incidenteel")), rows, format=_euros)


def organisation_chart(figures):
    rows = [Row(f.label, (f.percentage,), url_for("security.measures", **f.filter_args)) for f in figures.organisations]
    return Chart("chart-compliance-organisation", _("Compliance per organisatie"),
                 _("Percentage geïmplementeerde maatregelen van de maatregelen die van toepassing zijn, per organisatie."),
                 _("Organisatie"), (_("Geïmplementeerd"),), rows, format=_percent)


def chapter_charts(figures):
    charts = []
    for index, (framework, chapter_figures) in enumerate(figures.chapters):
        rows = [Row(f.label, (f.percentage,), url_for("security.measures", **{k: v for k, v in f.filter_args.items()
                                                                               if v is not None}))
                for f in chapter_figures]
        charts.append(Chart(f"chart-chapter-{index}", _("Compliance per hoofdstuk van %(framework)s", framework=framework.name),
                            _("Percentage geïmplementeerde maatregelen per hoofdstuk van het normenkader."),
                            _("Hoofdstuk"), (_("Geïmplementeerd"),), rows, format=_percent))
    return charts


def contract_chart(figures):
    rows = [Row(format_date(c.key, "MMM yy"), (c.count,), url_for("applications.index", contract_ends=c.label))
            for c in figures.contract_ends]
    peak = max(figures.contract_ends, key=lambda c: c.count)
    return Chart("chart-contracts", _("Aflopende contracten in de komende 24 maanden"),
                 _("Applicaties met een contract dat in de maand afloopt; de meeste in %(month)s (%(count)d).",
                   month=format_date(peak.key, "MMMM yyyy"), count=peak.count) if peak.count
                 else _("Geen contracten die in de komende 24 maanden aflopen."),
                 _("Maand"), (_("Applicaties"),), rows, kind="columns")


def all_charts(figures):
    return [status_chart(figures), domain_chart(figures), phase_chart(figures), budget_chart(figures),
            organisation_chart(figures), *chapter_charts(figures), contract_chart(figures)]
