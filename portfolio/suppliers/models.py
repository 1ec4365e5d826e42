"""Suppliers (leveranciers) of applications and parties to contracts."""

from sqlmodel import Field

from portfolio.core.records import ArchivableBase, version_column

_supplier_version = version_column()


class Supplier(ArchivableBase, table=True):
    __tablename__ = "supplier"
    __mapper_args__ = {"version_id_col": _supplier_version}

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120, unique=True)
    website: str | None = Field(default=None, max_length=300)
    contact: str | None = Field(default=None, max_length=300)
    notes: str | None = Field(default=None, max_length=4000)
    version: int | None = Field(default=None, sa_column=_supplier_version)
