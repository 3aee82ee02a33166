"""The whole stack as a city runs it (scripts/stack.py): Varnish in front of gunicorn with two
workers on the production settings, PostgreSQL, Redis, the task workers and media on an
S3-compatible server. Everything below goes through Varnish, as readers and editors do."""

import http.cookiejar
import importlib.util
import io
import json
import os
import re
import shutil
import socket
import time
import urllib.error
import urllib.request
from urllib.parse import urlencode, urlsplit

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from tests.conftest import PROJECT_DIR

pytestmark = pytest.mark.slow

SPEC = importlib.util.spec_from_file_location("stack", PROJECT_DIR / "scripts" / "stack.py")
stack_module = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(stack_module)

PAGE_TYPES = {
    "home": "/en/",
    "content page": "/en/about-the-platform/",
    "lesson index": "/en/lessons/",
    "lesson": "/en/lessons/keep-your-documents-safe/",
    "course": "/en/lessons/your-first-weeks-in-sofia/",
    "story index": "/en/stories/",
    "story": "/en/stories/olympic-dream/",
    "campaign": "/en/campaigns/world-refugee-month/",
    "data story": "/en/city-integration-audit/",
    "right to left": "/ar/lessons/",
    "sitemap": "/sitemap.xml",
    "api list": "/api/v1/lessons/?lang=en",
}
EDITOR, PASSWORD = "editor", "a-long-password-for-the-stack"


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    if shutil.which("varnishd") is None and not os.path.exists("/usr/sbin/varnishd"):
        pytest.skip("varnishd is not installed (`make test` installs Debian's varnish)")
    server = stack_module.postgres_server_url()
    if server is None:
        pytest.skip("no PostgreSQL server on 127.0.0.1:5432 (.ci/run starts one)")
    folder = tmp_path_factory.mktemp("stack")
    running = stack_module.Stack(
        folder,
        database_url=server,
        redis_url=stack_module.redis_url(),
        workers=2,
    )
    with running:
        running.manage(
            "shell",
            "-v0",
            "-c",
            "from django.contrib.auth import get_user_model; "
            f"get_user_model().objects.create_superuser({EDITOR!r}, 'e@example.org', "
            f"{PASSWORD!r})",
        )
        yield running


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, *, method="GET", data=None, headers=None, opener=None):
    """(status, headers, body) without raising on 3xx, 4xx and 5xx."""
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    opener = opener or urllib.request.build_opener(NoRedirects)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def through_the_cdn(stack, path: str, **kwargs):
    return fetch(stack.url + path, **kwargs)


class Editor:
    """An editor's browser: a cookie jar, logged in through the CDN (the admin passes)."""

    def __init__(self, stack):
        self.stack = stack
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            NoRedirects, urllib.request.HTTPCookieProcessor(self.jar)
        )
        status, _, body = self.get("/admin/login/")
        assert status == 200
        status, _, _ = self.post("/admin/login/", {"username": EDITOR, "password": PASSWORD}, body)
        assert status == 302, "the editor could not log in"

    def get(self, path: str):
        return fetch(self.stack.url + path, opener=self.opener)

    def post(self, path: str, data: dict, form_page: bytes):
        token = BeautifulSoup(form_page, "html.parser").find(
            "input", {"name": "csrfmiddlewaretoken"}
        )["value"]
        body = urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True).encode()
        return fetch(
            self.stack.url + path,
            method="POST",
            data=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": self.stack.url + path,
            },
            opener=self.opener,
        )

    def submit(self, path: str, changes: dict, *, form_selector="form[data-edit-form]"):
        """GET a simple admin form, change some fields, POST it as a browser would."""
        status, _, page = self.get(path)
        assert status == 200, path
        form = BeautifulSoup(page, "html.parser").select_one(form_selector)
        assert form is not None, f"no {form_selector} on {path}"
        data = {}
        for field in form.select("input[name], textarea[name], select[name]"):
            kind = field.get("type", "text")
            if kind in ("submit", "button", "file") or field["name"] == "csrfmiddlewaretoken":
                continue
            if kind in ("checkbox", "radio") and not field.has_attr("checked"):
                continue
            if field.name == "select":
                chosen = field.select_one("option[selected]")
                data[field["name"]] = chosen["value"] if chosen else ""
            elif field.name == "textarea":
                data[field["name"]] = field.text
            else:
                data[field["name"]] = field.get("value", "on" if kind == "checkbox" else "")
        for name, value in changes.items():
            if value is None:
                data.pop(name, None)
            else:
                data[name] = value
        return self.post(form.get("action") or path, data, page)


