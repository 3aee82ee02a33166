from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from cms.accounts import views


@hooks.register("register_admin_urls")
def second_factor_urls():
    return views.urls()


@hooks.register("register_account_menu_item")
def second_factor_menu_item(request):
    return {
        "url": reverse("two_factor_manage"),
        "label": _("Two-step verification"),
        "help_text": _("Your authenticator app and recovery codes."),
    }
