"""The reference lists' record and field labels, as the history shows them."""

from flask_babel import lazy_gettext as _l


ENTITIES = {
    "organisation": _l("organisatie"),
    "domain": _l("domein"),
}

FIELDS = {
    "domain_id": _l("Domein"),
    "organisation_id": _l("Organisatie"),
}
