"""axe-core, vendored from the npm registry (vendor/axe-core, MPL-2.0), run inside the page."""

from collections import Counter
from pathlib import Path

AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text()
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}


def _ensure_axe(page):
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SOURCE)  # evaluated by the browser's debugging protocol, so the CSP stays on


def rule_count(page):
    """How many axe rules the WCAG 2.0/2.1 A and AA tags select."""
    _ensure_axe(page)
    return page.evaluate("tags => axe.getRules(tags).length", WCAG_TAGS)


def violations(page):
    """axe's violations of the WCAG 2.0/2.1 A and AA rules on the current page."""
    _ensure_axe(page)
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations)",
        WCAG_TAGS,
    )


class Findings:
    """Violations collected over many pages: blocking ones in full, lesser ones counted."""

    def __init__(self):
        self.blocking = []
        self.lesser = Counter()
        self.pages = 0

    def add(self, label, found):
        self.pages += 1
        for violation in found:
            if violation["impact"] in BLOCKING:
                targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
                self.blocking.append(f"{label}: {violation['id']} ({violation['impact']}) {violation['help']} — {targets}")
            else:
                self.lesser[(violation["id"], violation["impact"])] += len(violation["nodes"])

    def report(self):
        lesser = ", ".join(f"{rule} ({impact}) on {count} elements" for (rule, impact), count in sorted(self.lesser.items()))
        return f"{self.pages} page states scanned; lesser findings: {lesser or 'none'}"


def assert_accessible(page):
    """Fail on a serious or critical violation on the page as it is now (journeys call this on
    pages the route scan cannot reach, such as a POST's answer)."""
    blocking = [v for v in violations(page) if v["impact"] in BLOCKING]
    assert not blocking, [f"{v['id']} ({v['impact']}): {v['help']}" for v in blocking]
