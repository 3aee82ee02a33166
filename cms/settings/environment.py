"""The one place settings read the process environment.

Every variable the platform understands is read through these helpers, so that
`docs/configuration.md` can list them all and a wrong value fails at start-up
with one line that names the variable, rather than deep inside a request.
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


class ConfigurationError(ImproperlyConfigured):
    """A variable is missing or malformed; the message names it."""


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def get_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def get_required(name: str, reason: str) -> str:
    value = get_str(name)
    if not value:
        raise ConfigurationError(f"{name} is not set: {reason}")
    return value


def get_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigurationError(f"{name} must be true or false, not {raw!r}")


def get_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigurationError(f"{name} must be a whole number, not {raw!r}") from None


def get_list(name: str, default: list[str] | None = None) -> list[str]:
    """A comma-separated list; blanks are dropped."""
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def get_database(default_sqlite_path: str) -> dict:
    url = get_str("DATABASE_URL") or f"sqlite:///{default_sqlite_path}"
    try:
        config = dj_database_url.parse(
            url,
            conn_max_age=get_int("DATABASE_CONN_MAX_AGE", 0),
            conn_health_checks=True,
        )
    except ValueError as error:
        raise ConfigurationError(f"DATABASE_URL is not a database URL: {error}") from None
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # SQLite is the one-machine setup: wait for locks instead of failing under the
        # dev server's threads, and use WAL so readers don't block the writer.
        config.setdefault("OPTIONS", {}).update(
            {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
        )
    return config


def get_cache(key_prefix: str) -> dict:
    """Redis when REDIS_URL is set, otherwise a per-process memory cache."""
    url = get_str("REDIS_URL")
    if not url:
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "KEY_PREFIX": key_prefix,
            # Django's default of 300 entries is less than two per screen of a city's fleet.
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise ConfigurationError(
            f"REDIS_URL must start with redis://, rediss:// or unix://: {url!r}"
        )
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.DefaultClient",
            # Fail fast: a slow cache must not hold a reader's request for long.
            "SOCKET_CONNECT_TIMEOUT": 2,
            "SOCKET_TIMEOUT": 2,
            # Redis down is a miss, never an error: pages, the API and the screens are then
            # built from the database (every use of the cache, Wagtail's own included), and
            # /readyz answers 503. The errors are logged (DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS).
            "IGNORE_EXCEPTIONS": True,
        },
    }
