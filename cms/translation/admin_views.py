"""The coverage table of the translation workflow: pages and snippets × languages, with each
translation's status and a link to make or edit it (docs/translation.md)."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.paginator import Paginator
from django.db.models import Model
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.viewsets.base import ViewSet
from wagtail.models import Page

from cms import languages
from cms.translation import coverage, status
from cms.translation.access import coverage_scope, languages_for

ROWS_PER_PAGE = 50

STATUS_LABELS = {
    status.SOURCE: gettext_lazy("Source"),
    status.UP_TO_DATE: gettext_lazy("Up to date"),
    status.OUTDATED: gettext_lazy("Outdated"),
    status.MACHINE: gettext_lazy("Machine draft"),
    status.UNTRANSLATED_TEXT: gettext_lazy("Contains untranslated text"),
    status.MISSING: gettext_lazy("Missing"),
}
READY = (status.SOURCE, status.UP_TO_DATE)  # what readers may read as it is
# Each status has its word and its icon as well as its colour.
STATUS_ICONS = {
    status.SOURCE: "doc-full",
    status.UP_TO_DATE: "success",
    status.OUTDATED: "history",
    status.MACHINE: "cogs",
    status.UNTRANSLATED_TEXT: "warning",
    status.MISSING: "minus",
}


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
    models, visible = coverage_scope(request.user, status.coverage_models())
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

    chosen_models = [chosen_model] if chosen_model else models
    counts = coverage.coverage_counts(chosen_models, codes=codes, visible=visible)
    summary = [
        {
            "language": language,
            "counts": [
                (STATUS_LABELS[name], counts[language.code, name]) for name in status.STATUSES
            ],
            "ready": sum(counts[language.code, name] for name in READY),
        }
        for language in shown
    ]
    entries = coverage.coverage_entries(
        chosen_models, codes=codes, wanted=chosen.get("status"), visible=visible
    )
    page = Paginator(entries, ROWS_PER_PAGE).get_page(request.GET.get("p"))
    # The statuses shown are computed afresh for the page's rows.
    keys = [entry.translation_key for entry in page.object_list]
    position = {key: number for number, key in enumerate(keys)}
    rows = sorted(
        status.coverage(chosen_models, keys=keys),
        key=lambda row: position[row.origin.translation_key],
    )
    can_submit = request.user.has_perm("wagtail_localize.submit_translation")
    groups: list[dict] = []
    for coverage_row in rows:
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
            "total": page.paginator.count,
            "counted": counts["rows"],
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
