"""Copies of a translatable page "family" (one page in each language it has) made in bulk,
with Wagtail's tree and wagtail-localize's records as the admin would have left them.

A family is copied from a template (a demo lesson, story or course) under the same parents:
new tree paths and URL paths, a new translation key, title and slug numbered, and for each
language a status: the translation is up to date, outdated (the source was published after
it), a machine draft, or missing. Languages the template lacks take another version's
content (the donor language), as a machine draft would. wagtail-localize's records are
copied with it: the translatable object, the source with its segments and contexts, the
translations, their string translations (machine or manual) and the log of when each was
written, so the coverage table, the API's statuses and the translation editor work on the
copies. Not copied: revisions (a copy is live without one, like an imported page; the
first edit makes one) and the reference index (`manage.py rebuild_references_index`).
"""

import copy
import json
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.database.postgres.postgres import PostgresSearchBackend
from wagtail.search.models import IndexEntry
from wagtail_localize.models import (
    OverridableSegment,
    RelatedObjectSegment,
    String,
    StringSegment,
    StringTranslation,
    TemplateSegment,
    TranslatableObject,
    Translation,
    TranslationContext,
    TranslationLog,
    TranslationSource,
)

from cms import languages
from cms.scale import Run, add_made, made
from cms.scale.rows import copy_rows, insert
from cms.search.services import index_new_pages
from cms.shown_versions.services import refresh_shown_versions
from cms.translation.coverage import refresh_coverage

UP_TO_DATE, OUTDATED, MACHINE, MISSING = "up_to_date", "outdated", "machine", "missing"
_SEGMENT_MODELS = (StringSegment, TemplateSegment, RelatedObjectSegment, OverridableSegment)
_NUMBERED = ("title", "slug")
_STRING_TRANSLATION_COLUMNS = (
    "translation_of_id",
    "locale_id",
    "context_id",
    "data",
    "translation_type",
    "tool_name",
    "last_translated_by_id",
    "created_at",
    "updated_at",
    "has_error",
    "field_error",
)  # the fields each copy numbers, in every language


@dataclass(frozen=True)
class Family:
    """A template: its versions by language code (specific pages), the source first."""

    source_code: str
    versions: dict[str, Page]

    @property
    def source(self) -> Page:
        return self.versions[self.source_code]

    @classmethod
    def of(cls, page: Page, source_code: str) -> "Family":
        model = page.specific_class
        versions = {
            version.locale.language_code: version
            for version in model.objects.filter(translation_key=page.translation_key)
            .select_related("locale")
            .filter(alias_of__isnull=True)
        }
        return cls(source_code=source_code, versions=versions)


@dataclass
class Copy:
    """One copy to make: its number (in titles and slugs), when its source was published,
    and the status of each other language."""

    number: int
    published_at: datetime
    statuses: dict[str, str]
    key: uuid.UUID = field(default_factory=uuid.uuid4)
    pages: dict[str, Page] = field(default_factory=dict)  # filled in: the copies by language


Adjust = Callable[[Page, Copy, str], None]


def numbered(text: str, number: int, name: str) -> str:
    return f"{text}-{number}" if name == "slug" else f"{text} · {number}"


