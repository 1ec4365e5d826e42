"""What the hostile-input sweep looks for in a response and in the database."""

import re
from html.parser import HTMLParser

from sqlalchemy import inspect, text

from portfolio.core.db import get_engine

ERROR_SHOWN = re.compile(rb"utrecht-form-field-error-message|utrecht-alert--error")
TAG_LIKE = re.compile(r"<[a-zA-Z!/?]")
# Tables a refused request may still change: each login attempt is recorded, failed or not (the
# lockout counts them), and every API request counts against its token's rate limit.
CHANGE_ON_REFUSAL = {"login_attempt", "api_token", "alembic_version"}


class LiveMarkup(HTMLParser):
    """Hostile values that reached the page as live markup: a marker inside a <script> or an on*
    attribute, or a hostile javascript: URL as a link. Escaped text never shows up here."""

    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data"}

    def __init__(self, values, markers):
        super().__init__(convert_charrefs=True)
        self.values, self.markers, self.found, self.in_script = values, markers, set(), False

    def handle_starttag(self, tag, attrs):
        self.in_script = tag == "script"
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.update(f"live marker {m} in {name}" for m in self.markers if m in value)
            if name in self.URL_ATTRIBUTES and value.strip().lower().startswith("javascript:") and value in self.values:
                self.found.add(f"javascript: link {value[:60]!r}")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script:
            self.found.update(f"live marker {m} in <script>" for m in self.markers if m in data)


def unescaped_echoes(response, values, markers):
    """The hostile values an HTML response gave back as markup rather than text: live markup, a
    template that was evaluated, or a value with a tag in it present verbatim. JSON is not HTML:
    the API answers application/json with nosniff, so a value in it is data, not markup."""
    if response.mimetype != "text/html":
        return set()
    html = response.get_data(as_text=True)
    texts = [value for value in values if isinstance(value, str)]
    parser = LiveMarkup(texts, markers)
    parser.feed(html)
    echoes = set(parser.found)
    echoes |= {f"evaluated template {m}" for m in markers if f"49 {m}" in html}
    for value in texts:
        if len(value) >= 4 and TAG_LIKE.search(value) and value in html:
            echoes.add(f"verbatim {value[:60]!r}")
    return echoes


def snapshot(app):
    """Every row of every table (but CHANGE_ON_REFUSAL), to tell whether a request changed
    anything. PostgreSQL hashes each table's rows itself, in one round trip; the audit trail is
    append-only (a trigger refuses the rest), so its size and last id tell whether it changed."""
    with get_engine(app).connect() as connection:
        names = [n for n in inspect(connection).get_table_names() if n not in CHANGE_ON_REFUSAL | {"audit_entry"}]
        state = {"audit_entry": tuple(connection.execute(text("SELECT count(*), max(id) FROM audit_entry")).one())}
        if connection.dialect.name == "postgresql":
            digests = ", ".join(
                f"(SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM \"{name}\" t)"
                for name in names)
            state.update(zip(names, connection.execute(text(f"SELECT {digests}")).one(), strict=True))
        else:
            for name in names:
                state[name] = sorted(map(repr, connection.execute(text(f'SELECT * FROM "{name}"')).all()))
    return state


def changed_tables(before, after):
    return sorted(name for name in before if before[name] != after.get(name))
