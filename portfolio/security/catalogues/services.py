"""Import of norm catalogues from CSV or from CISO Assistant's YAML framework library.

Parsing and checking come first and write nothing; only a catalogue without problems is applied.
A re-import matches requirements by reference code: it adds, changes and reinstates them, and
marks the ones the file no longer holds as withdrawn (never deleted, so measures keep their links).
"""

import csv
import io
from dataclasses import dataclass, field
from pathlib import PurePath

import yaml
from flask_babel import gettext as _
from sqlmodel import select

from portfolio.core.exceptions import ServiceError
from portfolio.security.models import Framework, Requirement

MAX_FILE_BYTES = 10 * 1024 * 1024
CSV_COLUMNS = ("reference", "chapter", "title", "text", "tags")
LIMITS = {"reference": 60, "chapter": 300, "title": 500, "text": 8000}
FRAMEWORK_LIMITS = {"code": 120, "name": 200, "catalogue_version": 60, "description": 4000}
COMPARED = ("chapter", "title", "text", "tags", "position")


class CatalogueInvalid(ServiceError):
    """The file cannot be imported; ``errors`` lists every problem found, in Dutch."""

    def __init__(self, errors):
        super().__init__(_("De catalogus is niet ingelezen: ") + " ".join(errors))
        self.errors = errors


@dataclass
class ParsedRequirement:
    reference: str
    chapter: str | None
    title: str
    text: str | None
    tags: list
    position: int


@dataclass
class ParsedCatalogue:
    code: str
    name: str
    catalogue_version: str | None = None
    description: str | None = None
    requirements: list = field(default_factory=list)


@dataclass
class ImportReport:
    framework: Framework
    added: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    withdrawn: list = field(default_factory=list)
    unchanged: int = 0


def parse(data, filename, *, code=None, name=None):
    """The catalogue in data (bytes of a .csv, .yaml or .yml file); raises CatalogueInvalid.

    code and name identify the framework of a CSV file (default: the file's name); a YAML
    library names its own framework.
    """
    suffix = PurePath(filename or "").suffix.lower()
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CatalogueInvalid([_("Het bestand is geen UTF-8-tekst.")]) from None
    if suffix == ".csv":
        stem = PurePath(filename).stem
        catalogue = _parse_csv(content, code=code or stem, name=name or code or stem)
    elif suffix in (".yaml", ".yml"):
        catalogue = _parse_yaml(content)
        catalogue.code = code or catalogue.code
        catalogue.name = name or catalogue.name
    else:
        raise CatalogueInvalid([_("Kies een bestand van het type .csv, .yaml of .yml.")])
    _check(catalogue)
    return catalogue


def _parse_csv(content, *, code, name):
    first_line = content.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(content), delimiter=delimiter)
    headers = [header.strip().lower() for header in (reader.fieldnames or [])]
    missing = [column for column in CSV_COLUMNS if column not in headers]
    if missing:
        raise CatalogueInvalid([_("Kolommen ontbreken: %(columns)s.", columns=", ".join(missing))])
    reader.fieldnames = headers
    catalogue = ParsedCatalogue(code=code, name=name)
    try:
        for position, row in enumerate(reader, start=1):
            if not any((value or "").strip() for key, value in row.items() if key is not None):
                continue
            tags = [tag.strip() for tag in (row.get("tags") or "").replace(";", ",").split(",") if tag.strip()]
            catalogue.requirements.append(ParsedRequirement(
                reference=(row.get("reference") or "").strip(),
                chapter=(row.get("chapter") or "").strip() or None,
                title=(row.get("title") or "").strip(),
                text=(row.get("text") or "").strip() or None,
                tags=tags,
                position=position,
            ))
    except csv.Error as error:
        raise CatalogueInvalid([_("Het CSV-bestand is onleesbaar: %(error)s", error=str(error))]) from None
    return catalogue


def _parse_yaml(content):
    try:
        document = yaml.safe_load(content)
    except yaml.YAMLError as error:
        raise CatalogueInvalid([_("Het YAML-bestand is onleesbaar: %(error)s", error=str(error).replace("\n", " "))]) from None
    objects = document.get("objects") if isinstance(document, dict) else None
    framework = objects.get("framework") if isinstance(objects, dict) else None
    if not isinstance(framework, dict) or not isinstance(framework.get("requirement_nodes"), list):
        raise CatalogueInvalid([_("Dit is geen CISO Assistant-bibliotheek: objects.framework.requirement_nodes ontbreekt.")])
    nodes = [node for node in framework["requirement_nodes"] if isinstance(node, dict)]
    by_urn = {node.get("urn"): node for node in nodes if node.get("urn")}
    catalogue = ParsedCatalogue(
        code=str(framework.get("ref_id") or framework.get("urn") or document.get("urn") or "").strip(),
        name=str(framework.get("name") or document.get("name") or "").strip(),
        catalogue_version=str(document["version"]) if document.get("version") is not None else None,
        description=_text(framework.get("description")),
    )
    position = 0
    for node in nodes:
        if not node.get("assessable"):
            continue
        position += 1
        name, description = _text(node.get("name")), _text(node.get("description"))
        groups = node.get("implementation_groups") or []
        catalogue.requirements.append(ParsedRequirement(
            reference=_text(node.get("ref_id")) or "",
            chapter=_chapter(node, by_urn),
            title=name or (description or "")[:200],
            text=description,
            tags=[str(group) for group in groups] if isinstance(groups, list) else [str(groups)],
            position=position,
        ))
    return catalogue


