"""HTML to PDF with WeasyPrint, with the report's print stylesheet (page size, numbers, breaks).

WeasyPrint needs Debian's pango and harfbuzz libraries (the Makefile's `system-libraries` target);
it is imported here, on first use, so that the rest of the application starts without them.
"""

from pathlib import Path

PRINT_STYLESHEET = Path(__file__).resolve().parent.parent / "static" / "css" / "report-print.css"


def html_to_pdf(html, base_url):
    from weasyprint import CSS, HTML

    return HTML(string=html, base_url=base_url).write_pdf(stylesheets=[CSS(filename=str(PRINT_STYLESHEET))])
