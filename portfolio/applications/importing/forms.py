"""Forms of the spreadsheet import: the upload, and the confirmation that carries only a token."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import HiddenField
from wtforms.validators import Regexp

from portfolio.applications.importing.reading import EXTENSIONS, MAX_FILE_BYTES
from portfolio.applications.importing.uploads import TOKEN_PATTERN
from portfolio.web.forms import required


class ImportForm(FlaskForm):
    file = FileField(
        _l("Bestand"),
        validators=[
            FileRequired(message=_l("Kies een bestand.")),
            FileAllowed(list(EXTENSIONS), message=_l("Kies een CSV- of Excelbestand (.csv of .xlsx).")),
        ],
        description=_l(
            "Een CSV- of Excelbestand met de kolommen van de export, hoogstens %(max)d MB.",
            max=MAX_FILE_BYTES // 2**20,
        ),
    )


class ConfirmImportForm(FlaskForm):
    token = HiddenField(validators=[
        required(),
        Regexp(f"^{TOKEN_PATTERN}$", message=_l("Het formulier is onvolledig; laad de pagina opnieuw.")),
    ])