def shell(stack, code: str) -> str:
    return stack.manage("shell", "-v0", "-c", code).strip()


def until(check, seconds: float = 2.0):
    """Poll `check` until it is true; returns the seconds it took (fails past `seconds`)."""
    started = time.monotonic()
    while True:
        if check():
            return time.monotonic() - started
        if time.monotonic() - started > seconds:
            pytest.fail(f"not seen through the CDN within {seconds}s")
        time.sleep(0.05)


# --- Readers -------------------------------------------------------------------------------


def test_every_public_page_type_is_kept_by_the_cdn_and_sets_no_cookie(stack):
    for name, path in PAGE_TYPES.items():
        first = through_the_cdn(stack, path)
        second = through_the_cdn(stack, path)
        assert first[0] == second[0] == 200, name
        assert second[1]["X-Cache"] == "HIT", name
        for _, headers, _ in (first, second):
            assert headers.get("Set-Cookie") is None, name
        assert second[2] == first[2], name


def test_a_readers_cookies_do_not_bypass_the_cdn(stack):
    through_the_cdn(stack, "/en/stories/")
    status, headers, _ = through_the_cdn(
        stack, "/en/stories/", headers={"Cookie": "poll-0123=abc; django_language=en"}
    )
    assert status == 200 and headers["X-Cache"] == "HIT"


def test_a_readers_vote_through_the_cdn_shows_on_the_polls_own_page(stack):
    """The home page's poll form is kept by the CDN (no CSRF token); the vote and the
    poll's own page pass to the app with the reader's cookie."""
    _, _, home = through_the_cdn(stack, "/en/")
    form = BeautifulSoup(home, "html.parser").select_one("form.poll-form")
    jar = http.cookiejar.CookieJar()
    reader = urllib.request.build_opener(NoRedirects, urllib.request.HTTPCookieProcessor(jar))
    data = {
        "option": form.select_one("input[name=option]")["value"],
        "token": form.select_one("input[name=token]")["value"],
    }

    status, headers, _ = fetch(
        stack.url + form["action"],
        method="POST",
        data=urlencode(data).encode(),
        headers={"Origin": stack.url, "Content-Type": "application/x-www-form-urlencoded"},
        opener=reader,
    )
    assert status == 303, "the vote was not counted"
    poll_page = form["action"].removesuffix("vote/")
    for _ in range(2):
        status, headers, page = fetch(stack.url + poll_page, opener=reader)
        assert status == 200 and headers["X-Cache"] != "HIT"
        assert BeautifulSoup(page, "html.parser").select(".poll-results")
    _, _, anyone = through_the_cdn(stack, poll_page)
    assert not BeautifulSoup(anyone, "html.parser").select(".poll-results")


