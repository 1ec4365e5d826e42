"""One page of a list, and LIKE patterns that match user text literally."""

from dataclasses import dataclass


@dataclass
class Page:
    rows: list
    total: int
    number: int
    size: int

    @property
    def pages(self):
        return max(1, -(-self.total // self.size))


def escape_like(text):
    """text with LIKE's wildcards and escape character escaped (use with escape="\\")."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
