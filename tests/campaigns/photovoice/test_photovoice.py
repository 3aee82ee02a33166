"""Photovoice: the public form and its spam traps, private storage until approval, moderation
in the admin, the gallery, the partner API and withdrawal by the link mailed to the sender."""

import io
import re
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image
from wagtail.images import get_image_model
from wagtail.users.models import UserProfile

from campaigns.photovoice import services
from campaigns.photovoice.forms import started_token
from campaigns.photovoice.models import AuditTheme, PhotoSubmission, PhotovoicePage
from cms.api.caching import content_changed
from cms.uploads import clean_photo
from tests.campaigns.partners.test_webhooks import Receiver, cdn_at, purged

pytestmark = pytest.mark.django_db

PAGE = "/en/photovoice/"
API = "/api/v1/photovoice/"
Status = PhotoSubmission.Status


def a_jpeg(colour="#c0392b", size=(120, 90)) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, colour).save(output, "JPEG")
    return output.getvalue()


def an_address() -> str:
    """Each test sends from its own address: counts kept in the shared cache (Redis in CI)
    by other tests never reach it."""
    number = uuid.uuid4().int
    return f"10.{number % 250}.{number // 250 % 250}.{number // 62500 % 250}"


def form(**overrides) -> dict:
    data = {
        "photo": SimpleUploadedFile("IMG_2041.jpg", a_jpeg(), content_type="image/jpeg"),
        "caption": f"The tram stop by our school {uuid.uuid4().hex[:6]}",
        "theme": "education",
        "author_name": "Leyla",
        "for_web": "on",
        "for_partners": "on",
        "confirm": "on",
        "email": "",
        "website": "",
        "started": started_token(at=time.time() - 60),  # a person took a minute
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def form_on(client, path: str = PAGE) -> tuple[str, dict]:
    """Where the page's form posts, and its hidden fields other than the time it was shown:
    what a browser reads from the page before sending."""
    html = client.get(path).content.decode()
    [action] = re.findall(
        r'<form method="post" enctype="multipart/form-data" action="([^"#]+)', html
    )
    hidden = dict(re.findall(r'<input type="hidden" name="(back)" value="([^"]*)"', html))
    return action, hidden


def send(client, path=PAGE, headers=None, **overrides):
    action, hidden = form_on(client, path)
    data = {**hidden, **form(**overrides)}
    return data, client.post(action, data, REMOTE_ADDR=an_address(), headers=headers or {})


def submit(*, theme="education", web=True, partners=True, email="", caption=None):
    """A pending submission made through the service, and its withdrawal token."""
    submitted = services.submit_photo(
        # A colour of its own: Wagtail caches renditions by image id and file hash, and ids
        # come back after a test's transaction is rolled back.
        photo=clean_photo(
            a_jpeg(f"#{uuid.uuid4().hex[:6]}"), max_bytes=10**7, max_pixels=10**7, max_side=2000
        ),
        caption=caption or f"A shared kitchen {uuid.uuid4().hex[:6]}",
        theme=AuditTheme.objects.get(slug=theme, locale__language_code="bg"),
        language="en",
        for_web=web,
        for_screens=False,
        for_partners=partners,
        email=email,
    )
    return submitted.submission, submitted.withdrawal_token


@pytest.fixture
def moderator(django_user_model):
    group = Group.objects.create(name="Photovoice moderators")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="moderate_photosubmission"),
    )
    user = django_user_model.objects.create_user("moderator", password="x")
    user.groups.add(group)
    return user


@pytest.fixture
def editor(django_user_model):
    """An admin user without the moderation permission."""
    group = Group.objects.create(name="Editors without moderation")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = django_user_model.objects.create_user("editor", password="x")
    user.groups.add(group)
    return user


def private_path(submission) -> Path:
    return Path(submission.pending_file.path)


# --- The public form ------------------------------------------------------------------------


def test_the_page_serves_the_form_and_the_gallery_in_every_language(client):
    for path, direction in (("/bg/fotoglas/", "ltr"), (PAGE, "ltr"), ("/ar/photovoice/", "rtl")):
        response = client.get(path)

        assert response.status_code == 200, path
        html = response.content.decode()
        assert f'dir="{direction}"' in html
        assert 'enctype="multipart/form-data"' in html
        assert 'name="website"' in html and 'name="started"' in html
        assert "Three languages on one noticeboard" in html  # a demo photo


