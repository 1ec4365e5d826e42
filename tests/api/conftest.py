"""API fixtures: a client that sends a bearer token of a new user of some role."""

from datetime import date, timedelta

import pytest

import portfolio.ops.models  # noqa: F401  (every mapper known before other test modules build records at import)
from portfolio.tokens.services import create_token


class TokenClient:
    """A test client whose every request carries `Authorization: Bearer <token>`."""

    def __init__(self, client, secret, user):
        self.client, self.secret, self.user = client, secret, user

    def open(self, path, method="GET", headers=None, **kwargs):
        headers = {"Authorization": f"Bearer {self.secret}", **(headers or {})}
        return self.client.open(path, method=method, headers=headers, **kwargs)

    def get(self, path, **kwargs):
        return self.open(path, "GET", **kwargs)

    def post(self, path, **kwargs):
        return self.open(path, "POST", **kwargs)

    def patch(self, path, **kwargs):
        return self.open(path, "PATCH", **kwargs)

    def delete(self, path, **kwargs):
        return self.open(path, "DELETE", **kwargs)


@pytest.fixture
def make_token(db):
    """make_token(user, scope="write", expires_on=None) -> the secret."""

    def make(user, scope="write", expires_on=None):
        with db() as session:
            _token, secret = create_token(
                session, user=user, name="test", scope=scope,
                expires_on=expires_on or date.today() + timedelta(days=30), today=date.today(),
            )
        return secret

    return make


@pytest.fixture
def api_as(app, make_user, make_token):
    """api_as("editor", scope="write") -> a TokenClient of a new user of that role."""

    def make(role, scope="write"):
        user = make_user(role)
        return TokenClient(app.test_client(), make_token(user, scope), user)

    return make


@pytest.fixture
def domain_id(db):
    from sqlmodel import select

    from portfolio.reference.models import Domain

    with db() as session:
        return session.exec(select(Domain.id).order_by(Domain.id)).first()


@pytest.fixture
def organisation_id(db):
    from sqlmodel import select

    from portfolio.reference.models import Organisation

    with db() as session:
        return session.exec(select(Organisation.id).order_by(Organisation.position)).first()
