"""Reading what the budget pages show: flashed messages, field errors, plain text, the overview's figures."""

import html
import re


def flashes(response):
    """The flashed messages on the page."""
    block = re.search(r'class="portfolio-flashes".*?</div>\s*</div>', response.get_data(as_text=True), re.S)
    return [html.unescape(m) for m in re.findall(r'<p class="utrecht-paragraph">([^<]*)</p>', block.group(0))] if block else []


def field_errors(response):
    """Every error message shown next to a field or a group of fields."""
    return [
        html.unescape(m)
        for m in re.findall(r'class="utrecht-form-field-error-message">([^<]*)<', response.get_data(as_text=True))
    ]


def text(response):
    """The page as plain text: tags removed, entities decoded, whitespace collapsed (no-break spaces too)."""
    body = re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))
    return " ".join(html.unescape(body).replace("\xa0", " ").split())


def facts(response, section_id):
    """{term: description} of the first facts list after the heading with section_id, as plain text."""
    page = response.get_data(as_text=True)
    start = page.index(f'id="{section_id}"')
    block = page[start:page.index("</dl>", start)]
    pairs = re.findall(r"<dt>(.*?)</dt>\s*<dd[^>]*>(.*?)</dd>", block, re.S)
    return {_plain(term): _plain(value) for term, value in pairs}


def _plain(fragment):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).replace("\xa0", " ").split())
