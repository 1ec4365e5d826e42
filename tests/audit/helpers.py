"""Reading what the audit pages show: the rows of the log table and its pagination links."""

import html
import re
from html.parser import HTMLParser

LOG_COLUMNS = ("when", "who", "type", "id", "action", "changes")
HISTORY_COLUMNS = ("when", "who", "action", "changes")


class _TableBody(HTMLParser):
    """Collects the text of every cell of every <tbody> row."""

    def __init__(self):
        super().__init__()
        self.rows = []
        self._in_body = False
        self._cell = None

    def handle_starttag(self, tag, attrs):
        if tag == "tbody":
            self._in_body = True
        elif self._in_body and tag == "tr":
            self.rows.append([])
        elif self._in_body and tag == "td":
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "tbody":
            self._in_body = False
        elif tag == "td" and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def table_rows(page_html, columns):
    """The data rows of the page's tables as dicts keyed by columns; the 'nothing found' row is left out."""
    parser = _TableBody()
    parser.feed(page_html)
    return [dict(zip(columns, cells, strict=True)) for cells in parser.rows if len(cells) == len(columns)]


def log_rows(response):
    return table_rows(response.text, LOG_COLUMNS)


def next_page_link(response):
    """The href of the 'next page' link, or None on the last page."""
    match = re.search(r'rel="next" href="([^"]+)"', response.text)
    return html.unescape(match.group(1)) if match else None
