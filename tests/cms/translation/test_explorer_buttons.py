"""wagtail-localize's buttons in the page explorer, without its queries per row: the same
buttons for the same pages, and a listing that costs the same queries for 10 or 30 pages."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from learning.factories import LessonPageFactory
from learning.models import LessonIndexPage, LessonPage

pytestmark = pytest.mark.django_db


def explorer(client, index: LessonIndexPage) -> str:
    response = client.get(f"/admin/pages/{index.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_each_row_keeps_its_translate_and_sync_buttons(admin_client):
    index = LessonIndexPage.objects.get(locale__language_code="bg")
    html = explorer(admin_client, index)

    # A demo lesson is the source of synced translations, and Farsi is still missing.
    lesson = LessonPage.objects.child_of(index).first()
    source = TranslationSource.objects.get_for_instance(lesson)
    assert f"/admin/localize/update/{source.pk}/" in html
    assert f"/admin/localize/submit/page/{lesson.pk}/" in html
    # A new lesson has nothing to sync yet, only languages to translate into.
    added = LessonPageFactory(parent=index, title="Без преводи")
    html = explorer(admin_client, index)
    assert f"/admin/localize/submit/page/{added.pk}/" in html
    assert not TranslationSource.objects.filter(object_id=added.translation_key).exists()
    # Every row (lessons and courses) that is a synced source, as wagtail-localize shows.
    rows = re.findall(r"<tr[^>]*>.*?</tr>", html, flags=re.S)
    synced = {
        number for row in rows for number in re.findall(r"/admin/localize/update/(\d+)/", row)
    }
    assert synced == {
        str(source.pk)
        for source in TranslationSource.objects.filter(
            object_id__in=Page.objects.child_of(index).values("translation_key"),
            locale=index.locale,
            translations__enabled=True,
        )
    }


def test_the_listing_costs_the_same_queries_for_more_pages(admin_client):
    index = LessonIndexPage.objects.get(locale__language_code="bg")
    explorer(admin_client, index)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            explorer(admin_client, index)
        return len(captured)

    before = queries()
    for number in range(20):
        LessonPageFactory(parent=index, title=f"Още един урок {number}")

    assert queries() == before
