"""The send log of the reminders: which item was sent to whom on which day, so nothing goes twice.

Not audited (__audit__ = False): it records the sending of e-mail, not a change to a register, and
it grows by a row per item per day; the audit trail would only repeat it.
"""

from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from portfolio.core.db import UTCDateTime
from portfolio.core.dates import utcnow


class ReminderSent(SQLModel, table=True):
    __tablename__ = "reminder_sent"
    __audit__ = False
    __table_args__ = (UniqueConstraint("user_id", "item_key", "day", name="uq_reminder_sent_user_item_day"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", index=True)
    item_key: str = Field(max_length=200)
    day: date = Field(index=True)
    sent_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
