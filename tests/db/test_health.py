"""/healthz: 200 while the database answers, 503 when it cannot be reached; no login either way."""

import pytest

UNREACHABLE = [
    "postgresql+psycopg://postgres@127.0.0.1:1/portfolio",
    "sqlite:////nonexistent-portfolio-directory/portfolio.sqlite3",
]


def test_healthz_answers_without_login(app):
    response = app.test_client().get("/healthz")

    assert response.status_code == 200
    assert response.is_json
    assert response.get_json() == {"status": "ok", "database": "ok"}


@pytest.mark.parametrize("database_url", UNREACHABLE, ids=["postgresql-closed-port", "sqlite-missing-directory"])
def test_healthz_answers_503_when_the_database_is_unreachable(app, database_url):
    response = app.test_client().get("/healthz")

    assert response.status_code == 503
    assert response.get_json() == {"status": "unavailable", "database": "unreachable"}
