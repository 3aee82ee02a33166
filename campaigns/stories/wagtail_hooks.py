"""Consent in the admin: records are never deleted, and a story is published only with
consent for the web (campaigns/wagtail_hooks.py puts the lists in the Campaigns menu)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks

from campaigns.stories.models import WEB, ConsentRecord, StoryPage


@hooks.register("before_delete_snippet")
def keep_consent_records(request, instances):
    """Consent records are evidence: they are withdrawn, never deleted."""
    if any(isinstance(instance, ConsentRecord) for instance in instances):
        messages.error(
            request,
            _(
                "Consent records cannot be deleted. To end a consent, set the date it was withdrawn."  # noqa: E501
            ),
        )
        return redirect("wagtailsnippets_campaigns_consentrecord:list")
    return None


@hooks.register("before_publish_page")
def require_consent_to_publish_a_story(request, page):
    """A story is published only with consent for the web; otherwise it stays a draft."""
    if isinstance(page, StoryPage) and not page.has_consent(WEB):
        messages.error(
            request,
            _(
                "“%(title)s” was saved as a draft but not published: there is no consent for "
                "the web. Add a consent record first."
            )
            % {"title": page.get_admin_display_title()},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None
