"""Two-step sign-in pages: set up an authenticator app, enter a code, new backup codes."""

from __future__ import annotations

import segno
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import PasswordResetView
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST

from security.forms import CODE_WRONG, SETUP_CODE_WRONG, CodeForm
from security.twofactor import (
    authenticator_key,
    backup_codes_issue,
    backup_codes_left,
    device_sign_in,
    has_confirmed_device,
    second_factor_sign_in,
    totp_device_confirm,
    totp_device_for_enrolment,
)

NO_EMAIL_RESET = (
    "This service cannot send e-mail at the moment, so it cannot send you a link to choose a "
    "new password. Ask your DPO service to set a new password for you."
)


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("admin:index") if request.user.is_staff else reverse("office:home")


@login_required
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    if not has_confirmed_device(request.user):
        return HttpResponseRedirect(f"{reverse('security:setup')}?next={_next_url(request)}")
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if second_factor_sign_in(request=request, token=form.cleaned_data["code"]):
            return HttpResponseRedirect(_next_url(request))
        form.add_error("code", CODE_WRONG)
    return render(request, "security/verify.html", {"form": form, "next": _next_url(request)})


@login_required
@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    user = request.user
    if has_confirmed_device(user):
        if not user.is_verified():
            return HttpResponseRedirect(f"{reverse('security:verify')}?next={_next_url(request)}")
        return render(
            request,
            "security/enabled.html",
            {"codes_left": backup_codes_left(user=user), "next": _next_url(request)},
        )
    device = totp_device_for_enrolment(user=user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        codes = totp_device_confirm(device=device, token=form.cleaned_data["code"])
        if codes is not None:
            device_sign_in(request=request, device=device)
            return render(
                request, "security/backup_codes.html", {"codes": codes, "next": _next_url(request)}
            )
        form.add_error("code", SETUP_CODE_WRONG)
    qr = segno.make(device.config_url, error="m").svg_inline(
        scale=4, border=2, dark="#0b0c0c", title="QR code for your authenticator app"
    )
    return render(
        request,
        "security/setup.html",
        {
            "form": form,
            "secret": authenticator_key(device),
            "qr": mark_safe(qr),  # an SVG segno made from our own otpauth URL
            "next": _next_url(request),
        },
    )


@login_required
@require_POST
def backup_codes(request: HttpRequest) -> HttpResponse:
    """New backup codes for a user who has already passed the second step."""
    if not request.user.is_verified():
        return HttpResponseRedirect(reverse("security:verify"))
    codes = backup_codes_issue(user=request.user)
    return render(
        request, "security/backup_codes.html", {"codes": codes, "next": _next_url(request)}
    )


class PasswordResetOrAskDPOView(PasswordResetView):
    """Django's password reset, or, where no e-mail can be sent, the person to ask instead:
    a reset link is never sent to a log."""

    unavailable_template_name = "security/password_reset_unavailable.html"

    def dispatch(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not settings.EMAIL_ENABLED:
            return render(request, self.unavailable_template_name, {"message": NO_EMAIL_RESET})
        return super().dispatch(request, *args, **kwargs)
