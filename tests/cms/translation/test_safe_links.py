"""Links translators send through wagtail-localize's editor reach readers only when they point
to the web, email or a phone: a `javascript:` or `data:` address is refused on save."""

import json

import pytest
from django.test.client import encode_multipart
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
)

from cms.factories import ContentPageFactory
from cms.translation import services
from cms.translation.safe_links import is_safe_address, is_safe_string

pytestmark = pytest.mark.django_db

BOUNDARY = "safe-links-boundary"
BODY = [
    {
        "type": "rich_text",
        "value": '<p>Виж <a href="https://example.org/pomosht">помощта</a> тук.</p>',
    }
]


@pytest.fixture
def translation() -> Translation:
    bg_home = Page.objects.get(depth=2, locale__language_code="bg")
    page = ContentPageFactory(parent=bg_home, title="Връзки", slug="vrazki", body=json.dumps(BODY))
    page.save_revision().publish()
    services.translate_from_catalog(instance=page, language_code="ar", catalog={})
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code="ar"
    )


def put(client, url: str, fields: dict):
    return client.put(
        url,
        encode_multipart(BOUNDARY, fields),
        content_type=f"multipart/form-data; boundary={BOUNDARY}",
    )


def override_url(translation: Translation) -> str:
    segment = OverridableSegment.objects.get(source=translation.source)
    return reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])


def string_url(translation: Translation) -> str:
    segment = StringSegment.objects.filter(source=translation.source).first()
    return reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])


@pytest.mark.parametrize(
    "address",
    [
        "javascript:alert(document.cookie)",
        " JaVa\tScRiPt:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
    ],
)
def test_a_link_override_that_runs_or_decodes_is_refused(admin_client, translation, address):
    response = put(admin_client, override_url(translation), {"value": address})

    assert response.status_code == 400
    assert "javascript:" in response.json()["detail"]
    assert not SegmentOverride.objects.filter(locale=translation.target_locale).exists()


@pytest.mark.parametrize(
    "address", ["https://example.org/ar/help", "/ar/help/", "mailto:help@example.org", "tel:+359"]
)
def test_web_email_phone_and_relative_links_are_kept(admin_client, translation, address):
    response = put(admin_client, override_url(translation), {"value": address})

    assert response.status_code == 201
    override = SegmentOverride.objects.get(locale=translation.target_locale)
    assert json.loads(override.data_json) == address


def test_the_translated_page_links_where_the_translator_said(admin_client, translation):
    put(admin_client, override_url(translation), {"value": "https://example.org/ar/help"})
    translation.save_target(publish=True)

    page = translation.get_target_instance()
    assert 'href="https://example.org/ar/help"' in page.body[0].value.source


def test_a_string_carrying_an_unsafe_address_is_refused(admin_client, translation):
    value = 'انظر <a id="a1" href="javascript:alert(1)">المساعدة</a> هنا.'

    response = put(admin_client, string_url(translation), {"value": value})

    assert response.status_code == 400
    assert not StringTranslation.objects.filter(data__contains="javascript").exists()


def test_a_translated_string_with_its_link_marker_is_saved(admin_client, translation):
    response = put(
        admin_client, string_url(translation), {"value": 'انظر <a id="a1">المساعدة</a> هنا.'}
    )

    assert response.status_code == 201


@pytest.mark.parametrize("url_of", [override_url, string_url])
def test_a_save_without_a_value_is_a_400_with_a_message(admin_client, translation, url_of):
    response = put(admin_client, url_of(translation), {"other": "x"})

    assert response.status_code == 400
    assert response.json()["detail"]


def test_the_rule_is_wagtails_own_for_editors():
    assert not is_safe_address("javascript:alert(1)")
    assert is_safe_address("https://example.org")
    assert is_safe_string('<a id="a1">x</a> <b>y</b>')
    assert not is_safe_string('<a id="a1" href="data:text/html,x">x</a>')
