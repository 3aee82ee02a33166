"""Settings come from the environment through one reader; production refuses to start
without a secret and passes Django's deployment checks."""

import json
import runpy
import secrets
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command

from cms.checks import check_shared_cache
from cms.settings import environment as env
from tests.conftest import PROJECT_DIR, child_environment


def settings_with(monkeypatch, **variables) -> dict:
    """The base settings as a fresh process with these variables would compute them."""
    for name in ("DATABASE_URL", "REDIS_URL", "S3_BUCKET", "CDN_PURGE_URL", "EMAIL_HOST"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(PROJECT_DIR / "cms" / "settings" / "base.py"))


def manage(*args: str, **variables: str) -> subprocess.CompletedProcess:
    variables = {"SINGLE_PROCESS": "true", **variables}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=child_environment(DJANGO_SETTINGS_MODULE="cms.settings.production", **variables),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_defaults_need_no_service(monkeypatch, tmp_path):
    settings = settings_with(monkeypatch, VAR_DIR=str(tmp_path))

    database = settings["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(tmp_path / "db.sqlite3")
    assert settings["CACHES"]["default"]["BACKEND"].endswith("LocMemCache")
    assert settings["STORAGES"]["default"]["BACKEND"].endswith("FileSystemStorage")
    assert settings["WAGTAILFRONTENDCACHE"] == {}
    assert settings["EMAIL_BACKEND"].endswith("console.EmailBackend")


def test_services_come_from_the_environment(monkeypatch):
    settings = settings_with(
        monkeypatch,
        DATABASE_URL="postgres://app:pw@db.internal:5432/platform",
        REDIS_URL="redis://cache.internal:6379/2",
        ALLOWED_HOSTS="example.org, www.example.org",
        CSRF_TRUSTED_ORIGINS="https://example.org",
        S3_BUCKET="media-bucket",
        S3_ENDPOINT_URL="https://s3.example.net",
        CDN_PURGE_URL="http://varnish.internal:6081",
        EMAIL_HOST="smtp.example.org",
        EMAIL_PORT="2525",
    )

    database = settings["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["NAME"], database["USER"]) == (
        "db.internal",
        "platform",
        "app",
    )
    cache = settings["CACHES"]["default"]
    assert cache["BACKEND"] == "django_redis.cache.RedisCache"
    assert cache["LOCATION"] == "redis://cache.internal:6379/2"
    assert settings["ALLOWED_HOSTS"] == ["example.org", "www.example.org"]
    assert settings["CSRF_TRUSTED_ORIGINS"] == ["https://example.org"]
    media = settings["STORAGES"]["default"]
    assert media["BACKEND"] == "storages.backends.s3.S3Storage"
    assert media["OPTIONS"]["bucket_name"] == "media-bucket"
    assert media["OPTIONS"]["endpoint_url"] == "https://s3.example.net"
    assert settings["WAGTAILFRONTENDCACHE"]["http"]["LOCATION"] == "http://varnish.internal:6081"
    assert settings["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
    assert (settings["EMAIL_HOST"], settings["EMAIL_PORT"]) == ("smtp.example.org", 2525)


def test_malformed_values_name_the_variable(monkeypatch):
    monkeypatch.setenv("SECURE_SSL_REDIRECT", "perhaps")
    monkeypatch.setenv("EMAIL_PORT", "twenty-five")

    with pytest.raises(env.ConfigurationError, match="SECURE_SSL_REDIRECT must be true or false"):
        env.get_bool("SECURE_SSL_REDIRECT")
    with pytest.raises(env.ConfigurationError, match="EMAIL_PORT must be a whole number"):
        env.get_int("EMAIL_PORT", 587)


def test_malformed_service_urls_are_refused(monkeypatch):
    with pytest.raises(env.ConfigurationError, match="REDIS_URL"):
        settings_with(monkeypatch, REDIS_URL="localhost:6379")
    with pytest.raises(env.ConfigurationError, match="DATABASE_URL"):
        settings_with(monkeypatch, DATABASE_URL="nosuchdb://x")


def test_cloudflare_purge_needs_its_zone(monkeypatch):
    with pytest.raises(env.ConfigurationError, match="CLOUDFLARE_ZONE_ID"):
        settings_with(monkeypatch, CLOUDFLARE_API_TOKEN="token")


@pytest.mark.slow
def test_production_refuses_to_start_without_secret_key():
    result = manage("check")

    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Configuration error: SECRET_KEY is not set")


@pytest.mark.slow
def test_production_refuses_to_start_without_a_shared_cache():
    result = manage("check", SECRET_KEY=secrets.token_urlsafe(50), SINGLE_PROCESS="false")

    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Configuration error: REDIS_URL is not set")


def test_the_deployment_check_wants_a_shared_cache_for_several_processes(settings):
    settings.SINGLE_PROCESS = False
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

    [error] = check_shared_cache(None)

    assert error.id == "cms.E020"
    settings.CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache"}}
    assert check_shared_cache(None) == []


@pytest.mark.slow
def test_production_passes_the_deployment_checks():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=secrets.token_urlsafe(50)
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.slow
def test_production_settings_values():
    probe = (
        "import json; from django.conf import settings as s; print(json.dumps({"
        "'debug': s.DEBUG, 'hsts': s.SECURE_HSTS_SECONDS, 'ssl': s.SECURE_SSL_REDIRECT,"
        "'static': s.STORAGES['staticfiles']['BACKEND'],"
        "'translator': getattr(s, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', None)}))"
    )
    result = manage("shell", "-v0", "-c", probe, SECRET_KEY=secrets.token_urlsafe(50))

    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["debug"] is False
    assert values["hsts"] >= 60 * 60 * 24 * 365
    assert values["ssl"] is True
    assert values["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert values["translator"] is None  # the word-reversing dummy is for development only


@pytest.mark.django_db
def test_models_and_migrations_agree():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out)
    except SystemExit:
        pytest.fail(f"makemigrations found changes without a migration:\n{out.getvalue()}")


def test_pending_uploads_may_not_live_where_public_files_are_served(settings, tmp_path):
    from cms.uploads import check_private_files_have_no_address

    assert check_private_files_have_no_address(None) == []
    settings.MEDIA_ROOT = str(tmp_path / "media")
    for inside in (tmp_path / "media", tmp_path / "media" / "private", tmp_path):
        settings.STORAGES = {
            **settings.STORAGES,
            "private": {**settings.STORAGES["private"], "OPTIONS": {"location": str(inside)}},
        }
        assert [error.id for error in check_private_files_have_no_address(None)] == ["cms.E011"]
