from __future__ import annotations

from django import forms
from django.core.validators import RegexValidator


class GiasImportForm(forms.Form):
    file = forms.FileField(
        label="GIAS establishment export (CSV)",
        help_text="Download it from Get Information About Schools: Downloads, "
        "“Establishment fields”.",
    )
    authority_code = forms.CharField(
        label="Only this local authority (LA code)",
        required=False,
        max_length=3,
        validators=[RegexValidator(r"^[0-9]{3}$", "The LA code is 3 digits, e.g. 881.")],
        help_text="Leave empty to import every authority in the file.",
    )
