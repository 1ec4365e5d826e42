"""Keyboard only: the skip link, the main form and the list filters, in a sensible order with a
visible focus."""

import re

from playwright.sync_api import expect

FOCUSED = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  return {
    id: element.id, tag: element.tagName.toLowerCase(), text: element.innerText || '',
    visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 || style.boxShadow !== 'none',
  };
}"""


def tab_to(page, element_id, *, limit=80):
    """Press Tab until the element with element_id has the focus; return every element passed."""
    passed = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        passed.append(focused)
        if focused["id"] == element_id:
            return passed
    raise AssertionError(f"#{element_id} not reached in {limit} tabs: {[f['id'] or f['text'] for f in passed]}")


def fields_in_order(page, form_selector):
    return page.eval_on_selector_all(
        f"{form_selector} input:not([type=hidden]), {form_selector} select, {form_selector} textarea",
        "elements => elements.map(e => e.id)",
    )


def test_the_skip_link_is_the_first_stop_and_moves_the_focus_to_the_content(page, server, log_in):
    log_in(page, "viewer")
    page.goto(f"{server}/applications/")

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Naar de hoofdinhoud")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "inhoud"
    page.keyboard.press("Tab")
    expect(page.get_by_role("search").get_by_role("searchbox")).to_be_focused()


def test_an_editor_fills_and_sends_the_application_form_with_the_keyboard_alone(page, server, log_in):
    log_in(page, "editor")
    page.goto(f"{server}/applications/new")
    expected_order = fields_in_order(page, "main form.portfolio-form")

    passed = tab_to(page, "name")
    assert all(stop["visible"] for stop in passed), [stop for stop in passed if not stop["visible"]]
    page.keyboard.type("Raadsinformatiesysteem")
    visited = ["name"]
    while visited[-1] != expected_order[-1]:
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert focused["visible"], f"no visible focus on #{focused['id']}"
        if focused["id"] != visited[-1]:  # a date field takes a Tab for each of its parts
            visited.append(focused["id"])
        if focused["id"] == "domain_id":
            page.keyboard.type("Bedrijfsvoering")
        elif focused["id"] == "lifecycle_status":
            page.keyboard.type("gepland")
    assert visited == expected_order

    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Opslaan")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Raadsinformatiesysteem", level=1)).to_be_visible()
    expect(page.get_by_role("region", name="Algemeen")).to_contain_text("Bedrijfsvoering")


def test_the_list_filters_work_with_the_keyboard(page, server, log_in):
    log_in(page, "viewer")
    page.goto(f"{server}/applications/")
    expected_order = fields_in_order(page, "form[role=search]")

    passed = tab_to(page, "q")
    assert all(stop["visible"] for stop in passed)
    page.keyboard.type("Centric")
    visited = ["q"]
    while visited[-1] != expected_order[-1]:
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert focused["visible"], f"no visible focus on #{focused['id']}"
        visited.append(focused["id"])
    assert visited == expected_order
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Filteren")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"\?q=Centric&"))
    table = page.get_by_role("region", name="Applicaties")
    expect(table.get_by_role("link", name="Centric Key")).to_be_visible()
    expect(table.get_by_role("link", name="Burgerzaken")).to_have_count(0)
