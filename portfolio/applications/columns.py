"""The column layout shared by export and import, so that export → Excel → import round-trips."""

from dataclasses import dataclass

from portfolio.applications import enums

@dataclass(frozen=True)
class Column:
    header: str  # fixed Dutch header, the same in every UI language
    field: str | None  # the application field it maps to on import; None: export only
    enum: type | None = None


COLUMNS = (
    Column("ID", "id"),
    Column("Naam", "name"),
    Column("Leverancier", "supplier"),
    Column("Product", "product"),
    Column("Versie", "product_version"),
    Column("Domein", "domain"),
    Column("Omschrijving", "description"),
    Column("GEMMA-referentiecomponent", "gemma_component"),
    Column("Levenscyclus", "lifecycle_status", enums.LifecycleStatus),
    Column("TIME-oordeel", "time_verdict", enums.TimeVerdict),
    Column("Hosting", "hosting", enums.Hosting),
    Column("Uitgevoerd door", "hosting_party"),
    Column("Proceseigenaar", "process_owner"),
    Column("Functioneel beheerder", "functional_admin"),
    Column("Technisch beheerder", "technical_admin"),
    Column("Beschikbaarheid", "availability", enums.BivLevel),
    Column("Integriteit", "integrity", enums.BivLevel),
    Column("Vertrouwelijkheid", "confidentiality", enums.BivLevel),
    Column("Persoonsgegevens", "personal_data", enums.PersonalData),
    Column("Einde ondersteuning leverancier", "supplier_support_ends"),
    Column("Gearchiveerd", None),
    Column("Actie nodig vóór", None),
)
HEADERS = tuple(column.header for column in COLUMNS)
