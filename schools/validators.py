"""Validators and normalisers for the facts a school keeps: URN, postcode, phone and web address."""

import re
from collections.abc import Iterable
from functools import lru_cache

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import CharField, Model, TextField

URN_ERROR = "A URN is the school's 6-digit Unique Reference Number, e.g. 123456."
POSTCODE_ERROR = "Enter a full UK postcode, e.g. SW1A 1AA."
PHONE_ERROR = "Enter a UK phone number, e.g. 0113 496 0123 or +44 20 7946 0123."
HTTPS_ERROR = "Enter a full web address starting with https://"

_POSTCODE_RE = re.compile(r"^(GIR ?0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})$")


def validate_urn(value: str) -> None:
    if not re.fullmatch(r"[0-9]{6}", value or ""):
        raise ValidationError(URN_ERROR, code="invalid_urn")


def normalise_postcode(value: str) -> str:
    """Upper-case with one space before the inward code: ' cm1 1aa' -> 'CM1 1AA'."""
    compact = re.sub(r"\s+", "", value or "").upper()
    if len(compact) < 5:
        return compact
    return f"{compact[:-3]} {compact[-3:]}"


def validate_postcode(value: str) -> None:
    if not _POSTCODE_RE.match(normalise_postcode(value)):
        raise ValidationError(POSTCODE_ERROR, code="invalid_postcode")


def _parse_phone(value: str) -> phonenumbers.PhoneNumber | None:
    try:
        number = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def validate_uk_phone(value: str) -> None:
    number = _parse_phone(value)
    if number is None or number.country_code != 44:
        raise ValidationError(PHONE_ERROR, code="invalid_phone")


def normalise_phone(value: str) -> str:
    """The national format people read and dial: '+441134960123' -> '0113 496 0123'."""
    number = _parse_phone(value)
    if number is None:
        return (value or "").strip()
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


@lru_cache(maxsize=4096)  # every notice asks for a few numbers, and parsing one is slow
def phone_uri(value: str) -> str:
    """A `tel:` link target (RFC 3966) for a phone number, or '' if it is not a valid number."""
    number = _parse_phone(value)
    if number is None:
        return ""
    return "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


# Its own code, so a form does not swap the message for its generic "Enter a valid URL."
_https_url = URLValidator(schemes=["https"], message=HTTPS_ERROR, code="not_https")


def validate_https_url(value: str) -> None:
    _https_url(value)


# Control characters (other than tab and line breaks) and private-use characters: the renderer
# marks placeholders with private-use characters, so text carrying them could pose as a fact.
# One character class, so matching is linear in the text's length.
_FORBIDDEN_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\U000f0000-\U0010ffff]"
)
FORBIDDEN_CHARACTER_ERROR = (
    "Remove the hidden or special character (U+%(code)s) from this text: it cannot appear in a "
    "notice. Retype the text rather than pasting it."
)


def validate_plain_text(value: object) -> None:
    """Refuse text holding control or private-use characters; applied to every text field."""
    if not isinstance(value, str):
        return
    match = _FORBIDDEN_RE.search(value)
    if match:
        raise ValidationError(
            FORBIDDEN_CHARACTER_ERROR,
            code="forbidden_character",
            params={"code": f"{ord(match.group()):04X}"},
        )


def strip_forbidden_characters(value: str) -> str:
    """The text without control or private-use characters, for the render path."""
    return _FORBIDDEN_RE.sub("", value)


def guard_text_fields(models: Iterable[type[Model]]) -> None:
    """Add `validate_plain_text` to every CharField and TextField of these models.

    Added to each field's validator list (not its constructor arguments), so model validation
    and model forms refuse such text without a migration for every field.
    """
    for model in models:
        for field in model._meta.get_fields():
            if isinstance(field, CharField | TextField) and validate_plain_text not in (
                field.validators
            ):
                field.validators.append(validate_plain_text)
