"""Figures derived from the whole register, kept in the worker until the register changes.

Every write leaves an audit entry in its own transaction (portfolio/audit/capture.py), and each
entry carries the hash of the whole chain up to it. The newest entry's id and hash therefore name
the state of the register exactly, even across a restore from backup: a figure computed for that
state (and the same day, where the figure depends on it) is still correct until the next write
changes the key. Reading the key is one query on the audit table's primary key.

Only plain values may be cached (numbers, dates, strings, dataclasses of them): a record would be
detached from its session once the request ends. The cache is per process and holds the figures
of the latest state only, so it stays small.
"""

import threading

from flask import current_app
from sqlmodel import select

from portfolio.core.audit.models import AuditEntry

_lock = threading.Lock()
_figures = {}  # (database, state) -> {(name, *key): value}


def register_state(session):
    """(id, hash) of the newest audit entry, as this transaction sees it; (0, "") for an empty log."""
    row = session.exec(select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    return tuple(row) if row else (0, "")


def cached(session, name, compute, *key):
    """compute() for this state of the register and key, from the cache when it was done before.

    With FIGURE_CACHE off, compute() every time."""
    if not current_app.config["FIGURE_CACHE"]:
        return compute()
    state = (str(session.get_bind().url), register_state(session))
    with _lock:
        figures = _figures.get(state)
        if figures is not None and (name, *key) in figures:
            return figures[(name, *key)]
    value = compute()
    with _lock:
        if state not in _figures:
            _figures.clear()  # an older state's figures can never be asked for again
            _figures[state] = {}
        _figures[state][(name, *key)] = value
    return value