def test_a_photo_is_received_and_waits_for_moderation(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        data, response = send(client, path="/ar/photovoice/", email="leyla@example.org")

    assert response.status_code == 303
    assert response["Location"] == "/ar/photovoice/?sent=1#thanks"
    submission = PhotoSubmission.objects.get(caption=data["caption"])
    assert submission.status == Status.PENDING
    assert submission.language == "ar"
    assert (submission.for_web, submission.for_screens, submission.for_partners) == (
        True,
        False,
        True,
    )
    assert submission.theme.slug == "education" and submission.theme.locale.language_code == "bg"
    assert submission.image is None
    assert "IMG_2041" not in submission.pending_file.name
    thanks = client.get(response["Location"])
    with translation.override("ar"):
        thank_you = translation.gettext("Thank you! We received your photo.")
    assert thank_you != "Thank you! We received your photo."  # said in Arabic
    assert thank_you in thanks.content.decode()
    [message] = mail.outbox
    assert message.to == ["leyla@example.org"]
    [link] = re.findall(r"http://testserver/ar/withdraw-photo/[\w-]+/", message.body)
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert token not in submission.withdrawal_token_hash
    assert len(submission.withdrawal_token_hash) == 64


def test_no_email_is_sent_without_an_address(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _, response = send(client)

    assert response.status_code == 303
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"for_web": None, "for_partners": None}, "Choose at least one place where we may show"),
        ({"confirm": None}, "Please confirm this, or choose another photo."),
        ({"theme": "weather"}, "Select a valid choice."),
        ({"caption": ""}, "This field is required."),
        ({"email": "not-an-address"}, "Enter a valid email address."),
        ({"caption": "x" * 501}, "Ensure this value has at most 500 characters"),
    ],
)
def test_a_form_with_mistakes_answers_400_and_stores_nothing(client, overrides, message):
    count = PhotoSubmission.objects.count()

    _, response = send(client, **overrides)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert PhotoSubmission.objects.count() == count


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (lambda: {"website": "http://spam.example"}, "a field that must stay empty was filled"),
        (lambda: {"started": started_token()}, "That was very quick."),
        (lambda: {"started": "1700000000.0:forged"}, "The form was open for too long."),
        (lambda: {"started": started_token(at=time.time() - 3 * 24 * 3600)}, "open for too long"),
        (lambda: {"started": None}, "The form was open for too long."),
    ],
    ids=["honeypot", "too fast", "forged time", "expired", "no time"],
)
def test_spam_traps_answer_400_with_a_message_and_store_nothing(client, overrides, message):
    count = PhotoSubmission.objects.count()

    data, response = send(client, **overrides())

    assert response.status_code == 400
    assert message in response.content.decode()
    assert data["caption"] in response.content.decode()  # kept for a person to send again
    assert PhotoSubmission.objects.count() == count


def test_too_many_attempts_from_one_address_answer_429(client, settings):
    settings.PHOTOVOICE_SUBMISSION_RATE = "2/hour"
    address = an_address()
    count = PhotoSubmission.objects.count()

    action, _ = form_on(client)
    statuses = [client.post(action, form(), REMOTE_ADDR=address).status_code for _ in range(3)]
    other = client.post(action, form(), REMOTE_ADDR=an_address())

    assert statuses == [303, 303, 429]
    assert other.status_code == 303
    assert PhotoSubmission.objects.count() == count + 3
    refused = client.post(action, form(), REMOTE_ADDR=address)
    assert refused.status_code == 429
    assert "You have sent many photos in a short time." in refused.content.decode()
    assert 0 < int(refused["Retry-After"]) <= 3600


def test_the_page_carries_no_csrf_token_so_a_cdn_keeps_it(client):
    response = client.get(PAGE)

    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert "csrftoken" not in response.cookies
    assert response["Cache-Control"].startswith("public")


