"""Rules of the measures: create and edit (CISO), status updates by the assignee, the status rules.

Services flush, never commit. Raises FieldErrors for input that breaks a rule, NotAllowed (403)
when the actor may not change this measure, VersionConflict when it changed meanwhile.
"""

from flask_babel import gettext as _
from sqlalchemy.orm import selectinload
from sqlmodel import select

from portfolio.core.dates import months_before
from portfolio.applications.models import Application
from portfolio.auth.models import User
from portfolio.web.permissions import Permission, can
from portfolio.core.exceptions import FieldErrors, ServiceError
from portfolio.core.records import accept_fields, check_version
from portfolio.reference.models import Organisation
from portfolio.security.enums import MeasureStatus
from portfolio.security.models import (
    Evidence, Measure, MeasureApplication, MeasureOrganisation, MeasureRequirement, Requirement,
)

MEASURE_FIELDS = (
    "title", "description", "overseer", "team", "assignee_id", "status", "status_reason", "postponed_until",
    "priority", "due_on", "review_interval_months", "next_review_on", "applies_to_all", "min_availability",
    "min_integrity", "min_confidentiality", "ensia_subjects",
)
LINK_FIELDS = ("requirement_ids", "application_ids", "organisation_ids")
STATUS_FIELDS = ("status", "status_reason", "postponed_until")
CONFLICT = "Iemand anders heeft deze maatregel intussen gewijzigd."


class NotAllowed(ServiceError):
    status = 403


def get_measure(session, measure_id):
    """The measure with everything its page shows; None when unknown."""
    return session.exec(
        select(Measure).where(Measure.id == measure_id).options(
            selectinload(Measure.assignee),
            selectinload(Measure.requirement_links).selectinload(MeasureRequirement.requirement)
            .selectinload(Requirement.framework),
            selectinload(Measure.application_links).selectinload(MeasureApplication.application),
            selectinload(Measure.organisation_links).selectinload(MeasureOrganisation.organisation),
            selectinload(Measure.evidence),
        )
    ).first()


def may_update(user, measure):
    """The object rule: the CISO (and admin) may change any measure, an assignee their own."""
    if can(user, Permission.MANAGE_SECURITY):
        return True
    return (
        can(user, Permission.UPDATE_ASSIGNED_MEASURES)
        and measure.assignee_id is not None
        and measure.assignee_id == getattr(user, "id", None)
    )


def require_update_right(user, measure):
    if not may_update(user, measure):
        raise NotAllowed(_("Alleen de CISO of de uitvoerder aan wie deze maatregel is toegewezen mag dit wijzigen."))


def check_status_rules(values, *, today, current=None):
    """Niet van toepassing needs a reason, uitgesteld a new date after today (unless it is the date
    the measure already had: editing other fields must not force a new date); other states clear both."""
    errors = {}
    status = values.get("status")
    if status not in {member.value for member in MeasureStatus}:
        errors["status"] = [_("Kies een bestaande status.")]
    if status == MeasureStatus.NOT_APPLICABLE and not values.get("status_reason"):
        errors["status_reason"] = [_("Geef aan waarom de maatregel niet van toepassing is.")]
    if status == MeasureStatus.POSTPONED:
        until = values.get("postponed_until")
        if until is None:
            errors["postponed_until"] = [_("Geef de nieuwe datum op tot wanneer de maatregel is uitgesteld.")]
        elif until <= today and not (current is not None and current.status == MeasureStatus.POSTPONED
                                     and current.postponed_until == until):
            errors["postponed_until"] = [_("De nieuwe datum moet na vandaag liggen.")]
    if errors:
        raise FieldErrors(errors)
    if status != MeasureStatus.POSTPONED:
        values["postponed_until"] = None
    if status not in (MeasureStatus.NOT_APPLICABLE, MeasureStatus.POSTPONED):
        values["status_reason"] = None


def _check_references(session, values, links):
    errors = {}
    if values.get("assignee_id") is not None:
        user = session.get(User, values["assignee_id"])
        if user is None or not user.active:
            errors["assignee_id"] = [_("Kies een actieve gebruiker.")]
    for key, model in (("requirement_ids", Requirement), ("application_ids", Application), ("organisation_ids", Organisation)):
        wanted = set(links.get(key) or ())
        if wanted:
            found = set(session.exec(select(model.id).where(model.id.in_(wanted))).all())
            if wanted - found:
                errors[key] = [_("Een of meer gekozen items bestaan niet (meer).")]
    if errors:
        raise FieldErrors(errors)


