"""The start page: every figure against the hand-counted data set, its links, and who sees what."""

import re
from datetime import timedelta

import pytest

from portfolio.dashboard.actions import actions_for
from portfolio.dashboard.figures import key_figures
from portfolio.core.db import session_scope
from tests.conftest import sign_in


def _figures(app, day):
    with app.app_context(), session_scope(app) as session:
        return key_figures(session, day)


def test_key_figures_match_the_hand_counted_data_set(app, data_set, day):
    figures = _figures(app, day)

    statuses = {row.key: row.count for row in figures.statuses}
    assert statuses == {"planned": 1, "procurement": 0, "implementation": 0, "production": 2,
                        "phasing_out": 1, "retired": 0}
    assert figures.applications == 4
    assert [(row.label, row.count) for row in figures.domains] == [("Burgerzaken", 2), ("Financiën", 2)]

    phases = {row.key: (row.count, row.cents) for row in figures.phases if row.count}
    assert phases == {"exploration": (1, 100_000_00), "tender": (1, 60_000_00), "stopped": (1, 20_000_00)}
    assert figures.procurements == 3

    assert (figures.this_year.structural_cents, figures.this_year.incidental_cents) == (160_000_00, 40_000_00)
    assert [(t.name, t.structural_cents, t.incidental_cents) for t in figures.years] == [
        (day.year, 160_000_00, 40_000_00), (day.year + 1, 170_000_00, 0)]

    compliance = {f.label: (f.implemented, f.applicable, f.percentage) for f in figures.organisations}
    assert compliance == {"Diemen": (1, 3, 33), "Ouder-Amstel": (1, 2, 50), "Uithoorn": (1, 2, 50), "Duo+": (1, 2, 50)}

    ends = [row for row in figures.contract_ends if row.count]
    ending = day + timedelta(days=200)
    assert [(row.key.year, row.key.month, row.count) for row in ends] == [(ending.year, ending.month, 1)]
    assert len(figures.contract_ends) == 24


def test_the_editor_sees_their_actions(app, data_set, day):
    with app.app_context(), session_scope(app) as session:
        actions = actions_for(session, data_set.editor, today=day, lead_months=12)
    titles = {kind: [item.title for item in actions.of(kind)] for kind in
              ("measure_overdue", "measure_soon", "review_due", "application", "procurement", "breach")}
    assert titles == {
        "measure_overdue": ["Wachtwoordbeleid"], "measure_soon": ["Logging"], "review_due": ["Back-up getest"],
        "application": ["Zaaksysteem"], "procurement": ["Intranet"], "breach": [],
    }
    assert actions.application_total == 1


@pytest.mark.parametrize("role, sees", [
    ("editor", {"Zaaksysteem", "Intranet", "Wachtwoordbeleid"}),
    ("privacy", {"Brief naar verkeerd adres"}),
    ("viewer", set()),
    ("ciso", set()),
])
def test_the_action_list_follows_the_role(app, data_set, client_as, role, sees):
    client = client_as(role) if role != "editor" else sign_in(app.test_client(), data_set.editor)
    html = client.get("/").get_data(as_text=True)
    for text in {"Zaaksysteem", "Intranet", "Wachtwoordbeleid", "Brief naar verkeerd adres"}:
        assert (text in html) == (text in sees), text
    assert "Gemelde USB-stick" not in html  # notified: no action needed


def _href_with_count(html, href):
    """The text of the link to href (HTML-escaped as the template writes it)."""
    match = re.search(r'href="' + re.escape(href.replace("&", "&amp;")) + r'">([^<]*)<', html)
    assert match, f"no link to {href}"
    return match.group(1)


def test_every_figure_links_to_its_filtered_list(app, data_set, viewer):
    html = viewer.get("/").get_data(as_text=True)
    reference = data_set.reference

    assert _href_with_count(html, "/applications/?status=production") == "in productie"
    assert re.search(r'/applications/\?status=production">in productie</a></th>\s*<td[^>]*>2</td>', html)
    assert re.search(rf'/applications/\?domain={reference.domains["Financiën"]}">Financiën</a></th>\s*<td[^>]*>2</td>', html)
    assert re.search(r'/procurements/#fase-tender">aanbesteding</a></th>\s*<td[^>]*>1</td>\s*<td[^>]*>€ 60.000</td>', html)
    assert re.search(rf'/security/measures/\?organisation={reference.organisations["Diemen"]}">Diemen</a></th>\s*<td[^>]*>33%</td>', html)
    assert "€ 160.000</strong>" in html and "€ 40.000</strong>" in html
    assert re.search(r'/applications/">\s*<strong>4</strong>', html)


def test_the_editor_reaches_the_lists_behind_their_actions(app, data_set):
    client = sign_in(app.test_client(), data_set.editor)
    html = client.get("/").get_data(as_text=True)
    editor_id = data_set.editor.id
    assert f"/security/measures/?assignee={editor_id}&amp;due=overdue" in html
    assert "/applications/?action_within=6&amp;sort=action" in html
    listed = client.get(f"/security/measures/?assignee={editor_id}&due=overdue").get_data(as_text=True)
    assert "Wachtwoordbeleid" in listed and "Logging" not in listed
    listed = client.get("/applications/?action_within=6&sort=action").get_data(as_text=True)
    assert "Zaaksysteem" in listed and "Oud pakket" not in listed


def test_breach_details_only_for_the_privacy_role(app, data_set, client_as):
    assert "Brief naar verkeerd adres" in client_as("privacy").get("/").get_data(as_text=True)
    assert "Brief naar verkeerd adres" not in client_as("ciso").get("/").get_data(as_text=True)
    assert "datalekken" not in client_as("viewer").get("/").get_data(as_text=True).lower()


def test_the_ciso_sees_the_measures_needing_attention(data_set, client_as):
    html = client_as("ciso").get("/").get_data(as_text=True)
    assert re.search(r'href="/security/measures/\?due=overdue">Over de datum: 1</a>', html)
    assert re.search(r'href="/security/measures/\?due=soon">Gereed binnen 30 dagen: 1</a>', html)
    assert re.search(r'href="/security/measures/\?review=1">Herbeoordeling nodig: 1</a>', html)
