"""The office portal's forms: only the facts a school office may change."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory

from schools.models import School, SharingPartner

# What office staff may change. The URN, name, DPO, authority and phase are the DPO's to keep.
OFFICE_FIELDS = [
    "phone",
    "email",
    "website",
    "street",
    "locality",
    "town",
    "postcode",
    "headteacher",
    "data_request_contact",
    "data_request_email",
    "transfers_to",
]
PARTNER_FIELDS = [
    "name",
    "category",
    "purpose",
    "lawful_basis",
    "privacy_notice_url",
    "school_note",
]


class SchoolDetailsForm(forms.ModelForm):
    class Meta:
        model = School
        fields = OFFICE_FIELDS
        widgets = {
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "postcode": forms.TextInput(attrs={"autocomplete": "postal-code"}),
        }

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Fieldset("Contact details", "phone", "email", "website"),
            Fieldset("Address", "street", "locality", "town", "postcode"),
            Fieldset(
                "People",
                "headteacher",
                "data_request_contact",
                "data_request_email",
                "transfers_to",
            ),
        )


class PartnerForm(forms.ModelForm):
    class Meta:
        model = SharingPartner
        fields = PARTNER_FIELDS
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 2}),
            "school_note": forms.Textarea(attrs={"rows": 2}),
        }


class BasePartnerFormSet(BaseInlineFormSet):
    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


PartnerFormSet = inlineformset_factory(
    School,
    SharingPartner,
    form=PartnerForm,
    formset=BasePartnerFormSet,
    fk_name="school",
    extra=1,
    can_delete=True,
)
