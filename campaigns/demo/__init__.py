"""Demo content for stories and campaigns: partners, themes, four stories with consent,
two generated captioned clips, the World Refugee Month campaign and screens that play them.

Idempotent like the other loaders. The clips are made with the ffmpeg that installs with
the project and processed at once (no worker needed), so `make run` shows them ready."""

import datetime
import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.embeds.blocks import EmbedValue
from wagtail.models import Locale

from campaigns.demo import texts
from campaigns.demo.photovoice import load_photovoice
from campaigns.demo.screens import ensure_screens
from campaigns.pages.models import CampaignIndexPage, CampaignPage
from campaigns.stories import services as consent
from campaigns.stories.models import ConsentRecord, Organisation, StoryIndexPage, StoryPage, Theme
from campaigns.videos import media, processing
from campaigns.videos.models import Caption, Video
from cms import languages
from cms.demo.helpers import ensure_translations, source_text
from cms.models import HomePage

Log = Callable[[str], None]

ORDER = 20  # after the core (home page) and the lessons
STORY_LANGUAGES = ["en"]  # written in Bulgarian and English; the rest read the fallback


def load_demo(*, log: Log) -> None:
    locale = Locale.objects.get(language_code=languages.source_language().code)
    home = HomePage.objects.filter(locale=locale, depth=2).first()
    if home is None:
        log("No home page: load the core's demo content first.")
        return
    themes = {slug: _ensure_theme(slug, text, locale) for slug, text in texts.THEMES.items()}
    partners = {key: _ensure_partner(data, locale) for key, data in texts.ORGANISATIONS.items()}
    clips = {clip["key"]: _ensure_clip(clip, log=log) for clip in texts.CLIPS}

    story_index = _ensure_index(StoryIndexPage, home, texts.STORY_INDEX, log=log)
    stories = {
        story["key"]: _ensure_story(story_index, story, partners, themes, log=log)
        for story in texts.STORIES
    }
    campaign_index = _ensure_index(CampaignIndexPage, home, texts.CAMPAIGN_INDEX, log=log)
    campaign = _ensure_campaign(campaign_index, partners, stories, clips, log=log)

    every_language = [language.code for language in languages.all_languages()[1:]]
    for theme in themes.values():
        ensure_translations(theme, every_language, texts.THEMES, log=log, label=theme.slug)
    for partner in partners.values():
        ensure_translations(
            partner, STORY_LANGUAGES, texts.ORGANISATIONS, log=log, label=partner.name
        )
    for index, data in ((story_index, texts.STORY_INDEX), (campaign_index, texts.CAMPAIGN_INDEX)):
        ensure_translations(index, every_language, data, log=log, label=index.title)
    for story in stories.values():
        ensure_translations(story, STORY_LANGUAGES, texts.STORIES, log=log, label=story.title)
    ensure_translations(campaign, STORY_LANGUAGES, texts.CAMPAIGN, log=log, label=campaign.title)
    ensure_screens(
        campaign=campaign,
        clips=clips,
        story=stories["olympic-dream"],
        base_url=settings.WAGTAILADMIN_BASE_URL,
        log=log,
    )
    load_photovoice(home=home, locale=locale, log=log)


@transaction.atomic
def _ensure_theme(slug: str, text: dict, locale: Locale) -> Theme:
    theme, _ = Theme.objects.get_or_create(
        slug=slug, locale=locale, defaults={"name": source_text(text)}
    )
    return theme


@transaction.atomic
def _ensure_partner(data: dict, locale: Locale) -> Organisation:
    partner, _ = Organisation.objects.get_or_create(
        name=source_text(data["name"]),
        locale=locale,
        defaults={"link": data["link"], "description": source_text(data["description"])},
    )
    return partner


def _webvtt(lines: list[str], seconds_each: int = 2) -> bytes:
    cues = [
        f"00:00:{i * seconds_each:02d}.000 --> 00:00:{(i + 1) * seconds_each:02d}.000\n{line}\n"
        for i, line in enumerate(lines)
    ]
    return ("WEBVTT\n\n" + "\n".join(cues)).encode()


