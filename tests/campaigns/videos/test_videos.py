"""The video library: uploads are checked with the real ffmpeg, slow work runs as a task in
the database worker, captions are validated, a data-saver rendition is made."""

import hashlib
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from wagtail.users.models import UserProfile

from campaigns.videos import media
from campaigns.videos.captions import validate_webvtt
from campaigns.videos.choices import ProcessingStatus
from campaigns.videos.forms import VideoForm
from campaigns.videos.models import Caption, Video

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]

VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nЗдравейте!\n".encode()


@pytest.fixture
def clip(tmp_path):
    path = tmp_path / "clip.mp4"
    media.make_clip(path, seconds=2, size="320x180")
    return path


def upload(path, name: str | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name or path.name, path.read_bytes(), content_type="video/mp4")


def video_form(file) -> VideoForm:
    form_class = Video.snippet_viewset.get_form_class()
    return form_class(
        data={
            "title": "Test clip",
            "captions-TOTAL_FORMS": "0",
            "captions-INITIAL_FORMS": "0",
            "captions-MIN_NUM_FORMS": "0",
            "captions-MAX_NUM_FORMS": "1000",
        },
        files={"file": file},
        instance=Video(),
    )


def run_video_worker():
    call_command(
        "db_worker", "--batch", "--backend", "videos", "--no-startup-delay", stdout=StringIO()
    )


def test_the_admin_form_uses_the_video_checks():
    assert issubclass(Video.snippet_viewset.get_form_class(), VideoForm)


def test_upload_measures_the_clip_at_once(clip):
    form = video_form(upload(clip))

    assert form.is_valid(), form.errors
    video = form.save()
    assert (video.width, video.height) == (320, 180)
    assert video.duration_seconds == pytest.approx(2.0, abs=0.1)
    assert video.size_bytes == clip.stat().st_size
    assert video.mime_type == "video/mp4"
    assert video.processing_status == ProcessingStatus.PENDING


def test_processing_computes_sha256_poster_and_a_data_saver_rendition(clip, settings):
    settings.VIDEO_DATA_SAVER_HEIGHT = 120
    form = video_form(upload(clip))
    assert form.is_valid(), form.errors
    video = form.save()

    from campaigns.videos import processing

    processing.process_video(video_id=video.pk, file_name=video.file.name)

    video.refresh_from_db()
    assert video.processing_status == ProcessingStatus.READY, video.processing_error
    assert video.sha256 == hashlib.sha256(clip.read_bytes()).hexdigest()
    assert video.size_bytes == clip.stat().st_size
    assert video.poster is not None and video.poster.width == 320
    with media.local_path(video.data_saver) as path:
        rendition = media.probe(path)
    assert rendition.height == 120 and rendition.width == 214
    assert video.data_saver_size_bytes == video.data_saver.size
    with video.data_saver.open("rb") as saved:
        assert video.data_saver_sha256 == hashlib.sha256(saved.read()).hexdigest()


def test_a_given_poster_is_kept(clip):
    from wagtail_factories import ImageFactory

    from campaigns.videos import processing

    poster = ImageFactory()
    form = video_form(upload(clip))
    assert form.is_valid()
    video = form.save()
    video.poster = poster
    video.save()

    processing.process_video(video_id=video.pk, file_name=video.file.name)

    video.refresh_from_db()
    assert video.poster == poster


