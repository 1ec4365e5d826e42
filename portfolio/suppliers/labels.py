"""Suppliers' record and field labels, as the history shows them."""

from flask_babel import lazy_gettext as _l


ENTITIES = {
    "supplier": _l("leverancier"),
}

FIELDS = {
    "supplier_id": _l("Leverancier"),
    "website": _l("Website"),
    "contact": _l("Contactpersoon of -adres"),
}
