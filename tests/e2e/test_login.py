"""Logging in and out through the real pages."""

from playwright.sync_api import expect


def test_an_editor_logs_in_and_out(page, server, log_in):
    user = log_in(page, "editor")
    expect(page.get_by_text(user.name, exact=True)).to_be_visible()

    page.get_by_role("button", name="Uitloggen").click()

    expect(page.get_by_role("heading", name="Inloggen")).to_be_visible()
    page.goto(f"{server}/applications/")
    expect(page).to_have_url(f"{server}/login?next=/applications/")


def test_a_wrong_password_is_refused_with_a_message(page, server, make_user):
    user = make_user("viewer")
    page.goto(f"{server}/login")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill("not the password")
    page.get_by_role("button", name="Inloggen").click()

    expect(page.get_by_role("alert")).to_be_visible()
    expect(page).to_have_url(f"{server}/login")
