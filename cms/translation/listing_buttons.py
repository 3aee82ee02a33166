"""wagtail-localize's buttons in the page explorer ("Translate this page", "Sync translated
pages") without their queries per row: wagtail-localize asks the database three times for
each page listed (about 150 queries for a page of 50 children); here the explorer's one
query says it for every row (`annotate_sources`), Wagtail's own listing already says which
pages have a language left to translate into, and the buttons read both."""

from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, Page
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.models import TranslationSource

HOOK = "register_page_listing_more_buttons"


def annotate_sources(pages: QuerySet) -> QuerySet:
    """Each page's wagtail-localize source with translations still synced, if any (as
    TranslationSource.objects.get_for_instance_or_none and `translations.enabled`)."""
    sources = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"),
        object__content_type=ContentType.objects.get_for_model(Page),
        locale_id=OuterRef("locale_id"),
        translations__enabled=True,
    )
    return pages.annotate(synced_source_id=Subquery(sources.values("pk")[:1]))


def translation_buttons(page: Page, user, next_url: str | None = None):
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    untranslated = getattr(page, "_has_untranslated_locale", None)
    if untranslated is None:  # outside the explorer's annotated listing
        translated = page.get_translations(inclusive=True).exclude(alias_of__isnull=False)
        untranslated = Locale.objects.exclude(
            id__in=translated.values_list("locale_id", flat=True)
        ).exists()
    if untranslated:
        url = reverse(
            "wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id]
        )
        yield ListingButton(
            _("Translate this page"), url, priority=60, icon_name="wagtail-localize-language"
        )
    if hasattr(page, "synced_source_id"):
        source_id = page.synced_source_id
    else:
        source = TranslationSource.objects.get_for_instance_or_none(page)
        enabled = source is not None and source.translations.filter(enabled=True).exists()
        source_id = source.id if enabled else None
    if source_id is not None:
        url = reverse("wagtail_localize:update_translations", args=[source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield ListingButton(_("Sync translated pages"), url, priority=60, icon_name="resubmit")


def replace_wagtail_localize_buttons() -> None:
    """Take wagtail-localize's listing hook out (its module is imported first, so it has
    registered), leaving ours. Wagtail has no public way to unregister a hook."""
    registered = hooks._hooks.get(HOOK, [])
    registered[:] = [
        (function, order)
        for function, order in registered
        if function is not localize_hooks.page_listing_more_buttons
    ]