class FamilyCopier:
    """Copies one template family into many (call `copy` with batches of `Copy`)."""

    def __init__(
        self,
        template: Family,
        *,
        parents: dict[str, Page],
        donor: str,
        adjust: Adjust | None = None,
        adjusted_fields: Sequence[str] = (),
    ):
        self.template = template
        self.parents = parents
        self.donor = donor
        self.adjust = adjust
        self.adjusted_fields = adjusted_fields  # what `adjust` changes: the source's text keeps it
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.model = type(template.source)
        self.page_type = ContentType.objects.get_for_model(self.model)
        self.many_to_many = {
            version_code: {
                m2m.name: list(getattr(version, m2m.name).values_list("pk", flat=True))
                for m2m in self.model._meta.local_many_to_many
            }
            for version_code, version in template.versions.items()
        }
        self._load_localize_records()
        # Stream fields serialised once per template version, not once per copy.
        self.prepared = {
            code: {
                name: self.model._meta.get_field(name).get_prep_value(getattr(version, name))
                for name in self._stream_fields()
            }
            for code, version in template.versions.items()
        }

    def _stream_fields(self) -> list[str]:
        return [
            model_field.name
            for model_field in self.model._meta.local_concrete_fields
            if isinstance(model_field, StreamField)
        ]

    # --- what the template has -----------------------------------------------------------

    def _load_localize_records(self) -> None:
        key = self.template.source.translation_key
        self.object_type_id = TranslatableObject.objects.get(translation_key=key).content_type_id
        self.sources = list(TranslationSource.objects.filter(object_id=key))
        self.contexts = list(TranslationContext.objects.filter(object_id=key))
        self.numbered_contexts = {
            context.pk: context.path for context in self.contexts if context.path in _NUMBERED
        }
        self.segments = {
            model: list(model.objects.filter(source__in=self.sources)) for model in _SEGMENT_MODELS
        }
        self.content = {source.pk: json.loads(source.content_json) for source in self.sources}
        by_language: dict[str, list[StringTranslation]] = defaultdict(list)
        translated_strings = StringTranslation.objects.filter(context__in=self.contexts)
        for translated in translated_strings.select_related("locale"):
            by_language[translated.locale.language_code].append(translated)
        self.string_translations = by_language

    def content_code(self, code: str) -> str:
        """The language whose content a copy in `code` takes."""
        return code if code in self.template.versions else self.donor

    # --- copying ---------------------------------------------------------------------------

    def copy(self, copies: Sequence[Copy]) -> None:
        positions = self._next_positions()
        pages: list[Page] = []
        for item in copies:
            for code in item.statuses:
                if code not in self.parents:  # no place for it: that language has no index
                    item.statuses[code] = MISSING
            codes = [self.template.source_code] + [
                code for code, status in item.statuses.items() if status != MISSING
            ]
            for code in codes:
                page = self._page(item, code, positions)
                item.pages[code] = page
                pages.append(page)
        base_rows = [self._base_row(page) for page in pages]
        insert(Page, base_rows, returning=True)
        for page, row in zip(pages, base_rows, strict=True):
            page.pk = page.id = page.page_ptr_id = row.pk
        insert(self.model, pages)
        self._copy_many_to_many(copies)
        for parent_pk, added in positions["added"].items():
            Page.objects.filter(pk=parent_pk).update(numchild=F("numchild") + added)
        self._copy_localize_records(copies)
        self._index_for_search(pages)
        # Bulk rows send no signals: the versions each language is shown, chosen here, and
        # the translations table's rows.
        keys = [item.key for item in copies]
        refresh_shown_versions(translation_keys=keys)
        refresh_coverage(translation_keys=keys)
        # The readers' search (cms.search), from the stored copies.
        index_new_pages(
            pages=self.model.objects.filter(pk__in=[page.pk for page in pages])
            .select_related("locale")
            .iterator(chunk_size=500)
        )

    def _index_for_search(self, pages: list[Page]) -> None:
        """Search entries: on PostgreSQL, the template's entry copied in SQL (its words are
        the copy's words; the title's number is only in the stored title text), many times
        faster than Wagtail indexing each page; elsewhere Wagtail's own bulk indexing."""
        backend = get_search_backend()
        if not isinstance(backend, PostgresSearchBackend):
            # Loaded again: the copies in memory hold their stream fields serialised.
            backend.add_bulk(self.model, self.model.objects.filter(pk__in=[p.pk for p in pages]))
            return
        table = IndexEntry._meta.db_table
        for start in range(0, len(pages), 1000):
            chunk = pages[start : start + 1000]
            values = ", ".join(["(%s, %s, %s)"] * len(chunk))
            parameters = [
                value
                for page in chunk
                for value in (str(page._template_pk), str(page.pk), page.title)
            ]
            with connection.cursor() as cursor:
                cursor.execute(
                    f"""INSERT INTO {table} (object_id, title_norm, content_type_id, autocomplete,
                        title, body, title_text, body_text)
                    SELECT copy.new_id, entry.title_norm, entry.content_type_id,
                        entry.autocomplete, entry.title, entry.body, copy.title, entry.body_text
                    FROM {table} entry
                    JOIN (VALUES {values}) AS copy (template_id, new_id, title)
                        ON entry.object_id = copy.template_id
                    WHERE entry.content_type_id = %s""",
                    [*parameters, self.page_type.pk],
                )

    def _next_positions(self) -> dict:
        positions: dict = {"next": {}, "added": defaultdict(int)}
        for parent in self.parents.values():
            last = (
                Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
                .order_by("-path")
                .values_list("path", flat=True)
                .first()
            )
            positions["next"][parent.pk] = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
        return positions

    def _page(self, item: Copy, code: str, positions: dict) -> Page:
        version = self.template.versions[self.content_code(code)]
        parent = self.parents[code]
        page = copy.copy(version)
        page._template_pk = version.pk  # its search entry is copied from the template's
        # Past the field's descriptor: already serialised, written as it is.
        page.__dict__.update(self.prepared[self.content_code(code)])
        page._state = copy.copy(version._state)
        page._state.adding = True
        page._state.fields_cache = {}  # the template's locale and parent are not the copy's
        position = positions["next"][parent.pk]
        positions["next"][parent.pk] += 1
        positions["added"][parent.pk] += 1
        page.path = Page._get_path(parent.path, parent.depth + 1, position)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.locale_id = self.locales[code].pk
        page.translation_key = item.key
        page.title = page.draft_title = numbered(version.title, item.number, "title")
        page.slug = numbered(version.slug, item.number, "slug")
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.live, page.has_unpublished_changes, page.expired = True, False, False
        page.locked, page.locked_at, page.locked_by_id = False, None, None
        page.live_revision_id = page.latest_revision_id = None
        page.alias_of_id = None
        page.owner_id = None
        published = self._published_at(item, code)
        page.first_published_at = page.last_published_at = published
        page.latest_revision_created_at = published
        if self.adjust is not None:
            self.adjust(page, item, code)
        return page

    def _published_at(self, item: Copy, code: str) -> datetime:
        """Translations written after their source, outdated ones before its last change."""
        if code == self.template.source_code:
            return item.published_at
        if item.statuses[code] == OUTDATED:
            return item.published_at - timedelta(days=30)
        return item.published_at + timedelta(hours=1)

    def _base_row(self, page: Page) -> Page:
        row = Page(**{f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields})
        row.content_type_id = self.page_type.pk
        return row

    def _copy_many_to_many(self, copies: Sequence[Copy]) -> None:
        for m2m in self.model._meta.local_many_to_many:
            through = m2m.remote_field.through
            own, other = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
            rows = [
                through(**{f"{own}_id": page.pk, f"{other}_id": target})
                for item in copies
                for code, page in item.pages.items()
                for target in self.many_to_many[self.content_code(code)][m2m.name]
            ]
            through.objects.bulk_create(rows, batch_size=1000)

    # --- wagtail-localize ------------------------------------------------------------------

    def _copy_localize_records(self, copies: Sequence[Copy]) -> None:
        TranslatableObject.objects.bulk_create(
            [
                TranslatableObject(translation_key=item.key, content_type_id=self.object_type_id)
                for item in copies
            ],
            batch_size=1000,
        )
        sources = {}  # (copy number, template source pk) → new source
        for item in copies:
            for template_source in self.sources:
                source = copy.copy(template_source)
                source.pk = None
                source.object_id = item.key
                page = item.pages[self.template.source_code]
                source.object_repr = page.title[:200]
                source.content_json = self._content(template_source, page)
                source.created_at = source.last_updated_at = item.published_at
                sources[item.number, template_source.pk] = source
        insert(TranslationSource, list(sources.values()), returning=True)

        contexts = {}  # (copy number, template context pk) → new context
        for item in copies:
            for template_context in self.contexts:
                context = copy.copy(template_context)
                context.pk = None
                context.object_id = item.key
                contexts[item.number, template_context.pk] = context
        insert(TranslationContext, list(contexts.values()), returning=True)

        strings = self._numbered_strings(copies)
        for model, template_segments in self.segments.items():
            rows = []
            for item in copies:
                for segment in template_segments:
                    row = copy.copy(segment)
                    row.pk = None
                    row.source_id = sources[item.number, segment.source_id].pk
                    row.context_id = contexts[item.number, segment.context_id].pk
                    if model is StringSegment and segment.context_id in self.numbered_contexts:
                        path = self.numbered_contexts[segment.context_id]
                        row.string_id = strings[item.number, path]
                    rows.append(row)
            insert(model, rows)
        self._copy_translations(copies, sources, contexts, strings)

    def _content(self, template_source: TranslationSource, page: Page) -> str:
        content = dict(self.content[template_source.pk])
        for name in ("pk", "path", "depth", "url_path", "title", "draft_title", "slug"):
            if name in content:
                content[name] = getattr(page, "pk" if name == "pk" else name)
        content["translation_key"] = str(page.translation_key)
        for name in self.adjusted_fields:
            value = self.model._meta.get_field(name).get_prep_value(getattr(page, name))
            content[name] = json.dumps(value, cls=_JSONEncoder)
        content["numchild"] = 0
        content["latest_revision"] = content["live_revision"] = None
        return json.dumps(content, cls=_JSONEncoder)

    def _numbered_strings(self, copies: Sequence[Copy]) -> dict[tuple[int, str], int]:
        """The source-language strings of each copy's title and slug."""
        locale = self.locales[self.template.source_code]
        wanted = {
            (item.number, name): getattr(item.pages[self.template.source_code], name)
            for item in copies
            for name in _NUMBERED
        }
        hashes = {text: String._get_data_hash(text) for text in wanted.values()}
        String.objects.bulk_create(
            [String(locale=locale, data=text, data_hash=hashed) for text, hashed in hashes.items()],
            batch_size=1000,
            ignore_conflicts=True,
        )
        ids = {}
        hash_list = list(set(hashes.values()))
        for start in range(0, len(hash_list), 1000):
            ids.update(
                String.objects.filter(
                    locale=locale, data_hash__in=hash_list[start : start + 1000]
                ).values_list("data_hash", "pk")
            )
        return {where: ids[hashes[text]] for where, text in wanted.items()}

    def _copy_translations(self, copies, sources, contexts, strings) -> None:
        translations, logs, string_translations = [], [], []
        for item in copies:
            for code, status in item.statuses.items():
                if status == MISSING:
                    continue
                locale = self.locales[code]
                page = item.pages[code]
                for template_source in self.sources:
                    source = sources[item.number, template_source.pk]
                    translations.append(
                        Translation(
                            source_id=source.pk,
                            target_locale_id=locale.pk,
                            created_at=item.published_at,
                            enabled=True,
                        )
                    )
                    logs.append(
                        TranslationLog(
                            source_id=source.pk,
                            locale_id=locale.pk,
                            created_at=page.last_published_at,
                            revision_id=None,
                        )
                    )
                kind = (
                    StringTranslation.TRANSLATION_TYPE_MACHINE
                    if status == MACHINE
                    else StringTranslation.TRANSLATION_TYPE_MANUAL
                )
                # The bulk of the data set (about 100 per lesson): plain rows, not objects.
                moment = page.last_published_at
                for template_row in self.string_translations.get(self.content_code(code), []):
                    path = self.numbered_contexts.get(template_row.context_id)
                    string_translations.append(
                        (
                            strings[item.number, path] if path else template_row.translation_of_id,
                            locale.pk,
                            contexts[item.number, template_row.context_id].pk,
                            getattr(page, path) if path else template_row.data,
                            kind,
                            "scale data" if status == MACHINE else template_row.tool_name,
                            None,
                            moment,
                            moment,
                            template_row.has_error,
                            template_row.field_error,
                        )
                    )
        insert(Translation, translations)
        insert(TranslationLog, logs)
        copy_rows(StringTranslation, _STRING_TRANSLATION_COLUMNS, string_translations)


