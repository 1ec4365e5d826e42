"""Routing shared by every page: ids in URLs bounded to what an id column holds, and telling an
API request from a page request."""

from flask import has_request_context, request
from werkzeug.routing import IntegerConverter

API_PREFIX = "/api/v1"

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


def is_api_request():
    """Whether the current request is for the API (also when no route matched)."""
    return has_request_context() and (request.path == API_PREFIX or request.path.startswith(API_PREFIX + "/"))
