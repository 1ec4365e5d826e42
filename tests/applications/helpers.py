"""Reading what the register's pages show: list rows, flashed messages, field errors, plain text."""

import html
import re
from html.parser import HTMLParser


class _ListRows(HTMLParser):
    """Per <tbody> row: the linked application (id, name) and the action-needed-by <time>."""

    def __init__(self):
        super().__init__()
        self.rows = []
        self._in_body = False
        self._in_link = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tbody":
            self._in_body = True
        elif self._in_body and tag == "tr":
            self.rows.append({"id": None, "name": "", "action": None})
        elif self._in_body and tag == "a" and self.rows and self.rows[-1]["id"] is None:
            match = re.fullmatch(r"/applications/(\d+)", attrs.get("href", ""))
            if match:
                self.rows[-1]["id"] = int(match.group(1))
                self._in_link = True
        elif self._in_body and tag == "time" and self.rows:
            self.rows[-1]["action"] = attrs.get("datetime")

    def handle_endtag(self, tag):
        if tag == "tbody":
            self._in_body = False
        elif tag == "a":
            self._in_link = False

    def handle_data(self, data):
        if self._in_link:
            self.rows[-1]["name"] += data


def list_rows(response):
    """The application rows of the list page, in the order shown (the 'nothing found' row left out)."""
    parser = _ListRows()
    parser.feed(response.get_data(as_text=True))
    return [row for row in parser.rows if row["id"] is not None]


def listed(response):
    """The names of the applications the list page shows, in order."""
    return [row["name"] for row in list_rows(response)]


def flashes(response):
    """The flashed messages on the page."""
    block = re.search(r'class="portfolio-flashes".*?</div>\s*</div>', response.get_data(as_text=True), re.S)
    return [html.unescape(m) for m in re.findall(r'<p class="utrecht-paragraph">([^<]*)</p>', block.group(0))] if block else []


def field_errors(response):
    """Every error message shown next to a field."""
    return [
        html.unescape(m)
        for m in re.findall(r'class="utrecht-form-field-error-message">([^<]*)<', response.get_data(as_text=True))
    ]


def text(response):
    """The page as plain text: tags removed, entities decoded, whitespace collapsed."""
    body = re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))
    return " ".join(html.unescape(body).split())


def link(response, rel):
    """The href of the link with rel (e.g. 'next'), or None."""
    match = re.search(rf'rel="{rel}" href="([^"]+)"', response.get_data(as_text=True))
    return html.unescape(match.group(1)) if match else None
