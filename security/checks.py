"""`manage.py check --deploy` reports production settings that are missing, instead of letting
them leak: PDFs QR-coded with a development address, reset links written to the server log."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

SITE_URL_MISSING = Error(
    "SITE_URL is not set.",
    hint="Set SITE_URL to the public https:// address; every PDF prints and QR-codes it.",
    id="security.E001",
)
SITE_URL_NOT_HTTPS = Warning(
    "SITE_URL does not start with https://.",
    hint="PDFs print and QR-code SITE_URL: give the public https:// address.",
    id="security.W001",
)
EMAIL_MISSING = Warning(
    "No e-mail server is set (EMAIL_HOST), so no e-mail is sent.",
    hint=(
        "Set EMAIL_HOST (and EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS). "
        "Until then office staff are told to ask their DPO for a new password, and no "
        "notification is sent."
    ),
    id="security.W002",
)
EMAIL_TO_LOG = Error(
    "EMAIL_BACKEND writes e-mail to the console or a file: password-reset links would be "
    "readable in the server's logs.",
    hint="Use the SMTP backend with EMAIL_HOST set, or leave EMAIL_BACKEND unset.",
    id="security.E002",
)
LOG_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}


@register(Tags.security, deploy=True)
def production_settings_check(app_configs: Any = None, **kwargs: Any) -> list[Any]:
    problems: list[Any] = []
    if not settings.SITE_URL:
        problems.append(SITE_URL_MISSING)
    elif not settings.SITE_URL.startswith("https://"):
        problems.append(SITE_URL_NOT_HTTPS)
    if settings.EMAIL_BACKEND in LOG_BACKENDS:
        problems.append(EMAIL_TO_LOG)
    elif not settings.EMAIL_ENABLED:
        problems.append(EMAIL_MISSING)
    return problems