def test_a_photo_sent_through_the_cdn_reaches_the_moderators(stack):
    _, headers, page = through_the_cdn(stack, "/en/photovoice/")
    assert headers["X-Cache"] in ("HIT", "MISS") and b"csrfmiddlewaretoken" not in page
    form = BeautifulSoup(page, "html.parser").select_one("form[enctype]")
    photo = io.BytesIO()
    Image.new("RGB", (64, 48), "#2e86c1").save(photo, "JPEG")
    fields = {
        "started": form.select_one("input[name=started]")["value"],
        "back": form.select_one("input[name=back]")["value"],
        "caption": "Sent through the CDN",
        "theme": form.select_one("input[name=theme]")["value"],
        "for_web": "on",
        "confirm": "on",
    }
    boundary = "stack-test-boundary"
    body = b"".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    )
    body += (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="photo"; filename="a.jpg"\r\n'
            "Content-Type: image/jpeg\r\n\r\n"
        ).encode()
        + photo.getvalue()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    time.sleep(3)  # PHOTOVOICE_MIN_SECONDS_TO_SUBMIT, if this copy was made just now

    status, headers, _ = fetch(
        stack.url + form["action"].split("#")[0],
        method="POST",
        data=body,
        headers={"Origin": stack.url, "Content-Type": f"multipart/form-data; boundary={boundary}"},
    )

    assert status == 303 and headers["Location"].endswith("/en/photovoice/?sent=1#thanks")
    assert "Sent through the CDN" in stack.manage(
        "shell",
        "-v0",
        "-c",
        "from campaigns.photovoice.models import PhotoSubmission as P; "
        "print(P.objects.filter(status='pending').values_list('caption', flat=True)[::1])",
    )


def test_media_are_stored_in_the_s3_server_and_served_from_it(stack):
    _, _, gallery = through_the_cdn(stack, "/en/photovoice/")
    sources = re.findall(r'src="([^"]+)"', gallery.decode())
    photos = [url for url in sources if url.startswith(stack.s3_url)]

    assert photos, "the gallery's images are not on the S3 server"
    status, headers, body = fetch(photos[0])
    assert status == 200 and headers["Content-Type"].startswith("image/") and body


def test_only_the_apps_address_may_purge(stack):
    through_the_cdn(stack, "/en/campaigns/world-refugee-month/")
    host = urlsplit(stack.url).netloc
    request = f"PURGE /en/campaigns/world-refugee-month/ HTTP/1.1\r\nHost: {host}\r\n\r\n"
    with socket.create_connection(
        ("127.0.0.1", stack.varnish_port), source_address=("127.0.0.2", 0)
    ) as other_host:
        other_host.sendall(request.encode())
        answer = other_host.recv(200).decode()

    assert answer.startswith("HTTP/1.1 405")
    _, headers, _ = through_the_cdn(stack, "/en/campaigns/world-refugee-month/")
    assert headers["X-Cache"] == "HIT"  # still there


# --- Editors: every change reaches readers through the CDN -----------------------------------


def test_a_change_an_editor_saves_in_the_admin_is_seen_at_once(stack):
    editor = Editor(stack)
    renamed = "Здраве и лекари".encode()
    assert renamed not in through_the_cdn(stack, "/bg/uroci/")[2]
    through_the_cdn(stack, "/bg/uroci/?level=A1")
    topic_id = shell(
        stack,
        "from learning.models import Topic; "
        "print(Topic.objects.get(locale__language_code='bg', slug='health').pk)",
    )

    status, _, _ = editor.submit(
        f"/admin/snippets/learning/topic/edit/{topic_id}/", {"name": "Здраве и лекари"}
    )

    assert status == 302
    took = until(lambda: renamed in through_the_cdn(stack, "/bg/uroci/")[2])
    assert took <= 2
    assert renamed in through_the_cdn(stack, "/bg/uroci/?level=A1")[2]  # every query of it


def test_a_page_unpublished_in_the_admin_leaves_the_cdn_in_every_language(stack):
    editor = Editor(stack)
    path = "/en/about-the-platform/"
    page_id = shell(
        stack,
        "from wagtail.models import Page; "
        "print(Page.objects.get(locale__language_code='en', slug='about-the-platform').pk)",
    )
    for prefix in ("/en/", "/fa/"):  # Farsi readers get the English copy at their prefix
        assert through_the_cdn(stack, path.replace("/en/", prefix))[0] == 200
        assert through_the_cdn(stack, path.replace("/en/", prefix))[1]["X-Cache"] == "HIT"

    status, _, _ = editor.submit(
        f"/admin/pages/{page_id}/unpublish/", {}, form_selector="form[action$='/unpublish/']"
    )

    assert status == 302
    until(lambda: through_the_cdn(stack, path)[0] != 200)
    status, _, body = through_the_cdn(stack, "/fa/about-the-platform/")
    assert status != 200 or b"About the platform" not in body


