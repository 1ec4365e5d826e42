"""The reliability scorecard: figures the tests add up, printed at the end of the run and kept as JSON.

A test asks for the ``scorecard`` fixture and adds to a figure: ``scorecard("hostile submissions",
len(values))``. Figures add up over the run; the terminal summary prints them and writes them to
``build/reliability/scorecard-<db>.json``, which ``make reliability`` prints as one table for both
databases. A figure is only printed when some test recorded it, so a partial run shows a partial
card rather than zeros that were never measured.
"""

import json
from pathlib import Path

import pytest

FIGURES = pytest.StashKey[dict]()
OUTPUT = Path(__file__).resolve().parents[1] / "build" / "reliability"

# The order of the card; a figure not listed here is printed after these.
CARD = (
    "forms",
    "API operations",
    "hostile submissions",
    "server errors",
    "unescaped echoes",
    "refused submissions that changed data",
    "routes × roles checked",
    "object-level cases",
    "concurrent conflicting updates",
    "lost updates",
    "kill -9 trials",
    "corrupt databases",
    "lost acknowledged writes",
    "audit chains verified",
    "write operations",
    "write operations without audit entry",
    "backup-restore rows compared",
    "backup-restore rows missing",
)


@pytest.fixture
def scorecard(request):
    """Add an amount to a figure of the scorecard: ``scorecard(name, amount=1)``."""
    figures = request.config.stash.setdefault(FIGURES, {})

    def add(name, amount=1):
        figures[name] = figures.get(name, 0) + amount

    return add


def ordered(figures):
    known = [name for name in CARD if name in figures]
    return known + sorted(name for name in figures if name not in CARD)


def pytest_terminal_summary(terminalreporter, config):
    figures = config.stash.get(FIGURES, {})
    if not figures:
        return
    database = config.getoption("--db")
    terminalreporter.section(f"reliability scorecard ({database})")
    width = max(len(name) for name in figures)
    for name in ordered(figures):
        terminalreporter.write_line(f"{name:<{width}}  {figures[name]:>8}")
    OUTPUT.mkdir(parents=True, exist_ok=True)
    (OUTPUT / f"scorecard-{database}.json").write_text(json.dumps(figures, indent=2, ensure_ascii=False))
