"""Which e-mails today's run sends: a daily digest per user, a weekly summary for some roles.

- Daily digest: every active user with items that need their action (dashboard.actions, the same
  rules as the start page, all applications rather than the first ten) gets one e-mail listing the
  items not yet sent to them today. No new item: no e-mail.
- Weekly summary: on REMINDER_WEEKLY_DAY (0 = Monday) the CISO (role ciso), the FG and privacy
  officer (role privacy) and managers (role viewer) get the status of their field, once that day.

Nothing goes twice for the same item and day: every sent item key is written to reminder_sent
(unique per user, key and day) and left out of the next run of the same day. Bodies are plain
Dutch text (templates/reminders/); the recipients' interface language is not stored.
"""

from dataclasses import dataclass

from flask import current_app, render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlmodel import select

from portfolio.web.permissions import Role
from portfolio.auth.models import User
from portfolio.dashboard.actions import actions_for
from portfolio.dashboard.figures import key_figures
from portfolio.privacy import chain
from portfolio.reminders.models import ReminderSent
from portfolio.security import compliance

WEEKLY_ROLES = (Role.CISO.value, Role.PRIVACY.value, Role.VIEWER.value)
KIND_ORDER = ("measure_overdue", "measure_soon", "review_due", "application", "procurement", "breach")


@dataclass(frozen=True)
class Message:
    user_id: int
    to: str
    subject: str
    body: str
    keys: tuple  # the item keys recorded in reminder_sent once it is sent


def _sent_today(session, day):
    """{user id: set of item keys already sent on day}: one query."""
    sent = {}
    for user_id, key in session.exec(select(ReminderSent.user_id, ReminderSent.item_key).where(ReminderSent.day == day)):
        sent.setdefault(user_id, set()).add(key)
    return sent


def weekly_key(day):
    year, week, _weekday = day.isocalendar()
    return f"weekly:{year}-W{week:02d}"


def plan(session, *, today, now):
    """The Messages today's run would send, in the order of the users' e-mail addresses."""
    users = session.exec(select(User).where(User.active.is_(True)).order_by(User.email)).all()
    sent = _sent_today(session, today)
    lead_months = current_app.config["PROCUREMENT_LEAD_MONTHS"]
    messages = []
    weekly = today.weekday() == current_app.config["REMINDER_WEEKLY_DAY"]
    summary = _summary_data(session, today=today, now=now) if weekly else None
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        for user in users:
            already = sent.get(user.id, set())
            actions = actions_for(session, user, today=today, lead_months=lead_months, limit=None)
            new = [item for item in actions.items if item.key not in already]
            if new:
                messages.append(_digest(user, new, today))
            if weekly and user.role in WEEKLY_ROLES and weekly_key(today) not in already:
                messages.append(_weekly(user, summary, today))
    return messages


def _digest(user, items, today):
    groups = [(kind, [item for item in items if item.kind == kind]) for kind in KIND_ORDER]
    subject = ngettext("Portfolio: %(num)d punt vraagt uw actie", "Portfolio: %(num)d punten vragen uw actie", len(items))
    body = render_template("reminders/digest.txt", user=user, groups=[g for g in groups if g[1]], today=today)
    return Message(user.id, user.email, subject, body, tuple(item.key for item in items))


def _summary_data(session, *, today, now):
    measures = compliance.counted_measures(session)
    return {
        "figures": key_figures(session, today),
        "attention": {name: count for name, (count, _arguments) in compliance.attention(session, today).items()},
        "organisations": compliance.per_organisation(session, measures),
        "privacy": chain.overview(session, today=today, now=now, with_breaches=True),
    }


def _weekly(user, summary, today):
    subject = _("Portfolio: weekoverzicht van %(day)s", day=today.isoformat())
    body = render_template("reminders/weekly.txt", user=user, role=user.role, today=today, **summary)
    return Message(user.id, user.email, subject, body, (weekly_key(today),))


def record(session, message, day):
    """Write message's item keys as sent on day (call after the SMTP server accepted it)."""
    for key in message.keys:
        session.add(ReminderSent(user_id=message.user_id, item_key=key, day=day))
    session.flush()
