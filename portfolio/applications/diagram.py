"""A small dependency diagram, drawn on the server as SVG: incoming links left, outgoing right.

No client-side library and no inline style (the CSP forbids it); the page shows the same links
as a table, which is the text alternative screen readers use.
"""

from markupsafe import Markup, escape

BOX_WIDTH = 200
BOX_HEIGHT = 32
ROW = 44
WIDTH = 760
CENTRE_X = (WIDTH - BOX_WIDTH) // 2
MAX_LABEL = 28


def _label(integration, other):
    name = other.name if other is not None else (integration.external_target or "?")
    if len(name) > MAX_LABEL:
        name = name[: MAX_LABEL - 1] + "…"
    return name


def _box(x, y, text, css_class):
    return (
        f'<rect x="{x}" y="{y}" width="{BOX_WIDTH}" height="{BOX_HEIGHT}" rx="4" class="{css_class}"/>'
        f'<text x="{x + BOX_WIDTH // 2}" y="{y + BOX_HEIGHT // 2 + 5}" text-anchor="middle" class="diagram-text">{escape(text)}</text>'
    )


def dependency_diagram(application, outgoing, incoming):
    """SVG markup of application's integrations, or an empty string when it has none."""
    left = [(integration, _label(integration, integration.source)) for integration in incoming if not integration.archived]
    right = [(integration, _label(integration, integration.target)) for integration in outgoing if not integration.archived]
    if not left and not right:
        return Markup("")
    rows = max(len(left), len(right), 1)
    height = rows * ROW + 20
    centre_y = height // 2 - BOX_HEIGHT // 2
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="portfolio-diagram" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="diagram-title diagram-desc">',
        f'<title id="diagram-title">{escape(application.name)}</title>',
        f'<desc id="diagram-desc">{len(left)} → {escape(application.name)} → {len(right)}</desc>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" class="diagram-arrowhead"/></marker></defs>',
    ]
    for index, (integration, text) in enumerate(left):
        y = 10 + index * ROW
        parts.append(_line(BOX_WIDTH + 10, y + BOX_HEIGHT // 2, CENTRE_X, centre_y + BOX_HEIGHT // 2, integration))
        parts.append(_box(10, y, text, "diagram-box"))
    for index, (integration, text) in enumerate(right):
        y = 10 + index * ROW
        parts.append(_line(CENTRE_X + BOX_WIDTH, centre_y + BOX_HEIGHT // 2, WIDTH - BOX_WIDTH - 10, y + BOX_HEIGHT // 2, integration))
        parts.append(_box(WIDTH - BOX_WIDTH - 10, y, text, "diagram-box"))
    parts.append(_box(CENTRE_X, centre_y, application.name, "diagram-box diagram-box--centre"))
    parts.append("</svg>")
    # Every text in the picture went through escape() in _box, _line and the title above.
    return Markup("".join(parts))  # nosec B704


def _line(x1, y1, x2, y2, integration):
    """A line drawn from the integration's source to its target; arrowheads where data arrives."""
    markers = {
        "outgoing": 'marker-end="url(#arrow)"',
        "incoming": 'marker-start="url(#arrow)"',
    }.get(integration.direction, 'marker-start="url(#arrow)" marker-end="url(#arrow)"')
    css_class = "diagram-line diagram-line--esb" if integration.via_esb else "diagram-line"
    return f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" class="{css_class}" {markers}/>'
