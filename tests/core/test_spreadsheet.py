"""The one XLSX writer of every export: text stays text, numbers and dates keep their type."""

from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from portfolio.core.spreadsheet import EURO_FORMAT, Cell, Sheet, clean, euros, neutralise, unneutralise, write_xlsx


def read(handle):
    with handle:
        return load_workbook(handle)


def test_sheets_hold_their_header_and_rows_in_order():
    book = read(write_xlsx([
        Sheet("Eerste", ("Naam", "Aantal"), [["a", 1], ["b", 2]]),
        Sheet("Tweede", rows=(row for row in [["zonder kop"]])),
    ]))
    assert book.sheetnames == ["Eerste", "Tweede"]
    assert [[cell.value for cell in row] for row in book["Eerste"].iter_rows()] == [["Naam", "Aantal"], ["a", 1], ["b", 2]]
    assert [[cell.value for cell in row] for row in book["Tweede"].iter_rows()] == [["zonder kop"]]


@pytest.mark.parametrize("text", ["=1+1", "+31 20", "-2", "@SUM(A1)", "|cmd", "%x", "\t=1"])
def test_text_that_looks_like_a_formula_is_neutralised_text(text):
    cell = read(write_xlsx([Sheet("S", rows=[[text]])]))["S"]["A1"]
    assert cell.data_type == "s" and cell.value == "'" + text


def test_without_neutralising_text_is_still_never_a_formula():
    cell = read(write_xlsx([Sheet("S", rows=[['=HYPERLINK("http://x")']])], neutralise_text=False))["S"]["A1"]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://x")'


def test_control_characters_are_dropped_before_neutralising():
    cell = read(write_xlsx([Sheet("S", rows=[["\0=1+1\x07 ok\tand\nmore"]])]))["S"]["A1"]
    assert cell.value == "'=1+1 ok\tand\nmore"


def test_numbers_dates_and_euros_keep_their_type():
    book = read(write_xlsx([Sheet("S", rows=[[7, Decimal("2.5"), date(2027, 3, 31), euros(None), euros(1_234_567)]])]))
    number, decimal, day, empty, money = next(book["S"].iter_rows())
    assert (number.data_type, number.value) == ("n", 7)
    assert (decimal.data_type, decimal.value) == ("n", 2.5)
    assert day.is_date and day.value.date() == date(2027, 3, 31) and day.number_format == "yyyy-mm-dd"
    assert (money.data_type, money.value, money.number_format) == ("n", 12_345.67, EURO_FORMAT)
    assert empty.value is None


def test_cells_can_be_bold_and_columns_wide():
    book = read(write_xlsx([Sheet("S", [Cell("Kop", bold=True)], [["x"]], widths=(30, None))]))
    sheet = book["S"]
    assert sheet["A1"].font.bold and not sheet["A2"].font.bold
    assert sheet.column_dimensions["A"].width == 30


def test_clean_and_neutralise_are_undone_on_import_and_idempotent():
    assert clean("\0=1") == "'=1" and clean(clean("=1")) == "'=1" and clean(3) == 3
    assert unneutralise(neutralise("@x")) == "@x" and unneutralise("'plain") == "'plain"
