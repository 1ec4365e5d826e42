"""The `<int:…>` of every route, bounded to what an id column holds."""

from werkzeug.routing import IntegerConverter

MAX_ID = 2**31 - 1  # the id columns are 32-bit integers on PostgreSQL


class IdConverter(IntegerConverter):
    """An int no larger than MAX_ID unless a route says otherwise: a larger one is no id of ours,
    so the route does not match (404), where the database would fail on it (SQLite raises
    OverflowError above 2**63, PostgreSQL refuses a 32-bit overflow)."""

    def __init__(self, map, *args, max=MAX_ID, **kwargs):
        super().__init__(map, *args, max=max, **kwargs)


def init_app(app):
    """Before any blueprint is registered: rules take their converters when they are added."""
    app.url_map.converters["int"] = IdConverter
