"""Admin pages of the translation workflow: the coverage table (pages and snippets × languages)
and the limits that keep a translator to their languages (docs/translation.md)."""

from dataclasses import dataclass
from functools import wraps
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Model
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.viewsets.base import ViewSet
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views import edit_translation, submit_translations, update_translations

from cms import languages, services
from cms import translation_status as status

ROWS_PER_PAGE = 50

STATUS_LABELS = {
    status.SOURCE: gettext_lazy("Source"),
    status.UP_TO_DATE: gettext_lazy("Up to date"),
    status.OUTDATED: gettext_lazy("Outdated"),
    status.MACHINE: gettext_lazy("Machine draft"),
    status.MISSING: gettext_lazy("Missing"),
}
# Each status has its word and its icon as well as its colour.
STATUS_ICONS = {
    status.SOURCE: "doc-full",
    status.UP_TO_DATE: "success",
    status.OUTDATED: "history",
    status.MACHINE: "cogs",
    status.MISSING: "minus",
}


# --- Who translates what ------------------------------------------------------------------
# Members of translator groups ("Translators: Arabic"…) are limited to their groups'
# languages. Pages need nothing more: each language has its own tree and the groups have
# permissions on theirs only. Snippet permissions are per type, not per language, so the
# hooks in cms/wagtail_hooks.py and the views below check the language. Permissions that
# come from any other group (editors, moderators) or from the user are never narrowed.


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


def _with_form_parsers(view):
    """wagtail-localize's editor saves each string as a multipart PUT request; the project's
    REST_FRAMEWORK setting parses JSON only (for the public API), which answers it 415."""
    return view.cls.as_view(parser_classes=[MultiPartParser, FormParser, JSONParser])


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
            guard(_with_form_parsers(edit_translation.edit_string_translation)),
        ),
        path(
            "translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
            guard(_with_form_parsers(edit_translation.edit_override)),
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


# --- The coverage table -------------------------------------------------------------------


class CoverageFilterForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Type"), required=False)
    language = forms.ChoiceField(label=gettext_lazy("Language"), required=False)
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)

    def __init__(self, *args, models: list[type[Model]], **kwargs):
        super().__init__(*args, **kwargs)
        self.models = {model._meta.label_lower: model for model in models}
        self.fields["kind"].choices = [
            ("", _("All types")),
            *[
                (label, capfirst(model._meta.verbose_name_plural))
                for label, model in self.models.items()
            ],
        ]
        self.fields["language"].choices = [
            ("", _("All languages")),
            *[(language.code, language.name) for language in languages.all_languages()],
        ]
        self.fields["status"].choices = [("", _("All statuses")), *STATUS_LABELS.items()]


@dataclass(frozen=True)
class Cell:
    language: languages.Language
    status: str
    label: str
    icon: str
    url: str | None  # the translation's edit page (wagtail-localize's editor when synced)
    translate_url: str | None  # a missing one: wagtail-localize's "translate" form


@dataclass(frozen=True)
class Row:
    title: str
    url: str | None
    type_label: str
    cells: list[Cell]


def _edit_url(instance: Model) -> str:
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    return reverse(instance.snippet_viewset.get_url_name("edit"), args=[quote(instance.pk)])


def _translate_url(origin: Model, code: str, next_url: str) -> str:
    if isinstance(origin, Page):
        url = reverse("wagtail_localize:submit_page_translation", args=[origin.pk])
    else:
        meta = origin._meta
        url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[meta.app_label, meta.model_name, quote(origin.pk)],
        )
    return f"{url}?{urlencode({'select_locale': code, 'next': next_url})}"


def _row(
    row: status.CoverageRow,
    shown: list[languages.Language],
    *,
    user,
    can_submit: bool,
    next_url: str,
) -> Row:
    allowed = languages_for(user, row.model)
    origin_code = row.origin.locale.language_code

    def cell(language: languages.Language) -> Cell:
        code = language.code
        state = row.states[code]
        mine = allowed is None or code in allowed
        url = _edit_url(state.instance) if state.instance is not None and mine else None
        translate_url = None
        if state.status == status.MISSING and can_submit and mine:
            translate_url = _translate_url(row.origin, code, next_url)
        return Cell(
            language=language,
            status=state.status,
            label=STATUS_LABELS[state.status],
            icon=STATUS_ICONS[state.status],
            url=url,
            translate_url=translate_url,
        )

    return Row(
        title=row.title,
        url=_edit_url(row.origin) if allowed is None or origin_code in allowed else None,
        type_label=capfirst(row.model._meta.verbose_name_plural),
        cells=[cell(language) for language in shown],
    )


def translation_coverage(request):
    """Which pages and snippets are translated into which language, and how well."""
    models = status.coverage_models()
    form = CoverageFilterForm(request.GET, models=models)
    form.is_valid()
    if form.errors:
        messages.error(
            request,
            _("Some filters were not understood and are left out: %(filters)s.")
            % {"filters": ", ".join(str(form.fields[name].label) for name in form.errors)},
        )
    chosen = form.cleaned_data
    chosen_model = form.models.get(chosen.get("kind") or "")
    all_languages = languages.all_languages()
    shown = [
        language
        for language in all_languages
        if not chosen.get("language") or language.code == chosen["language"]
    ]
    codes = [language.code for language in shown]

    rows = status.coverage([chosen_model] if chosen_model else models)
    summary = [
        {
            "language": language,
            "counts": [
                (STATUS_LABELS[name], sum(row.states[language.code].status == name for row in rows))
                for name in status.STATUSES
            ],
            "ready": sum(
                row.states[language.code].status in (status.SOURCE, status.UP_TO_DATE)
                for row in rows
            ),
        }
        for language in shown
    ]
    counted = len(rows)
    if chosen.get("status"):
        rows = [
            row
            for row in rows
            if any(row.states[code].status == chosen["status"] for code in codes)
        ]
    page = Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("p"))
    can_submit = request.user.has_perm("wagtail_localize.submit_translation")
    groups: list[dict] = []
    for coverage_row in page.object_list:
        row = _row(
            coverage_row,
            shown,
            user=request.user,
            can_submit=can_submit,
            next_url=request.get_full_path(),
        )
        if not groups or groups[-1]["label"] != row.type_label:
            groups.append({"label": row.type_label, "rows": []})
        groups[-1]["rows"].append(row)
    return TemplateResponse(
        request,
        "cms/admin/translation_coverage.html",
        {
            "form": form,
            "languages": shown,
            "summary": summary,
            "total": len(rows),
            "counted": counted,
            "page_obj": page,
            "groups": groups,
            "page_title": _("Translations"),
            "header_icon": "site",
        },
    )


class TranslationCoverageViewSet(ViewSet):
    name = "translation_coverage"
    url_prefix = "translations"
    icon = "site"
    menu_label = gettext_lazy("Translations")
    menu_order = 250
    add_to_admin_menu = True

    def get_urlpatterns(self):
        return [path("", translation_coverage, name="index")]

    @property
    def menu_url(self):
        return reverse(self.get_url_name("index"))