def test_a_consent_withdrawn_in_the_admin_takes_the_story_off_everywhere(stack):
    editor = Editor(stack)
    story_path, api = "/en/stories/olympic-dream/", "/api/v1/stories/?lang=en"
    for path in (story_path, "/en/stories/", api):
        through_the_cdn(stack, path)
    assert b"Olympic" in through_the_cdn(stack, api)[2]
    record_id = shell(
        stack,
        "from campaigns.stories.models import ConsentRecord; "
        "print(ConsentRecord.objects.get(story__slug='olimpiyska-mechta').pk)",
    )

    status, _, _ = editor.submit(
        f"/admin/snippets/campaigns/consentrecord/edit/{record_id}/",
        {"withdrawn_on": time.strftime("%Y-%m-%d")},
    )

    assert status == 302
    until(lambda: through_the_cdn(stack, story_path)[0] == 404)
    assert b"Olympic" not in through_the_cdn(stack, "/en/stories/")[2]
    assert "Olympic" not in json.dumps(json.loads(through_the_cdn(stack, api)[2]))


def test_a_withdrawn_photo_leaves_the_gallery_the_api_and_the_media_server(stack):
    editor = Editor(stack)
    api = "/api/v1/photovoice/"
    _, _, listed = through_the_cdn(stack, api)
    photo = json.loads(listed)["results"][0]
    files = [photo["image"]["url"], photo["image"]["original_url"]]
    assert all(fetch(url)[0] == 200 for url in files)
    _, _, gallery = through_the_cdn(stack, "/en/photovoice/")
    assert photo["caption"].encode() in gallery

    status, _, _ = editor.submit(
        "/admin/photovoice_moderation/?status=approved",
        {},
        form_selector=f"form[action$='/{photo['id']}/withdraw/']",
    )

    assert status == 302
    until(lambda: photo["caption"].encode() not in through_the_cdn(stack, "/en/photovoice/")[2])
    assert through_the_cdn(stack, f"{api}{photo['id']}/")[0] == 404
    assert str(photo["id"]) not in {
        str(item["id"]) for item in json.loads(through_the_cdn(stack, api)[2])["results"]
    }
    assert all(fetch(url)[0] in (403, 404) for url in files)


def test_an_alert_reaches_every_language_through_the_cdn_at_once(stack):
    """One purge per language (Varnish bans everything under /<lang>/): the pages the CDN
    kept show the banner at the next request, in the reader's language."""
    for path in ("/en/", "/ar/lessons/", "/bg/uroci/"):
        through_the_cdn(stack, path)
        assert through_the_cdn(stack, path)[1]["X-Cache"] == "HIT"
    shell(
        stack,
        "from datetime import timedelta; from django.utils import timezone; "
        "from wagtail.models import Locale; from campaigns.alerts.models import Alert; "
        "a = Alert.objects.create(title='Наводнение в центъра', text='Не слизайте в метрото.',"
        " ends_at=timezone.now() + timedelta(hours=1), live=False, machine_drafts=False,"
        " locale=Locale.objects.get(language_code='bg')); a.save_revision().publish()",
    )
    for path in ("/en/", "/ar/lessons/", "/bg/uroci/"):
        _, _, body = through_the_cdn(stack, path)
        page = BeautifulSoup(body, "html.parser")
        assert "Наводнение в центъра" in page.select_one(".alert-banner").get_text(), path
    shell(stack, "from campaigns.alerts.models import Alert; Alert.objects.get().unpublish()")
    assert b"alert-banner" not in through_the_cdn(stack, "/en/")[2]
