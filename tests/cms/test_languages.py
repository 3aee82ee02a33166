import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation
from wagtail.models import Locale

from cms import languages, services
from cms.languages import check_platform_languages

EXTRA_LANGUAGE = {"code": "de", "name": "Deutsch", "dir": "ltr", "fallback": ["en"]}


def with_language(settings, entry: dict) -> None:
    settings.PLATFORM_LANGUAGES = [*settings.PLATFORM_LANGUAGES, entry]
    settings.LANGUAGES = [*settings.LANGUAGES, (entry["code"], entry["name"])]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES


def test_bulgarian_is_the_source_and_seven_languages_are_configured():
    assert languages.source_language().code == "bg"
    assert languages.codes() == ["bg", "en", "ar", "fa", "uk", "ru", "tr"]


@pytest.mark.parametrize(
    ("code", "direction"),
    [("bg", "ltr"), ("en", "ltr"), ("ar", "rtl"), ("fa", "rtl"), ("uk", "ltr"), ("tr", "ltr")],
)
def test_each_language_knows_its_direction(code, direction):
    assert languages.get(code).direction == direction


def test_regional_variants_resolve_to_their_language():
    assert languages.get("ar-EG").code == "ar"
    with pytest.raises(LookupError):
        languages.get("de")


def test_fallback_chains_end_with_the_source_language():
    assert languages.fallback_chain("fa") == ["en", "bg"]
    assert languages.fallback_chain("en") == ["bg"]
    assert languages.fallback_chain("bg") == []


def test_current_language_follows_activation():
    with translation.override("fa"):
        assert languages.current().is_rtl
    with translation.override("uk"):
        assert languages.current().code == "uk"


@pytest.mark.django_db
def test_migrate_creates_a_locale_for_every_language():
    assert set(Locale.objects.values_list("language_code", flat=True)) == set(languages.codes())


@pytest.mark.django_db
def test_a_language_added_to_settings_gets_its_locale_on_migrate(settings):
    with_language(settings, EXTRA_LANGUAGE)

    call_command("migrate", verbosity=0)

    assert Locale.objects.filter(language_code="de").exists()
    assert services.sync_locales() == []  # nothing left to create


def test_settings_check_catches_mistakes(settings):
    assert check_platform_languages(None) == []

    settings.PLATFORM_LANGUAGES = [
        *settings.PLATFORM_LANGUAGES,
        {"code": "ps", "name": "پښتو", "dir": "right-to-left", "fallback": ["xx"]},
        {"code": "bg", "name": "Again"},
    ]
    ids = {error.id for error in check_platform_languages(None)}

    assert ids == {"cms.E002", "cms.E003", "cms.E004"}


def test_settings_check_insists_the_source_language_comes_first(settings):
    with override_settings(LANGUAGE_CODE="en"):
        assert [error.id for error in check_platform_languages(None)] == ["cms.E005"]