# --- many copies ------------------------------------------------------------------------

BATCH = 250  # copies per transaction: small enough to show progress, big enough for bulk
# The statuses of a copy's languages: those the template is translated into, and those it
# lacks (machine drafts of the donor's text, or nothing: readers get the marked fallback).
TRANSLATED_MIX = {UP_TO_DATE: 75, OUTDATED: 10, MACHINE: 5, MISSING: 10}
DRAFTED_MIX = {MACHINE: 50, MISSING: 50}


def plan_copies(
    run: Run, kind: str, templates: Sequence[Family], count: int
) -> list[tuple[Family, Copy]]:
    """`count` numbered copies, the templates in turn, each language's status drawn from
    the mixes."""
    first = made(kind) + 1
    times = run.published_times(kind, count)
    chooser = run.random(f"{kind}:statuses")
    planned = []
    for offset in range(count):
        number = first + offset
        template = templates[number % len(templates)]
        row = {}
        for code in languages.codes()[1:]:
            mix = TRANSLATED_MIX if code in template.versions else DRAFTED_MIX
            row[code] = chooser.choices(list(mix), weights=list(mix.values()))[0]
        planned.append((template, Copy(number=number, published_at=times[offset], statuses=row)))
    return planned


def copy_in_batches(
    run: Run,
    kind: str,
    templates: Sequence[Family],
    *,
    parents: dict[str, Page],
    donor: str,
    then: Callable[[list[Copy]], None] | None = None,
) -> None:
    """Make the copies of `kind` still missing, the templates in turn, in transactions of
    BATCH that each count what they made (an interrupted run resumes where it stopped).
    `then` adds what goes with each batch of copies (a story's consent record)."""
    wanted = run.missing(kind)
    if not wanted:
        run.log(f"{kind}: all there")
        return
    copiers = {
        id(template): FamilyCopier(template, parents=parents, donor=donor) for template in templates
    }
    with run.progress(kind, wanted) as bar:
        for start in range(0, wanted, BATCH):
            size = min(BATCH, wanted - start)
            with transaction.atomic():
                planned = plan_copies(run, kind, templates, size)
                for template in templates:
                    batch = [item for owner, item in planned if owner is template]
                    if batch:
                        copiers[id(template)].copy(batch)
                if then is not None:
                    then([item for _, item in planned])
                add_made(kind, size)
            bar.update(size)


class _JSONEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, datetime | uuid.UUID):
            return str(o)
        return super().default(o)
