"""The history in words a reader knows: field labels and values as the screens show them."""

from portfolio.audit.labels import entity_label, value_text, visible_changes


def test_changes_read_as_labels_and_shown_values(app):
    with app.test_request_context():
        shown = visible_changes("contract", {
            "cost_cents": [250000, 1250050], "contract_type": [None, "saas"], "version": [1, 2],
            "ends_on": ["2027-12-31", "2029-12-31"],
        })

    assert shown == [
        ("Einddatum", "2027-12-31", "2029-12-31"),
        ("Kosten", "€ 2.500", "€ 12.500,50"),
        ("Soort contract", "–", "SaaS"),
    ]


def test_the_same_field_name_reads_by_the_kind_of_record(app):
    with app.test_request_context():
        assert value_text("usage", "status", "active") == "actief"
        assert value_text("budget_line", "status", "granted") == "toegekend"
        assert value_text("integration", "via_esb", True) == "ja"
        assert value_text("application", "personal_data", "bsn") == "BSN"


def test_an_unknown_field_or_record_shows_its_own_name(app):
    with app.test_request_context():
        assert visible_changes("something_new", {"odd_field": ["a", "b"]}) == [("odd_field", "a", "b")]
        assert entity_label("something_new") == "something_new"
        assert entity_label("application") == "applicatie"



def test_a_list_value_shows_its_items(app):
    with app.test_request_context():
        assert value_text("usage", "ensia_subjects", ["DigiD", "BRP"]) == "DigiD, BRP"
        assert value_text("usage", "ensia_subjects", []) == "–"
