"""The world both reliability sweeps work in: the demo data, a client per role, an API token."""

from datetime import date, timedelta

import pytest
from sqlmodel import select

from portfolio.auth.models import User
from portfolio.core.db import session_scope
from portfolio.ops.demo import load_demo_data
from portfolio.tokens.services import create_token
from tests.conftest import sign_in
from tests.e2e.pages import record_ids
from tests.reliability.discovery import OTHER_WRITERS


@pytest.fixture
def world(app, make_user):
    """Demo data, the ids the pages need, a client per role and an admin API token."""
    with app.app_context(), session_scope(app, actor=lambda: (None, "demo")) as session:
        load_demo_data(session)
    with app.app_context(), session_scope(app, actor=lambda: (None, "sweep")) as session:
        ids = record_ids(session)
    victim = make_user("viewer")  # the account users.edit changes, never the sweeping admin
    ids["user_id"] = victim.id
    clients = {"anonymous": app.test_client()}
    users = {}
    for role in ("admin", *OTHER_WRITERS):
        users[role] = make_user(role)
        clients[role] = sign_in(app.test_client(), users[role])
        clients[role].user = users[role]
    with app.app_context(), session_scope(app, actor=lambda: (None, "sweep")) as session:
        admin = session.exec(select(User).where(User.id == users["admin"].id)).one()
        _token, secret = create_token(session, user=admin, name="sweep", scope="write",
                                      expires_on=date.today() + timedelta(days=30), today=date.today())
    app.config["API_RATE_LIMIT"] = 1_000_000
    app.config["PROPAGATE_EXCEPTIONS"] = False  # a 500 is counted and reported, not raised mid-sweep
    return ids, clients, secret
