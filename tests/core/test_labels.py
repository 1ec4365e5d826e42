"""The label registry every feature fills (core.labels)."""

from enum import StrEnum

import pytest
from flask_babel import lazy_gettext as _l

from portfolio.core import labels


class Colour(StrEnum):
    RED = "red"
    BLUE = "blue"


def test_every_member_needs_a_label():
    class Half(StrEnum):
        ONE = "one"
        TWO = "two"

    with pytest.raises(ValueError, match="no label"):
        labels.register_choices(Half, {Half.ONE: "een"})


def test_a_label_reads_members_and_stored_strings_and_keeps_unknown_values(app):
    labels.register_choices(Colour, {Colour.RED: _l("rood"), Colour.BLUE: _l("blauw")})
    with app.test_request_context():
        assert str(labels.label(Colour, "red")) == "rood"
        assert str(labels.label(Colour, Colour.BLUE)) == "blauw"
        assert labels.label(Colour, "green") == "green"
        assert labels.label(Colour, None) == ""
        assert [(value, str(text)) for value, text in labels.choices(Colour, blank="–")] == [
            ("", "–"), ("red", "rood"), ("blue", "blauw")]
    assert labels.labelled_enums()["Colour"] is Colour


def test_registering_the_same_labels_again_is_harmless_but_other_labels_are_refused():
    labels.register_fields({"test_only_field": _l("Proefveld")})
    labels.register_fields({"test_only_field": _l("Proefveld")})
    with pytest.raises(ValueError, match="registered twice"):
        labels.register_fields({"test_only_field": _l("Iets anders")})


def test_a_value_format_for_a_kind_of_record_wins_over_the_field_alone(app):
    labels.register_choices(Colour, {Colour.RED: _l("rood"), Colour.BLUE: _l("blauw")})
    labels.register_value_formats({"test_only_colour": str.upper, ("test_only_entity", "test_only_colour"): Colour})
    with app.test_request_context():
        assert labels.value_format("other", "test_only_colour")("red") == "RED"
        assert str(labels.value_format("test_only_entity", "test_only_colour")("red")) == "rood"
    assert labels.value_format("test_only_entity", "unlabelled") is None


def test_every_feature_registers_its_records_when_the_app_is_built(app):
    """The audit trail names records by the labels the features registered, not by table names."""
    with app.test_request_context():
        for entity in ("application", "procurement", "budget_line", "measure", "data_breach", "user_account", "api_token"):
            assert labels.entity_label(entity) != entity
