"""Rules of the procurement pipeline: phases in order, the security and privacy gate, going live."""

from flask_babel import gettext as _
from sqlalchemy.orm import selectinload
from sqlmodel import func, select

from portfolio.applications import services as application_services
from portfolio.applications.enums import LifecycleStatus, PersonalData
from portfolio.applications.models import Application
from portfolio.core.audit.capture import set_reason
from portfolio.core.records import accept_fields, check_version
from portfolio.core.exceptions import FieldErrors, ServiceError
from portfolio.procurements.enums import PHASE_ORDER, Phase
from portfolio.procurements.models import PhaseDate, Procurement, ProcurementNote, Replacement

PROCUREMENT_FIELDS = (
    "title", "domain_id", "procedure", "description", "estimated_cost_cents", "actual_cost_cents",
    "budget_year", "project_lead", "external_project_lead_needed", "external_expertise_needed",
    "personal_data", "delivered_application_id", "risk_assessment_on", "risk_assessment_reference",
    "dpia_on", "dpia_reference",
)


class GateClosed(ServiceError):
    """Going live is refused until the missing assessments exist (or an admin overrides)."""

    status = 409

    def __init__(self, message, missing):
        super().__init__(message)
        self.missing = missing


def get_procurement(session, procurement_id):
    """The procurement with everything its page shows, loaded up front; None when unknown."""
    return session.exec(
        select(Procurement)
        .where(Procurement.id == procurement_id)
        .options(
            selectinload(Procurement.domain),
            selectinload(Procurement.delivered_application),
            selectinload(Procurement.phase_dates),
            selectinload(Procurement.notes),
            selectinload(Procurement.replacements).selectinload(Replacement.application),
        )
    ).first()


def list_procurements(session, *, include_archived=False):
    statement = (
        select(Procurement)
        .options(selectinload(Procurement.phase_dates), selectinload(Procurement.delivered_application))
        # NULLS LAST spelled out: SQLite sorts NULL first and PostgreSQL last, so the order would differ.
        .order_by(Procurement.budget_year.asc().nulls_last(), func.lower(Procurement.title))
    )
    if not include_archived:
        statement = statement.where(Procurement.archived.is_(False))
    return session.exec(statement).all()


def _check(session, values, current_id=None):
    errors = {}
    title = values.get("title")
    if title:
        same = select(Procurement.id).where(func.lower(Procurement.title) == title.lower())
        if current_id is not None:
            same = same.where(Procurement.id != current_id)
        if session.exec(same).first() is not None:
            errors["title"] = [_("Er is al een aanbesteding met deze titel.")]
    for field in ("estimated_cost_cents", "actual_cost_cents"):
        if values.get(field) is not None and values[field] < 0:
            errors[field] = [_("Een bedrag kan niet negatief zijn.")]
    application_id = values.get("delivered_application_id")
    if application_id is not None and session.get(Application, application_id) is None:
        errors["delivered_application_id"] = [_("Kies een bestaande applicatie.")]
    if errors:
        raise FieldErrors(errors)


def create_procurement(session, *, data, replaces=(), planned=None, started_on=None):
    """Start a procurement in the exploration phase, started_on (if given) as its actual start.

    planned maps phase → planned start date. Raises FieldErrors on a taken title or a negative amount.
    """
    values = accept_fields(data, PROCUREMENT_FIELDS)
    _check(session, values)
    procurement = Procurement(phase=Phase.EXPLORATION.value, **values)
    session.add(procurement)
    session.flush()
    set_replaced(session, procurement, replaces)
    set_planned_dates(session, procurement, planned or {})
    if started_on is not None:
        _phase_date(session, procurement, Phase.EXPLORATION).actual_on = started_on
    session.flush()
    return procurement


def update_procurement(session, procurement, *, data, loaded_version, replaces=None, planned=None):
    check_version(procurement, loaded_version, _("Iemand anders heeft deze aanbesteding intussen gewijzigd."))
    values = accept_fields(data, PROCUREMENT_FIELDS)
    _check(session, {**values}, current_id=procurement.id)
    for field, value in values.items():
        setattr(procurement, field, value)
    if replaces is not None:
        set_replaced(session, procurement, replaces)
    if planned is not None:
        set_planned_dates(session, procurement, planned)
    session.flush()
    return procurement


def set_replaced(session, procurement, application_ids):
    """Make the set of replaced applications exactly application_ids (links added or removed); the
    one check of those ids, for pages and API alike. Raises FieldErrors (under "replaces") for an
    unknown application or the delivered one."""
    wanted = set(application_ids)
    if procurement.delivered_application_id in wanted:
        raise FieldErrors({"replaces": [_("De opgeleverde applicatie kan zichzelf niet vervangen.")]})
    known = set(session.exec(select(Application.id).where(Application.id.in_(wanted))).all()) if wanted else set()
    if known != wanted:
        raise FieldErrors({"replaces": [_("Kies bestaande applicaties.")]})
    current = {link.application_id: link for link in session.exec(
        select(Replacement).where(Replacement.procurement_id == procurement.id)
    ).all()}
    for application_id in wanted - current.keys():
        session.add(Replacement(procurement_id=procurement.id, application_id=application_id))
    for application_id in current.keys() - wanted:
        session.delete(current[application_id])
    session.flush()


def set_planned_dates(session, procurement, planned):
    """Record the planned start date of each phase given (None clears it)."""
    for phase, planned_on in planned.items():
        _phase_date(session, procurement, Phase(phase)).planned_on = planned_on
    session.flush()


def _phase_date(session, procurement, phase):
    row = session.exec(
        select(PhaseDate).where(PhaseDate.procurement_id == procurement.id, PhaseDate.phase == phase.value)
    ).first()
    if row is None:
        row = PhaseDate(procurement_id=procurement.id, phase=phase.value)
        session.add(row)
    return row


