from __future__ import annotations

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import RegexValidator

MAX_GIAS_BYTES = 100 * 1024 * 1024  # the whole of England's export is about 60 MB
TOO_LARGE = "The file is larger than 100 MB: is it a GIAS establishment export?"


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

    def clean_file(self) -> UploadedFile:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_GIAS_BYTES:
            raise forms.ValidationError(TOO_LARGE)
        return upload
