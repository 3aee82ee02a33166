"""After the password, the admin asks for the second factor: a signed-in admin user who must
give one (services.needs_second_factor) and has not in this session is sent to the code
page, or to set up an app first. Only those pages, logging out and the admin's static
helpers answer before that."""

from functools import cache
from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from cms.accounts import services

OPEN_NAMES = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "two_factor_enrol",
    "two_factor_verify",
)


@cache
def _open_paths() -> frozenset[str]:
    return frozenset(reverse(name) for name in OPEN_NAMES)


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        admin = reverse("wagtailadmin_home")
        path = request.path_info
        if (
            path.startswith(admin)
            and path not in _open_paths()
            and not path.startswith(f"{admin}password_reset/")
            and services.needs_second_factor(request.user)
            and not request.user.is_verified()
        ):
            return self._ask(request)
        return self.get_response(request)

    @staticmethod
    def _ask(request):
        if request.headers.get("x-requested-with") == "XMLHttpRequest" or request.method != "GET":
            return JsonResponse(
                {"detail": _("Enter the code from your authenticator app first.")}, status=403
            )
        name = "two_factor_verify" if services.app_device(request.user) else "two_factor_enrol"
        return redirect(f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}")