# The worker closes its database connection after each task, as in production: the test
# must not sit inside one long transaction.
@pytest.mark.django_db(transaction=True)
def test_admin_upload_is_processed_by_the_task_worker_not_in_the_request(client, admin_user, clip):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(admin_user)
    data = {
        "title": "Uploaded in the admin",
        "file": upload(clip),
        "captions-TOTAL_FORMS": "1",
        "captions-INITIAL_FORMS": "0",
        "captions-MIN_NUM_FORMS": "0",
        "captions-MAX_NUM_FORMS": "1000",
        "captions-0-language": "bg",
        "captions-0-file": SimpleUploadedFile("bg.vtt", VTT, content_type="text/vtt"),
        "captions-0-ORDER": "1",
        "captions-0-id": "",
    }

    response = client.post("/admin/snippets/campaigns/video/add/", data)

    assert response.status_code == 302, response.content.decode()[:2000]
    video = Video.objects.get(title="Uploaded in the admin")
    assert video.processing_status == ProcessingStatus.PENDING  # the request did not wait
    assert [caption.language for caption in video.captions.all()] == ["bg"]
    task = DBTaskResult.objects.get(backend_name="videos")
    assert task.task_path == "campaigns.tasks.process_video"
    assert task.args_kwargs["args"] == [video.pk, video.file.name]

    listing = client.get("/admin/snippets/campaigns/video/")
    assert "Waiting to be processed" in listing.content.decode()

    run_video_worker()

    video.refresh_from_db()
    assert video.processing_status == ProcessingStatus.READY, video.processing_error
    assert video.data_saver
    assert "Ready" in client.get("/admin/snippets/campaigns/video/").content.decode()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.pdf", b"%PDF-1.4 not a video", "Choose an MP4 or WebM video"),
        ("page.mp4", b"<html><script>alert(1)</script></html>" * 20, "not an MP4 or WebM video"),
        ("broken.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 800, "This video cannot be read"),
        ("broken.webm", b"\x1a\x45\xdf\xa3" + b"\x42" * 800, "This video cannot be read"),
    ],
)
def test_files_that_are_not_readable_videos_are_refused_with_a_message(name, content, message):
    form = video_form(SimpleUploadedFile(name, content))

    assert not form.is_valid()
    assert message in " ".join(form.errors["file"])
    assert not Video.objects.filter(title="Test clip").exists()


def test_a_video_over_the_size_limit_is_refused(clip, settings):
    settings.VIDEO_MAX_UPLOAD_MB = 0

    form = video_form(upload(clip))

    assert not form.is_valid()
    assert "a video can be at most 0 MB" in form.errors["file"][0]


def test_a_video_that_fails_in_processing_says_why(clip):
    from campaigns.videos import processing

    form = video_form(upload(clip))
    assert form.is_valid()
    video = form.save()
    with video.file.open("wb") as stored:  # the file is damaged after upload
        stored.write(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 100)

    processing.process_video(video_id=video.pk, file_name=video.file.name)

    video.refresh_from_db()
    assert video.processing_status == ProcessingStatus.FAILED
    assert "Invalid data" in video.processing_error


def test_a_replaced_upload_is_not_processed_twice(clip):
    from campaigns.videos import processing

    form = video_form(upload(clip))
    assert form.is_valid()
    video = form.save()

    assert processing.process_video(video_id=video.pk, file_name="videos/older.mp4") is None
    video.refresh_from_db()
    assert video.processing_status == ProcessingStatus.PENDING


# --- Captions -------------------------------------------------------------------------


def test_a_valid_webvtt_file_is_accepted():
    assert validate_webvtt(VTT) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"hello world", "not a valid WebVTT file"),
        (b"WEBVTT\n\n", "no captions"),
        (b"WEBVTT\n\n00:00:00.000 -> 00:00:01.000\nOops\n", "looks like a cue timing"),
        (b"WEBVTT\n\n00:00:03.000 --> 00:00:01.000\nBackwards\n", "ends before it starts"),
        ("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nЗдравей\n".encode("cp1251"), "UTF-8"),
    ],
)
def test_broken_caption_files_are_refused_with_a_message(content, message):
    with pytest.raises(ValidationError, match=message):
        validate_webvtt(content)


def test_a_caption_upload_is_checked_when_saved_with_its_video(clip):
    form = video_form(upload(clip))
    assert form.is_valid()
    video = form.save()
    caption = Caption(
        video=video,
        language="en",
        file=SimpleUploadedFile("en.vtt", b"WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nx\n"),
    )

    with pytest.raises(ValidationError) as error:
        caption.full_clean()
    assert "ends before it starts" in str(error.value.message_dict["file"])

    wrong_type = Caption(video=video, language="en", file=SimpleUploadedFile("en.srt", VTT))
    with pytest.raises(ValidationError, match=r"ending in \.vtt"):
        wrong_type.full_clean()


def test_captions_list_the_readers_language_first(clip):
    form = video_form(upload(clip))
    assert form.is_valid()
    video = form.save()
    for code in ("bg", "en", "ar"):
        Caption.objects.create(
            video=video, language=code, file=SimpleUploadedFile(f"{code}.vtt", VTT)
        )

    assert [c.language for c in video.captions_for(["ar", "en", "bg"])] == ["ar", "en", "bg"]
    assert [c.language for c in video.captions_for(["fa", "en", "bg"])] == ["en", "bg", "ar"]
