"""Admin hooks for polls; imported by cms/wagtail_hooks.py, where Wagtail looks for them."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet

from cms.polls.admin_views import PollViewSet
from cms.polls.models import Poll

poll_viewset = PollViewSet()
register_snippet(poll_viewset)


@hooks.register("register_snippet_listing_buttons")
def poll_results_button(snippet, user, next_url=None):
    if isinstance(snippet, Poll) and user.has_perm("cms.view_poll"):
        yield Button(
            _("Results"),
            reverse(poll_viewset.get_url_name("votes"), args=[snippet.pk]),
            icon_name="table",
            priority=5,
        )
