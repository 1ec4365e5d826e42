"""Spreadsheet cells that stay text: formula triggers neutralised on export, undone on import."""

# Characters that make spreadsheet software treat a cell as a formula or command.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "|", "%", "\t", "\r", "\0")


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