@pytest.mark.parametrize(
    "headers",
    [{"Origin": "https://elsewhere.example"}, {"Sec-Fetch-Site": "cross-site"}, {"Origin": "null"}],
    ids=["another site's origin", "cross-site fetch", "opaque origin"],
)
def test_a_post_from_another_site_is_refused_and_stores_nothing(client, headers):
    count = PhotoSubmission.objects.count()

    _, response = send(client, headers=headers)

    assert response.status_code == 403
    assert "the form did not come from this website" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert PhotoSubmission.objects.count() == count


def test_a_post_from_this_site_is_received(client):
    _, response = send(
        client, headers={"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"}
    )

    assert response.status_code == 303 and response["Location"] == f"{PAGE}?sent=1#thanks"


def test_the_send_address_answers_only_posts_for_a_published_photovoice_page(client):
    action, _ = form_on(client)

    assert client.get(action).status_code == 405
    assert client.post("/en/send-photo/999999/", form()).status_code == 404
    page = PhotovoicePage.objects.get(locale__language_code="en")
    page.unpublish()
    assert client.post(action, form(), REMOTE_ADDR=an_address()).status_code == 404


def test_a_refused_form_keeps_the_readers_address_for_its_links(client):
    _, response = send(client, path="/ar/photovoice/", caption="")

    html = response.content.decode()
    assert response.status_code == 400
    assert 'href="/ar/photovoice/?theme=education"' in html
    assert 'name="back" value="/ar/photovoice/"' in html


# --- Nothing pending is reachable without the moderation permission --------------------------


def test_a_pending_photo_has_no_address(client, moderator, editor):
    submission, _ = submit()
    name = submission.pending_file.name
    path = private_path(submission)

    assert path.exists()
    assert Path(settings.MEDIA_ROOT).resolve() not in path.resolve().parents
    with pytest.raises(ValueError):
        submission.pending_file.url  # noqa: B018
    guesses = [
        f"/media/{name}",
        f"/media/{Path(name).name}",
        f"/media/private/{name}",
        f"/media/images/{Path(name).name}",
        f"/media/original_images/{Path(name).name}",
        f"/media/..%2F{name}",
    ]
    for guess in guesses:
        assert client.get(guess).status_code in (400, 404), guess
    admin_photo = reverse("photovoice_moderation:photo", args=[submission.pk])
    anonymous = client.get(admin_photo)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    client.force_login(editor)
    assert client.get(admin_photo).get("Content-Type") != "image/jpeg"
    client.force_login(moderator)
    shown = client.get(admin_photo)
    assert shown.status_code == 200 and shown["Content-Type"] == "image/jpeg"
    assert "no-store" in shown["Cache-Control"] and "private" in shown["Cache-Control"]
    thumb = client.get(admin_photo + "?size=thumb")
    assert Image.open(io.BytesIO(thumb.content)).format == "JPEG"


def test_a_pending_photo_is_in_no_gallery_and_no_api(client):
    submission, _ = submit(caption="Pending: our courtyard")
    content_changed()

    assert "Pending: our courtyard" not in client.get(PAGE).content.decode()
    assert "Pending: our courtyard" not in client.get(API).content.decode()
    assert client.get(f"{API}{submission.pk}/").status_code == 404


# --- Moderation -----------------------------------------------------------------------------


def test_the_queue_lists_pending_photos_for_moderators_only(client, moderator, editor):
    submission, _ = submit(caption="Queue: a bus full of pupils")
    queue = reverse("photovoice_moderation:index")

    client.force_login(editor)
    refused = client.get(queue)
    assert refused.status_code == 302
    assert "Queue: a bus full of pupils" not in client.get(queue, follow=True).content.decode()
    assert "/admin/photovoice_moderation/" not in client.get("/admin/").content.decode()

    client.force_login(moderator)
    listed = client.get(queue).content.decode()
    assert "Queue: a bus full of pupils" in listed
    assert reverse("photovoice_moderation:photo", args=[submission.pk]) + "?size=thumb" in listed
    assert "/admin/photovoice_moderation/" in client.get("/admin/").content.decode()


