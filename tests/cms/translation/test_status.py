"""Each translation's status against its source, from wagtail-localize's own records: the
statuses the API shows partners and the coverage table shows editors."""

import runpy

import pytest
from django.db import connection
from django.test.client import encode_multipart
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.dummy import DummyTranslator
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from cms.factories import ContentPageFactory
from cms.models import ContentPage
from cms.translation import services
from cms.translation.status import (
    MACHINE,
    MISSING,
    OUTDATED,
    SOURCE,
    UP_TO_DATE,
    all_versions,
    translation_states,
)
from learning.factories import TopicFactory
from learning.models import Topic
from tests.conftest import PROJECT_DIR

pytestmark = pytest.mark.django_db


def bg_home() -> Page:
    return Page.objects.get(depth=2, locale__language_code="bg")


def new_source_page(**fields) -> ContentPage:
    page = ContentPageFactory(
        parent=bg_home(),
        **{"title": "Транспорт", "intro": "Как се купува билет.", **fields},
    )
    page.save_revision().publish()
    return page


def states_of(instance, **kwargs) -> dict:
    model = ContentPage if isinstance(instance, Page) else type(instance)
    key = instance.translation_key
    return translation_states(all_versions(model, [key]), **kwargs)[key]


def publish_again(page: ContentPage, **changes) -> None:
    page.refresh_from_db()
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def translation_of(instance, code: str) -> Translation:
    return Translation.objects.get(
        source__object_id=instance.translation_key, target_locale__language_code=code
    )


def sync(instance, django_capture_on_commit_callbacks) -> None:
    """What wagtail-localize's "Sync translated pages" does: take the source's text again
    and write every translation from it."""
    source = TranslationSource.objects.get(object_id=instance.translation_key)
    with django_capture_on_commit_callbacks(execute=True):
        source.update_from_db()
        for translation in source.translations.filter(enabled=True):
            translation.save_target(publish=True)


def test_the_source_is_source_and_languages_without_a_version_are_missing():
    page = new_source_page()

    states = states_of(page)

    assert list(states) == ["bg", "en", "ar", "fa", "uk", "ru", "tr"]
    assert states["bg"].status == SOURCE
    assert states["bg"].instance.pk == page.pk
    assert {states[code].status for code in ["en", "ar", "fa", "uk", "ru", "tr"]} == {MISSING}
    assert states["ar"].instance is None and states["ar"].synced_at is None


def test_only_the_languages_asked_for_in_that_order():
    page = new_source_page()

    assert list(states_of(page, language_codes=["ar", "bg"])) == ["ar", "bg"]


def test_a_translation_made_through_wagtail_localize_is_up_to_date():
    page = new_source_page()

    arabic = services.translate_from_catalog(
        instance=page, language_code="ar", catalog={"Транспорт": "النقل"}
    )

    state = states_of(page)["ar"]
    assert state.status == UP_TO_DATE
    assert state.instance.pk == arabic.pk
    assert state.synced_at is not None


def test_publishing_the_source_again_makes_it_outdated_and_syncing_up_to_date_again(
    django_capture_on_commit_callbacks,
):
    page = new_source_page()
    services.translate_from_catalog(instance=page, language_code="ar", catalog={})
    synced_at = states_of(page)["ar"].synced_at

    publish_again(page, intro="Билет за автобус.")
    assert states_of(page)["ar"].status == OUTDATED
    assert states_of(page)["bg"].status == SOURCE

    sync(page, django_capture_on_commit_callbacks)
    state = states_of(page)["ar"]
    assert state.status == UP_TO_DATE
    assert state.synced_at > synced_at


def test_taking_the_source_text_again_without_writing_the_translation_leaves_it_outdated():
    page = new_source_page()
    services.translate_from_catalog(instance=page, language_code="ar", catalog={})
    publish_again(page, intro="Ново въведение.")

    TranslationSource.objects.get(object_id=page.translation_key).update_from_db()

    assert states_of(page)["ar"].status == OUTDATED


