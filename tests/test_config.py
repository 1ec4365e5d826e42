"""Configuration: defaults, instance/config.py, PORTFOLIO_* environment, test overrides."""

import stat

from portfolio import create_app
from portfolio.core.db import get_engine


def _app(tmp_path, test_config=None):
    app = create_app(test_config, instance_path=str(tmp_path))
    get_engine(app).dispose()
    return app


def test_sources_apply_in_order(tmp_path, monkeypatch):
    (tmp_path / "config.py").write_text('ADMIN_EMAIL = "from-file@example.org"\nSESSION_IDLE_HOURS = 2\nLOGIN_MAX_FAILURES = 7\n')
    monkeypatch.setenv("PORTFOLIO_SESSION_IDLE_HOURS", "4")
    monkeypatch.setenv("PORTFOLIO_LOGIN_MAX_FAILURES", "9")
    app = _app(tmp_path, {"LOGIN_MAX_FAILURES": 3})
    assert app.config["ADMIN_EMAIL"] == "from-file@example.org"  # file over default
    assert app.config["SESSION_IDLE_HOURS"] == 4  # environment over file
    assert app.config["PERMANENT_SESSION_LIFETIME"].total_seconds() == 4 * 3600
    assert app.config["LOGIN_MAX_FAILURES"] == 3  # test override over environment


def test_database_url_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("PORTFOLIO_DATABASE_URL", f"sqlite:///{tmp_path}/other.sqlite3")
    assert _app(tmp_path).config["DATABASE_URL"] == f"sqlite:///{tmp_path}/other.sqlite3"


def test_default_database_is_sqlite_in_the_instance_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("PORTFOLIO_DATABASE_URL", raising=False)
    assert _app(tmp_path).config["DATABASE_URL"] == f"sqlite:///{tmp_path}/portfolio.sqlite3"


def test_secret_key_is_generated_once_and_kept_private(tmp_path, monkeypatch):
    monkeypatch.delenv("PORTFOLIO_SECRET_KEY", raising=False)
    first = _app(tmp_path).config["SECRET_KEY"]
    key_file = tmp_path / "secret_key"
    assert len(first) == 64
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert _app(tmp_path).config["SECRET_KEY"] == first


def test_secret_key_from_environment_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("PORTFOLIO_SECRET_KEY", "from the environment")
    assert _app(tmp_path).config["SECRET_KEY"] == "from the environment"
    assert not (tmp_path / "secret_key").exists()


def test_session_cookie_defaults(tmp_path):
    config = _app(tmp_path, {"SECRET_KEY": "x"}).config
    assert config["SESSION_COOKIE_HTTPONLY"] is True
    assert config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert config["PERMANENT_SESSION_LIFETIME"].total_seconds() == 8 * 3600