def add_note(session, procurement, *, text, author):
    text = (text or "").strip()
    if not text:
        raise FieldErrors({"text": [_("Schrijf een notitie.")]})
    note = ProcurementNote(procurement_id=procurement.id, text=text, author=author)
    session.add(note)
    session.flush()
    return note


def next_phase(procurement):
    """The phase after the current one, or None at the end of the road (or when stopped)."""
    current = Phase(procurement.phase)
    if current == Phase.STOPPED or current == PHASE_ORDER[-1]:
        return None
    return PHASE_ORDER[PHASE_ORDER.index(current) + 1]


def missing_for_production(procurement):
    """What the gate to production lacks: 'risk_assessment' and/or 'dpia'."""
    missing = []
    if not (procurement.risk_assessment_on and procurement.risk_assessment_reference):
        missing.append("risk_assessment")
    if processes_personal_data(procurement) and not (procurement.dpia_on and procurement.dpia_reference):
        missing.append("dpia")
    return missing


def processes_personal_data(procurement):
    """When the procurement or its delivered application says so: either one suffices, so that
    linking an application whose personal data is not filled in cannot skip the DPIA."""
    application = procurement.delivered_application
    values = (procurement.personal_data, application.personal_data if application is not None else None)
    return any(value not in (None, "", PersonalData.NONE.value) for value in values)


def advance(session, procurement, *, loaded_version, on, override_reason=None, may_override=False):
    """Move to the next phase as of date on, recording it; entering production goes live.

    Raises VersionConflict when it changed since loaded_version, ServiceError at the end of the
    road, GateClosed when production lacks its assessments and no admin override with a reason
    is given, FieldErrors when the application to go live cannot be made (see go_live).
    """
    check_version(procurement, loaded_version, _("Iemand anders heeft deze aanbesteding intussen gewijzigd."))
    target = next_phase(procurement)
    if target is None:
        raise ServiceError(_("Deze aanbesteding heeft geen volgende fase."))
    if target == Phase.PRODUCTION:
        missing = missing_for_production(procurement)
        reason = (override_reason or "").strip()
        if missing and not (may_override and reason):
            raise GateClosed(_gate_message(missing), missing)
        if missing:
            procurement.gate_override_reason = reason
            set_reason(session, reason)
        go_live(session, procurement)
    procurement.phase = target.value
    _phase_date(session, procurement, target).actual_on = on
    session.flush()
    set_reason(session, None)
    return procurement


def _gate_message(missing):
    if missing == ["risk_assessment"]:
        return _("Naar productie kan pas als de beveiligingsrisicoanalyse is vastgelegd (datum en documentverwijzing).")
    if missing == ["dpia"]:
        return _("Naar productie kan pas als de DPIA is vastgelegd (datum en documentverwijzing).")
    return _(
        "Naar productie kan pas als de beveiligingsrisicoanalyse en de DPIA zijn vastgelegd "
        "(datum en documentverwijzing)."
    )


def go_live(session, procurement):
    """Create or link the delivered application in production; replaced ones start phasing out.

    Raises FieldErrors when an application has to be made but there is no domain, the title is too
    long for an application name, or an application of that name (without supplier) exists.
    """
    application = procurement.delivered_application
    if application is None:
        if procurement.domain_id is None:
            raise FieldErrors({"domain_id": [_("Kies een domein: daarmee wordt de applicatie aangemaakt.")]})
        # A title may be longer than an application's name; the database would refuse it (PostgreSQL) or keep it.
        longest = Application.__table__.c.name.type.length
        if len(procurement.title) > longest:
            raise FieldErrors({"title": [_(
                "De titel is te lang voor een applicatienaam (hoogstens %(max)d tekens). "
                "Kort de titel in of koppel via Wijzigen een applicatie.", max=longest,
            )]})
        try:
            application = application_services.create_application(
                session,
                data={
                    "name": procurement.title,
                    "domain_id": procurement.domain_id,
                    "lifecycle_status": LifecycleStatus.PRODUCTION.value,
                    "personal_data": procurement.personal_data,
                },
            )
        except FieldErrors as error:
            if "name" not in error.errors:
                raise
            # The register's own message speaks of a supplier, which a procurement does not choose here.
            raise FieldErrors({"delivered_application_id": [_(
                "Er is al een applicatie met de naam %(name)s. Koppel die via Wijzigen als opgeleverde "
                "applicatie, of kies een andere titel.", name=procurement.title,
            )]}) from None
        procurement.delivered_application_id = application.id
        procurement.delivered_application = application
    else:
        application.lifecycle_status = LifecycleStatus.PRODUCTION.value
    for link in procurement.replacements:
        if link.application.lifecycle_status not in (LifecycleStatus.PHASING_OUT.value, LifecycleStatus.RETIRED.value):
            link.application.lifecycle_status = LifecycleStatus.PHASING_OUT.value
    session.flush()
    return application


def stop(session, procurement, *, loaded_version, reason, on):
    """End the procurement without a result; the reason is kept with the audit entry.

    Raises VersionConflict, ServiceError when it has ended already, FieldErrors without a reason."""
    check_version(procurement, loaded_version, _("Iemand anders heeft deze aanbesteding intussen gewijzigd."))
    if procurement.phase in (Phase.STOPPED.value, Phase.COMPLETED.value):
        raise ServiceError(_("Deze aanbesteding is al afgesloten."))
    reason = (reason or "").strip()
    if not reason:
        raise FieldErrors({"reason": [_("Geef een reden op.")]})
    set_reason(session, reason)
    procurement.phase = Phase.STOPPED.value
    _phase_date(session, procurement, Phase.STOPPED).actual_on = on
    session.flush()
    set_reason(session, None)
    return procurement
