"""What hangs off an application: its usages, contracts and integrations (``services``: the rules,
``views``: the pages)."""
