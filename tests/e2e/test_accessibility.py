"""WCAG 2.1 AA: axe-core on every page, empty and with errors, in Dutch and in English; and
every page usable at 375 px wide without scrolling the page sideways."""

import pytest
from playwright.sync_api import expect

from portfolio.core.db import session_scope
from tests.e2e.axe import Findings, rule_count, violations
from tests.e2e.pages import ANONYMOUS_ONLY, is_form_page, page_paths, record_ids

LANGUAGE_BUTTON = {"en": "English", "nl": "Nederlands"}
ERROR_MESSAGE = ".utrecht-form-field-error-message, .utrecht-alert--error"


@pytest.fixture
def pages(app, server, make_user):
    """(endpoint, path) of every page, with an admin (who may open them all) made first."""
    admin = make_user("admin")
    with app.app_context(), session_scope(app, actor=lambda: (None, "e2e")) as session:
        ids = record_ids(session)
    return admin, page_paths(app, ids)


def choose_language(page, language):
    button = page.get_by_role("button", name=LANGUAGE_BUTTON[language])
    if button.count():
        button.click()
        page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", language)


def submit_empty(page):
    """Clear every field of the page's main form and send it, to reach its error state."""
    form = page.locator("main form.portfolio-form").first
    for field in form.locator("input[type=text], input[type=email], input[type=number], input[type=date], "
                              "input[type=datetime-local], input[type=url], input[type=password], textarea").all():
        if field.is_visible() and field.is_editable():
            field.fill("")
    with page.expect_navigation():
        form.locator("[type=submit]").last.click()
    return page.locator(ERROR_MESSAGE).count() > 0


def scan(page, findings, label):
    findings.add(label, violations(page))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_serious_accessibility_violation_on_any_page(page, server, pages, log_in, scan_report, language):
    admin, paths = pages
    findings = Findings()
    refused = []

    page.goto(f"{server}/login")
    choose_language(page, language)
    scan(page, findings, "auth.login")
    submit_empty(page)
    scan(page, findings, "auth.login (errors)")

    log_in(page, "admin", user=admin)
    choose_language(page, language)
    for endpoint, path in paths:
        if endpoint in ANONYMOUS_ONLY:
            continue
        response = page.goto(f"{server}{path}")
        assert response.status == 200, f"{path} answered {response.status}"
        scan(page, findings, endpoint)
        if is_form_page(endpoint):
            if submit_empty(page):
                refused.append(endpoint)
            scan(page, findings, f"{endpoint} (errors)")

    scan_report(f"language {language}: {rule_count(page)} WCAG 2.0/2.1 A and AA rules, {findings.report()}")
    scan_report(f"language {language}: {len(refused)} forms shown in their error state: {', '.join(refused)}")
    assert not findings.blocking, "serious or critical violations:\n" + "\n".join(findings.blocking)


def test_every_page_fits_a_375_pixel_wide_screen(page, server, pages, log_in):
    admin, paths = pages
    page.set_viewport_size({"width": 375, "height": 800})
    log_in(page, "admin", user=admin)
    too_wide = []
    for endpoint, path in paths:
        if endpoint in ANONYMOUS_ONLY:
            continue
        page.goto(f"{server}{path}")
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            too_wide.append(f"{path}: {overflow} px too wide")
    assert not too_wide, "\n".join(too_wide)


def test_the_scan_reports_a_serious_violation(page):
    """The harness itself: a page with an unlabelled field and an image without text fails."""
    page.set_content('<html lang="nl"><title>t</title><main><img src="x.png"><input></main></html>')

    found = {violation["id"]: violation["impact"] for violation in violations(page)}

    assert found["image-alt"] == "critical"
    assert found["label"] == "critical"
