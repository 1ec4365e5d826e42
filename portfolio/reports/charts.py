"""Charts drawn on the server as SVG, for the dashboard and the management report.

No client-side library and no inline style (the CSP forbids it): the SVG uses presentation
attributes and classes styled from portfolio.css. Every chart carries its numbers as rows, so the
template shows them as a real table next to the picture (see templates/_macros/charts.html); the
SVG itself is one image (role="img") labelled by the figure's caption and described by its summary.
Text is built with ElementTree, which escapes it.
"""

from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

from markupsafe import Markup

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
TEXT_FILL = "#1a1a1a"  # dark on the white page: 17:1
SERIES_FILLS = ("#1d5c8c", "#b45309", "#4d7c0f")  # non-text graphics, at least 3:1 against white
WIDTH = 640
LABEL_WIDTH = 190
VALUE_WIDTH = 110
ROW_HEIGHT = 26
MAX_LABEL = 28


@dataclass
class Row:
    label: str
    values: tuple  # one number (or None: no figure) per series
    url: str | None = None


@dataclass
class Chart:
    """A chart's words and numbers; `svg` draws it. kind: "bars" (horizontal) or "columns"."""

    key: str  # unique on the page: the prefix of the element ids
    title: str
    summary: str
    label_header: str
    series: tuple  # the name of each value column
    rows: list = field(default_factory=list)
    kind: str = "bars"
    format: object = str  # value -> text, for the table and the labels in the picture
    formats: tuple = ()  # per series, where they differ from format
    drawn: int | None = None  # how many series the picture draws; the table shows all of them

    def text(self, value, position=0):
        if value is None:
            return "–"
        return (self.formats[position] if position < len(self.formats) else self.format)(value)

    @property
    def drawn_series(self):
        return self.series[: self.drawn] if self.drawn else self.series

    @property
    def svg(self):
        draw = _columns if self.kind == "columns" else _bars
        # ElementTree escapes every text and attribute it serialises, so the SVG is safe markup.
        return Markup(ET.tostring(draw(self), encoding="unicode"))  # nosec B704


def _root(chart, height):
    root = ET.Element("svg", {
        "xmlns": SVG_NAMESPACE, "viewBox": f"0 0 {WIDTH} {height}", "class": "portfolio-chart__svg",
        "role": "img", "aria-labelledby": f"{chart.key}-title", "aria-describedby": f"{chart.key}-summary",
        "focusable": "false",
    })
    ET.SubElement(root, "title").text = chart.title
    return root


def _text(parent, x, y, content, anchor="start", size=12):
    element = ET.SubElement(parent, "text", {
        "x": f"{x:g}", "y": f"{y:g}", "fill": TEXT_FILL, "font-size": str(size), "text-anchor": anchor,
        "class": "portfolio-chart__text",
    })
    element.text = content
    return element


def _short(label):
    label = str(label)
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


def _maximum(chart):
    count = len(chart.drawn_series)
    values = [value for row in chart.rows for value in row.values[:count] if value]
    return max(values) if values else 0


def _bars(chart):
    """One band per row, a horizontal bar per series in it, the value written after each bar."""
    series = max(1, len(chart.drawn_series))
    band = ROW_HEIGHT * series + 8
    legend = 22 if series > 1 else 0
    height = max(1, len(chart.rows)) * band + legend + 4
    root = _root(chart, height)
    top = legend
    if series > 1:
        _legend(root, chart.drawn_series)
    scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / (_maximum(chart) or 1)
    for index, row in enumerate(chart.rows):
        y = top + index * band
        _text(root, LABEL_WIDTH - 8, y + band / 2 + 4, _short(row.label), anchor="end")
        for position, value in enumerate(row.values[:series]):
            bar_y = y + 4 + position * ROW_HEIGHT
            length = max(0.0, (value or 0) * scale)
            ET.SubElement(root, "rect", {
                "x": str(LABEL_WIDTH), "y": f"{bar_y:g}", "width": f"{length:.1f}", "height": str(ROW_HEIGHT - 6),
                "fill": SERIES_FILLS[position % len(SERIES_FILLS)], "class": f"portfolio-chart__bar--{position}",
            })
            _text(root, LABEL_WIDTH + length + 6, bar_y + ROW_HEIGHT / 2 + 1, chart.text(value, position))
    if not chart.rows:
        _text(root, LABEL_WIDTH, 16, "–")
    return root


def _legend(root, names):
    x = LABEL_WIDTH
    for position, name in enumerate(names):
        ET.SubElement(root, "rect", {"x": str(x), "y": "4", "width": "12", "height": "12",
                                     "fill": SERIES_FILLS[position % len(SERIES_FILLS)]})
        _text(root, x + 18, 15, str(name))
        x += 30 + 8 * len(str(name))


def _columns(chart):
    """A column per row (e.g. per month), the first series only; every third label written."""
    height, bottom, top = 220, 180, 24
    root = _root(chart, height)
    count = max(1, len(chart.rows))
    step = (WIDTH - 40) / count
    scale = (bottom - top) / (_maximum(chart) or 1)
    ET.SubElement(root, "line", {"x1": "20", "y1": str(bottom), "x2": str(WIDTH - 20), "y2": str(bottom),
                                 "stroke": TEXT_FILL, "stroke-width": "1"})
    for index, row in enumerate(chart.rows):
        value = row.values[0] if row.values else None
        length = (value or 0) * scale
        x = 20 + index * step
        ET.SubElement(root, "rect", {
            "x": f"{x + 2:.1f}", "y": f"{bottom - length:.1f}", "width": f"{max(1.0, step - 4):.1f}",
            "height": f"{length:.1f}", "fill": SERIES_FILLS[0], "class": "portfolio-chart__bar--0",
        })
        if value:
            _text(root, x + step / 2, bottom - length - 4, chart.text(value), anchor="middle", size=11)
        if index % 3 == 0:
            _text(root, x + step / 2, bottom + 16, str(row.label), anchor="middle", size=11)
    return root
