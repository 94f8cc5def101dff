"""The office portal's forms: one short form per group of the school's details, one per partner."""

from __future__ import annotations

from dataclasses import dataclass

from crispy_forms.helper import FormHelper
from django import forms

from schools.models import School, SharingPartner
from schools.validators import PHONE_ERROR

EMAIL_ERROR = "Enter an email address in the correct format, like office@example.sch.uk"
WEBSITE_ERROR = "Enter the website address in the correct format, like https://www.example.sch.uk"
POSTCODE_ERROR = "Enter a full UK postcode, like SW1A 1AA"
TOO_LONG = "{label} must be {limit} characters or fewer (you entered %(show_value)d)"
REQUIRED = "Enter {label}"
CHOOSE = "Choose {label}"

FIELD_ERRORS = {
    "email": {"invalid": EMAIL_ERROR},
    "data_request_email": {"invalid": EMAIL_ERROR},
    "website": {"invalid": WEBSITE_ERROR, "not_https": WEBSITE_ERROR},
    "privacy_notice_url": {"invalid": WEBSITE_ERROR, "not_https": WEBSITE_ERROR},
    "postcode": {"invalid_postcode": POSTCODE_ERROR},
    "phone": {"invalid_phone": PHONE_ERROR},
}


@dataclass(frozen=True)
class DetailGroup:
    slug: str
    title: str  # "Contact details": the summary card's heading and the change page's subject
    fields: tuple[str, ...]


# What office staff may change, in the groups they change it in. The URN, name, DPO, authority
# and phase are the DPO's to keep.
DETAIL_GROUPS = {
    group.slug: group
    for group in [
        DetailGroup("contact", "Contact details", ("phone", "email", "website")),
        DetailGroup("address", "Address", ("street", "locality", "town", "postcode")),
        DetailGroup("headteacher", "Headteacher", ("headteacher",)),
        DetailGroup(
            "data-requests",
            "Contact for requests for personal data",
            ("data_request_contact", "data_request_email"),
        ),
        DetailGroup("transfers", "School pupils usually move on to", ("transfers_to",)),
    ]
}
OFFICE_FIELDS = [name for group in DETAIL_GROUPS.values() for name in group.fields]
PARTNER_FIELDS = [
    "name",
    "category",
    "lawful_basis",
    "special_category_condition",
    "privacy_notice_url",
    "purpose",
    "school_note",
]
HINTS = {
    "phone": "For example, 01632 960 123",
    "email": "For example, office@example.sch.uk",
    "website": "For example, https://www.example.sch.uk",
    "postcode": "For example, SW1A 1AA",
    "headteacher": "As it should appear in your notices, for example Mrs J Smith",
    "data_request_contact": "A role rather than a name, for example the School Business Manager",
    "transfers_to": "Leave empty if pupils move on to many schools",
    "name": "For example, Hearthside School Meals Ltd",
    "privacy_notice_url": "For example, https://www.example.co.uk/privacy",
    "purpose": "In plain words, for example: to provide school lunches, including for pupils "
    "with allergies. Your data protection officer reviews this before it appears.",
    "school_note": "Anything parents should know, for example: they see allergy information "
    "only. Your data protection officer reviews this before it appears.",
    "lawful_basis": "The reason the law allows the sharing. Ask your data protection officer "
    "if you are not sure.",
    "special_category_condition": "Only if you share health, ethnicity, religion or similar "
    "information.",
}


def _plain_messages(form: forms.BaseForm) -> None:
    """Messages that say what to do, with an example, instead of Django's defaults."""
    for name, field in form.fields.items():
        label = str(field.label or name)
        field.error_messages |= FIELD_ERRORS.get(name, {})
        field.error_messages["required"] = (
            CHOOSE if isinstance(field, forms.ChoiceField) else REQUIRED
        ).format(label=label[0].lower() + label[1:])
        limit = getattr(field, "max_length", None)
        if limit:
            field.error_messages["max_length"] = TOO_LONG.format(
                label=label[0].upper() + label[1:], limit=limit
            )
            field.widget.attrs.setdefault("maxlength", str(limit))
        if name in HINTS:
            field.help_text = HINTS[name]


class OfficeForm(forms.ModelForm):
    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        _plain_messages(self)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True


WIDGETS = {
    "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    "email": forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    "website": forms.URLInput(attrs={"autocomplete": "url", "spellcheck": "false"}),
    "street": forms.TextInput(attrs={"autocomplete": "address-line1"}),
    "locality": forms.TextInput(attrs={"autocomplete": "address-line2"}),
    "town": forms.TextInput(attrs={"autocomplete": "address-level2"}),
    "postcode": forms.TextInput(attrs={"autocomplete": "postal-code"}),
    "data_request_email": forms.EmailInput(attrs={"spellcheck": "false"}),
}


def details_form_class(group: DetailGroup) -> type[OfficeForm]:
    return forms.modelform_factory(School, form=OfficeForm, fields=group.fields, widgets=WIDGETS)


class PartnerForm(OfficeForm):
    class Meta:
        model = SharingPartner
        fields = PARTNER_FIELDS
        labels = {
            "name": "Name of the organisation",
            "purpose": "Why you share information with them",
            "school_note": "Note for parents (optional)",
            "privacy_notice_url": "Their privacy notice (optional)",
            "special_category_condition": "Condition for special category data (optional)",
        }
        widgets = {
            "lawful_basis": forms.RadioSelect,
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "school_note": forms.Textarea(attrs={"rows": 2}),
            "privacy_notice_url": forms.URLInput(attrs={"spellcheck": "false"}),
        }

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        basis = self.fields["lawful_basis"]
        basis.required = True
        basis.choices = [c for c in basis.choices if c[0]]  # no empty radio button
        condition = self.fields["special_category_condition"]
        condition.choices = [("", "None: no special category data"), *condition.choices[1:]]

    def proposed(self) -> dict[str, str]:
        """The cleaned values, as a new organisation's suggestion keeps them."""
        return {name: self.cleaned_data[name] for name in PARTNER_FIELDS}
