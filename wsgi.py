"""Entry point for WSGI servers: `gunicorn wsgi:app`."""

from portfolio import create_app

app = create_app()
