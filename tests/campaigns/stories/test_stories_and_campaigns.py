"""Stories with consent, campaigns, external videos without the network, captioned players."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from wagtail.embeds.models import Embed

from campaigns.pages.models import CampaignPage
from campaigns.stories import selectors, services
from campaigns.stories.models import WEB, ConsentRecord, StoryPage
from campaigns.videos.embeds import StoredOEmbedFinder, video_key
from campaigns.videos.models import Video

pytestmark = pytest.mark.django_db

LANGUAGES = ["bg", "en", "ar"]


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def story(slug: str, code: str = "bg") -> StoryPage:
    source = StoryPage.objects.get(locale__language_code="bg", slug=slug)
    return StoryPage.objects.get(translation_key=source.translation_key, locale__language_code=code)


# --- Consent --------------------------------------------------------------------------


def test_withdrawing_consent_unpublishes_the_story_in_every_language_and_keeps_the_record(client):
    olympic = story("olimpiyska-mechta")
    record = ConsentRecord.objects.get(story=olympic)
    assert client.get("/en/stories/olympic-dream/").status_code == 200

    unpublished = services.withdraw_consent(record=record)

    assert {page.locale.language_code for page in unpublished} == {"bg", "en"}
    assert not StoryPage.objects.filter(translation_key=olympic.translation_key, live=True)
    record.refresh_from_db()
    assert record.withdrawn_on is not None and record.story == olympic
    for path in ("/bg/istorii/olimpiyska-mechta/", "/en/stories/olympic-dream/"):
        assert client.get(path).status_code == 404
    listing = soup_of(client.get("/en/stories/"))
    assert "Olympic Dream" not in listing.get_text()
    assert olympic.translation_key not in {
        s.translation_key for s in selectors.stories_for_screens()
    }


def test_withdrawing_consent_in_the_admin_unpublishes_everywhere(english_editor):
    record = ConsentRecord.objects.get(story=story("nie-drugite"))
    data = {
        "story": record.story_id,
        "given_by": record.given_by,
        "given_on": record.given_on.isoformat(),
        "for_web": "on",
        "for_screens": "on",
        "withdrawn_on": "2026-11-20",
        "notes": "",
    }

    response = english_editor.post(
        f"/admin/snippets/campaigns/consentrecord/edit/{record.pk}/", data
    )

    assert response.status_code == 302
    assert not StoryPage.objects.filter(translation_key=record.story.translation_key, live=True)
    warnings = [m.message for m in get_messages(response.wsgi_request)]
    assert any("was unpublished in 2 languages" in str(m) for m in warnings)


def test_consent_records_cannot_be_deleted(english_editor):
    record = ConsentRecord.objects.first()

    response = english_editor.post(f"/admin/snippets/campaigns/consentrecord/delete/{record.pk}/")

    assert ConsentRecord.objects.filter(pk=record.pk).exists()
    assert response.status_code == 302
    errors = [str(m.message) for m in get_messages(response.wsgi_request)]
    assert any("cannot be deleted" in message for message in errors)


def test_a_story_without_consent_for_the_web_is_never_served_even_if_published(client):
    st_ana = story("tsentar-sveta-anna")
    ConsentRecord.objects.filter(story=st_ana).update(for_web=False)

    assert client.get("/en/stories/st-ana-center/").status_code == 404
    assert "St. Ana" not in soup_of(client.get("/en/stories/")).get_text()


def test_publishing_a_story_needs_consent_for_the_web(english_editor):
    # The source-language story: translations are edited in wagtail-localize's english_editor.
    barriers = story("otvad-barierite")
    ConsentRecord.objects.filter(story__translation_key=barriers.translation_key).update(
        withdrawn_on="2026-11-01"
    )
    barriers.unpublish()

    response = english_editor.post(
        f"/admin/pages/{barriers.pk}/edit/",
        {
            "title": barriers.title,
            "slug": barriers.slug,
            "person_name": barriers.person_name,
            "country_of_origin": barriers.country_of_origin,
            "occupation": barriers.occupation,
            "video-count": "0",
            "body-count": "0",
            "action-publish": "action-publish",
        },
    )

    barriers.refresh_from_db()
    assert not barriers.live
    errors = [str(m.message) for m in get_messages(response.wsgi_request)]
    assert any("there is no consent for the web" in message for message in errors)


def test_playlists_only_get_stories_with_consent_for_screens():
    for_screens = {page.slug for page in selectors.stories_for_screens()}

    assert "olympic-dream" in for_screens
    assert "beyond-the-barriers" not in for_screens  # web and partners only
    assert "beyond-the-barriers" in {page.slug for page in selectors.public_stories(WEB)}
    with pytest.raises(ValueError):
        selectors.consented_story_keys("everywhere")


def test_consent_needs_a_use_and_sensible_dates(in_english):
    olympic = story("olimpiyska-mechta")
    without_use = ConsentRecord(story=olympic, given_by="Kozha", given_on="2026-01-10")
    backwards = ConsentRecord(
        story=olympic,
        given_by="Kozha",
        given_on="2026-01-10",
        for_web=True,
        withdrawn_on="2025-01-01",
    )

    with pytest.raises(ValidationError, match="at least one use"):
        without_use.full_clean()
    with pytest.raises(ValidationError, match="before it was given"):
        backwards.full_clean()


# --- Pages in every language ----------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_story_pages_render_in_bg_en_and_ar(client, code):
    path = {"bg": "/bg/istorii/olimpiyska-mechta/", "en": "/en/stories/olympic-dream/"}.get(
        code, "/ar/stories/olympic-dream/"
    )

    response = client.get(path)

    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.html["lang"] == code
    article = soup.select_one("article.story")
    assert article["lang"] == ("en" if code == "ar" else code)  # Arabic falls back to English
    assert soup.select_one(".video-link a")["href"].startswith("https://www.facebook.com/")
    partner = soup.select_one(".story-partner").get_text()
    assert ("ВКБООН" if code == "bg" else "UNHCR Bulgaria") in partner


@pytest.mark.parametrize("code", LANGUAGES)
def test_campaign_page_renders_with_events_and_captioned_videos(client, code):
    path = {
        "bg": "/bg/kampanii/svetoven-mesets-na-bezhantsite/",
        "en": "/en/campaigns/world-refugee-month/",
        "ar": "/ar/campaigns/world-refugee-month/",
    }[code]

    response = client.get(path)

    assert response.status_code == 200
    soup = soup_of(response)
    assert len(soup.select(".event-list .event")) == 3
    times = [t["datetime"] for t in soup.select(".event time")]
    assert times == sorted(times)
    assert len(soup.select(".myth-fact")) == 3
    videos = soup.select("video")
    assert len(videos) == 2
    for video in videos:
        assert video["preload"] == "none" and video.has_attr("poster")
        tracks = video.select("track[kind=captions]")
        assert [t["srclang"] for t in tracks][:1] == ["en" if code == "ar" else code]
        assert {t["srclang"] for t in tracks} == {"bg", "en"}
        # No Arabic captions yet: the reader's fallback (English) is on by default.
        assert tracks[0].has_attr("default")
        assert len([t for t in tracks if t.has_attr("default")]) == 1
        assert video.select_one("source[type='video/mp4']")["src"].endswith("-240p.mp4")


def test_campaign_lists_its_partners_and_stories_in_the_readers_language(client):
    soup = soup_of(client.get("/en/campaigns/world-refugee-month/"))

    partners = [li.get_text(strip=True) for li in soup.select(".partners li")]
    assert "UNHCR Bulgaria" in partners and "Sofia Municipality" in partners
    assert "Beyond the Barriers" in soup.get_text()
    figures = [p.get_text().strip() for p in soup.select(".statistic-value")]
    assert figures == ["1.3 million", "2.5%", "12,916"]


def test_story_index_lists_consented_stories_and_marks_fallbacks(client):
    soup = soup_of(client.get("/uk/istorii/"))

    titles = [a.get_text() for a in soup.select(".story-card h2 a")]
    assert titles == ["Beyond the Barriers", "Olympic Dream", "St. Ana Center", "We, the Others"]
    assert len(soup.select(".fallback-tag")) == 4


def test_a_campaign_cannot_end_before_it_starts(in_english):
    campaign = CampaignPage.objects.get(locale__language_code="bg")
    campaign.ends_on = campaign.starts_on.replace(year=campaign.starts_on.year - 1)

    with pytest.raises(Exception, match="cannot end before it starts"):
        campaign.full_clean()


def test_a_portrait_needs_a_description(in_english):
    from wagtail_factories import ImageFactory

    page = story("olimpiyska-mechta")
    page.portrait = ImageFactory()
    page.portrait_alt_text = " "

    with pytest.raises(Exception, match="Describe the portrait"):
        page.full_clean()


# --- External videos without the network ----------------------------------------------


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://www.youtube.com/watch?v=PsKrlxjdJYw", "youtube:PsKrlxjdJYw"),
        ("https://www.youtube.com/watch?time_continue=11&v=hs3siBZLriU", "youtube:hs3siBZLriU"),
        ("https://youtu.be/PsKrlxjdJYw", "youtube:PsKrlxjdJYw"),
        (
            "https://www.facebook.com/UNHCRBulgaria/videos/828226607636963/",
            "facebook:828226607636963",
        ),
        ("https://example.org/video.mp4", None),
    ],
)
def test_video_links_are_recognised_in_their_many_shapes(url, key):
    assert video_key(url) == key


def test_stored_embeds_render_offline(client):
    Embed.objects.all().delete()  # nothing cached: the page must find it again

    soup = soup_of(client.get("/en/stories/we-the-others/"))

    link = soup.select_one(".video-link a")
    assert link.get_text() == "We, the Others"
    assert "YouTube · RiskMonitor" in soup.select_one(".video-note").get_text()
    assert not soup.select("iframe") and not soup.select("img[src^='http']")


def test_unknown_links_are_not_fetched_in_tests():
    finder = StoredOEmbedFinder()

    assert finder.accept("https://www.youtube.com/watch?v=PsKrlxjdJYw")
    assert not finder.accept("https://www.youtube.com/watch?v=unknown123")


def test_demo_clips_are_processed_and_captioned_in_bulgarian_and_english():
    for video in Video.objects.all():
        assert video.is_ready, video.processing_error
        assert {caption.language for caption in video.captions.all()} == {"bg", "en"}
        assert video.sha256 and video.data_saver and video.poster
