"""Demo privacy register: a few processing activities for the demo applications and one processor
agreement, all clearly generic examples (the source document says nothing about them). No breaches.

Nothing that the document does not give is filled in as fact: DPIA decisions stay 'to be
determined' and the agreement has no dates. Loading again changes nothing.
"""

from sqlmodel import select

from portfolio.applications.models import Application
from portfolio.privacy.agreements.services import create_agreement
from portfolio.privacy.processing.services import create_processing
from portfolio.privacy.enums import DpiaRequired, LegalBasis, SpecialCategoryGround
from portfolio.privacy.models import ProcessingActivity, ProcessorAgreement
from portfolio.reference.models import Organisation
from portfolio.suppliers.models import Supplier

CONTROLLER = "Diemen"
EXAMPLE = "Voorbeeld: "
# (application, name, extra fields)
ACTIVITIES = (
    ("Burgerzaken", "Basisregistratie personen", {
        "purpose": EXAMPLE + "bijhouden van de basisregistratie personen (BRP) van ingezetenen.",
        "legal_basis": LegalBasis.LEGAL_OBLIGATION.value,
        "data_subjects": "Ingezetenen, niet-ingezetenen",
        "data_categories": "NAW-gegevens, geboortedatum, nationaliteit, burgerlijke staat, BSN",
        "bsn": True,
        "recipients": "Afnemers van de BRP volgens de Wet BRP",
        "retention_period": EXAMPLE + "volgens de Wet BRP en de selectielijst",
    }),
    ("Centric Suite", "Uitvoering sociaal domein", {
        "purpose": EXAMPLE + "verstrekken van voorzieningen en uitkeringen in het sociaal domein.",
        "legal_basis": LegalBasis.LEGAL_OBLIGATION.value,
        "data_subjects": "Aanvragers, cliënten, gezinsleden",
        "data_categories": "NAW-gegevens, BSN, inkomen, gegevens over gezondheid",
        "special_categories": True,
        "special_category_ground": SpecialCategoryGround.EMPLOYMENT_SOCIAL_SECURITY.value,
        "bsn": True,
        "retention_period": EXAMPLE + "volgens de selectielijst gemeenten",
    }),
    ("Belastingen", "Heffing en invordering gemeentelijke belastingen", {
        "purpose": EXAMPLE + "heffen en invorderen van gemeentelijke belastingen.",
        "legal_basis": LegalBasis.LEGAL_OBLIGATION.value,
        "data_subjects": "Belastingplichtigen",
        "data_categories": "NAW-gegevens, BSN, WOZ-gegevens, betalingsgegevens",
        "bsn": True,
        "retention_period": EXAMPLE + "volgens de selectielijst gemeenten",
    }),
)
AGREEMENT = {"supplier": "PinkRoccade", "application": "Burgerzaken",
             "model_version": "Voorbeeld (model van de VNG); nog niet ingevuld"}


def load_demo_privacy(session):
    """Add the example processing activities and agreement that are missing; return how many."""
    organisation = session.exec(select(Organisation).where(Organisation.name == CONTROLLER)).one()
    applications = {a.name: a for a in session.exec(select(Application)).all()}
    existing = set(session.exec(
        select(ProcessingActivity.name).where(ProcessingActivity.organisation_id == organisation.id)
    ).all())
    added = 0
    for application_name, name, fields in ACTIVITIES:
        application = applications.get(application_name)
        if name in existing or application is None:
            continue
        create_processing(
            session,
            data={"organisation_id": organisation.id, "name": name, "dpia_required": DpiaRequired.UNDECIDED.value, **fields},
            application_ids=[application.id],
        )
        added += 1
    supplier = session.exec(select(Supplier).where(Supplier.name == AGREEMENT["supplier"])).first()
    application = applications.get(AGREEMENT["application"])
    if supplier is not None and application is not None and session.exec(
        select(ProcessorAgreement.id).where(ProcessorAgreement.supplier_id == supplier.id)
    ).first() is None:
        create_agreement(
            session,
            data={"supplier_id": supplier.id, "organisation_id": organisation.id, "model_version": AGREEMENT["model_version"]},
            application_ids=[application.id],
        )
        added += 1
    return added