def test_approving_makes_a_public_image_and_deletes_the_private_file(
    client, moderator, django_capture_on_commit_callbacks
):
    submission, _ = submit(caption="Approved: the library's reading room")
    pending = private_path(submission)
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("photovoice_moderation:approve", args=[submission.pk]),
            {f"a{submission.pk}-alt_text": "Long tables with lamps and people reading."},
        )

    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Status.APPROVED
    assert submission.moderated_by == moderator and submission.moderated_at is not None
    image = submission.image
    assert image.title == "Approved: the library's reading room"
    assert image.description == "Long tables with lamps and people reading."
    assert image.collection.name == "Photovoice"
    assert not pending.exists() and not submission.pending_file
    client.logout()
    assert client.get(image.file.url).status_code == 200
    gallery = client.get(PAGE).content.decode()
    assert "Approved: the library&#x27;s reading room" in gallery
    assert 'alt="Long tables with lamps and people reading."' in gallery
    assert "srcset=" in gallery


def test_approval_needs_a_description(client, moderator):
    submission, _ = submit()
    client.force_login(moderator)

    response = client.post(
        reverse("photovoice_moderation:approve", args=[submission.pk]),
        {f"a{submission.pk}-alt_text": "  "},
    )

    assert response.status_code == 400
    submission.refresh_from_db()
    assert submission.status == Status.PENDING and submission.image is None
    assert private_path(submission).exists()


def test_rejecting_needs_a_reason_and_deletes_the_file(
    client, moderator, django_capture_on_commit_callbacks
):
    submission, _ = submit(email="someone@example.org")
    pending = private_path(submission)
    client.force_login(moderator)
    reject = reverse("photovoice_moderation:reject", args=[submission.pk])

    without_reason = client.post(reject, {f"r{submission.pk}-reason": ""})
    assert without_reason.status_code == 400
    submission.refresh_from_db()
    assert submission.status == Status.PENDING and pending.exists()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reject, {f"r{submission.pk}-reason": "A face can be recognised."})

    submission.refresh_from_db()
    assert submission.status == Status.REJECTED
    assert submission.rejection_reason == "A face can be recognised."
    assert submission.email == ""
    assert not pending.exists()


def test_only_moderators_can_approve_or_reject(client, editor):
    submission, _ = submit()
    client.force_login(editor)

    client.post(
        reverse("photovoice_moderation:approve", args=[submission.pk]),
        {f"a{submission.pk}-alt_text": "A kitchen."},
    )
    client.post(
        reverse("photovoice_moderation:reject", args=[submission.pk]),
        {f"r{submission.pk}-reason": "No."},
    )

    submission.refresh_from_db()
    assert submission.status == Status.PENDING


def test_a_photo_is_moderated_once(moderator):
    submission, _ = submit()
    services.reject_photo(submission=submission, moderator=moderator, reason="Blurred.")

    with pytest.raises(services.NotPending):
        services.approve_photo(submission=submission, moderator=moderator, alt_text="A kitchen.")


# --- Gallery and API --------------------------------------------------------------------------


def approved(moderator, **kwargs) -> PhotoSubmission:
    submission, _ = submit(**kwargs)
    return services.approve_photo(
        submission=submission, moderator=moderator, alt_text="A table with cups of tea."
    )


def test_the_gallery_filters_by_theme_and_shows_only_web_consent(client, moderator):
    housing = approved(moderator, theme="housing", caption="Gallery: our block's garden")
    hidden = approved(moderator, web=False, caption="Gallery: partners only")

    filtered = client.get(PAGE + "?theme=housing").content.decode()
    everything = client.get(PAGE).content.decode()
    unknown = client.get(PAGE + "?theme=weather")

    assert "Gallery: our block&#x27;s garden" in filtered
    assert "Three languages on one noticeboard" not in filtered  # a cultural-diversity photo
    assert "Gallery: our block&#x27;s garden" in everything
    assert hidden.caption not in everything
    assert housing.image.get_rendition("width-320|format-jpeg|jpegquality-75").url in everything
    assert unknown.status_code == 400
    assert "There is no theme “weather”" in unknown.content.decode()


def test_the_gallerys_queries_do_not_grow_with_its_photos(client, moderator):
    # Each photo's three renditions come from Wagtail's rendition cache, not a query each.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    approved(moderator, caption="Count: the first photo")
    client.get(PAGE)  # renditions made once; a reader's visit only reads them
    with CaptureQueriesContext(connection) as few:
        client.get(PAGE)
    for number in range(3):
        approved(moderator, caption=f"Count: photo {number}")
    client.get(PAGE)
    with CaptureQueriesContext(connection) as more:
        response = client.get(PAGE)

    assert "Count: photo 2" in response.content.decode()
    assert len(more) == len(few)


