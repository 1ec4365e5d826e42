"""The register of processing activities of one controller as XLSX, in the order of AVG art. 30(1),
so it can be handed to the Autoriteit Persoonsgegevens on request. Text cells are always text
(never a formula), as in the application export."""

from flask_babel import force_locale

from portfolio.core.spreadsheet import Sheet, clean, write_xlsx
from portfolio.core.labels import label
from portfolio.privacy.enums import DpiaRequired, LegalBasis, SpecialCategoryGround

# Art. 30(1) a–g, in that order; the register's own columns follow.
ARTICLE_30_HEADERS = (
    "Naam en contactgegevens van de verwerkingsverantwoordelijke",  # a
    "Contactgegevens van de functionaris voor gegevensbescherming",  # a
    "Verwerking",  # b: the name that identifies the processing
    "Doeleinden van de verwerking",  # b
    "Categorieën van betrokkenen",  # c
    "Categorieën van persoonsgegevens",  # c
    "Categorieën van ontvangers",  # d
    "Doorgifte naar derde landen of internationale organisaties",  # e
    "Passende waarborgen bij doorgifte",  # e
    "Bewaartermijnen",  # f
    "Algemene beschrijving van de technische en organisatorische beveiligingsmaatregelen",  # g
)
EXTRA_HEADERS = (
    "Rechtsgrond (art. 6 lid 1)",
    "Bijzondere persoonsgegevens",
    "Uitzondering (art. 9 lid 2)",
    "BSN",
    "Applicaties",
    "Verwerkers",
    "DPIA nodig",
    "Reden DPIA-besluit",
    "DPIA uitgevoerd op",
    "Uitkomst DPIA",
    "Volgende herbeoordeling",
)
HEADERS = ARTICLE_30_HEADERS + EXTRA_HEADERS


def export_row(activity, controller, dpo):
    """One processing activity as the export's cells, with Dutch labels."""
    with force_locale("nl"):
        cells = [
            controller, dpo, activity.name, activity.purpose, activity.data_subjects, activity.data_categories,
            activity.recipients, activity.third_country_transfers or "geen",
            activity.transfer_safeguards, activity.retention_period, activity.security_measures,
            str(label(LegalBasis, activity.legal_basis)),
            "ja" if activity.special_categories else "nee",
            str(label(SpecialCategoryGround, activity.special_category_ground)),
            "ja" if activity.bsn else "nee",
            ", ".join(sorted(link.application.name for link in activity.application_links)),
            ", ".join(sorted(link.supplier.name for link in activity.processor_links)),
            str(label(DpiaRequired, activity.dpia_required)),
            activity.dpia_reason,
            activity.dpia_done_on.isoformat() if activity.dpia_done_on else "",
            activity.dpia_outcome,
            activity.dpia_next_review.isoformat() if activity.dpia_next_review else "",
        ]
    return [clean(cell if cell is not None else "") for cell in cells]


def write_register_xlsx(organisation, activities, *, controller_contact, dpo_contact):
    """The workbook in a temporary file: one sheet, a header row, a row per activity."""
    controller = " – ".join(part for part in (organisation.name, controller_contact) if part)
    rows = (export_row(activity, controller, dpo_contact or "") for activity in activities)
    return write_xlsx([Sheet("Verwerkingsregister", HEADERS, rows)])
