"""Every answer carries the browser's rules: a Content-Security-Policy with no inline script
on public pages, object-src 'none', base-uri 'self', frame-ancestors 'none' (the admin's
preview may frame the admin), and a Permissions-Policy."""

import re

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

PUBLIC = [
    "/bg/",
    "/ar/",
    "/en/lessons/keep-your-documents-safe/",
    "/en/lessons/your-first-weeks-in-sofia/",
    "/en/photovoice/",
    "/bg/kampanii/svetoven-mesets-na-bezhantsite/",
    "/en/no-such-page/",
]


def directives(header: str) -> dict[str, list[str]]:
    found = {}
    for part in header.split(";"):
        name, *values = part.split()
        found[name] = values
    return found


@pytest.mark.parametrize("path", PUBLIC)
def test_public_answers_allow_scripts_and_styles_from_our_origin_only(client, path):
    response = client.get(path)

    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_hold_no_inline_script_style_or_handler(client, path):
    html = client.get(path).content.decode()

    scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
    assert all('type="application/json"' in attributes for attributes in scripts), scripts
    assert not re.search(r"<[a-z][^>]*\son[a-z]+=", html)
    assert not re.search(r"<[a-z][^>]*\sstyle=", html)
    assert "<style" not in html
    assert "javascript:" not in html


def test_a_page_from_the_page_cache_still_carries_the_policy(client):
    client.get("/bg/")
    again = client.get("/bg/")

    assert "object-src 'none'" in again["Content-Security-Policy"]


def test_the_admin_may_run_wagtails_inline_scripts_but_nothing_else_changes(admin_client):
    response = admin_client.get("/admin/")

    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]  # the page preview
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]
    assert response["X-Frame-Options"] in ("DENY", "SAMEORIGIN")


def test_the_login_page_is_the_admins(client):
    policy = directives(client.get("/admin/login/")["Content-Security-Policy"])

    assert policy["frame-ancestors"] == ["'self'"]


def test_report_only_mode_reports_the_same_policy_and_enforces_nothing(client, settings):
    policy = {"DIRECTIVES": settings.SECURITY_POLICY}
    with override_settings(
        CONTENT_SECURITY_POLICY=None, CONTENT_SECURITY_POLICY_REPORT_ONLY=policy
    ):
        public = client.get("/bg/")
        login = client.get("/admin/login/")

    assert "Content-Security-Policy" not in public
    assert "object-src 'none'" in public["Content-Security-Policy-Report-Only"]
    # The paths' own rules apply in this mode too.
    assert "'unsafe-inline'" in login["Content-Security-Policy-Report-Only"]


def test_a_path_named_embeddable_may_be_framed_by_the_named_origin_only(client, settings):
    settings.EMBEDDABLE_PATHS = {"/en/lessons/": ["https://partner.example"]}

    embeddable = client.get("/en/lessons/keep-your-documents-safe/")
    other = client.get("/bg/")

    assert directives(embeddable["Content-Security-Policy"])["frame-ancestors"] == [
        "https://partner.example"
    ]
    assert "X-Frame-Options" not in embeddable
    assert directives(other["Content-Security-Policy"])["frame-ancestors"] == ["'none'"]
    assert other["X-Frame-Options"] == "DENY"


def test_the_settings_know_where_media_comes_from(monkeypatch):
    import importlib

    from cms.settings import base

    monkeypatch.setenv("S3_BUCKET", "uploads")
    monkeypatch.setenv("S3_CUSTOM_DOMAIN", "media.example.org")
    reloaded = importlib.reload(base)
    try:
        assert "https://media.example.org" in reloaded.SECURITY_POLICY["img-src"]
        assert "https://media.example.org" in reloaded.SECURITY_POLICY["media-src"]
    finally:
        monkeypatch.delenv("S3_BUCKET")
        monkeypatch.delenv("S3_CUSTOM_DOMAIN")
        importlib.reload(base)


def test_the_page_preview_may_be_framed_by_the_admin(rf, admin_user):
    """Wagtail renders a preview by running the page's public address through the middleware
    inside the admin's answer: the preview keeps the admin's rules, not the public page's."""
    from wagtail.models import Page

    page = Page.objects.get(depth=2, locale__language_code="bg").specific
    request = rf.get(f"/admin/pages/{page.pk}/edit/preview/")
    request.user = admin_user

    response = page.make_preview_request(original_request=request)

    assert response.status_code == 200
    assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]
