"""API tokens' record label, as the history shows it."""

from flask_babel import lazy_gettext as _l


ENTITIES = {
    "api_token": _l("API-token"),
}
