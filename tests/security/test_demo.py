"""The security demo data: accounts with printed random passwords, the example catalogue, measures."""

import re

from sqlmodel import select

from portfolio.auth.models import User
from portfolio.security.models import Framework, Measure, MeasureApplication


def _load(app):
    result = app.test_cli_runner().invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    return result.output


def test_demo_load_prints_random_passwords_once_and_adds_measures_once(app, db, client_as):
    first = _load(app)
    passwords = dict(re.findall(r"^  (\S+@duoplus\.example)  (\S+)$", first, re.M))
    assert set(passwords) == {"ciso@duoplus.example", "fg@duoplus.example", "privacy@duoplus.example",
                              "ia-medewerker@duoplus.example"}
    assert len(set(passwords.values())) == 4 and all(len(p) >= 16 for p in passwords.values())
    second = _load(app)
    assert "duoplus.example" not in second and "0 security measures added" in second
    with db() as session:
        roles = {u.email: u.role for u in session.exec(select(User)).all()}
        assert roles["ciso@duoplus.example"] == "ciso" and roles["fg@duoplus.example"] == "privacy"
        framework = session.exec(select(Framework)).one()
        assert "geen officiële BIO-tekst" in framework.name
        measures = session.exec(select(Measure)).all()
        assert len(measures) == 6 and len({m.status for m in measures}) == 5
        assert all(m.team == "I&A" for m in measures)
        assert session.exec(select(MeasureApplication)).first() is not None
    # The printed password signs in.
    client = app.test_client()
    response = client.post("/login", data={"email": "ciso@duoplus.example", "password": passwords["ciso@duoplus.example"]})
    assert response.status_code == 302
    assert client.get("/security/").status_code == 200
