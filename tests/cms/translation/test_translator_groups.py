"""Translator groups: a translator edits only the languages they are trusted with, pages and
snippets alike, in Wagtail's views and in wagtail-localize's."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.test.client import encode_multipart
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from cms.factories import ContentPageFactory
from cms.models import ContentPage
from cms.translation import services
from learning.factories import TopicFactory
from learning.models import Topic

pytestmark = pytest.mark.django_db

BOUNDARY = "translator-test-boundary"


def home(code: str) -> Page:
    return Page.objects.get(depth=2, locale__language_code=code)


def locale(code: str) -> Locale:
    return Locale.objects.get(language_code=code)


@pytest.fixture
def groups() -> dict[str, Group]:
    return services.ensure_translator_groups()


@pytest.fixture
def arabic_translator(client, groups):
    user = get_user_model().objects.create_user("arabic-translator", password="not-used")
    user.groups.add(groups["ar"])
    client.force_login(user)
    return client


@pytest.fixture
def page_in_three_languages() -> dict[str, ContentPage]:
    page = ContentPageFactory(parent=home("bg"), title="Преводачи", slug="prevodachi")
    page.save_revision().publish()
    return {
        "bg": page,
        "ar": services.translate_from_catalog(instance=page, language_code="ar", catalog={}),
        "en": services.translate_from_catalog(instance=page, language_code="en", catalog={}),
    }


@pytest.fixture
def topic_in_three_languages() -> dict[str, Topic]:
    topic = TopicFactory(name="Документи", slug="dokumenti-prevodachi")
    return {
        "bg": topic,
        "ar": services.translate_from_catalog(instance=topic, language_code="ar", catalog={}),
        "en": services.translate_from_catalog(instance=topic, language_code="en", catalog={}),
    }


def topic_edit_url(topic: Topic) -> str:
    return reverse("wagtailsnippets_learning_topic:edit", args=[topic.pk])


def put_string(client, translation: Translation, value: str):
    """What wagtail-localize's editor sends when a translator saves one string."""
    segment = StringSegment.objects.filter(source=translation.source).first()
    return client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        encode_multipart(BOUNDARY, {"value": value}),
        content_type=f"multipart/form-data; boundary={BOUNDARY}",
    )


def translation_of(instance, code: str) -> Translation:
    return Translation.objects.get(
        source__object_id=instance.translation_key, target_locale__language_code=code
    )


# --- The groups ---------------------------------------------------------------------------


def test_a_group_for_every_language_but_the_source(groups):
    assert sorted(groups) == ["ar", "en", "fa", "ru", "tr", "uk"]
    assert groups["ar"].name == "Translators: Arabic"
    assert not Group.objects.filter(name="Translators: Bulgarian").exists()


def test_a_group_may_use_the_admin_submit_translations_and_edit_snippets(groups):
    codenames = set(groups["fa"].permissions.values_list("codename", flat=True))

    assert {"access_admin", "submit_translation"} <= codenames
    assert {"change_topic", "change_theme", "change_organisation"} <= codenames
    assert not {"add_topic", "delete_topic"} & codenames


def test_page_permissions_on_that_languages_home_page_only(groups):
    granted = GroupPagePermission.objects.filter(group=groups["ar"])

    assert {item.page_id for item in granted} == {home("ar").pk}
    assert {item.permission.codename for item in granted} == {"change_page", "publish_page"}


def test_running_again_changes_nothing_and_keeps_what_an_administrator_added(groups):
    extra = Permission.objects.get(codename="add_topic")
    groups["ar"].permissions.add(extra)
    before = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        groups["ar"].permissions.count(),
    )

    again = services.ensure_translator_groups()

    assert again["ar"].pk == groups["ar"].pk
    after = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        groups["ar"].permissions.count(),
    )
    assert after == before
    assert groups["ar"].permissions.filter(pk=extra.pk).exists()


def test_load_demo_content_sets_up_the_groups():
    Group.objects.filter(name__startswith=services.TRANSLATOR_GROUP_PREFIX).delete()

    call_command("load_demo_content", stdout=StringIO())

    assert Group.objects.filter(name__startswith=services.TRANSLATOR_GROUP_PREFIX).count() == 6
    assert GroupPagePermission.objects.filter(group__name="Translators: Turkish", page=home("tr"))


