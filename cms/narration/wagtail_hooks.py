"""Admin hooks for narration; imported by cms/wagtail_hooks.py, where Wagtail looks for them."""

from wagtail import hooks

from cms.narration.admin_views import NarrationViewSet


@hooks.register("register_admin_viewset")
def register_narration():
    return NarrationViewSet("narration")
