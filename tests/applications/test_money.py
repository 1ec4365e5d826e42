"""Amounts typed the Dutch way become whole cents, and cents are shown the Dutch way."""

import pytest

from portfolio.core.money import format_euros, parse_euros


@pytest.mark.parametrize(
    ("typed", "cents"),
    [
        ("12.500", 1_250_000),
        ("12500", 1_250_000),
        ("12500,5", 1_250_050),
        ("12.500,50", 1_250_050),
        ("€ 160.000", 16_000_000),
        ("€160.000", 16_000_000),
        ("  0,99 ", 99),
        ("1.000.000", 100_000_000),
        ("-5", -500),
    ],
)
def test_dutch_amounts_are_read_as_cents(typed, cents):
    assert parse_euros(typed) == cents


@pytest.mark.parametrize(
    "garbage",
    ["", None, "abc", "12,500,00", "12.50", "1.2345", "12,505", "€", "12 500", "1e5", "12.500.", "$ 100", "--5"],
)
def test_what_is_not_an_amount_is_refused(garbage):
    assert parse_euros(garbage) is None


@pytest.mark.parametrize(
    ("cents", "shown"),
    [
        (16_000_000, "€ 160.000"),
        (1_250_000, "€ 12.500"),
        (1_250_050, "€ 12.500,50"),
        (99, "€ 0,99"),
        (0, "€ 0"),
        (-50_000, "€ -500"),
        (None, ""),
    ],
)
def test_cents_are_shown_dutch_style(cents, shown):
    assert format_euros(cents) == shown


def test_cents_can_always_be_shown():
    assert format_euros(1_250_000, with_cents=True) == "€ 12.500,00"


@pytest.mark.parametrize("cents", [0, 99, 1_250_050, 16_000_000, 123_456_789])
def test_what_is_shown_reads_back_as_the_same_amount(cents):
    assert parse_euros(format_euros(cents)) == cents
