"""Demo data story: Sofia's city integration audit, with the integration lab and the City
Integration Agenda as its parts, in Bulgarian and English (cms.demo.audit_texts).

Idempotent like the rest of the demo: a page that exists is left as it is."""

from decimal import Decimal

from django.db import transaction
from wagtail.models import Page

from cms.data_stories.models import DataStoryPage
from cms.demo import audit_texts as texts
from cms.demo.helpers import Log, ensure_translations, rich_text, source_text

TRANSLATED_INTO = ["en"]  # other languages fall back to English, then Bulgarian


def load_audit(*, home: Page, log: Log, poll=None) -> None:
    # The audit's attitudes question (cms.demo.polls) ends the story, for readers to answer.
    extra = [("poll", {"poll": poll})] if poll is not None else []
    story = _ensure_story(parent=home, data=texts.AUDIT, log=log, extra=extra)
    parts = [_ensure_story(parent=story, data=data, log=log) for data in (texts.LAB, texts.AGENDA)]
    # The story before its parts: a translation needs its parent translated first.
    for page in (story, *parts):
        ensure_translations(page, TRANSLATED_INTO, texts.CATALOG, log=log, label=page.title)


@transaction.atomic
def _ensure_story(
    *, parent: Page, data: dict, log: Log, extra: list | None = None
) -> DataStoryPage:
    text = source_text
    slug = text(data["slug"])
    page = DataStoryPage.objects.child_of(parent).filter(slug=slug).first()
    if page is not None:
        log(f"Data story: exists (“{page.title}”)")
        return page
    page = DataStoryPage(
        title=text(data["title"]),
        slug=slug,
        intro=text(data["intro"]),
        body=[_block(kind, value) for kind, value in data["body"]] + (extra or []),
        sources=[
            ("source", {"title": text(source["title"]), "url": source["url"]})
            for source in texts.SOURCES
        ],
        funding_disclaimer=text(texts.DISCLAIMER),
        locale=parent.locale,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    log(f"Data story: created (“{page.title}”)")
    return page


def _block(kind: str, value) -> tuple[str, object]:
    text = source_text
    if kind == "rich_text":
        return kind, rich_text(value)
    source = {"source": text(texts.AUDIT_SOURCE), "source_url": texts.AUDIT_URL}
    if kind == "statistic":
        return kind, {
            "value": Decimal(value["value"]),
            "unit": text(value["unit"]),
            "label": text(value["label"]),
            "year": value["year"],
            **source,
        }
    return kind, {
        "title": text(value["title"]),
        "description": text(value["description"]),
        "chart_type": value["chart_type"],
        "unit": text(value["unit"]),
        "labels": [text(label) for label in value["labels"]],
        "series": [
            {"label": text(item["label"]), "values": [Decimal(v) for v in item["values"]]}
            for item in value["series"]
        ],
        "year": value["year"],
        **source,
    }