def test_the_api_lists_only_approved_photos_shared_with_partners(client, moderator):
    shared = approved(moderator, caption="API: the market on Saturday")
    web_only = approved(moderator, partners=False, caption="API: web only")
    pending, _ = submit(caption="API: still pending")
    content_changed()

    answer = client.get(API, {"lang": "ar"}).json()
    captions = [photo["caption"] for photo in answer["results"]]

    assert "API: the market on Saturday" in captions
    assert "API: web only" not in captions and "API: still pending" not in captions
    expected = PhotoSubmission.objects.filter(status=Status.APPROVED, for_partners=True).count()
    assert answer["count"] == expected
    item = next(photo for photo in answer["results"] if photo["id"] == shared.pk)
    assert item["theme"] == {"slug": "education", "name": "التعليم", "locale": "ar"}
    assert item["alt_text"] == "A table with cups of tea."
    assert item["caption_language"] == "en"
    assert item["image"]["url"].startswith("http://testserver/media/images/")
    assert item["api_url"] == f"http://testserver{API}{shared.pk}/"
    assert client.get(f"{API}{shared.pk}/").json()["caption"] == "API: the market on Saturday"
    assert client.get(f"{API}{web_only.pk}/").status_code == 404
    assert client.get(f"{API}{pending.pk}/").status_code == 404


@pytest.mark.parametrize(
    "query",
    ["?colour=red", "?theme=", "?theme=not a slug", "?page=0", "?page_size=1000", "?lang=xx"],
)
def test_the_api_refuses_bad_parameters_with_400(client, query):
    response = client.get(API + query)

    assert response.status_code == 400
    assert "detail" in response.json()


def test_the_api_filters_by_theme(client, moderator):
    approved(moderator, theme="housing", caption="API: a new roof")
    content_changed()

    answer = client.get(API, {"theme": "housing"}).json()
    no_such_theme = client.get(API, {"theme": "weather"})

    assert [photo["caption"] for photo in answer["results"]] == ["API: a new roof"]
    assert no_such_theme.status_code == 200 and no_such_theme.json()["count"] == 0


# --- Withdrawal -------------------------------------------------------------------------------


def test_withdrawing_removes_the_photo_its_files_and_its_public_presence(
    client, moderator, django_capture_on_commit_callbacks
):
    submission, token = submit(caption="Withdraw: my street at night")
    submission = services.approve_photo(
        submission=submission, moderator=moderator, alt_text="A street with lamps."
    )
    image = submission.image
    client.get(PAGE)  # the gallery makes its renditions
    files = [Path(image.file.path)] + [Path(r.file.path) for r in image.renditions.all()]
    assert len(files) > 1 and all(path.exists() for path in files)
    content_changed()
    assert "Withdraw: my street at night" in client.get(API).content.decode()  # now cached
    link = reverse("photovoice_withdraw", kwargs={"token": token})

    confirm = client.get(link)
    assert confirm.status_code == 200
    assert "Do you want to withdraw your photo?" in confirm.content.decode()
    assert confirm["Cache-Control"] == "no-store"
    submission.refresh_from_db()
    assert submission.status == Status.APPROVED  # a mail scanner opening the link changes nothing

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(link)

    assert done.status_code == 200
    assert "Your photo was withdrawn." in done.content.decode()
    submission.refresh_from_db()
    assert submission.status == Status.WITHDRAWN
    assert submission.caption == submission.author_name == submission.email == ""
    assert not get_image_model().objects.filter(pk=image.pk).exists()
    assert not any(path.exists() for path in files)
    assert client.get(image.file.url).status_code == 404
    assert "Withdraw: my street at night" not in client.get(PAGE).content.decode()
    assert "Withdraw: my street at night" not in client.get(API).content.decode()
    assert client.get(f"{API}{submission.pk}/").status_code == 404
    again = client.get(link)
    assert "This photo was already withdrawn." in again.content.decode()


