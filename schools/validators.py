"""Validators and normalisers for the facts a school keeps: URN, postcode, phone and web address."""

import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

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
