"""The column layout shared by export and import, so that export → Excel → import round-trips."""

from dataclasses import dataclass

from portfolio.applications import enums

# Characters that make spreadsheet software treat a cell as a formula or command.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "|", "%", "\t", "\r", "\0")


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


def neutralise(value):
    """Text that spreadsheet software shows as text: a leading formula trigger gets a ' before it."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def unneutralise(value):
    """Undo neutralise() for a value read back from a file."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_TRIGGERS):
        return value[1:]
    return value
