import django_filters
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from campaigns import admin_views, selectors, services
from campaigns.models import (
    PARTNERS,
    WEB,
    AuditTheme,
    ConsentRecord,
    Organisation,
    PartnerKey,
    Playlist,
    ProcessingStatus,
    Screen,
    ScreenGroup,
    StoryPage,
    Theme,
    Video,
    WebhookEndpoint,
)
from campaigns.photovoice.admin_views import PhotovoiceModerationViewSet
from campaigns.selectors import has_consent


class VideoViewSet(SnippetViewSet):
    model = Video
    icon = "media"
    menu_label = gettext_lazy("Videos")
    list_display = [
        "title",
        "published",
        "processing_status",
        "duration_seconds",
        "width",
        "height",
        "size_bytes",
        "uploaded_at",
    ]
    list_filter = ["processing_status", "published"]
    search_fields = ["title"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = gettext_lazy("Partner organisations")
    list_display = ["name", "link", "locale"]
    search_fields = ["name"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = gettext_lazy("Story themes")
    list_display = ["name", "slug", "locale"]


class ConsentRecordViewSet(SnippetViewSet):
    model = ConsentRecord
    icon = "lock"
    menu_label = gettext_lazy("Consent records")
    list_display = [
        "story_title",
        "given_by",
        "given_on",
        "for_web",
        "for_screens",
        "for_partners",
        "withdrawn_on",
    ]
    list_filter = ["for_web", "for_screens", "for_partners", "withdrawn_on"]
    search_fields = ["story_title", "given_by"]


class AuditThemeViewSet(SnippetViewSet):
    model = AuditTheme
    icon = "tag"
    menu_label = gettext_lazy("Audit themes")
    list_display = ["name", "slug", "locale"]


class CampaignsGroup(SnippetViewSetGroup):
    items = [
        VideoViewSet,
        OrganisationViewSet,
        ThemeViewSet,
        ConsentRecordViewSet,
        AuditThemeViewSet,
        PhotovoiceModerationViewSet,
    ]
    menu_icon = "pick"
    menu_label = gettext_lazy("Campaigns")
    menu_name = "campaigns"
    menu_order = 220


register_snippet(CampaignsGroup)


class ScreenFilterSet(WagtailFilterSet):
    silent = django_filters.BooleanFilter(
        label=gettext_lazy("Not seen recently"), method="filter_silent"
    )

    class Meta:
        model = Screen
        fields = ["group", "active", "language"]

    def filter_silent(self, queryset, name, value):
        silent = selectors.silent_screens().values("pk")
        return queryset.filter(pk__in=silent) if value else queryset.exclude(pk__in=silent)


def _silent_label() -> str:
    # Formatted when shown, in the editor's language (a lazy string formatted with % here
    # would be translated once, at import).
    return _("Not seen in %(minutes)d min") % {"minutes": settings.SCREEN_SILENT_AFTER_MINUTES}


class ScreenViewSet(SnippetViewSet):
    model = Screen
    icon = "desktop"
    menu_label = gettext_lazy("Screens")
    list_display = [
        "name",
        "group",
        "location",
        "language",
        "active",
        "last_seen_at",
        BooleanColumn("is_silent", label=lazy(_silent_label, str)()),
    ]
    filterset_class = ScreenFilterSet
    search_fields = ["name", "location"]

    def get_queryset(self, request):
        return Screen.objects.select_related("group")


class ScreenGroupViewSet(SnippetViewSet):
    model = ScreenGroup
    icon = "folder-open-inverse"
    menu_label = gettext_lazy("Screen groups")
    list_display = ["name", "description"]


class PlaylistViewSet(SnippetViewSet):
    model = Playlist
    icon = "list-ol"
    menu_label = gettext_lazy("Playlists")
    list_display = ["name", "campaign", "is_fallback", "starts_at", "ends_at", "updated_at"]
    list_filter = ["is_fallback"]
    search_fields = ["name"]


class ScreensGroup(SnippetViewSetGroup):
    items = [
        ScreenViewSet,
        ScreenGroupViewSet,
        PlaylistViewSet,
        admin_views.AgendaViewSet,
        admin_views.PlayReportViewSet,
    ]
    menu_icon = "desktop"
    menu_label = gettext_lazy("Screens")
    menu_name = "screens"
    menu_order = 230


register_snippet(ScreensGroup)


@hooks.register("register_admin_viewset")
def register_screen_token_views():
    return admin_views.ScreenTokenViewSet()


@hooks.register("register_snippet_listing_buttons")
def screen_player_button(snippet, user, next_url=None):
    if isinstance(snippet, Screen) and user.has_perm("campaigns.change_screen"):
        yield Button(
            _("Player and token"),
            reverse("screen_token:show", args=[snippet.pk]),
            icon_name="key",
            priority=5,
        )


@hooks.register("after_create_snippet")
def show_new_screen_token(request, instance):
    """A new screen gets its token at once, shown on this one page and never again."""
    if isinstance(instance, Screen):
        token = services.issue_screen_token(screen=instance)
        return admin_views.token_response(request, instance, token)
    return None


def _after_snippet_saved(request, instance):
    if isinstance(instance, Video) and instance.processing_status == ProcessingStatus.PENDING:
        services.request_processing(video=instance)
        messages.info(
            request,
            _(
                "“%(title)s” is being processed: poster, size check and a small version for "
                "slow connections. Its state shows in the list of videos."
            )
            % {"title": instance.title},
        )
    if isinstance(instance, ConsentRecord):
        unpublished = services.enforce_consent(
            story=instance.story,
            user=request.user,
            shared_with_partners_before=getattr(request, "story_shared_with_partners", False),
        )
        if unpublished:
            messages.warning(
                request,
                _(
                    "Without consent for the web, “%(title)s” was unpublished in %(count)d languages."  # noqa: E501
                )
                % {"title": instance.story_title, "count": len(unpublished)},
            )


@hooks.register("before_edit_snippet")
def remember_partner_consent(request, instance):
    """Whether partners may show the story before this edit: taking them out of a consent's
    scope tells them to take the story down (services.enforce_consent)."""
    if isinstance(instance, ConsentRecord) and request.method == "POST":
        request.story_shared_with_partners = instance.story is not None and has_consent(
            story=instance.story, scope=PARTNERS
        )


hooks.register("after_create_snippet", _after_snippet_saved)
hooks.register("after_edit_snippet", _after_snippet_saved)


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
    if isinstance(page, StoryPage) and not has_consent(story=page, scope=WEB):
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


# --- Partner sites: keys and webhooks (docs/partners.md) ------------------------------------


class PartnerKeyViewSet(SnippetViewSet):
    model = PartnerKey
    icon = "key"
    menu_label = gettext_lazy("Partner keys")
    list_display = [
        "name",
        "organisation",
        Column("prefix", label=gettext_lazy("Starts with")),
        Column("status_label", label=gettext_lazy("Status")),
        "created_at",
        "last_used_at",
    ]
    search_fields = ["name"]

    def get_queryset(self, request):
        return PartnerKey.objects.select_related("organisation")


class WebhookEndpointViewSet(SnippetViewSet):
    model = WebhookEndpoint
    icon = "link"
    menu_label = gettext_lazy("Webhooks")
    list_display = [
        "url",
        "organisation",
        "active",
        Column("last_delivery_label", label=gettext_lazy("Last delivery")),
    ]
    list_filter = ["active"]

    def get_queryset(self, request):
        return selectors.webhook_endpoints_with_last_status()


class PartnersGroup(SnippetViewSetGroup):
    items = [PartnerKeyViewSet, WebhookEndpointViewSet, admin_views.WebhookDeliveriesViewSet]
    menu_icon = "site"
    menu_label = gettext_lazy("Partners")
    menu_name = "partners"
    menu_order = 240


register_snippet(PartnersGroup)


@hooks.register("register_admin_viewset")
def register_partner_key_views():
    return admin_views.PartnerKeyAdminViewSet()


@hooks.register("register_snippet_listing_buttons")
def partner_buttons(snippet, user, next_url=None):
    if (
        isinstance(snippet, PartnerKey)
        and snippet.revoked_at is None
        and user.has_perm("campaigns.change_partnerkey")
    ):
        yield Button(
            _("Revoke"),
            reverse("partner_key:revoke", args=[snippet.pk]),
            icon_name="cross",
            priority=5,
        )
    if isinstance(snippet, WebhookEndpoint) and user.has_perm("campaigns.view_webhookendpoint"):
        yield Button(
            _("Deliveries"),
            f"{reverse('webhook_deliveries:index')}?endpoint={snippet.pk}",
            icon_name="history",
            priority=5,
        )


@hooks.register("after_create_snippet")
def show_new_partner_key(request, instance):
    """A new key gets its secret at once, shown on this one page and never again."""
    if isinstance(instance, PartnerKey):
        key = services.issue_partner_key(partner_key=instance)
        return admin_views.partner_key_response(request, instance, key)
    return None
