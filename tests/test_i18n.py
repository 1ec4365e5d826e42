"""Dutch by default, English on request, and every UI string translated."""

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from portfolio import PROJECT_ROOT

CATALOG = PROJECT_ROOT / "portfolio" / "translations" / "en" / "LC_MESSAGES" / "messages.po"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "_l": None, "lazy_gettext": None}
METHODS = [("portfolio/**.py", "python"), ("templates/**.html", "jinja2")]


def _source_messages():
    messages = set()
    for _filename, _lineno, message, _comments, _context in extract_from_dir(
        str(PROJECT_ROOT),
        method_map=METHODS,
        options_map={"templates/**.html": {"extensions": "jinja2.ext.do"}},
        keywords=KEYWORDS,
        directory_filter=lambda path: not Path(path).name.startswith(".") and Path(path).name != "build",
    ):
        messages.add(message if isinstance(message, str) else message[0])
    return messages


def _catalog():
    with CATALOG.open("rb") as handle:
        return read_po(handle, locale="en")


def test_every_ui_string_has_an_english_translation():
    catalog = _catalog()
    translated = {
        (message.id if isinstance(message.id, str) else message.id[0])
        for message in catalog
        if message.id and "fuzzy" not in message.flags
        and (all(message.string) if isinstance(message.string, tuple) else message.string)
    }
    source = _source_messages()
    assert len(source) > 100
    assert sorted(source - translated) == []


def test_translations_keep_their_placeholders():
    catalog = _catalog()
    problems = [(message.id, [str(error) for error in errors]) for message, errors in catalog.check()]
    assert problems == []


def test_pages_are_dutch_by_default(client):
    response = client.get("/login")
    assert '<html lang="nl"' in response.text
    assert "Inloggen" in response.text


def test_language_switch_turns_pages_english_and_back(client):
    response = client.post("/language", data={"language": "en", "next": "/login"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/login"
    page = client.get("/login").text
    assert '<html lang="en"' in page
    assert "Log in with your Portfolio e-mail address and password." in page
    assert "Wachtwoord" not in page

    client.post("/language", data={"language": "nl", "next": "/login"})
    assert "Log in met uw e-mailadres" in client.get("/login").text


def test_language_switch_ignores_unknown_languages_and_foreign_targets(client):
    response = client.post("/language", data={"language": "xx", "next": "//evil.example/"})
    assert response.headers["Location"] == "/"
    assert '<html lang="nl"' in client.get("/login").text


def test_form_errors_follow_the_language(client):
    client.post("/language", data={"language": "en", "next": "/login"})
    response = client.post("/login", data={"email": "", "password": ""})
    assert response.status_code == 400
    assert "This field is required." in response.text
