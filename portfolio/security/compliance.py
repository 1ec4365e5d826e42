"""The CISO's compliance figures: percentages implemented per framework chapter, per organisation
and per ENSIA subject, the counts of measures that need attention, and the applications with the
most gaps.

Percentage implemented of a group of (not archived) measures:

    implemented / (measures in the group − measures 'niet van toepassing') × 100, rounded half up

None (shown as "–") when that denominator is 0. A measure counts as implemented by its status;
implemented measures without current evidence are counted separately (see ``attention``), not
taken off the percentage. A measure belongs to a chapter when it meets a requirement (not
withdrawn) of that chapter; to an organisation when it names no organisations or names that one;
to an ENSIA subject when it lists the subject.
"""

from dataclasses import dataclass

from sqlalchemy.orm import selectinload
from sqlmodel import select

from portfolio.applications.enums import EnsiaSubject
from portfolio.reference.models import Organisation
from portfolio.security import listing
from portfolio.security.applicability import gaps_per_application
from portfolio.security.enums import MeasureStatus
from portfolio.security.listing import MeasureFilter
from portfolio.security.models import Framework, Measure, MeasureOrganisation, MeasureRequirement, Requirement


@dataclass
class Figure:
    label: str
    total: int
    not_applicable: int
    implemented: int
    filter_args: dict

    @property
    def applicable(self):
        return self.total - self.not_applicable

    @property
    def percentage(self):
        return percentage(self.implemented, self.applicable)


def percentage(implemented, applicable):
    """implemented / applicable as a whole percentage, rounded half up; None when nothing applies."""
    if applicable <= 0:
        return None
    return (200 * implemented + applicable) // (2 * applicable)


def figure(label, measures, **filter_args):
    measures = list(measures)
    return Figure(
        label=label,
        total=len(measures),
        not_applicable=sum(1 for m in measures if m.status == MeasureStatus.NOT_APPLICABLE),
        implemented=sum(1 for m in measures if m.status == MeasureStatus.IMPLEMENTED),
        filter_args=filter_args,
    )


@dataclass(frozen=True)
class FrameworkHeading:
    id: int
    name: str


@dataclass(frozen=True)
class CountedMeasure:
    """What the figures read of a measure: its status, ENSIA subjects, the organisations it names,
    and the (framework id, chapter) of each requirement it meets that is not withdrawn."""

    status: str
    ensia_subjects: tuple
    organisation_ids: frozenset
    chapters: frozenset

    def covers(self, organisation_id):
        return not self.organisation_ids or organisation_id in self.organisation_ids


def counted_measures(session):
    """The measures the figures count (not archived), as CountedMeasure: three column queries,
    without loading the measures as records."""
    current = Measure.archived.is_(False)
    organisations, chapters = {}, {}
    for measure_id, organisation_id in session.exec(
        select(MeasureOrganisation.measure_id, MeasureOrganisation.organisation_id)
        .join(Measure, Measure.id == MeasureOrganisation.measure_id).where(current)
    ):
        organisations.setdefault(measure_id, set()).add(organisation_id)
    for measure_id, framework_id, chapter in session.exec(
        select(MeasureRequirement.measure_id, Requirement.framework_id, Requirement.chapter)
        .join(Requirement, Requirement.id == MeasureRequirement.requirement_id)
        .join(Measure, Measure.id == MeasureRequirement.measure_id)
        .where(current, Requirement.withdrawn.is_(False))
    ):
        chapters.setdefault(measure_id, set()).add((framework_id, chapter))
    return [
        CountedMeasure(
            status=status,
            ensia_subjects=tuple(subjects or ()),
            organisation_ids=frozenset(organisations.get(measure_id, ())),
            chapters=frozenset(chapters.get(measure_id, ())),
        )
        for measure_id, status, subjects in session.exec(
            select(Measure.id, Measure.status, Measure.ensia_subjects).where(current).order_by(Measure.id)
        )
    ]


def per_chapter(session, measures=None):
    """[(framework, [Figure per chapter, in catalogue order])] for every framework."""
    measures = counted_measures(session) if measures is None else measures
    frameworks = session.exec(
        select(Framework).options(selectinload(Framework.requirements)).order_by(Framework.name)
    ).all()
    result = []
    for framework in frameworks:
        chapters = []
        for requirement in sorted(framework.requirements, key=lambda r: r.position):
            if not requirement.withdrawn and requirement.chapter not in chapters:
                chapters.append(requirement.chapter)
        figures = [
            figure(chapter or "–", [m for m in measures if (framework.id, chapter) in m.chapters],
                   framework=framework.id, chapter=chapter or None)
            for chapter in chapters
        ]
        result.append((FrameworkHeading(framework.id, framework.name), figures))
    return result


def per_organisation(session, measures=None):
    measures = counted_measures(session) if measures is None else measures
    organisations = session.exec(select(Organisation).order_by(Organisation.position)).all()
    return [
        figure(organisation.name, [m for m in measures if m.covers(organisation.id)], organisation=organisation.id)
        for organisation in organisations
    ]


def covers(measure, organisation_id):
    """Whether a measure record applies to the organisation: it names none, or names that one."""
    ids = {link.organisation_id for link in measure.organisation_links}
    return not ids or organisation_id in ids


def per_ensia_subject(measures):
    return [
        figure(subject.value, [m for m in measures if subject.value in m.ensia_subjects], ensia=subject.value)
        for subject in EnsiaSubject
    ]


ATTENTION = (
    ("overdue", {"due": "overdue"}),
    ("due_soon", {"due": "soon"}),
    ("without_evidence", {"status": MeasureStatus.IMPLEMENTED.value, "evidence": "missing"}),
    ("review_due", {"review_due": True}),
)
# The list's URL arguments for each MeasureFilter field above.
URL_ARGUMENTS = {"due": "due", "status": "status", "evidence": "evidence", "review_due": "review"}


def attention(session, today):
    """{name: (count, list URL arguments)}: overdue, due within 30 days, implemented without current
    evidence, due for review. Counted by the list's own filter, so the figure is what the link shows."""
    result = {}
    for name, fields in ATTENTION:
        count = listing.count(session, MeasureFilter(**fields), today=today)
        arguments = {URL_ARGUMENTS[key]: ("1" if value is True else value) for key, value in fields.items()}
        result[name] = (count, arguments)
    return result


def overview(session, today):
    measures = counted_measures(session)
    return {
        "chapters": per_chapter(session, measures),
        "organisations": per_organisation(session, measures),
        "ensia": per_ensia_subject(measures),
        "attention": attention(session, today),
        "gaps": gaps_per_application(session, today),
        "total": len(measures),
    }