# --- Pages --------------------------------------------------------------------------------


def test_a_translator_edits_pages_in_their_language_only(
    arabic_translator, page_in_three_languages
):
    def edit(code):
        return arabic_translator.get(
            reverse("wagtailadmin_pages:edit", args=[page_in_three_languages[code].pk])
        )

    assert edit("ar").status_code == 200
    assert edit("en").status_code == 302
    assert edit("bg").status_code == 302


def test_a_translator_translates_their_languages_page_in_wagtail_localizes_editor(
    arabic_translator, page_in_three_languages
):
    arabic, english = page_in_three_languages["ar"], page_in_three_languages["en"]

    saved = put_string(arabic_translator, translation_of(arabic, "ar"), "مترجمون")
    refused = put_string(arabic_translator, translation_of(english, "en"), "Translators")

    assert saved.status_code in (200, 201)
    assert StringTranslation.objects.filter(data="مترجمون", locale=locale("ar")).exists()
    assert refused.status_code in (302, 403)
    assert not StringTranslation.objects.filter(data="Translators").exists()


def test_the_translate_form_offers_only_the_translators_languages(arabic_translator):
    page = ContentPageFactory(parent=home("bg"), title="Нова страница", slug="nova-stranitsa")
    page.save_revision().publish()
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])

    form = arabic_translator.get(url).context["form"]
    assert list(form.fields["locales"].queryset) == [locale("ar")]

    refused = arabic_translator.post(url, {"locales": [locale("en").pk]})
    assert refused.status_code == 200 and refused.context["form"].errors
    assert not ContentPage.objects.filter(translation_key=page.translation_key, locale=locale("en"))

    done = arabic_translator.post(url, {"locales": [locale("ar").pk]})
    assert done.status_code == 302
    arabic = ContentPage.objects.get(translation_key=page.translation_key, locale=locale("ar"))
    assert arabic.get_parent().pk == home("ar").pk


def test_a_translator_may_not_sync_every_language_of_a_page(
    arabic_translator, admin_client, page_in_three_languages
):
    source = translation_of(page_in_three_languages["bg"], "ar").source
    url = reverse("wagtail_localize:update_translations", args=[source.pk])

    assert arabic_translator.get(url).status_code in (302, 403)  # the admin redirects
    assert arabic_translator.post(url, {"publish_translations": "on"}).status_code in (302, 403)
    assert admin_client.get(url).status_code == 200


# --- Snippets -----------------------------------------------------------------------------


def test_a_translator_edits_snippets_in_their_language_only(
    arabic_translator, topic_in_three_languages
):
    topics = topic_in_three_languages

    assert arabic_translator.get(topic_edit_url(topics["ar"])).status_code == 200
    refused = arabic_translator.get(topic_edit_url(topics["en"]))
    assert refused.status_code == 302
    assert arabic_translator.get(topic_edit_url(topics["bg"])).status_code == 302
    messages = [str(message) for message in get_messages(refused.wsgi_request)]
    assert any("العربية" in message for message in messages)


def test_a_translator_cannot_save_another_languages_snippet(arabic_translator):
    topic = TopicFactory(name="Работа", slug="rabota-prevodachi")

    response = arabic_translator.post(
        topic_edit_url(topic), {"name": "Променено", "slug": "rabota-prevodachi"}
    )

    assert response.status_code == 302
    topic.refresh_from_db()
    assert topic.name == "Работа"


def test_a_translator_edits_a_snippet_made_by_hand_in_their_language(arabic_translator):
    arabic = TopicFactory(name="عمل", slug="amal-prevodachi", locale=locale("ar"))

    response = arabic_translator.post(
        topic_edit_url(arabic), {"name": "العمل", "slug": "amal-prevodachi", "description": ""}
    )

    assert response.status_code == 302
    arabic.refresh_from_db()
    assert arabic.name == "العمل"


def test_a_translator_creates_snippets_in_their_language_only(arabic_translator, groups):
    groups["ar"].permissions.add(Permission.objects.get(codename="add_topic"))
    url = reverse("wagtailsnippets_learning_topic:add")

    assert arabic_translator.get(url, {"locale": "ar"}).status_code == 200
    assert arabic_translator.get(url, {"locale": "en"}).status_code == 302
    assert arabic_translator.get(url).status_code == 302  # the default: Bulgarian