def test_withdrawing_a_pending_photo_deletes_its_private_file(
    client, django_capture_on_commit_callbacks
):
    submission, token = submit()
    pending = private_path(submission)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("photovoice_withdraw", kwargs={"token": token}))

    submission.refresh_from_db()
    assert submission.status == Status.WITHDRAWN
    assert not pending.exists()


def test_a_moderator_withdraws_a_photo_at_the_senders_request_as_the_link_would(
    client, moderator, editor, monkeypatch, django_capture_on_commit_callbacks, in_english
):
    """A sender who gave no email asks the team: the moderation queue withdraws the photo
    through the same service as the link (deleted everywhere, details erased)."""
    submission = approved(moderator, caption="Asked to withdraw: our staircase")
    image = submission.image
    url = reverse("photovoice_moderation:withdraw", args=[submission.pk])
    calls = []
    real = services.withdraw_photo
    monkeypatch.setattr(
        services, "withdraw_photo", lambda **kwargs: calls.append(kwargs) or real(**kwargs)
    )
    client.force_login(editor)
    client.post(url)
    assert calls == [] and PhotoSubmission.objects.get(pk=submission.pk).status == Status.APPROVED

    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = "en"  # the admin speaks each editor's language
    profile.save()
    client.force_login(moderator)
    assert client.get(url).status_code == 405  # only a form post withdraws
    queue = client.get(reverse("photovoice_moderation:index") + "?status=approved")
    assert url in queue.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, follow=True)

    assert [call["submission"].pk for call in calls] == [submission.pk]
    assert "The photo was withdrawn" in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == Status.WITHDRAWN
    assert submission.caption == submission.alt_text == submission.author_name == ""
    assert not get_image_model().objects.filter(pk=image.pk).exists()
    assert "Asked to withdraw: our staircase" not in client.get(PAGE).content.decode()
    again = client.post(url, follow=True)
    assert "already withdrawn" in again.content.decode()
    assert len(calls) == 1


def test_an_unknown_withdrawal_link_is_a_404(client):
    response = client.get(reverse("photovoice_withdraw", kwargs={"token": "not-a-real-token"}))

    assert response.status_code == 404
    assert "This link is not valid." in response.content.decode()


def test_approving_and_withdrawing_purge_the_gallery_and_the_api_from_the_cdn(
    settings, moderator, django_capture_on_commit_callbacks
):
    receiver = Receiver()
    settings.WAGTAILFRONTENDCACHE = cdn_at(receiver)
    try:
        submission, _ = submit(caption="Purge: the market")
        with django_capture_on_commit_callbacks(execute=True):
            services.approve_photo(submission=submission, moderator=moderator, alt_text="A market.")
        after_approval = purged(receiver)
        receiver.requests.clear()
        with django_capture_on_commit_callbacks(execute=True):
            services.withdraw_photo(submission=submission)
        after_withdrawal = purged(receiver)
    finally:
        receiver.stop()

    galleries = {page.url for page in PhotovoicePage.objects.live()}
    for paths in (after_approval, after_withdrawal):
        detail = f"{API}{submission.pk}/"
        assert {API, f"{API}?lang=ar", detail, f"{detail}?lang=bg"} <= paths
        assert galleries and galleries <= paths


def test_partners_are_told_when_a_photo_they_had_is_withdrawn(
    moderator, django_capture_on_commit_callbacks
):
    from campaigns.partners.models import WebhookDelivery, WebhookEndpoint
    from campaigns.stories.models import Organisation

    organisation = Organisation.objects.filter(locale__language_code="bg").first()
    WebhookEndpoint.objects.create(organisation=organisation, url="https://partner.example/hooks")
    shared = approved(moderator, partners=True, caption="Webhook: shared with partners")
    kept_here = approved(moderator, partners=False, caption="Webhook: this website only")

    services.withdraw_photo(submission=shared)
    services.withdraw_photo(submission=kept_here)

    [delivery] = WebhookDelivery.objects.filter(event="photo.withdrawn")
    assert delivery.payload["object"] == {
        "type": "photo",
        "id": shared.pk,
        "url": f"{settings.WAGTAILADMIN_BASE_URL}{API}{shared.pk}/",
    }
