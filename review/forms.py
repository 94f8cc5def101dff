from __future__ import annotations

from django import forms

from schools.validators import validate_plain_text

REASON_REQUIRED = "Enter why you are returning it, for example: say who the caterer is, not why"
REASON_TOO_LONG = "The reason must be 1000 characters or fewer (you entered %(show_value)d)"


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label="Why are you returning it?",
        help_text="The school sees this in their office portal.",
        max_length=1000,
        validators=[validate_plain_text],
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
        error_messages={"required": REASON_REQUIRED, "max_length": REASON_TOO_LONG},
    )
