"""Reference lists that administrators keep: the organisations served and the domains."""

from sqlmodel import Field, SQLModel

from portfolio.core.records import version_column

_organisation_version = version_column()
_domain_version = version_column()


class Organisation(SQLModel, table=True):
    """Diemen, Ouder-Amstel, Uithoorn and Duo+ itself."""

    __tablename__ = "organisation"
    __mapper_args__ = {"version_id_col": _organisation_version}

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=80, unique=True)
    position: int = Field(default=0)
    version: int | None = Field(default=None, sa_column=_organisation_version)


class Domain(SQLModel, table=True):
    """A field of municipal work an application serves (Burgerzaken, Financiën, …)."""

    __tablename__ = "domain"
    __mapper_args__ = {"version_id_col": _domain_version}

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=80, unique=True)
    active: bool = Field(default=True)
    version: int | None = Field(default=None, sa_column=_domain_version)
