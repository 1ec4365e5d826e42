"""Routing shared by every page: ids in URLs bounded to what an id column holds, and telling an
API request from a page request."""

from flask import Blueprint, has_request_context, request
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


class Routes:
    """The routes (and blueprint hooks) one views module declares; the feature that owns the views
    adds them to its blueprint with feature_blueprint(). Lets a feature spread its views over
    several modules without each importing a shared blueprint object."""

    def __init__(self):
        self._deferred = []

    def route(self, rule, **options):
        def decorate(view):
            self._deferred.append(lambda blueprint: blueprint.route(rule, **options)(view))
            return view

        return decorate

    def errorhandler(self, code):
        def decorate(handler):
            self._deferred.append(lambda blueprint: blueprint.errorhandler(code)(handler))
            return handler

        return decorate

    def before_request(self, hook):
        self._deferred.append(lambda blueprint: blueprint.before_request(hook))
        return hook

    def context_processor(self, processor):
        """Template values for this blueprint's pages."""
        self._deferred.append(lambda blueprint: blueprint.context_processor(processor))
        return processor

    def app_context_processor(self, processor):
        """Template values for every page (e.g. a panel other features' pages include)."""
        self._deferred.append(lambda blueprint: blueprint.app_context_processor(processor))
        return processor

    def add_to(self, blueprint):
        for apply in self._deferred:
            apply(blueprint)


def feature_blueprint(name, import_name, *route_tables, **options):
    """A blueprint named name with the routes of every table given (options: url_prefix …)."""
    blueprint = Blueprint(name, import_name, **options)
    for table in route_tables:
        table.add_to(blueprint)
    return blueprint
