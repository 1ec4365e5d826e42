"""Helpers the account tests share: signing in through the real form and reading what a page shows."""

import re
from html import unescape

from tests.conftest import PASSWORD

BAD_CREDENTIALS = "Onbekend e-mailadres of onjuist wachtwoord."
REQUIRED = "Dit veld is verplicht."


def log_in(client, email, password=PASSWORD, *, next=None):
    """POST the login form, as a browser does; returns the response (not followed)."""
    query = {"next": next} if next is not None else None
    return client.post("/login", query_string=query, data={"email": email, "password": password})


def session_cookie(client):
    """The value of client's session cookie, or None when it has none."""
    cookie = client.get_cookie("session")
    return cookie.value if cookie is not None else None


def replay(app, cookie_value):
    """GET / on a fresh client that carries only cookie_value, as a stolen cookie would be used."""
    client = app.test_client()
    client.set_cookie("session", cookie_value)
    return client.get("/")


def is_dashboard(response, name):
    return response.status_code == 200 and f"Welkom, {name}." in response.text


def is_login_redirect(response):
    return response.status_code == 302 and response.headers["Location"].startswith("/login")


def text(response):
    """The page as a person reads it: entities decoded, tags kept (messages contain none)."""
    return unescape(response.text)


def field_errors(response, field_id):
    """The error messages shown next to one field (its `…-error` block), in order."""
    block = re.search(rf'id="{re.escape(field_id)}-error">(.*?)</div>', response.text, re.S)
    if block is None:
        return []
    return [unescape(message).strip() for message in re.findall(r"<p[^>]*>(.*?)</p>", block.group(1), re.S)]


def alert(response, kind="error"):
    """The text of the page's alert of kind (error, warning), tags stripped; "" when there is none."""
    block = re.search(rf'<div class="utrecht-alert utrecht-alert--{kind}" role="alert">(.*?)</div>', response.text, re.S)
    if block is None:
        return ""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", block.group(1))).split())


def flashes(response):
    """The flashed messages at the top of the page (the only alerts without a role)."""
    found = re.findall(r'<div class="utrecht-alert utrecht-alert--\w+">\s*<p class="utrecht-paragraph">(.*?)</p>', response.text, re.S)
    return [unescape(message) for message in found]


def input_value(response, name):
    """The value attribute of the input called name, as the form shows it."""
    tag = re.search(rf'<input[^>]*\bname="{re.escape(name)}"[^>]*>', response.text)
    assert tag is not None, f"no input {name!r} on the page"
    value = re.search(r'\bvalue="([^"]*)"', tag.group(0))
    return unescape(value.group(1)) if value else ""


def account_form(response):
    """The edit-account form's current values, as a browser would submit them unchanged."""
    role = re.search(r'<option selected value="([^"]*)"', response.text)
    active = re.search(r'<input[^>]*\bname="active"[^>]*>', response.text).group(0)
    data = {"name": input_value(response, "name"), "role": role.group(1), "version": input_value(response, "version")}
    if re.search(r"\bchecked\b", active):
        data["active"] = "y"
    return data


def save_account(client, user_id, *, active=None, **changes):
    """Open /admin/users/<id>, change fields, submit; active=False unticks the checkbox."""
    page = client.get(f"/admin/users/{user_id}")
    assert page.status_code == 200
    data = account_form(page)
    data.update(changes)
    if active is not None:
        data.pop("active", None)
        if active:
            data["active"] = "y"
    return client.post(f"/admin/users/{user_id}", data=data)
