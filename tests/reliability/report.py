"""The reliability scorecard of `make reliability`: one table from the tests' and the scanners' figures.

    .venv/bin/python -m tests.reliability.report [build/reliability]

Reads scorecard-sqlite.json and scorecard-postgresql.json (written by tests/scorecard.py) and
scanners.json (written by tests/reliability/scan.py). A figure nobody measured prints as "–", never
as 0. Exits 1 when a figure that must be 0 is above 0, so `make reliability` fails on it.
"""

import json
import sys
from pathlib import Path

from tests.scorecard import CARD

DATABASES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
MUST_BE_ZERO = {
    "server errors", "unescaped echoes", "refused submissions that changed data", "lost updates",
    "corrupt databases", "lost acknowledged writes", "write operations without audit entry",
    "backup-restore rows missing", "sqlmap findings", "wapiti findings",
}
SCANNER_FIGURES = ("sqlmap targets", "sqlmap parameters tested", "sqlmap findings", "sqlmap seconds",
                   "wapiti URLs and forms", "wapiti findings", "wapiti seconds")
MISSING = "–"


def load(path):
    """The figures in a JSON file, or {} when the run that writes it did not happen."""
    return json.loads(path.read_text()) if path.exists() else {}


def card(folder):
    """(rows of the database table, rows of the scanner table, the figures above 0 that must be 0)."""
    columns = {name: load(folder / f"scorecard-{name}.json") for name in DATABASES}
    scanners = load(folder / "scanners.json")
    names = list(CARD) + sorted({name for figures in columns.values() for name in figures} - set(CARD))
    rows = [(name, *(columns[database].get(name) for database in DATABASES)) for name in names]
    scanner_rows = [(name, scanners.get(name)) for name in SCANNER_FIGURES]
    failures = [f"{name} ({label}): {value}" for name, *values in rows
                for label, value in zip(DATABASES.values(), values, strict=True)
                if name in MUST_BE_ZERO and value]
    failures += [f"{name}: {value}" for name, value in scanner_rows if name in MUST_BE_ZERO and value]
    return rows, scanner_rows, failures


def table(header, rows):
    """A plain-text table; figures right-aligned, a missing one as "–"."""
    cells = [header] + [[name + (" (must be 0)" if name in MUST_BE_ZERO else ""),
                         *(MISSING if value is None else f"{value:,}".replace(",", ".") for value in values)]
                        for name, *values in rows]
    widths = [max(len(row[column]) for row in cells) for column in range(len(header))]
    lines = ["  ".join([row[0].ljust(widths[0])] + [cell.rjust(width) for cell, width in zip(row[1:], widths[1:],
                                                                                               strict=True)])
             for row in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    folder = Path(argv[0]) if argv else Path(__file__).resolve().parents[2] / "build" / "reliability"
    rows, scanner_rows, failures = card(folder)
    print("Reliability scorecard\n")
    print(table(["figure", *DATABASES.values()], rows))
    print()
    print(table(["scanners (a signed-in SQLite instance)", "value"], scanner_rows))
    if failures:
        print("\nFigures that must be 0 but are not:\n  " + "\n  ".join(failures))
        return 1
    print(f"\nNo figure that must be 0 is above 0 ({MISSING}: not measured in this run).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
