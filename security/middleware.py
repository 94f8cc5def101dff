"""Sends a signed-in user who must use a second factor, and has not yet, to that step."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from security.twofactor import has_confirmed_device, two_factor_required


def _exempt_prefixes() -> tuple[str, ...]:
    return (
        reverse("security:verify").rsplit("/", 2)[0] + "/",  # every two-factor page
        reverse("admin:logout"),
        reverse("office:logout"),
        "/" + settings.STATIC_URL.lstrip("/"),
    )


class SecondFactorMiddleware:
    """After django-otp's OTPMiddleware: `request.user.is_verified()` is set from the session.

    Applies to every path, not only the admin's, so a view added anywhere for staff is covered.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and not request.path.startswith(_exempt_prefixes())
            and two_factor_required(user)
        ):
            step = "security:verify" if has_confirmed_device(user) else "security:setup"
            query = urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(f"{reverse(step)}?{query}")
        return self.get_response(request)
