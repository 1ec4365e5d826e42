"""Which measures an application needs, per organisation that uses it, and where the gaps are.

The rule: a measure applies to an application for an organisation when the measure covers that
organisation (it names no organisations, or names this one) and either it applies to all
applications, or it is linked to the application explicitly, or on some axis (availability,
integrity, confidentiality) the organisation's effective BIV level reaches the measure's
threshold. The effective level is the Usage record's own level where the organisation set one,
else the application's. An application without active usage is judged on its own levels.
"""

from dataclasses import dataclass, field
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload
from sqlmodel import select

from portfolio.applications.enums import BivLevel, UsageStatus
from portfolio.applications.models import Application, Usage
from portfolio.security.enums import MeasureStatus
from portfolio.security.models import Evidence, Measure, MeasureApplication, MeasureOrganisation

AXES = ("availability", "integrity", "confidentiality")
GAP_NOT_IMPLEMENTED = "not_implemented"
GAP_NO_EVIDENCE = "no_evidence"
GAP_LABELS = {
    GAP_NOT_IMPLEMENTED: _l("nodig maar niet geïmplementeerd"),
    GAP_NO_EVIDENCE: _l("geïmplementeerd zonder actueel bewijs"),
}
REASON_LABELS = {
    "all": _l("geldt voor alle applicaties"),
    "explicit": _l("gekoppeld aan deze applicatie"),
    "biv": _l("volgt uit de BIV-classificatie"),
}


def _rank(level):
    try:
        return BivLevel(level).rank if level else 0
    except ValueError:
        return 0


def effective_levels(application, usage=None):
    """{axis: level} for an organisation: the usage's own level where set, else the application's."""
    return {axis: (getattr(usage, axis, None) if usage is not None else None) or getattr(application, axis) for axis in AXES}


def active_usages(application):
    return [u for u in application.usages if not u.archived and u.status != UsageStatus.ENDED.value]


def why_applies(measure, application, levels, organisation_id):
    """'all', 'explicit' or 'biv' when measure applies, else None (see the module's rule)."""
    if measure.archived:
        return None
    return _reason(
        applies_to_all=measure.applies_to_all,
        thresholds=tuple(getattr(measure, f"min_{axis}") for axis in AXES),
        organisation_ids={link.organisation_id for link in measure.organisation_links},
        linked=application.id in {link.application_id for link in measure.application_links},
        levels=levels,
        organisation_id=organisation_id,
    )


def _reason(*, applies_to_all, thresholds, organisation_ids, linked, levels, organisation_id):
    """The module's rule on plain values: thresholds per axis in AXES order."""
    if organisation_id is not None and organisation_ids and organisation_id not in organisation_ids:
        return None
    if applies_to_all:
        return "all"
    if linked:
        return "explicit"
    for axis, threshold in zip(AXES, thresholds, strict=True):
        if threshold and _rank(levels[axis]) >= _rank(threshold):
            return "biv"
    return None


def gap_of(measure, today):
    """The measure's gap, or None: not implemented (n.v.t. is no gap) or without current evidence."""
    return _gap(measure.status, any(item.is_current(today) for item in measure.evidence))


def _gap(status, has_current_evidence):
    if status == MeasureStatus.NOT_APPLICABLE:
        return None
    if status != MeasureStatus.IMPLEMENTED:
        return GAP_NOT_IMPLEMENTED
    return None if has_current_evidence else GAP_NO_EVIDENCE


@dataclass(frozen=True)
class MeasureSummary:
    """What the application page shows of a measure."""

    id: int
    title: str
    status: str


@dataclass
class PanelRow:
    measure: Measure | MeasureSummary
    reason: str
    organisations: list = field(default_factory=list)  # names; empty: the application itself
    gap: str | None = None


@dataclass
class Panel:
    rows: list

    @property
    def gaps(self):
        return [row for row in self.rows if row.gap]


def measures_for_applicability(session):
    """Every measure that is not archived, with the links and evidence the rule reads."""
    return session.exec(
        select(Measure).where(Measure.archived.is_(False)).options(
            selectinload(Measure.organisation_links), selectinload(Measure.application_links),
            selectinload(Measure.evidence),
        ).order_by(Measure.title, Measure.id)
    ).all()


def _scopes(application):
    """[(organisation id, name, effective levels)] per active usage; the application alone without one."""
    usages = sorted(active_usages(application), key=lambda u: u.organisation.position)
    scopes = [(u.organisation_id, u.organisation.name, effective_levels(application, u)) for u in usages]
    return scopes or [(None, None, effective_levels(application))]


def needed_measures(application, measures, today):
    """[PanelRow] of the measures application needs, with the organisations each one is needed for."""
    scopes = _scopes(application)
    rows = []
    for measure in measures:
        reasons, names = [], []
        for organisation_id, name, levels in scopes:
            reason = why_applies(measure, application, levels, organisation_id)
            if reason:
                reasons.append(reason)
                if name:
                    names.append(name)
        if reasons:
            rows.append(PanelRow(measure=measure, reason=reasons[0], organisations=names, gap=gap_of(measure, today)))
    return rows


def panel_for_application(session, application, today=None):
    """What the application page shows: the measures it needs, their status and its gaps.

    The rule is the same as needed_measures', applied to columns rather than measure records:
    five queries, and a page of 2,000 measures builds in a fraction of the time."""
    today = today or date.today()
    scopes = _scopes(application)
    organisations = {}
    for measure_id, organisation_id in session.exec(select(MeasureOrganisation.measure_id, MeasureOrganisation.organisation_id)):
        organisations.setdefault(measure_id, set()).add(organisation_id)
    linked = set(session.exec(
        select(MeasureApplication.measure_id).where(MeasureApplication.application_id == application.id)
    ))
    evidenced = set(session.exec(select(Evidence.measure_id).where(Evidence.current_condition(today))))
    columns = (Measure.id, Measure.title, Measure.status, Measure.applies_to_all,
               *(getattr(Measure, f"min_{axis}") for axis in AXES))
    rows = []
    for measure_id, title, status, applies_to_all, *thresholds in session.exec(
        select(*columns).where(Measure.archived.is_(False)).order_by(Measure.title, Measure.id)
    ):
        reasons, names = [], []
        for organisation_id, name, levels in scopes:
            reason = _reason(applies_to_all=applies_to_all, thresholds=tuple(thresholds),
                             organisation_ids=organisations.get(measure_id, ()), linked=measure_id in linked,
                             levels=levels, organisation_id=organisation_id)
            if reason:
                reasons.append(reason)
                if name:
                    names.append(name)
        if reasons:
            rows.append(PanelRow(measure=MeasureSummary(measure_id, title, status), reason=reasons[0],
                                 organisations=names, gap=_gap(status, measure_id in evidenced)))
    return Panel(rows=rows)


def gaps_per_application(session, today, limit=10):
    """[(application, number of gaps)] with the most gaps first; applications without gaps left out."""
    applications = session.exec(
        select(Application).where(Application.archived.is_(False))
        .options(selectinload(Application.usages).selectinload(Usage.organisation))
    ).all()
    measures = measures_for_applicability(session)
    counted = []
    for application in applications:
        gaps = sum(1 for row in needed_measures(application, measures, today) if row.gap)
        if gaps:
            counted.append((application, gaps))
    counted.sort(key=lambda pair: (-pair[1], pair[0].name.lower()))
    return counted[:limit]