def _ensure_clip(clip: dict, *, log: Log) -> Video:
    video = Video.objects.filter(title=clip["title"]).first()
    if video is not None:
        return video
    with tempfile.TemporaryDirectory(prefix="demo-clip-") as folder:
        path = Path(folder) / clip["file"]
        seconds = 2 * max(len(lines) for lines in clip["captions"].values())
        media.make_clip(path, seconds=seconds, size="640x360")
        info = media.probe(path)
        with path.open("rb") as handle:
            video = Video(
                title=clip["title"],
                mime_type="video/webm" if path.suffix == ".webm" else "video/mp4",
                duration_seconds=info.duration_seconds,
                width=info.width,
                height=info.height,
            )
            video.file.save(path.name, File(handle), save=False)
            video.save()
    for code, lines in clip["captions"].items():
        caption = Caption(video=video, language=code)
        caption.file.save(f"{clip['key']}-{code}.vtt", ContentFile(_webvtt(lines)), save=False)
        caption.save()
    # Processed here rather than by the worker, so the demo is complete at once.
    video = processing.process_video(video_id=video.pk, file_name=video.file.name)
    log(f"Video: created “{video.title}” ({video.processing_status}, {video.duration_seconds}s)")
    return video


@transaction.atomic
def _ensure_index(model, home: HomePage, data: dict, *, log: Log):
    index = model.objects.child_of(home).first()
    if index is not None:
        return index
    index = model(
        title=source_text(data["title"]),
        slug=source_text(data["slug"]),
        intro=source_text(data["intro"]),
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    log(f"{model._meta.verbose_name.capitalize()}: created (“{index.title}”)")
    return index


def _paragraphs(texts_: list[dict]) -> str:
    return "".join(f"<p>{source_text(text)}</p>" for text in texts_)


@transaction.atomic
def _ensure_story(
    index: StoryIndexPage, data: dict, partners: dict, themes: dict, *, log: Log
) -> StoryPage:
    slug = source_text(data["slug"])
    story = StoryPage.objects.child_of(index).filter(slug=slug).first()
    if story is not None:
        return story
    story = StoryPage(
        title=source_text(data["title"]),
        slug=slug,
        person_name=source_text(data["person_name"]),
        country_of_origin=source_text(data["country_of_origin"]),
        occupation=source_text(data["occupation"]),
        video=[("external_video", EmbedValue(data["video"]))],
        partner=partners[data["partner"]],
        body=[("rich_text", _paragraphs(data["body"]))],
        live=False,
    )
    index.add_child(instance=story)
    story.themes.set([themes[slug] for slug in data["themes"]])
    # Consent comes first: without it a story is never published.
    consent.save_consent(
        record=ConsentRecord(
            story=story,
            given_by=f"{source_text(data['person_name'])} ({source_text(data['title'])})",
            given_on=datetime.date(2019, 5, 15),
            for_web="web" in data["consent"],
            for_screens="screens" in data["consent"],
            for_partners="partners" in data["consent"],
            notes="Demo content: an illustrative record.",
        )
    )
    story.save_revision().publish()
    log(f"Story: created (“{story.title}”, consent for {', '.join(data['consent'])})")
    return story


@transaction.atomic
def _ensure_campaign(
    index: CampaignIndexPage, partners: dict, stories: dict, clips: dict, *, log: Log
) -> CampaignPage:
    data = texts.CAMPAIGN
    slug = source_text(data["slug"])
    campaign = CampaignPage.objects.child_of(index).filter(slug=slug).first()
    if campaign is not None:
        return campaign
    source = source_text(data["statistics_source"])
    campaign = CampaignPage(
        title=source_text(data["title"]),
        slug=slug,
        starts_on=datetime.date.fromisoformat(data["starts_on"]),
        ends_on=datetime.date.fromisoformat(data["ends_on"]),
        intro=source_text(data["intro"]),
        aims="<ul>" + "".join(f"<li>{source_text(aim)}</li>" for aim in data["aims"]) + "</ul>",
        myths_and_facts=[
            (
                "myth_fact",
                {
                    "myth": source_text(pair["myth"]),
                    "fact": source_text(pair["fact"]),
                    "source": source_text(pair["source"]),
                },
            )
            for pair in data["myths_and_facts"]
        ],
        events=[
            (
                "event",
                {
                    "title": source_text(event["title"]),
                    "starts_at": timezone.make_aware(
                        datetime.datetime.fromisoformat(event["starts_at"])
                    ),
                    "place": source_text(event["place"]),
                    "description": source_text(event["description"]),
                },
            )
            for event in data["events"]
        ],
        videos=[("library_video", clips[key]) for key in data["clips"]],
        statistics=[
            (
                "statistic",
                {
                    "value": Decimal(figure["value"]),
                    "unit": source_text(figure["unit"]),
                    "label": source_text(figure["label"]),
                    "year": figure["year"],
                    "source": source,
                    "source_url": "",
                },
            )
            for figure in data["statistics"]
        ],
        related_stories=[("story", stories[key]) for key in data["stories"]],
    )
    index.add_child(instance=campaign)
    campaign.partners.set([partners[key] for key in data["partners"]])
    campaign.save_revision().publish()
    log(f"Campaign: created (“{campaign.title}”)")
    return campaign
