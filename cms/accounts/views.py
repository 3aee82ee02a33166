"""The second factor's pages in the admin: set up an authenticator app, enter a code after
logging in, and see or renew the recovery codes (services.py does the work)."""

import base64
from urllib.parse import urlencode

import segno
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from cms.accounts import services
from cms.accounts.forms import CodeForm


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("wagtailadmin_home")


def _render(request, template: str, title: str, **context):
    context = {"page_title": title, "header_icon": "key", "next": _next(request), **context}
    response = TemplateResponse(request, template, context)
    response["Cache-Control"] = "no-store"  # a secret or recovery codes are on it
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def enrol(request):
    """Scan a QR code (or type the key) into an authenticator app, then confirm with a code.
    Replacing an app needs this session's second factor first: a password alone must not
    be enough to add a new phone."""
    if services.app_device(request.user) is not None and not request.user.is_verified():
        return redirect(f"{reverse('two_factor_verify')}?{urlencode({'next': request.path})}")
    device = services.start_enrolment(user=request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = services.confirm_enrolment(device=device, code=form.cleaned_data["code"])
        if codes is not None:
            otp_login(request, device)
            return _render(
                request,
                "cms/accounts/recovery_codes.html",
                _("Your recovery codes"),
                codes=codes,
            )
        form.add_error("code", _("This code is not right. Check the time on your phone."))
    qr = segno.make(device.config_url, error="m")
    return _render(
        request,
        "cms/accounts/enrol.html",
        _("Set up two-step verification"),
        form=form,
        qr=mark_safe(qr.svg_inline(scale=5, border=2, dark="#000", light="#fff")),
        key=_grouped(base64.b32encode(device.bin_key).decode()),
    )


def _grouped(key: str) -> str:
    return " ".join(key[index : index + 4] for index in range(0, len(key), 4))


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request):
    """The code after the password: from the app, or a recovery code (each works once)."""
    if services.app_device(request.user) is None:
        return redirect("two_factor_enrol")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = services.check_second_factor(user=request.user, code=form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            if device.persistent_id.startswith("otp_static"):
                messages.warning(
                    request,
                    _("You used a recovery code; %(count)d left.")
                    % {"count": services.recovery_codes_left(request.user)},
                )
            return redirect(_next(request))
        form.add_error(
            "code",
            _("This code is not right, or was used already. Wait for a new one and try again."),
        )
    status = 400 if request.method == "POST" else 200
    response = _render(request, "cms/accounts/verify.html", _("Two-step verification"), form=form)
    response.status_code = status
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request):
    """What the editor has set up; new recovery codes on request."""
    if request.method == "POST":
        codes = services.new_recovery_codes(user=request.user)
        return _render(
            request, "cms/accounts/recovery_codes.html", _("Your recovery codes"), codes=codes
        )
    return _render(
        request,
        "cms/accounts/manage.html",
        _("Two-step verification"),
        device=services.app_device(request.user),
        codes_left=services.recovery_codes_left(request.user),
    )


def urls() -> list:
    return [
        path("two-step/set-up/", enrol, name="two_factor_enrol"),
        path("two-step/code/", verify, name="two_factor_verify"),
        path("two-step/", manage, name="two_factor_manage"),
    ]
