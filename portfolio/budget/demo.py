"""Demo budget: the funding and the budget lines of the source document (shared/seed), nothing invented.

How each figure reads from the document (a fragment of the Duo+ budget for 2022):

- Ideaalcomplex, 2022, € 75.000 available: "op basis van een eerste doorkijk zijn er middelen
  (€ 75.000) beschikbaar binnen het complex om deze implementatiekosten gedeeltelijk op te kunnen
  vangen" — the implementation costs of the packages procured in 2022. How it is divided over
  them is not said, so there are no allocations.
- Thuiswerkomgeving ICT, structural: the heading "€ 180.000 structureel, bijgesteld naar
  € 160.000" (about € 15.000 a month); the revision because of autoscaling ("we nu slechts betalen
  voor degene die daadwerkelijk ingelogd zijn"). Its 2022 amount is the revised € 160.000.
- Werkpleklicenties raadsleden en -ondersteuners (MS Teams), structural, € 25.000 in 2022:
  "circa € 25.000 per jaar, die vermoedelijk eveneens van blijvende aard zijn". It is named
  within the home-working section, but the € 180.000 of that heading is the home-working
  environment alone (12 × € 15.000), so it is a line of its own.
- Aanbesteding/implementatie ICT-pakketten, incidental, € 100.000 in 2022: the heading; it is
  what the implementation costs of Intranet, Omgevingsplannen and VTH (€ 175.000) leave after the
  ideaalcomplex's € 75.000. It covers three procurements, so it is linked to none.
- Inrichten Informatieveiligheid binnen I&A Duo+, incidental, € 50.000: the heading; the year is
  that of the budget the fragment is part of, 2022.
- The € 65.000 item: "De kosten, inclusief opleiding zijn voor 2022 € 65.000", for an assignment
  "waarna geëvalueerd zal worden"; its heading falls before the fragment, so the title says so.
  Incidental, as costs stated for 2022 alone.

The document gives no split over the organisations, no categories and no decisions: every line is
requested and not split. Loading again adds nothing: sources are found by name and year, lines
by title.
"""

from sqlmodel import select

from portfolio.applications.models import Application
from portfolio.budget import funding, lines
from portfolio.budget.models import BudgetLine, FundingSource, LineKind, LineStatus

YEAR = 2022
FUNDING = (("Ideaalcomplex", YEAR, 7_500_000, (
    "ICT-gerelateerde investeringen worden bekostigd uit het ideaalcomplex. Op basis van een eerste "
    "doorkijk zijn er middelen beschikbaar om de implementatiekosten van de aan te besteden "
    "ICT-pakketten gedeeltelijk op te vangen; het ideaalcomplex wordt nader beoordeeld."
)),)
AUTOSCALING = (
    "Kostenbesparende maatregelen: in plaats van te betalen voor iedereen die in de digitale "
    "thuiswerkomgeving kon inloggen (piekbelasting), wordt nu alleen betaald voor wie daadwerkelijk "
    "is ingelogd (autoscaling). Daardoor blijft de inschatting van de structurele kosten beperkt tot € 160.000."
)
# (title, kind, amount in cents in YEAR, extra fields, name of the application to link or None)
LINES = (
    ("Thuiswerkomgeving ICT", LineKind.STRUCTURAL, 16_000_000, {
        "original_cents": 18_000_000, "revised_cents": 16_000_000, "revision_reason": AUTOSCALING,
        "description": (
            "De thuiswerkomgeving is opgeschaald naar een piekbelasting van circa 350 gelijktijdige gebruikers "
            "(daarvoor circa 50) en uitgebreid met grafisch zware toepassingen; circa € 15.000 per maand. "
            "Deze kosten zijn waarschijnlijk grotendeels van blijvende aard."
        ),
    }, "Thuiswerkomgeving"),
    ("Werkpleklicenties raadsleden en -ondersteuners (MS Teams)", LineKind.STRUCTURAL, 2_500_000, {
        "description": (
            "Uitbreiding van de werkpleklicenties van de raadsleden en -ondersteuners, zodat ook zij met "
            "MS Teams kunnen werken en videovergaderen; circa € 25.000 per jaar, vermoedelijk van blijvende aard."
        ),
    }, None),
    ("Aanbesteding/implementatie ICT-pakketten", LineKind.INCIDENTAL, 10_000_000, {
        "description": (
            "In 2022 worden Intranet (circa € 25.000), Omgevingsplannen (circa € 50.000) en Vergunningen, "
            "Toezicht & Handhaving (circa € 100.000) aanbesteed en geïmplementeerd, al naar gelang de uitkomst "
            "van de aanbesteding. Het ideaalcomplex vangt hiervan € 75.000 op."
        ),
    }, None),
    ("Inrichten Informatieveiligheid binnen I&A Duo+", LineKind.INCIDENTAL, 5_000_000, {
        "description": (
            "Het team I&A moet de expertise ontwikkelen, aantrekken en ontsluiten om de maatregelen voor "
            "privacy en informatieveiligheid uit te voeren die de veiligheidsorganisatie (CISO, FG, privacy "
            "officer) overziet."
        ),
    }, None),
    ("Post met kosten inclusief opleiding (titel valt buiten het fragment)", LineKind.INCIDENTAL, 6_500_000, {
        "description": (
            "Een opdracht waarna geëvalueerd wordt, zoveel mogelijk in samenwerking met de DUO-gemeenten. "
            "De kosten, inclusief opleiding, zijn voor 2022 € 65.000. De titel van deze post staat niet in "
            "het brondocument."
        ),
    }, None),
)


def load_demo_budget(session):
    """Add the document's funding source and budget lines that are missing; return how many were added.

    Run after the demo applications and procurements (the home-working line links to its application
    when that exists)."""
    added = 0
    existing_sources = set(session.exec(select(FundingSource.name, FundingSource.year)).all())
    for name, year, cents, notes in FUNDING:
        if (name, year) not in existing_sources:
            funding.create_funding_source(
                session, data={"name": name, "year": year, "available_cents": cents, "notes": notes}
            )
            added += 1
    existing_lines = set(session.exec(select(BudgetLine.title)).all())
    applications = {a.name: a.id for a in session.exec(select(Application).where(Application.archived.is_(False))).all()}
    for title, kind, cents, extra, application in LINES:
        if title in existing_lines:
            continue
        lines.create_budget_line(
            session,
            data={"title": title, "kind": kind.value, "status": LineStatus.REQUESTED.value,
                  "application_id": applications.get(application), **extra},
            amounts=[(YEAR, cents)],
            shares={},
        )
        added += 1
    return added
