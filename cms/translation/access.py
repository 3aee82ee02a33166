"""Who translates what. Members of translator groups ("Translators: Arabic"…) are limited to
their groups' languages. Pages need nothing more: each language has its own tree and the
groups have permissions on theirs only. Snippet permissions are per type, not per language,
so the hooks in cms/translation/wagtail_hooks.py and the views below check the language.
Permissions that come from any other group (editors, moderators) or from the user are never
narrowed (docs/translation.md)."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views import edit_translation, submit_translations, update_translations

from cms import languages
from cms.api.parsers import JSONParser
from cms.translation import safe_links, services


def translator_languages(user) -> frozenset[str] | None:
    """The languages of the translator groups this user is in; None when in none of them."""
    if not hasattr(user, "_translator_languages"):
        found = None
        if user.is_authenticated and user.is_active and not user.is_superuser:
            by_name = services.translator_group_languages()
            codes = {by_name.get(name) for name in user.groups.values_list("name", flat=True)}
            codes.discard(None)
            found = frozenset(codes) or None
        user._translator_languages = found
    return user._translator_languages


def snippet_languages(user, model: type[Model]) -> frozenset[str] | None:
    """The languages in which this user may edit snippets of `model`; None: no limit here."""
    codes = translator_languages(user)
    if codes is None:
        return None
    cache = getattr(user, "_snippet_languages", None)
    if cache is None:
        cache = user._snippet_languages = {}
    if model not in cache:
        name = model._meta.model_name
        permissions = Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            codename__in=[f"{action}_{name}" for action in ("add", "change", "delete")],
        )
        elsewhere = (
            Group.objects.filter(user=user, permissions__in=permissions)
            .exclude(name__in=services.translator_group_languages())
            .exists()
        ) or user.user_permissions.filter(pk__in=permissions).exists()
        cache[model] = None if elsewhere else codes
    return cache[model]


def coverage_scope(user, models: list[type[Model]]) -> tuple[list[type[Model]], Q | None]:
    """What of the translations table this user may see: the snippet types they have any
    permission on, and the pages Wagtail lets them explore, plus every live page when they
    may submit translations (a translator finds the published source pages to translate;
    a draft's title stays with those who may see the draft). None: no limit."""
    if user.is_superuser:
        return models, None
    pages = [model for model in models if issubclass(model, Page)]
    snippets = [
        model
        for model in models
        if not issubclass(model, Page)
        and ModelPermissionPolicy(model).user_has_any_permission(
            user, ["add", "change", "delete", "view"]
        )
    ]
    seen = PagePermissionPolicy().explorable_instances(user)
    if user.has_perm("wagtail_localize.submit_translation"):
        seen = Page.objects.filter(Q(pk__in=seen.values("pk")) | Q(live=True))
    snippet_types = ContentType.objects.get_for_models(*snippets, for_concrete_models=False)
    visible = Q(translation_key__in=seen.values("translation_key")) | Q(
        content_type__in=[content_type.pk for content_type in snippet_types.values()]
    )
    return [model for model in models if model in pages or model in snippets], visible


def page_languages(user) -> frozenset[str] | None:
    """The languages into which this user may submit pages for translation; None: no limit
    here (Wagtail's page permissions still apply to everything else)."""
    codes = translator_languages(user)
    if codes is None:
        return None
    if not hasattr(user, "_page_languages"):
        elsewhere = (
            GroupPagePermission.objects.filter(group__user=user)
            .exclude(group__name__in=services.translator_group_languages())
            .exists()
        )
        user._page_languages = None if elsewhere else codes
    return user._page_languages


def languages_for(user, model: type[Model]) -> frozenset[str] | None:
    return page_languages(user) if issubclass(model, Page) else snippet_languages(user, model)


def refuse_other_language(request, model: type[Model], language_code: str) -> HttpResponse | None:
    """For the snippet hooks: a redirect with a message when a translator reaches for a
    language that is not theirs, else None."""
    allowed = snippet_languages(request.user, model)
    if allowed is None or language_code in allowed:
        return None
    if request.headers.get("x-requested-with") == "XMLHttpRequest" or (
        "application/json" in request.headers.get("accept", "")
    ):
        raise PermissionDenied
    messages.error(
        request,
        _("You translate into %(languages)s only: this %(type)s is in %(language)s.")
        % {
            "languages": ", ".join(_language_name(code) for code in sorted(allowed)),
            "type": model._meta.verbose_name,
            "language": _language_name(language_code),
        },
    )
    return redirect("wagtailadmin_home")


def _language_name(code: str) -> str:
    try:
        return languages.get(code).name
    except LookupError:
        return code


def locale_code_of_new_snippet(request) -> str:
    """The language a snippet's create view makes it in (Wagtail reads `?locale=`)."""
    code = request.GET.get("locale")
    return code or Locale.get_default().language_code


# --- wagtail-localize's views, limited to the translator's languages ----------------------


class _OwnLanguagesOnly:
    """Offer only the user's languages in "Translate this page/snippet": wagtail-localize
    lets anyone with the submit permission create (and, for live sources, publish) a
    translation in any language."""

    def allowed_languages(self) -> frozenset[str] | None:
        return languages_for(self.request.user, type(self.object))

    def get_form(self):
        form = super().get_form()
        allowed = self.allowed_languages()
        if allowed is not None:
            field = form.fields["locales"]
            field.queryset = field.queryset.filter(language_code__in=allowed)
        return form


class SubmitPageTranslationView(_OwnLanguagesOnly, submit_translations.SubmitPageTranslationView):
    pass


class SubmitSnippetTranslationView(
    _OwnLanguagesOnly, submit_translations.SubmitSnippetTranslationView
):
    pass


def _own_language_translations_only(view):
    """wagtail-localize's editor endpoints check pages against the page's permissions, but
    snippets only against the type: refuse translators another language's snippet."""

    @wraps(view)
    def guarded(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(
            Translation.objects.select_related("source__specific_content_type", "target_locale"),
            pk=translation_id,
        )
        model = translation.source.specific_content_type.model_class()
        if not issubclass(model, Page):
            allowed = snippet_languages(request.user, model)
            if allowed is not None and translation.target_locale.language_code not in allowed:
                raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    return guarded


_update_translations = update_translations.UpdateTranslationsView.as_view()


def sync_translations(request, translation_source_id: int):
    """wagtail-localize's "Sync translated pages/snippets" rewrites (and may publish) every
    language's translation: a translator may use it only when all of them are theirs."""
    source = get_object_or_404(
        TranslationSource.objects.select_related("specific_content_type"),
        pk=translation_source_id,
    )
    allowed = languages_for(request.user, source.specific_content_type.model_class())
    if allowed is not None:
        targets = set(
            source.translations.filter(enabled=True).values_list(
                "target_locale__language_code", flat=True
            )
        )
        if not targets <= allowed:
            raise PermissionDenied
    return _update_translations(request, translation_source_id=translation_source_id)


def _with_form_parsers(view, *, accepts=None):
    """wagtail-localize's editor saves each string or override as a multipart PUT request;
    the project's REST_FRAMEWORK setting parses JSON only (for the public API), which answers
    it 415. `accepts` checks the sent value first (cms/translation/safe_links.py); a PUT
    without a value is a 400 rather than the view's KeyError."""

    class Editor(view.cls):
        parser_classes = [MultiPartParser, FormParser, JSONParser]

        def put(self, request, *args, **kwargs):
            value = request.data.get("value")
            if not isinstance(value, str):
                return Response({"detail": _("Send the new text as “value”.")}, status=400)
            if accepts is not None and not accepts(value):
                return Response({"detail": safe_links.refusal()}, status=400)
            return super().put(request, *args, **kwargs)

    return Editor.as_view()


def _clear_po_upload_errors(view):
    """wagtail-localize's PO upload answers a 500 when no file is sent or the file lacks its
    translation id (a PO file from elsewhere): say what to do instead."""

    @wraps(view)
    def upload(request, translation_id: int):
        try:
            return view(request, translation_id)
        except KeyError:
            messages.error(
                request,
                _(
                    "This is not a PO file downloaded from this translation. Use "
                    "“Download PO file”, translate it and upload that file."
                ),
            )
            return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")

    return upload


def wagtail_localize_urls() -> list:
    """Paths matching wagtail-localize's own, registered before them so these answer."""
    guard = _own_language_translations_only
    return [
        path("submit/page/<int:page_id>/", SubmitPageTranslationView.as_view()),
        path(
            "submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            SubmitSnippetTranslationView.as_view(),
        ),
        path("update/<int:translation_source_id>/", sync_translations),
        path(
            "translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
            guard(
                _with_form_parsers(
                    edit_translation.edit_string_translation, accepts=safe_links.is_safe_string
                )
            ),
        ),
        path(
            "translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
            guard(
                _with_form_parsers(
                    edit_translation.edit_override, accepts=safe_links.is_safe_address
                )
            ),
        ),
        path(
            "translate/<int:translation_id>/pofile/upload/",
            guard(_clear_po_upload_errors(edit_translation.upload_pofile)),
        ),
        path(
            "translate/<int:translation_id>/machine_translate/",
            guard(edit_translation.machine_translate),
        ),
        path("translate/<int:translation_id>/disable/", guard(edit_translation.stop_translation)),
    ]
