"""QuickSelect writes the same markup as WTForms' own select, only faster."""

import wtforms
from wtforms.widgets import Select

from portfolio.web.forms import SelectField, SelectMultipleField, select_choices


class Form(wtforms.Form):
    one = SelectField(choices=select_choices([("", "— alles —"), ("1", "Centric & Co"), ("2", '<script>"x"</script>')]))
    many = SelectMultipleField(choices=select_choices([("a", "A"), ("b", "B"), ("c", "C")]))
    needed = SelectField(choices=select_choices([("x", "X")]), validators=[wtforms.validators.InputRequired()])


def test_the_markup_is_wtforms_own():
    form = Form(data={"one": "2", "many": ["a", "c"]})
    for field in (form.one, form.many, form.needed):
        for attributes in ({}, {"class_": "utrecht-select", "aria_describedby": "hint"}):
            assert field(**attributes) == Select(multiple=field.type == "SelectMultipleField")(field, **attributes)
    assert "required" in form.needed()
    assert "&lt;script&gt;&#34;x&#34;&lt;/script&gt;" in form.one()
    assert '<option selected value="2">' in form.one()
