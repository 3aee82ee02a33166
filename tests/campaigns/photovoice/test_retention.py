"""What photovoice keeps about senders, and for how long: the withdrawal token never reaches
a log; emails and rejected submissions' text are erased on time."""

from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from campaigns.photovoice import services
from campaigns.photovoice.models import PhotoSubmission
from cms.log_masking import mask
from tests.campaigns.photovoice.test_photovoice import submit
from tests.conftest import PROJECT_DIR

SECRET = "retention-test-" + "x" * 50
HTTPS = {"X-Forwarded-Proto": "https"}
TOKEN = "Zq7-token-from-the-email_ABCDEFGHIJKLMNOPQRSTUVWXYZ0"


def test_a_withdrawal_token_never_reaches_the_access_log_or_djangos(gunicorn):
    server = gunicorn({"SECRET_KEY": SECRET})

    status, _, _ = server.get(f"/bg/withdraw-photo/{TOKEN}/?from=mail", HTTPS)

    assert status == 404  # an unknown token: Django logs "Not Found: <path>" as well
    server.stop()
    log = server.output()
    assert TOKEN not in log
    assert '"GET /bg/withdraw-photo/…/?from=mail HTTP/1.1" 404' in log
    assert "WARNING django.request Not Found: /bg/withdraw-photo/…/" in log


def test_masking_leaves_other_paths_alone():
    assert mask("GET /bg/uroci/withdraw/ HTTP/1.1") == "GET /bg/uroci/withdraw/ HTTP/1.1"
    assert mask("/ar/withdraw-photo/abc/ and /uk/withdraw-photo/def") == (
        "/ar/withdraw-photo/…/ and /uk/withdraw-photo/…"
    )


@pytest.mark.parametrize(
    "path", ["Dockerfile", "deploy/systemd/open-doors-web.service", "scripts/stack.py"]
)
def test_every_way_to_run_gunicorn_masks_its_access_log(path):
    assert "cms.log_masking.AccessLogWithoutSecrets" in Path(PROJECT_DIR, path).read_text()


# --- Emails and rejected submissions --------------------------------------------------------


def aged(submission: PhotoSubmission, days: int, **fields) -> None:
    """Move a submission's dates `days` into the past (what the calendar would do)."""
    when = timezone.now() - timedelta(days=days)
    PhotoSubmission.objects.filter(pk=submission.pk).update(
        submitted_at=when, moderated_at=when if fields.pop("moderated", False) else None, **fields
    )


@pytest.mark.django_db
def test_the_email_is_erased_once_the_withdrawal_link_is_sent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submission, _ = submit(email="leyla@example.org")

    assert mail.outbox[0].to == ["leyla@example.org"]
    submission.refresh_from_db()
    assert submission.email == ""


@pytest.mark.django_db
def test_an_email_whose_link_failed_is_kept_for_days_then_erased(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.campaigns.photovoice.test_retention.RefusingBackend"
    settings.PHOTOVOICE_EMAIL_DAYS = 7
    with django_capture_on_commit_callbacks(execute=True):
        recent, _ = submit(email="recent@example.org")
        old, _ = submit(email="old@example.org")
    aged(old, days=8)

    erased = services.erase_expired_personal_data()

    assert erased.emails == 1
    assert PhotoSubmission.objects.get(pk=recent.pk).email == "recent@example.org"
    assert PhotoSubmission.objects.get(pk=old.pk).email == ""


@pytest.mark.django_db
def test_rejected_text_is_erased_after_the_set_days_and_the_row_stays(settings):
    settings.PHOTOVOICE_REJECTED_DAYS = 30
    old, _ = submit(caption="Our street, number 12")
    recent, _ = submit(caption="The bus to the office")
    pending, _ = submit(caption="Waiting for an editor")
    for submission in (old, recent):
        services.reject_photo(submission=submission, moderator=None, reason="Shows a face.")
    aged(old, days=31, moderated=True)
    aged(pending, days=400)

    out = StringIO()
    call_command("housekeeping", stdout=out)

    old.refresh_from_db()
    assert (old.caption, old.author_name, old.alt_text, old.rejection_reason) == ("", "", "", "")
    assert old.status == PhotoSubmission.Status.REJECTED and old.theme_id and old.language
    assert PhotoSubmission.objects.get(pk=recent.pk).caption == "The bus to the office"
    assert PhotoSubmission.objects.get(pk=pending.pk).caption == "Waiting for an editor"
    assert "erase_photovoice_personal_data done" in out.getvalue()
    assert "the text of 1 submission(s) rejected" in out.getvalue()


class RefusingBackend:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")
