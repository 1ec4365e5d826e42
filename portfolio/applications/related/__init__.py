"""What hangs off an application: its usages, contracts and integrations (``services``: the rules,
``views``: the pages)."""

# portfolio.security.listing imports Choice from here; it moves there when that module is next edited.
from portfolio.applications.related.services import Choice

__all__ = ["Choice"]