def test_translating_into_a_new_language_does_not_bring_the_others_up_to_date():
    # Starting a Turkish translation takes the source's text again; the Arabic translation
    # was still written from the old text.
    page = new_source_page()
    services.translate_from_catalog(instance=page, language_code="ar", catalog={})
    publish_again(page, intro="Ново въведение.")

    services.translate_from_catalog(instance=page, language_code="tr", catalog={})

    states = states_of(page)
    assert states["ar"].status == OUTDATED
    assert states["tr"].status == UP_TO_DATE


def test_machine_translating_in_the_admin_makes_a_machine_draft(admin_client):
    page = new_source_page()
    services.translate_from_catalog(instance=page, language_code="ar", catalog={}, publish=False)
    translation = translation_of(page, "ar")
    assert states_of(page)["ar"].status == UP_TO_DATE

    response = admin_client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": reverse("wagtailadmin_home")},
    )

    assert response.status_code == 302
    machine = StringTranslation.objects.filter(
        locale__language_code="ar", translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    )
    assert machine.filter(data="Как се купува билет."[::-1]).exists() is False  # words, not letters
    assert machine.filter(data="билет. купува се Как").exists()
    assert states_of(page)["ar"].status == MACHINE


def test_a_machine_draft_checked_by_a_person_is_up_to_date(admin_client):
    page = new_source_page()
    services.translate_from_catalog(instance=page, language_code="ar", catalog={}, publish=False)
    translation = translation_of(page, "ar")
    admin_client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    assert states_of(page)["ar"].status == MACHINE

    po = translation.export_po()
    services.translate_from_catalog(
        instance=page,
        language_code="ar",
        catalog={entry.msgid: f"ترجمة {entry.msgid}" for entry in po},
    )

    assert states_of(page)["ar"].status == UP_TO_DATE


def test_a_machine_draft_confirmed_string_by_string_in_the_editor_is_up_to_date(admin_client):
    page = new_source_page()
    services.translate_from_catalog(instance=page, language_code="ar", catalog={}, publish=False)
    translation = translation_of(page, "ar")
    admin_client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    machine = StringTranslation.objects.filter(
        locale__language_code="ar", translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    )

    # What wagtail-localize's editor sends when a translator saves a string as it is.
    for segment in StringSegment.objects.filter(source=translation.source):
        suggestion = machine.get(translation_of=segment.string, context=segment.context)
        response = admin_client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            encode_multipart("boundary", {"value": suggestion.data}),
            content_type="multipart/form-data; boundary=boundary",
        )
        assert response.status_code == 200
        assert states_of(page)["ar"].status == (MACHINE if machine.exists() else UP_TO_DATE)

    assert states_of(page)["ar"].status == UP_TO_DATE


def test_machine_strings_of_text_the_source_no_longer_has_do_not_count(
    admin_client, django_capture_on_commit_callbacks
):
    page = new_source_page(title="Билети", slug="bileti")
    services.translate_from_catalog(instance=page, language_code="ar", catalog={}, publish=False)
    admin_client.post(
        reverse("wagtail_localize:machine_translate", args=[translation_of(page, "ar").pk])
    )
    publish_again(page, title="Карти за пътуване", intro="Съвсем нов текст.")
    sync(page, django_capture_on_commit_callbacks)

    # A person translates every string the source has now (the PO file also lists the old
    # text's strings, as obsolete).
    po = translation_of(page, "ar").export_po()
    services.translate_from_catalog(
        instance=page,
        language_code="ar",
        catalog={entry.msgid: f"ترجمة {entry.msgid}" for entry in po if not entry.obsolete},
    )

    assert StringTranslation.objects.filter(
        locale__language_code="ar", translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    ).exists()  # the old text's machine strings are still stored…
    assert states_of(page)["ar"].status == UP_TO_DATE  # …but do not make it a machine draft


def test_an_outdated_machine_draft_is_outdated(admin_client):
    page = new_source_page()
    services.translate_from_catalog(instance=page, language_code="ar", catalog={}, publish=False)
    admin_client.post(
        reverse("wagtail_localize:machine_translate", args=[translation_of(page, "ar").pk])
    )

    publish_again(page, intro="Ново въведение.")

    assert states_of(page)["ar"].status == OUTDATED


