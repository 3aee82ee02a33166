import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_factories import ImageFactory

from cms.blocks import CallToActionBlock, ContentStreamBlock, ImageWithAltTextBlock
from cms.models import ContentPage

pytestmark = pytest.mark.django_db


def bg_home() -> Page:
    return Page.objects.get(depth=2, locale__language_code="bg")


@pytest.mark.parametrize("alt_text", ["", "   "])
def test_image_without_alt_text_is_refused(alt_text):
    block = ImageWithAltTextBlock()
    value = block.to_python({"image": ImageFactory().pk, "alt_text": alt_text, "caption": ""})

    with pytest.raises(ValidationError) as error:
        block.clean(value)

    assert "alt_text" in error.value.block_errors


def test_image_with_alt_text_renders_it():
    block = ImageWithAltTextBlock()
    image = ImageFactory()
    value = block.clean(
        block.to_python({"image": image.pk, "alt_text": "Две деца четат", "caption": ""})
    )

    html = block.render(value)

    assert 'alt="Две деца четат"' in html
    assert 'loading="lazy"' in html


@pytest.mark.parametrize(
    ("to_page", "url", "message"),
    [
        (False, "", "Choose a page or enter a web address."),
        (True, "https://example.org/", "not both"),
    ],
)
def test_call_to_action_needs_exactly_one_destination(to_page, url, message):
    block = CallToActionBlock()
    value = block.to_python(
        {
            "heading": "Кои сме ние",
            "text": "",
            "button_label": "Прочетете",
            "page": bg_home().pk if to_page else None,
            "external_url": url,
        }
    )

    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            block.clean(value)
        assert message in str(error.value.block_errors["page"])


def test_call_to_action_links_to_the_readers_translation():
    block = CallToActionBlock()
    value = block.to_python(
        {"heading": "Х", "text": "", "button_label": "Б", "page": bg_home().pk, "external_url": ""}
    )

    with translation.override("ar"):
        assert value.url() == "/ar/"
    with translation.override("bg"):
        assert value.url() == "/bg/"


def test_page_editor_refuses_to_publish_an_image_without_alt_text(english_editor):
    # Wagtail lets a draft be saved incomplete (it never leaves the admin); publishing
    # runs every block's validation.
    image = ImageFactory()
    before = ContentPage.objects.count()
    post = nested_form_data(
        {
            "action-publish": "action-publish",
            "title": "Нова страница",
            "slug": "nova-stranitsa",
            "intro": "",
            "body": streamfield(
                [
                    ("rich_text", rich_text("<p>Текст.</p>")),
                    ("image", {"image": image.pk, "alt_text": "", "caption": ""}),
                ]
            ),
        }
    )

    response = english_editor.post(f"/admin/pages/add/cms/contentpage/{bg_home().pk}/", post)

    assert response.status_code == 200
    html = response.content.decode()
    assert "The page could not be created due to validation errors" in html
    assert "This field is required" in html
    assert ContentPage.objects.count() == before


def test_page_editor_publishes_a_page_with_valid_blocks(english_editor):
    image = ImageFactory()
    post = nested_form_data(
        {
            "action-publish": "action-publish",
            "title": "Нова страница",
            "slug": "nova-stranitsa",
            "intro": "Кратко въведение.",
            "body": streamfield(
                [
                    ("rich_text", rich_text("<p>Текст.</p>")),
                    ("image", {"image": image.pk, "alt_text": "Карта на София", "caption": ""}),
                    ("quote", {"text": "Едно изречение – една мисъл.", "attribution": ""}),
                ]
            ),
        }
    )

    response = english_editor.post(f"/admin/pages/add/cms/contentpage/{bg_home().pk}/", post)

    assert response.status_code == 302
    page = ContentPage.objects.get(slug="nova-stranitsa")
    assert page.live
    assert [block.block_type for block in page.body] == ["rich_text", "image", "quote"]


def test_content_stream_offers_the_generic_blocks():
    assert set(ContentStreamBlock.base_blocks) == {
        *("rich_text", "image", "quote", "statistic", "call_to_action", "poll"),
    }