def _text(value):
    return str(value).strip() or None if value is not None else None


def _chapter(node, by_urn):
    """The outermost section above node (ref_id and name), following parent_urn."""
    top, seen = None, set()
    parent = by_urn.get(node.get("parent_urn"))
    while parent is not None and parent.get("urn") not in seen:
        seen.add(parent.get("urn"))
        top = parent
        parent = by_urn.get(parent.get("parent_urn"))
    if top is None:
        return None
    return " ".join(part for part in (_text(top.get("ref_id")), _text(top.get("name"))) if part) or None


def _check(catalogue):
    errors = []
    if not catalogue.code:
        errors.append(_("De code van het normenkader ontbreekt."))
    if not catalogue.name:
        errors.append(_("De naam van het normenkader ontbreekt."))
    for key, limit in FRAMEWORK_LIMITS.items():
        value = getattr(catalogue, key)
        if value and len(value) > limit:
            errors.append(_("Het normenkader: %(field)s is langer dan %(max)d tekens.", field=key, max=limit))
    if not catalogue.requirements:
        errors.append(_("Het bestand bevat geen normen."))
    seen = {}
    for requirement in catalogue.requirements:
        where = _("Norm %(position)d", position=requirement.position)
        if not requirement.reference:
            errors.append(_("%(where)s: de referentiecode ontbreekt.", where=where))
        elif requirement.reference in seen:
            errors.append(_("%(where)s: referentiecode %(reference)s komt al voor bij norm %(other)d.",
                            where=where, reference=requirement.reference, other=seen[requirement.reference]))
        else:
            seen[requirement.reference] = requirement.position
        if not requirement.title:
            errors.append(_("%(where)s: de titel ontbreekt.", where=where))
        for key, limit in LIMITS.items():
            value = getattr(requirement, key)
            if value and len(value) > limit:
                errors.append(_("%(where)s: %(field)s is langer dan %(max)d tekens.", where=where, field=key, max=limit))
        if any("\x00" in (getattr(requirement, key) or "") for key in LIMITS):
            errors.append(_("%(where)s: bevat een ongeldig teken.", where=where))
    if errors:
        raise CatalogueInvalid(errors)


def apply(session, catalogue):
    """Write the parsed catalogue: the framework by code, its requirements by reference."""
    framework = session.exec(select(Framework).where(Framework.code == catalogue.code)).first()
    if framework is None:
        framework = Framework(code=catalogue.code, name=catalogue.name)
        session.add(framework)
        session.flush()
        existing = {}
    else:
        existing = {r.reference: r for r in session.exec(select(Requirement).where(Requirement.framework_id == framework.id)).all()}
    framework.name = catalogue.name
    framework.catalogue_version = catalogue.catalogue_version
    if catalogue.description is not None:
        framework.description = catalogue.description
    report = ImportReport(framework=framework)
    for parsed in catalogue.requirements:
        values = {key: getattr(parsed, key) for key in COMPARED}
        requirement = existing.pop(parsed.reference, None)
        if requirement is None:
            session.add(Requirement(framework_id=framework.id, reference=parsed.reference, **values))
            report.added.append(parsed.reference)
            continue
        differs = requirement.withdrawn or any(getattr(requirement, key) != value for key, value in values.items()
                                               if key != "position")
        for key, value in values.items():
            if getattr(requirement, key) != value:
                setattr(requirement, key, value)
        requirement.withdrawn = False
        if differs:
            report.changed.append(parsed.reference)
        else:
            report.unchanged += 1
    for requirement in existing.values():
        if not requirement.withdrawn:
            requirement.withdrawn = True
            report.withdrawn.append(requirement.reference)
    session.flush()
    return report


def import_catalogue(session, data, filename, *, code=None, name=None):
    """Parse, check and apply in one step; raises CatalogueInvalid with nothing written."""
    if len(data) > MAX_FILE_BYTES:
        raise CatalogueInvalid([_("Het bestand is groter dan %(mb)d MB.", mb=MAX_FILE_BYTES // 2**20)])
    return apply(session, parse(data, filename, code=code, name=name))