def test_the_offline_dummy_translator_is_configured_without_a_deepl_key():
    translator = get_machine_translator()

    assert isinstance(translator, DummyTranslator)
    assert translator.can_translate(
        Locale.objects.get(language_code="bg"), Locale.objects.get(language_code="ar")
    )


def test_deepl_is_configured_with_a_key(monkeypatch):
    monkeypatch.setenv("DEEPL_API_KEY", "secret:fx")
    base = runpy.run_path(str(PROJECT_DIR / "cms" / "settings" / "base.py"))

    assert base["WAGTAILLOCALIZE_MACHINE_TRANSLATOR"] == {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "secret:fx"},
    }
    monkeypatch.delenv("DEEPL_API_KEY")
    base = runpy.run_path(str(PROJECT_DIR / "cms" / "settings" / "base.py"))
    assert base["WAGTAILLOCALIZE_MACHINE_TRANSLATOR"]["CLASS"].endswith(".DummyTranslator")


def test_a_translation_made_by_hand_is_outdated_when_the_source_is_published_after_it():
    page = new_source_page()
    english = page.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.save_revision().publish()
    assert states_of(page)["en"].status == UP_TO_DATE
    assert states_of(page)["en"].synced_at is None

    publish_again(page, intro="Ново въведение.")

    assert states_of(page)["en"].status == OUTDATED


def test_an_alias_shows_the_source_text_so_the_language_is_missing():
    page = new_source_page()
    english_home = bg_home().get_translation(Locale.objects.get(language_code="en"))
    page.create_alias(
        parent=english_home, update_locale=english_home.locale, reset_translation_key=False
    )

    state = states_of(page)["en"]

    assert Page.objects.filter(translation_key=page.translation_key, locale=english_home.locale)
    assert state.status == MISSING
    assert state.instance is None


def test_a_snippet_edited_in_the_admin_after_its_translation_is_outdated_until_synced(
    admin_client, django_capture_on_commit_callbacks
):
    topic = TopicFactory(name="Здраве", slug="zdrave-status")
    services.translate_from_catalog(instance=topic, language_code="ar", catalog={"Здраве": "صحة"})
    assert states_of(topic)["ar"].status == UP_TO_DATE
    assert states_of(topic)["bg"].status == SOURCE

    response = admin_client.post(
        reverse("wagtailsnippets_learning_topic:edit", args=[topic.pk]),
        {"name": "Здраве и лекари", "slug": "zdrave-status", "description": ""},
    )
    assert response.status_code == 302
    assert states_of(topic)["ar"].status == OUTDATED

    sync(topic, django_capture_on_commit_callbacks)
    assert states_of(topic)["ar"].status == UP_TO_DATE
    assert Topic.objects.get(translation_key=topic.translation_key, locale__language_code="ar")


def test_a_constant_number_of_queries_whatever_the_number_of_objects(
    django_assert_max_num_queries,
):
    def build(count: int) -> list:
        made = []
        for number in range(count):
            page = new_source_page(title=f"Страница {number}", slug=f"status-{count}-{number}")
            services.translate_from_catalog(instance=page, language_code="ar", catalog={})
            topic = TopicFactory()
            services.translate_from_catalog(instance=topic, language_code="ar", catalog={})
            made += [page, topic]
        return made

    def versions(objects):
        pages = [item.translation_key for item in objects if isinstance(item, Page)]
        topics = [item.translation_key for item in objects if isinstance(item, Topic)]
        return all_versions(ContentPage, pages) + all_versions(Topic, topics)

    few = versions(build(5))
    with CaptureQueriesContext(connection) as few_queries:
        assert len(translation_states(few)) == 10
    many = versions(build(25))
    with django_assert_max_num_queries(len(few_queries)):
        states = translation_states(many)
    assert len(states) == 50
    assert {row["ar"].status for row in states.values()} == {UP_TO_DATE}
