"""A withdrawn consent leaves nothing of the person: the story blanked in every language and
every old revision, the portrait and the library video deleted with their files, their
addresses purged from the CDN, wagtail-localize's copies of the text gone; the consent
record stays."""

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Revision
from wagtail_localize.models import String, StringTranslation

from campaigns.stories import services
from campaigns.stories.models import ConsentRecord, StoryPage
from campaigns.videos.models import Caption, Video
from cms.services import root_collection
from cms.translation.services import translate_from_catalog
from tests.campaigns.partners.test_webhooks import Receiver, cdn_at, purged

pytestmark = pytest.mark.django_db

QUOTE = "В Пловдив намерих работа като медицинска сестра."
QUOTE_EN = "In Plovdiv I found work as a nurse."


def jpeg() -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (40, 40), "#a33").save(output, "JPEG")
    return output.getvalue()


@pytest.fixture
def story_with_media():
    source = StoryPage.objects.filter(locale__language_code="bg", live=True).first()
    portrait = get_image_model().objects.create(
        title="Портрет Амира",
        file=ContentFile(jpeg(), name="amira.jpg"),
        collection=root_collection(),
    )
    video = Video.objects.create(title="Амира разказва", file=ContentFile(b"\0" * 64, "amira.mp4"))
    video.data_saver.save("amira-240p.mp4", ContentFile(b"\0" * 32))
    Caption.objects.create(video=video, language="bg", file=ContentFile(b"WEBVTT\n", "amira.vtt"))
    source.person_name = "Амира Хасан"
    source.quote = QUOTE
    source.portrait = portrait
    source.portrait_alt_text = "Амира пред болницата"
    source.video = [("library_video", video)]
    source.save_revision().publish()
    english = translate_from_catalog(
        instance=source, language_code="en", catalog={QUOTE: QUOTE_EN, "Амира Хасан": "Amira Hasan"}
    )
    return source, english, portrait, video


def test_withdrawal_erases_the_person_everywhere_and_keeps_the_record(
    story_with_media, settings, django_capture_on_commit_callbacks
):
    source, english, portrait, video = story_with_media
    files = [portrait.file, video.file, video.data_saver, video.captions.get().file]
    addresses = [file.url for file in files]
    receiver = Receiver()
    settings.WAGTAILFRONTENDCACHE = cdn_at(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            for record in ConsentRecord.objects.filter(
                story__translation_key=source.translation_key
            ):
                services.withdraw_consent(record=record)
        paths = purged(receiver)
    finally:
        receiver.stop()

    for page in StoryPage.objects.filter(translation_key=source.translation_key):
        assert not page.live
        assert "Амира" not in page.title and "Amira" not in page.person_name
        assert (page.quote, page.portrait_id, len(page.video), len(page.body)) == ("", None, 0, 0)
    revisions = Revision.objects.filter(
        object_id__in=[str(source.pk), str(english.pk)], base_content_type__model="page"
    )
    assert revisions.exists()
    for revision in revisions:
        text = str(revision.content)
        for personal in ("Амира", "Amira", QUOTE, QUOTE_EN, "болницата"):
            assert personal not in text, (revision.pk, personal)
    assert not get_image_model().objects.filter(pk=portrait.pk).exists()
    assert not Video.objects.filter(pk=video.pk).exists()
    for file in files:
        assert not file.storage.exists(file.name), file.name
    assert set(addresses) <= paths
    assert not StringTranslation.objects.filter(data=QUOTE_EN).exists()
    assert not String.objects.filter(data=QUOTE).exists()
    assert ConsentRecord.objects.filter(story__translation_key=source.translation_key).exists()


def test_a_consent_still_in_force_for_screens_keeps_the_media(story_with_media):
    source, _, portrait, video = story_with_media
    record = ConsentRecord.objects.filter(story__translation_key=source.translation_key).first()
    ConsentRecord.objects.create(
        story=record.story,
        given_by=record.given_by,
        given_on=record.given_on,
        for_screens=True,
    )

    services.withdraw_consent(record=record)

    assert get_image_model().objects.filter(pk=portrait.pk).exists()
    assert Video.objects.filter(pk=video.pk).exists()
