"""Whole-register figures are kept per worker until the next write, and never shown stale."""

import re
from datetime import timedelta

import pytest

from portfolio.dashboard import figures
from portfolio.core.dates import local_today
from tests.conftest import sign_in


@pytest.fixture
def computations(monkeypatch):
    """How often the key figures were really computed."""
    calls = []
    compute = figures._key_figures

    def counting(session, today):
        calls.append(today)
        return compute(session, today)

    monkeypatch.setattr(figures, "_key_figures", counting)
    return calls


def _application_count(client):
    page = client.get("/").get_data(as_text=True)
    return int(re.search(r"<strong>(\d+)</strong> applicaties", page).group(1))


def test_figures_are_computed_once_for_an_unchanged_register(app, make_user, computations):
    client = sign_in(app.test_client(), make_user("viewer"))
    assert _application_count(client) == _application_count(client) == 0
    assert len(computations) == 1


def test_a_write_shows_in_the_figures_at_once(app, make_user, make_application, computations):
    client = sign_in(app.test_client(), make_user("viewer"))
    before = _application_count(client)
    make_application()
    assert _application_count(client) == before + 1
    make_application()
    make_application()
    assert _application_count(client) == before + 3
    assert len(computations) == 3


def test_another_day_is_computed_again(app, db, computations):
    with db() as session:
        today = local_today()
        figures.key_figures(session, today)
        figures.key_figures(session, today)
        figures.key_figures(session, today + timedelta(days=1))
    assert computations == [today, today + timedelta(days=1)]


def test_without_the_cache_every_request_computes(app, make_user, computations):
    app.config["FIGURE_CACHE"] = False
    client = sign_in(app.test_client(), make_user("viewer"))
    _application_count(client)
    _application_count(client)
    assert len(computations) == 2
