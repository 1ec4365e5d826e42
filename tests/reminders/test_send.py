"""`flask reminders send` against a real SMTP server: who gets what, nothing twice a day, dry run."""

from datetime import timedelta

from sqlmodel import func, select

from portfolio.reminders.models import ReminderSent
from portfolio.security import services as security_services


def _send(app, *arguments):
    result = app.test_cli_runner().invoke(args=["reminders", "send", *arguments])
    assert result.exit_code == 0, result.output
    return result.output


def _body(mail):
    return mail.get_content()


def _people(make_user):
    return {role: make_user(role, name=f"Test {role}") for role in ("ciso", "privacy", "viewer")}


def test_each_user_gets_one_digest_of_their_actions(app, data_set, smtp_server, make_user, day):
    app.config["REMINDER_WEEKLY_DAY"] = (day.weekday() + 1) % 7  # not today: no weekly summary
    people = _people(make_user)

    output = _send(app)

    assert "2 e-mails sent." in output
    (digest,) = smtp_server.to(data_set.editor.email)
    assert digest["Subject"] == "Portfolio: 5 punten vragen uw actie"
    assert digest["From"] == "portfolio@duoplus.test"
    body = _body(digest)
    for text in ("Beste Ingrid Editor,", "Uw maatregelen over de datum", "- Wachtwoordbeleid", "- Logging",
                 "- Back-up getest", "- Zaaksysteem", "- Intranet"):
        assert text in body, text
    (breach,) = smtp_server.to(people["privacy"].email)
    assert breach["Subject"] == "Portfolio: 1 punt vraagt uw actie"
    assert "Brief naar verkeerd adres" in _body(breach) and "USB-stick" not in _body(breach)
    assert smtp_server.to(people["ciso"].email) == [] and smtp_server.to(people["viewer"].email) == []


def test_the_weekly_summary_goes_to_the_ciso_the_fg_and_the_managers(app, data_set, smtp_server, make_user):
    people = _people(make_user)

    _send(app)

    (ciso,) = smtp_server.to(people["ciso"].email)
    assert ciso["Subject"].startswith("Portfolio: weekoverzicht van")
    assert "Diemen: 33% (1/3)" in _body(ciso) and "Over de datum: 1" in _body(ciso)
    privacy = smtp_server.to(people["privacy"].email)
    assert sorted(mail["Subject"].split(" van")[0] for mail in privacy) == [
        "Portfolio: 1 punt vraagt uw actie", "Portfolio: weekoverzicht"]
    weekly = next(mail for mail in privacy if "weekoverzicht" in mail["Subject"])
    assert "open datalekken: 2" in _body(weekly)  # open until closed, notified or not
    (viewer,) = smtp_server.to(people["viewer"].email)
    assert "applicaties: 4" in _body(viewer) and "€ 160.000" in _body(viewer)
    assert len(smtp_server.to(data_set.editor.email)) == 1  # editors get no weekly summary


def test_nothing_is_sent_twice_on_a_day_only_new_items(app, db, data_set, smtp_server, make_user, day):
    _people(make_user)
    _send(app)
    first = len(smtp_server.messages)

    assert "Nothing to send." in _send(app)
    assert len(smtp_server.messages) == first

    with db() as session:
        security_services.create_measure(
            session, data={"title": "Nieuwe patch", "overseer": "ciso", "priority": "high", "status": "not_started",
                           "assignee_id": data_set.editor.id, "due_on": day - timedelta(days=1)},
            links={"requirement_ids": [], "application_ids": [], "organisation_ids": []}, today=day - timedelta(days=30))
    _send(app)
    latest = smtp_server.to(data_set.editor.email)[-1]
    assert latest["Subject"] == "Portfolio: 1 punt vraagt uw actie"
    assert "Nieuwe patch" in _body(latest) and "Wachtwoordbeleid" not in _body(latest)

    next_day = (day + timedelta(days=1)).isoformat()
    _send(app, "--date", next_day)  # a new day: the open items come again
    assert "Wachtwoordbeleid" in _body(smtp_server.to(data_set.editor.email)[-1])


def test_a_dry_run_prints_and_sends_and_records_nothing(app, db, data_set, smtp_server, make_user):
    people = _people(make_user)

    output = _send(app, "--dry-run")

    assert f"{data_set.editor.email}\tPortfolio: 5 punten vragen uw actie" in output
    assert f"{people['viewer'].email}\tPortfolio: weekoverzicht van" in output
    assert "5 e-mails would be sent (dry run: nothing sent)." in output
    assert smtp_server.messages == []
    with db() as session:
        assert session.exec(select(func.count()).select_from(ReminderSent)).one() == 0


def test_inactive_users_get_nothing(app, data_set, smtp_server, make_user):
    retired = make_user("viewer", active=False)
    _send(app)
    assert smtp_server.to(retired.email) == []


def test_an_unreachable_server_fails_the_run_and_records_nothing(app, db, data_set, smtp_server):
    from tests.reminders.conftest import _free_port

    app.config["MAIL_PORT"] = _free_port()  # nothing listens there
    result = app.test_cli_runner().invoke(args=["reminders", "send"])

    assert result.exit_code == 1
    assert "sending failed after 0 of 1 e-mails" in result.output  # the editor's digest
    with db() as session:
        assert session.exec(select(func.count()).select_from(ReminderSent)).one() == 0
