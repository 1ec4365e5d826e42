"""What every resource's schemas share: strict input, bounded text and numbers, pages, problems."""

import copy
from datetime import datetime, UTC
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, create_model

MAX_INT = 2**31 - 1  # PostgreSQL integer columns
MAX_CENTS = 2_000_000_000  # as portfolio.budget.rules: the columns are 32-bit integers on PostgreSQL


def Text(maximum, minimum=0):
    """A string of at most maximum characters without NUL (PostgreSQL cannot store it)."""
    return Annotated[str, Field(min_length=minimum, max_length=maximum, pattern=r"^[^\x00]*$")]


Id = Annotated[int, Field(ge=1, le=MAX_INT)]
Cents = Annotated[int, Field(ge=0, le=MAX_CENTS)]


class Input(BaseModel):
    """Request bodies: unknown fields are refused (no mass assignment)."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class Output(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Archived(Output):
    archived: bool
    archived_reason: str | None = None
    archived_at: datetime | None = None


class ArchiveRequest(Input):
    reason: Text(1000, 1)


class ListQuery(Input):
    page: int = Field(default=1, ge=1, le=100_000, description="page number, from 1")
    per_page: int = Field(default=50, ge=1, le=100, description="records per page (at most 100)")


class Problem(BaseModel):
    """An error (RFC 9457); ``errors`` maps field names to messages for invalid input."""

    type: str
    title: str
    status: int
    detail: str
    errors: dict[str, list[str]] | None = None


def page_of(read_model):
    """The list envelope for read_model: items, total, page, per_page and the next page's link."""
    return create_model(
        read_model.__name__.removesuffix("Read") + "Page",
        items=(list[read_model], ...),
        total=(int, ...),
        page=(int, ...),
        per_page=(int, ...),
        next=(str | None, None),
    )


def partial(create_model_class, name):
    """The Update model: the Create model's fields, each optional (PATCH sends only what changes).

    A field that may not be empty keeps its type, so null is refused for it rather than stored.
    """
    fields = {}
    for field_name, info in create_model_class.model_fields.items():
        optional = copy.copy(info)
        optional.default = None
        optional.default_factory = None
        fields[field_name] = (info.annotation, optional)
    return create_model(name, __base__=Input, **fields)


def _plausible_moment(value):
    if not 1900 <= value.year <= 2200:
        raise ValueError("moment out of range")
    return value.astimezone(UTC)  # stored and answered as UTC


# A moment with its time zone (stored as UTC); naive times are refused rather than guessed.
Moment = Annotated[AwareDatetime, AfterValidator(_plausible_moment)]