def test_wagtail_localizes_string_editor_keeps_to_the_translators_language(
    arabic_translator, topic_in_three_languages
):
    topics = topic_in_three_languages

    saved = put_string(arabic_translator, translation_of(topics["ar"], "ar"), "وثائق")
    refused = put_string(arabic_translator, translation_of(topics["en"], "en"), "Papers")

    assert saved.status_code in (200, 201)
    assert refused.status_code in (302, 403)
    assert not StringTranslation.objects.filter(data="Papers").exists()


def test_wagtail_localizes_machine_translation_keeps_to_the_translators_language(
    arabic_translator, topic_in_three_languages
):
    url = reverse(
        "wagtail_localize:machine_translate",
        args=[translation_of(topic_in_three_languages["en"], "en").pk],
    )

    assert arabic_translator.post(url).status_code in (302, 403)
    assert not StringTranslation.objects.filter(
        locale=locale("en"), translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    ).exists()


def test_the_translate_form_for_snippets_offers_only_the_translators_languages(arabic_translator):
    topic = TopicFactory(name="Спорт", slug="sport-prevodachi")
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["learning", "topic", topic.pk]
    )

    form = arabic_translator.get(url).context["form"]

    assert list(form.fields["locales"].queryset) == [locale("ar")]


# --- People who are not only translators --------------------------------------------------


def test_an_editor_who_also_translates_is_not_limited(client, groups, topic_in_three_languages):
    editors = Group.objects.create(name="Topic editors")
    editors.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_topic"),
    )
    user = get_user_model().objects.create_user("editor-translator", password="not-used")
    user.groups.add(groups["ar"], editors)
    client.force_login(user)

    assert client.get(topic_edit_url(topic_in_three_languages["en"])).status_code == 200


def test_superusers_and_the_editors_string_edits_work(admin_client, topic_in_three_languages):
    # The editor sends multipart PUT requests; the project's API otherwise parses JSON only.
    response = put_string(admin_client, translation_of(topic_in_three_languages["en"], "en"), "D")

    assert response.status_code in (200, 201)
    assert StringTranslation.objects.filter(data="D", locale=locale("en")).exists()


def test_a_translator_in_a_group_that_grants_nothing_on_snippets_stays_limited(
    client, groups, topic_in_three_languages
):
    newsletter = Group.objects.create(name="Newsletter")
    newsletter.permissions.add(Permission.objects.get(codename="access_admin"))
    user = get_user_model().objects.create_user("translator-newsletter", password="not-used")
    user.groups.add(groups["ar"], newsletter)
    client.force_login(user)

    assert client.get(topic_edit_url(topic_in_three_languages["ar"])).status_code == 200
    assert client.get(topic_edit_url(topic_in_three_languages["en"])).status_code == 302


def test_a_translator_with_the_permission_of_their_own_is_not_limited(
    client, groups, topic_in_three_languages
):
    user = get_user_model().objects.create_user("translator-trusted", password="not-used")
    user.groups.add(groups["ar"])
    user.user_permissions.add(Permission.objects.get(codename="change_topic"))
    client.force_login(user)

    assert client.get(topic_edit_url(topic_in_three_languages["en"])).status_code == 200


def test_a_new_languages_home_page_gives_its_translators_their_pages(
    groups, django_capture_on_commit_callbacks
):
    turkish_home = home("tr")
    turkish_home.delete()  # as if Turkish had just been added to the settings
    assert not GroupPagePermission.objects.filter(group=groups["tr"]).exists()

    with django_capture_on_commit_callbacks(execute=True):
        translated = services.translate_from_catalog(
            instance=home("bg").specific, language_code="tr", catalog={}
        )

    assert set(
        GroupPagePermission.objects.filter(group=groups["tr"]).values_list("page", flat=True)
    ) == {translated.pk}


def test_the_command_creates_the_groups_for_production(db):
    Group.objects.filter(name__startswith="Translators:").delete()
    output = StringIO()

    call_command("ensure_translator_groups", stdout=output)

    assert Group.objects.filter(name__startswith="Translators:").count() == 6
    assert "Translators: Arabic (ar): permissions on 1 home page(s)" in output.getvalue()