def _set_links(session, measure, key, wanted):
    """Make the measure's links of one kind exactly wanted, adding and removing link rows."""
    model, attribute, collection = {
        "requirement_ids": (MeasureRequirement, "requirement_id", "requirement_links"),
        "application_ids": (MeasureApplication, "application_id", "application_links"),
        "organisation_ids": (MeasureOrganisation, "organisation_id", "organisation_links"),
    }[key]
    wanted = set(wanted or ())
    current = {getattr(link, attribute): link for link in getattr(measure, collection)}
    for target_id, link in current.items():
        if target_id not in wanted:
            getattr(measure, collection).remove(link)
            session.delete(link)
    for target_id in sorted(wanted - current.keys()):
        session.add(model(measure_id=measure.id, **{attribute: target_id}))


def _schedule_review(values, *, today):
    if (values.get("status") == MeasureStatus.IMPLEMENTED and values.get("review_interval_months")
            and values.get("next_review_on") is None):
        values["next_review_on"] = months_before(today, -values["review_interval_months"])


def create_measure(session, *, data, links, today):
    values = accept_fields(data, MEASURE_FIELDS)
    check_status_rules(values, today=today)
    _check_references(session, values, links)
    _schedule_review(values, today=today)
    values["ensia_subjects"] = list(values.get("ensia_subjects") or [])
    measure = Measure(**values)
    session.add(measure)
    session.flush()
    for key in LINK_FIELDS:
        _set_links(session, measure, key, links.get(key))
    session.flush()
    return measure


def update_measure(session, measure, *, data, links, loaded_version, today):
    check_version(measure, loaded_version, _(CONFLICT))
    values = accept_fields(data, MEASURE_FIELDS)
    check_status_rules(values, today=today, current=measure)
    _check_references(session, values, links)
    _schedule_review(values, today=today)
    values["ensia_subjects"] = list(values.get("ensia_subjects") or [])
    for key, value in values.items():
        if getattr(measure, key) != value:
            setattr(measure, key, value)
    for key in LINK_FIELDS:
        _set_links(session, measure, key, links.get(key))
    session.flush()
    return measure


def update_status(session, measure, *, actor, data, loaded_version, today):
    """The assignee's (or CISO's) status change; only status, reason and new date are accepted."""
    require_update_right(actor, measure)
    check_version(measure, loaded_version, _(CONFLICT))
    if measure.archived:
        raise FieldErrors({"status": [_("Deze maatregel is gearchiveerd.")]})
    values = accept_fields(data, STATUS_FIELDS)
    check_status_rules(values, today=today, current=measure)
    if values["status"] == MeasureStatus.IMPLEMENTED and measure.review_interval_months and not measure.next_review_on:
        measure.next_review_on = months_before(today, -measure.review_interval_months)
    for key, value in values.items():
        if getattr(measure, key) != value:
            setattr(measure, key, value)
    session.flush()
    return measure


def assignable_users(session, keep=None):
    """Active accounts that may be assigned a measure (roles that may update assigned measures)."""
    from portfolio.web.permissions import ROLE_PERMISSIONS

    roles = [role.value for role, granted in ROLE_PERMISSIONS.items() if Permission.UPDATE_ASSIGNED_MEASURES in granted]
    users = session.exec(select(User).where(User.role.in_(roles), User.active.is_(True)).order_by(User.name)).all()
    if keep is not None and keep not in {user.id for user in users}:
        kept = session.get(User, keep)
        if kept is not None:
            users.append(kept)
    return users


def current_evidence(measure, today):
    return [item for item in measure.evidence if item.is_current(today)]


def latest_evidence_of(session, measure_ids):
    """{measure id: [evidence]} of not-archived evidence, in one query."""
    found = {}
    if measure_ids:
        for item in session.exec(select(Evidence).where(Evidence.measure_id.in_(measure_ids), Evidence.archived.is_(False))
                                 .order_by(Evidence.dated_on.desc())).all():
            found.setdefault(item.measure_id, []).append(item)
    return found
