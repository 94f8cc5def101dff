from __future__ import annotations

from django import forms

CODE_WRONG = (
    "That code did not work. Enter the 6-digit code your authenticator app shows now, "
    "or one of your backup codes. After each wrong code the next try must wait a little longer."
)
SETUP_CODE_WRONG = (
    "That code did not work. Check the time on your phone is right and enter the 6-digit code "
    "the app shows now. After each wrong code the next try must wait a little longer."
)


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=20,
        strip=True,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )
