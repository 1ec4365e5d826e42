"""Schemas of suppliers."""

from pydantic import Field

from portfolio.api.schemas.common import Archived, Input, ListQuery, Text, partial


class SupplierCreate(Input):
    name: Text(120, 1)
    website: Text(300) | None = None
    contact: Text(300) | None = None
    notes: Text(4000) | None = None


SupplierUpdate = partial(SupplierCreate, "SupplierUpdate")


class SupplierRead(Archived):
    id: int
    version: int
    name: str
    website: str | None
    contact: str | None
    notes: str | None


class SupplierQuery(ListQuery):
    """As the supplier list page: by name, archived ones on request."""

    q: Text(200) | None = Field(default=None, description="text in the name")
    include_archived: bool = False
