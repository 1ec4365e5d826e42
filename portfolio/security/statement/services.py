"""The statement of applicability (verklaring van toepasselijkheid) per organisation and framework,
and the ENSIA selection of measures per organisation and subject."""

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload
from sqlmodel import select

from portfolio.security.compliance import covers
from portfolio.security.enums import MeasureStatus
from portfolio.security.models import Measure, MeasureRequirement, Requirement

NO_MEASURE = _l("Geen maatregel vastgelegd.")


@dataclass
class StatementRow:
    requirement: Requirement
    measures: list = field(default_factory=list)
    applies: bool = True
    reason: str | None = None  # why it does not apply; or a remark where it does

    @property
    def gap(self):
        return self.applies and not any(m.status == MeasureStatus.IMPLEMENTED for m in self.measures)


def statement_of_applicability(session, framework, organisation):
    """A row per requirement (withdrawn ones left out): it applies unless every measure meeting it
    for this organisation is 'niet van toepassing' (then their reasons say why); a requirement
    without any measure applies and shows as a gap."""
    requirements = session.exec(
        select(Requirement).where(Requirement.framework_id == framework.id, Requirement.withdrawn.is_(False))
        .order_by(Requirement.position, Requirement.reference)
    ).all()
    links = session.exec(
        select(MeasureRequirement).join(Measure, Measure.id == MeasureRequirement.measure_id)
        .join(Requirement, Requirement.id == MeasureRequirement.requirement_id)
        .where(Requirement.framework_id == framework.id, Measure.archived.is_(False))
        .options(selectinload(MeasureRequirement.measure).selectinload(Measure.organisation_links),
                 selectinload(MeasureRequirement.measure).selectinload(Measure.assignee))
    ).all()
    by_requirement = {}
    for link in links:
        if covers(link.measure, organisation.id):
            by_requirement.setdefault(link.requirement_id, []).append(link.measure)
    rows = []
    for requirement in requirements:
        measures = sorted(by_requirement.get(requirement.id, []), key=lambda m: m.title.lower())
        row = StatementRow(requirement=requirement, measures=measures)
        if not measures:
            row.reason = str(NO_MEASURE)
        elif all(m.status == MeasureStatus.NOT_APPLICABLE for m in measures):
            row.applies = False
            row.reason = "; ".join(m.status_reason for m in measures if m.status_reason)
        rows.append(row)
    return rows


def ensia_measures(session, organisation, subject=None):
    """Measures covering organisation that list subject (or any ENSIA subject), with evidence."""
    measures = session.exec(
        select(Measure).where(Measure.archived.is_(False)).options(
            selectinload(Measure.organisation_links), selectinload(Measure.evidence),
            selectinload(Measure.assignee),
            selectinload(Measure.requirement_links).selectinload(MeasureRequirement.requirement),
        ).order_by(Measure.title, Measure.id)
    ).all()
    rows = []
    for measure in measures:
        if not covers(measure, organisation.id):
            continue
        subjects = [s for s in (measure.ensia_subjects or []) if subject is None or s == subject]
        for each in subjects:
            rows.append((each, measure))
    rows.sort(key=lambda pair: (pair[0], pair[1].title.lower()))
    return rows
