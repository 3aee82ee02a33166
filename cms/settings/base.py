"""Settings shared by every environment. Values that differ between machines come from
the environment through `cms.settings.environment` (see docs/configuration.md)."""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from csp.constants import NONE, SELF, UNSAFE_INLINE

from cms.settings import environment as env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env.get_str("VAR_DIR") or BASE_DIR / "var")

SECRET_KEY = env.get_str("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.get_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps first so their templates and translations win.
    "cms",
    "learning",
    "campaigns",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales with a sync-aware admin
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    # wagtail.contrib.frontend_cache is used (its backends purge the CDN) but not installed:
    # installing it connects its own purge on publish, which purges before the commit and
    # only the page's own address. cms/cdn.py purges every address that shows a change.
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "corsheaders",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # the docs page's JavaScript and CSS, served by us: no CDN
    "storages",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    # First, so that every answer under /api/v1/ (errors and 304s too) carries the CORS
    # headers a partner's page needs (docs/partners.md).
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # The browser's rules (docs/security.md), outside the page cache so that a stored page
    # gets the current policy; static files get them too.
    "cms.security_headers.SitePolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages compressed for cheap phones on little data (whitenoise compresses static files);
    # ETags let a repeat visit revalidate a page for a few hundred bytes.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    # Before sessions, CSRF and messages, so that it sees every cookie they set (cms/cdn.py).
    "cms.cdn.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.LanguagePrefixMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The second factor: django-otp marks the session's verified device, ours asks for one.
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cms.accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: answers a locked-out login attempt with cms/admin/locked_out.html.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cms.context_processors.language",
            ],
        },
    },
]

DATABASES = {"default": env.get_database(str(VAR_DIR / "db.sqlite3"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.get_cache(key_prefix=env.get_str("CACHE_KEY_PREFIX", "platform"))}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
# One process only (development, tests): a cache of its own is then shared by everything.
SINGLE_PROCESS = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Password guessing (django-axes, docs/security.md): after this many failed logins for one
# account from one address, or from one address across accounts, logins from there are
# refused (the right password included) for the cool-off time, and the lockout is logged.
ADMIN_LOGIN_FAILURE_LIMIT = env.get_int("ADMIN_LOGIN_FAILURE_LIMIT", 5)
ADMIN_LOGIN_COOLOFF_MINUTES = env.get_int("ADMIN_LOGIN_COOLOFF_MINUTES", 15)
AXES_FAILURE_LIMIT = ADMIN_LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(minutes=ADMIN_LOGIN_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "cms.network.client_address"  # behind TRUSTED_PROXIES only
AXES_LOCKOUT_CALLABLE = "cms.admin_views.locked_out"
AXES_VERBOSE = False  # one warning per lockout, not a banner at start
# Failed attempts are kept only until their cool-off ends; successful logins (address, browser)
# are not recorded at all: personal data kept to the least.
AXES_DISABLE_ACCESS_LOG = True
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Only editors have sessions (readers get no cookie). An editor idle this long is logged
# out: every request moves the expiry on, and `manage.py housekeeping` deletes the rows.
SESSION_IDLE_MINUTES = env.get_int("SESSION_IDLE_MINUTES", 60)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True
# `manage.py housekeeping` runs these daily (name and arguments), after clearing expired
# sessions and pruning every database task queue.
HOUSEKEEPING_COMMANDS = [
    ["prune_webhook_deliveries"],
    ["erase_photovoice_personal_data"],
    ["prune_search_counts"],
]
# `manage.py every_minute` runs these (name and arguments): what must happen within a
# minute of a moment nobody acts at (docs/deployment.md).
EVERY_MINUTE_COMMANDS = [
    ["check_screens"],
    ["announce_alerts"],
]

# --- Languages -------------------------------------------------------------------------
# The one list of languages. Everything else (Django's LANGUAGES, Wagtail's content
# languages, Locale rows, text direction, fallback chains) is derived from it.
# The first entry is the source language that editors write in.
# `fallback`: where a reader goes when a page is missing in this language, in order;
# the source language always ends every chain.
PLATFORM_LANGUAGES = [
    {"code": "bg", "name": "Български", "english_name": "Bulgarian", "dir": "ltr", "fallback": []},
    {"code": "en", "name": "English", "english_name": "English", "dir": "ltr", "fallback": []},
    {"code": "ar", "name": "العربية", "english_name": "Arabic", "dir": "rtl", "fallback": ["en"]},
    {"code": "fa", "name": "فارسی", "english_name": "Farsi", "dir": "rtl", "fallback": ["en"]},
    {
        "code": "uk",
        "name": "Українська",
        "english_name": "Ukrainian",
        "dir": "ltr",
        "fallback": ["en"],
    },
    {"code": "ru", "name": "Русский", "english_name": "Russian", "dir": "ltr", "fallback": ["en"]},
    {"code": "tr", "name": "Türkçe", "english_name": "Turkish", "dir": "ltr", "fallback": ["en"]},
]

LANGUAGE_CODE = PLATFORM_LANGUAGES[0]["code"]
LANGUAGES = [(language["code"], language["name"]) for language in PLATFORM_LANGUAGES]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["cms.formats"]  # digit grouping where Django has none (bg, ar, fa)
LANGUAGE_COOKIE_NAME = "language"
TIME_ZONE = env.get_str("TIME_ZONE", "Europe/Sofia")
USE_TZ = True

# --- Translation workflow (docs/translation.md) ------------------------------------------
# The translatable types in the admin's translation coverage table, in this order; their
# snippet types are also what translator groups may edit in their language.
TRANSLATION_COVERAGE_MODELS = [
    "learning.LessonPage",
    "learning.CoursePage",
    "campaigns.StoryPage",
    "campaigns.CampaignPage",
    "campaigns.PhotovoicePage",
    "cms.HomePage",
    "cms.ContentPage",
    "cms.DataStoryPage",
    "learning.Topic",
    "learning.GlossaryTerm",
    "campaigns.Alert",
    "campaigns.Theme",
    "campaigns.AuditTheme",
    "campaigns.Organisation",
    "cms.Poll",
]
# "Translate with machine" in wagtail-localize's editor: DeepL with an API key; without one,
# wagtail-localize's offline dummy translator (it reverses the words: a visible placeholder,
# never a translation), so the workflow works offline and in tests.
if env.get_str("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env.get_str("DEEPL_API_KEY")},
    }
else:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
    }

# --- Static files and media ------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.get_str("STATIC_ROOT") or BASE_DIR / "static")
MEDIA_URL = env.get_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env.get_str("MEDIA_ROOT") or BASE_DIR / "media")
# Uploads are served by Django itself only where nothing else does it (dev, tests, a single
# small machine); at scale the web server or the bucket's CDN serves them.
SERVE_MEDIA = env.get_bool("SERVE_MEDIA", False)

S3_BUCKET = env.get_str("S3_BUCKET")
if S3_BUCKET:
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env.get_str("S3_ENDPOINT_URL") or None,
            "region_name": env.get_str("S3_REGION") or None,
            "access_key": env.get_str("S3_ACCESS_KEY_ID") or None,
            "secret_key": env.get_str("S3_SECRET_ACCESS_KEY") or None,
            "custom_domain": env.get_str("S3_CUSTOM_DOMAIN") or None,
            "location": env.get_str("S3_MEDIA_PREFIX", "media"),
            "default_acl": None,
            "querystring_auth": env.get_bool("S3_SIGNED_URLS", False),
            "file_overwrite": False,
        },
    }
else:
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}

STORAGES = {
    "default": _media_storage,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploads nobody may see yet (photovoice photos waiting for moderation): outside MEDIA_ROOT,
# with no URL. With several app containers this folder must be a shared volume.
PRIVATE_MEDIA_ROOT = Path(env.get_str("PRIVATE_MEDIA_ROOT") or VAR_DIR / "private")
STORAGES["private"] = {
    "BACKEND": "cms.uploads.PrivateFileSystemStorage",
    "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
}


# --- Logging: one line per record on stdout, for containers ------------------------------
LOG_LEVEL = env.get_str("LOG_LEVEL", "INFO").upper()
# Paths whose next segment is a secret (a photovoice withdrawal token): masked in Django's
# log and gunicorn's access log (cms/log_masking.py).
LOG_MASKED_PATHS = ["withdraw-photo"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "filters": {"secrets": {"()": "cms.log_masking.MaskSecrets"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "line",
            "filters": ["secrets"],
        },
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        "django.db.backends": {"level": "WARNING"},
        # Every background task logs its start and end at INFO: too much for stdout.
        "django_tasks": {"level": "WARNING"},
        "wagtail.contrib.redirects": {"level": "WARNING"},
    },
}

# --- Email ------------------------------------------------------------------------------
EMAIL_HOST = env.get_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env.get_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env.get_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env.get_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env.get_bool("EMAIL_USE_TLS", True)
    EMAIL_USE_SSL = env.get_bool("EMAIL_USE_SSL", False)
else:
    # Without a mail server, messages are written to the log instead of being lost.
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env.get_str("DEFAULT_FROM_EMAIL", "platform@localhost")
SERVER_EMAIL = env.get_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# --- Wagtail ----------------------------------------------------------------------------
WAGTAIL_SITE_NAME = env.get_str("SITE_NAME", "Open Doors")
WAGTAILADMIN_BASE_URL = env.get_str("BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ALLOW_UNICODE_SLUGS = False  # URLs stay readable and copyable on any phone
# No avatars from a third-party service: the admin makes no request outside the platform.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Two-step verification for the admin (cms/accounts/, docs/security.md): after the password,
# a code from an authenticator app or a recovery code. On in production; for superusers and,
# when TWO_FACTOR_GROUPS names groups, their members only (empty: every admin user).
TWO_FACTOR_REQUIRED = env.get_bool("TWO_FACTOR_REQUIRED", False)
TWO_FACTOR_GROUPS = [
    name.strip() for name in env.get_str("TWO_FACTOR_GROUPS").split(",") if name.strip()
] or None
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# The dashboard would ask releases.wagtail.org for new versions: no requests leave the admin.
WAGTAIL_ENABLE_UPDATE_CHECK = False
LESSON_AUDIO_EXTENSIONS = ["mp3", "ogg", "oga", "opus", "m4a"]
WAGTAILDOCS_EXTENSIONS = [
    *["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"],
    *LESSON_AUDIO_EXTENSIONS,
]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env.get_int("IMAGE_MAX_UPLOAD_MB", 10) * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000  # decoded to strip metadata: bounds the memory
# Uploads lose their metadata before they are stored (cms/images.py); the formats it writes.
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.images.CleanImageForm"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

WAGTAILFRONTENDCACHE = {}
if env.get_str("CDN_PURGE_URL"):
    # A Varnish/nginx-style cache that accepts PURGE requests.
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env.get_str("CDN_PURGE_URL"),
    }
# Addresses per sitemap file (the protocol's limit is 50,000); /sitemap.xml is the index.
SITEMAP_URLS_PER_FILE = env.get_int("SITEMAP_URLS_PER_FILE", 50_000)
# A PURGE waits at most this long; the addresses a CDN did not take are sent again after
# each of these delays, by the webhooks worker (cms.api.purge).
CDN_PURGE_TIMEOUT_SECONDS = env.get_int("CDN_PURGE_TIMEOUT_SECONDS", 5)
CDN_PURGE_RETRY_DELAYS_SECONDS = [30, 2 * 60, 10 * 60, 60 * 60]
if env.get_str("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env.get_str("CLOUDFLARE_API_TOKEN"),
        "ZONEID": env.get_required("CLOUDFLARE_ZONE_ID", "needed with CLOUDFLARE_API_TOKEN"),
    }
if env.get_str("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env.get_str("CLOUDFRONT_DISTRIBUTION_ID"),
    }


# --- Browser rules: Content-Security-Policy and Permissions-Policy (docs/security.md) --------
def _origin(url: str | None) -> list[str]:
    parts = urlsplit(url or "")
    return [f"{parts.scheme}://{parts.netloc}"] if parts.scheme and parts.netloc else []


def _media_origins() -> list[str]:
    """Where uploads are served from when not from our own origin (a bucket or its CDN)."""
    if not S3_BUCKET:
        return _origin(MEDIA_URL)
    if env.get_str("S3_CUSTOM_DOMAIN"):
        return [f"https://{env.get_str('S3_CUSTOM_DOMAIN')}"]
    if env.get_str("S3_ENDPOINT_URL"):
        return _origin(env.get_str("S3_ENDPOINT_URL"))
    region = env.get_str("S3_REGION")
    hosts = [f"{S3_BUCKET}.s3.amazonaws.com"] + (
        [f"{S3_BUCKET}.s3.{region}.amazonaws.com"] if region else []
    )
    return [f"https://{host}" for host in hosts]


MEDIA_ORIGINS = _media_origins()
# The API, the players and the offline readers use absolute addresses on BASE_URL, which a
# request on another of the site's names (www., an internal name) would not count as 'self'.
SITE_ORIGINS = [origin for origin in _origin(WAGTAILADMIN_BASE_URL) if origin not in MEDIA_ORIGINS]
SECURITY_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:", *SITE_ORIGINS, *MEDIA_ORIGINS],
    "media-src": [SELF, *SITE_ORIGINS, *MEDIA_ORIGINS],
    "font-src": [SELF],
    # The screen player and the offline readers fetch media to keep it.
    "connect-src": [SELF, *SITE_ORIGINS, *MEDIA_ORIGINS],
    "worker-src": [SELF],
    "manifest-src": [SELF],
    "frame-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
    "report-uri": env.get_str("CSP_REPORT_URI") or None,
}
# Directives replaced under these path prefixes (the first that matches).
SECURITY_POLICY_BY_PATH = [
    # Wagtail 8's widgets (dates, inline panels, choosers) and wagtail-localize's editor
    # write inline scripts and styles without a nonce; the admin is for signed-in editors.
    # Its preview frames its own pages; embeds of videos show the provider's player.
    (
        "/admin/",
        {
            "script-src": [SELF, UNSAFE_INLINE],
            "style-src": [SELF, UNSAFE_INLINE],
            "img-src": [SELF, "data:", "blob:", *SITE_ORIGINS, *MEDIA_ORIGINS],
            "frame-src": [SELF, "https:"],
            "frame-ancestors": [SELF],
        },
    ),
    # drf-spectacular's Swagger UI page carries one inline <style> block.
    ("/api/v1/docs/", {"style-src": [SELF, UNSAFE_INLINE], "img-src": [SELF, "data:"]}),
]
# Path prefix → the origins that may show it in a frame (a partner's widget). None today.
EMBEDDABLE_PATHS: dict[str, list[str]] = {}
SECURITY_POLICY_REPORT_ONLY = env.get_bool("CSP_REPORT_ONLY", False)
_POLICY = {"DIRECTIVES": SECURITY_POLICY}
CONTENT_SECURITY_POLICY = None if SECURITY_POLICY_REPORT_ONLY else _POLICY
CONTENT_SECURITY_POLICY_REPORT_ONLY = _POLICY if SECURITY_POLICY_REPORT_ONLY else None
# Powerful features nobody here uses are off for every page and frame; the screen player
# plays video full screen by itself.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": ["self"],
    "browsing-topics": [],
    "camera": [],
    "clipboard-write": ["self"],
    "display-capture": [],
    "fullscreen": ["self"],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
}

# --- Lessons and the easy-language checker (docs/easy-language.md) ------------------------
# Per-language changes to learning.easy_language.thresholds.DEFAULTS, e.g.
# {"bg": {"max_words_per_sentence": 12}}.
EASY_LANGUAGE_THRESHOLDS: dict[str, dict] = {}
# Publishing a lesson graded "hard" warns the editor; True keeps it a draft instead.
EASY_LANGUAGE_BLOCK_HARD_LESSONS = env.get_bool("EASY_LANGUAGE_BLOCK_HARD_LESSONS", False)
# Adults reading in a language they are learning read slowly.
LESSON_READING_WORDS_PER_MINUTE = 100
LESSONS_PER_PAGE = 20
# Offline reading (/sw.js): how many opened pages each browser keeps, and the static files
# it stores up front.
OFFLINE_PAGES_KEPT = env.get_int("OFFLINE_PAGES_KEPT", 30)
OFFLINE_STATIC_FILES = [
    "cms/site.css",
    "cms/site.js",
    "cms/favicon.svg",
    "learning/learning.css",
    "learning/lesson.js",
    "learning/offline.js",
    "cms/narration.js",
]

# --- Videos, captions and background tasks (docs/videos.md) ------------------------------
TASKS = {
    # Wagtail's own small tasks (search index, references) run at once, in the request.
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    # Slow video work (probing, posters, renditions) is stored in the database and run by
    # `manage.py db_worker --backend videos`, outside the editor's request.
    "videos": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    # Webhook deliveries and their retries, run by `manage.py db_worker --backend webhooks`:
    # a slow partner server never holds up an editor's publish (docs/partners.md).
    "webhooks": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    # Lessons and stories read aloud, made after each publish by
    # `manage.py db_worker --backend narration` (docs/narration.md).
    "narration": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# --- Read aloud (docs/narration.md) -------------------------------------------------------
NARRATION_ENABLED = env.get_bool("NARRATION_ENABLED", True)
NARRATION_ESPEAK = env.get_str("NARRATION_ESPEAK", "espeak-ng")
# espeak-ng's voice for each language; a language left out gets no machine narration.
NARRATION_VOICES = {
    "bg": "bg",
    "en": "en-gb",
    "ar": "ar",
    "fa": "fa",
    "uk": "uk",
    "ru": "ru",
    "tr": "tr",
}
# A little slower than espeak-ng's 175: the readers are learning the language (the player's
# "Slower" button plays at three quarters of this).
NARRATION_WORDS_PER_MINUTE = env.get_int("NARRATION_WORDS_PER_MINUTE", 160)
NARRATION_SENTENCE_PAUSE_SECONDS = 0.3
# Ogg Opus, mono, at telephone quality: about 43 KB a minute at 6 kbit/s, which keeps a
# 300-word lesson under 150 KB in every language (docs/narration.md has the measurements).
NARRATION_BITRATE = env.get_str("NARRATION_BITRATE", "6k")
# A person's voice has more in it than espeak-ng's: a little more room.
NARRATION_RECORDING_BITRATE = env.get_str("NARRATION_RECORDING_BITRATE", "16k")
NARRATION_RECORDING_MAX_MB = env.get_int("NARRATION_RECORDING_MAX_MB", 40)
VIDEO_MAX_UPLOAD_MB = env.get_int("VIDEO_MAX_UPLOAD_MB", 300)
CAPTION_MAX_UPLOAD_KB = 512
# The small rendition for readers on little data, and for screens on weak networks.
VIDEO_DATA_SAVER_HEIGHT = 240
VIDEO_DATA_SAVER_BITRATE = "350k"
# External videos: the stored oEmbed data of the links the platform ships with first, so
# that they need no network; then the providers themselves for new links.
WAGTAILEMBEDS_FINDERS = [
    {"class": "campaigns.videos.embeds.StoredOEmbedFinder"},
    *([{"class": "wagtail.embeds.finders.oembed"}] if env.get_bool("EMBEDS_ONLINE", True) else []),
]

# --- Photovoice: the city audit's photos from the public (docs/photovoice.md) -------------
PHOTOVOICE_MAX_UPLOAD_MB = env.get_int("PHOTOVOICE_MAX_UPLOAD_MB", 12)
PHOTOVOICE_MAX_MEGAPIXELS = 50  # more is refused before decoding (decompression bombs)
PHOTOVOICE_MAX_SIDE = 2560  # what is kept: larger photos are scaled down
# A person needs longer than this to choose a photo and write a caption; faster is a bot.
PHOTOVOICE_MIN_SECONDS_TO_SUBMIT = 3
PHOTOVOICE_FORM_MAX_AGE_SECONDS = 24 * 60 * 60
# Sending attempts per address (DRF rate syntax); more answer 429.
PHOTOVOICE_SUBMISSION_RATE = env.get_str("PHOTOVOICE_SUBMISSION_RATE", "10/hour")
PHOTOVOICE_PHOTOS_PER_PAGE = 24
# Retention (docs/photovoice.md): a sender's email is erased once the withdrawal link is
# sent, or after this many days when it could not be; a rejected submission's caption,
# name and reason after PHOTOVOICE_REJECTED_DAYS. Run daily by `manage.py housekeeping`.
PHOTOVOICE_EMAIL_DAYS = env.get_int("PHOTOVOICE_EMAIL_DAYS", 7)
PHOTOVOICE_REJECTED_DAYS = env.get_int("PHOTOVOICE_REJECTED_DAYS", 30)

# --- Polls (docs/polls.md) ---------------------------------------------------------------
# Vote attempts per address (DRF rate syntax); more answer 429. Generous: a class or an
# information session may vote from one network.
POLL_VOTE_RATE = env.get_str("POLL_VOTE_RATE", "30/hour")
# How long a browser remembers that it voted (its signed cookie).
POLL_COOKIE_MAX_AGE_DAYS = 2 * 365

# --- Screens in public transport (docs/screens.md) ------------------------------------------
# WSGI layers in front of Django, outermost first: the playlist every screen polls is
# answered from memory there.
WSGI_FAST_PATHS = [
    "campaigns.screens.api.fast_path.PlaylistFastPath",
    "campaigns.screens.api.fast_path.StatusFastPath",
]
# How often players poll; also the playlist's `max-age` for a CDN.
SCREEN_PLAYLIST_REFRESH_SECONDS = env.get_int("SCREEN_PLAYLIST_REFRESH_SECONDS", 60)
# The CAP feed's <areaDesc> (docs/screens.md, "Alerts"): the area the platform's alerts
# are for, e.g. "Sofia"; empty leaves the area out.
ALERT_AREA = env.get_str("ALERT_AREA", "")
# While an alert is in force for a screen, or starts within the hour, its player polls
# this often: an alert reaches it within this time (docs/screens.md, "Alerts").
SCREEN_ALERT_REFRESH_SECONDS = env.get_int("SCREEN_ALERT_REFRESH_SECONDS", 15)
SCREEN_PLAYLIST_STALE_SECONDS = 10 * 60  # stale-while-revalidate
SCREEN_PLAYLIST_STALE_IF_ERROR_SECONDS = 2 * 24 * 60 * 60  # a CDN may cover an outage
# How often each process asks the shared cache whether playlists changed: an edit reaches
# every screen within this time plus one poll.
SCREEN_PLAYLIST_VERSION_CHECK_SECONDS = 1.0
# Polls are counted in memory and written as each screen's "last seen" this often.
SCREEN_LAST_SEEN_FLUSH_SECONDS = env.get_int("SCREEN_LAST_SEEN_FLUSH_SECONDS", 30)
# A screen not heard from for this long is listed as silent in the admin.
SCREEN_SILENT_AFTER_MINUTES = env.get_int("SCREEN_SILENT_AFTER_MINUTES", 10)
# Proof of play: batches per screen (DRF rate syntax), how often players send them,
# and which start times are believable.
SCREEN_PLAYS_RATE = env.get_str("SCREEN_PLAYS_RATE", "30/min")
SCREEN_PLAYER_FLUSH_SECONDS = env.get_int("SCREEN_PLAYER_FLUSH_SECONDS", 60)
# Status reports (docs/screens.md): how often a player sends one besides at start and after
# a playlist change, how many a screen may send, and how long a screen may hold an older
# playlist after a change before it counts as behind.
SCREEN_PLAYER_STATUS_SECONDS = env.get_int("SCREEN_PLAYER_STATUS_SECONDS", 300)
SCREEN_STATUS_RATE = env.get_str("SCREEN_STATUS_RATE", "12/min")
# Reports are kept in memory and written together this often, per process (0: at once).
SCREEN_STATUS_FLUSH_SECONDS = env.get_int("SCREEN_STATUS_FLUSH_SECONDS", 30)
SCREEN_BEHIND_AFTER_SECONDS = env.get_int("SCREEN_BEHIND_AFTER_SECONDS", 180)
# A screen behind or silent this long opens an incident: its group's contacts get an email
# and webhooks a `screen.unhealthy` (once; `screen.recovered` when it is back).
SCREEN_UNHEALTHY_AFTER_MINUTES = env.get_int("SCREEN_UNHEALTHY_AFTER_MINUTES", 15)
# Screenshots an operator asks for (docs/screens.md): how long they are kept (private
# storage, never public), their largest side, and how many a screen may send.
SCREEN_SCREENSHOT_KEEP_HOURS = env.get_int("SCREEN_SCREENSHOT_KEEP_HOURS", 24)
SCREEN_SCREENSHOT_MAX_SIDE = 1280
SCREEN_SCREENSHOT_MAX_KB = 4096
SCREEN_SCREENSHOT_RATE = env.get_str("SCREEN_SCREENSHOT_RATE", "10/hour")
SCREEN_PLAYS_CLOCK_SKEW_MINUTES = 10
SCREEN_PLAYS_MAX_AGE_DAYS = 30

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["cms.api.parsers.JSONParser"],
    "UNAUTHENTICATED_USER": None,
    "EXCEPTION_HANDLER": "cms.api.errors.api_exception_handler",
    # Anonymous readers, or partner sites with an `X-Partner-Key` (docs/partners.md).
    "DEFAULT_AUTHENTICATION_CLASSES": ["campaigns.partners.access.PartnerKeyAuthentication"],
    "DEFAULT_THROTTLE_CLASSES": [
        "campaigns.partners.access.ReaderRateThrottle",
        "campaigns.partners.access.PartnerRateThrottle",
    ],
    # Readers are throttled by address: theirs is the one the last of this many proxies
    # (load balancer, CDN) in front of gunicorn adds to X-Forwarded-For.
    "NUM_PROXIES": env.get_int("API_PROXY_COUNT", 1),
}
# The proxies (addresses or networks) whose X-Forwarded-For is believed: the CDN or load
# balancer in front of gunicorn. Anyone else's is ignored (cms/api/throttles.py); gunicorn's
# --forwarded-allow-ips takes the same list (Dockerfile).
TRUSTED_PROXIES = env.get_list("TRUSTED_PROXIES", ["127.0.0.1", "::1"])

# --- Partner sites: keys, CORS and webhooks (docs/partners.md) ----------------------------
# Requests per reader's address, and per partner key (DRF rate syntax); more get 429.
API_READER_RATE = env.get_str("API_READER_RATE", "120/min")
API_PARTNER_RATE = env.get_str("API_PARTNER_RATE", "1200/min")
# Browsers may call /api/v1/ from the origins that active partner keys list, and only read
# (campaigns.partners.access.cors_allows answers for those origins).
CORS_URLS_REGEX = r"^/api/v1/"
CORS_ALLOWED_ORIGINS: list[str] = []
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "accept-language", "if-none-match", "x-partner-key"]
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After"]
CORS_PREFLIGHT_MAX_AGE = 24 * 60 * 60
# Webhooks: how long a partner's server may take to answer, how many attempts a delivery
# gets, and the waits between them (the last one repeats when there are more attempts).
WEBHOOK_TIMEOUT_SECONDS = env.get_int("WEBHOOK_TIMEOUT_SECONDS", 10)
WEBHOOK_MAX_ATTEMPTS = env.get_int("WEBHOOK_MAX_ATTEMPTS", 6)
# Webhook URLs may reach only public internet addresses, not this platform's own network.
WEBHOOK_ALLOW_PRIVATE_ADDRESSES = env.get_bool("WEBHOOK_ALLOW_PRIVATE_ADDRESSES", False)
WEBHOOK_RETRY_DELAYS_SECONDS = [60, 5 * 60, 30 * 60, 2 * 60 * 60, 12 * 60 * 60]
# How old a signature `campaigns.partners.webhooks.verify_signature` still accepts.
WEBHOOK_SIGNATURE_TOLERANCE_SECONDS = 5 * 60

# The content API (cms/api, docs/api.md).
REST_FRAMEWORK["DEFAULT_SCHEMA_CLASS"] = "drf_spectacular.openapi.AutoSchema"
SPECTACULAR_SETTINGS = {
    "TITLE": "Migrant learning and campaigns platform API",
    "DESCRIPTION": (
        "Published lessons, courses, topics, stories, campaigns, videos and partner "
        "organisations in every platform language, and the transit screens' playlists. "
        "Partner guide: docs/api.md."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1/",
    "PREPROCESSING_HOOKS": ["cms.api.schema.only_our_endpoints"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "campaigns.screens.api.schema.add_screen_playlist",
    ],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "TranslationStatusEnum": "cms.translation.status.STATUSES",
    },
}
# Seconds a CDN or browser may keep an answer; answers kept as bytes on our side live until
# content changes or API_ANSWER_CACHE_SECONDS pass.
API_CACHE_SECONDS = env.get_int("API_CACHE_SECONDS", 60)
API_ANSWER_CACHE_SECONDS = 24 * 3600
# --- Search (docs/search.md) -------------------------------------------------------------
# Page types readers find through the search, and what a result calls each.
SEARCH_PAGE_KINDS = {
    "learning.lessonpage": "lesson",
    "learning.coursepage": "course",
    "campaigns.storypage": "story",
    "campaigns.campaignpage": "campaign",
    "cms.contentpage": "page",
    "cms.datastorypage": "data_story",
}
# Results of the same match quality and language are listed in this order of kinds.
SEARCH_KIND_ORDER = [
    "lesson",
    "course",
    "story",
    "campaign",
    "page",
    "data_story",
    "video",
    "photo",
]
# How many results one search keeps (a reader pages through them).
SEARCH_RESULTS_LIMIT = env.get_int("SEARCH_RESULTS_LIMIT", 100)
# Read every language's word-form table (simplemma) as a server process starts, so that no
# reader's first search in a language waits for it: on in production.
SEARCH_LOAD_WORD_TABLES_AT_START = env.get_bool("SEARCH_LOAD_WORD_TABLES_AT_START", False)
# Days the counts of readers' searches are kept for the admin's report.
SEARCH_REPORT_DAYS = env.get_int("SEARCH_REPORT_DAYS", 90)

# Where each published type lives under /api/v1/ (links between objects, webhooks, purges).
API_OBJECT_PATHS = {
    "learning.lessonpage": "lessons",
    "learning.coursepage": "courses",
    "learning.topic": "topics",
    "learning.glossaryterm": "glossary",
    "campaigns.storypage": "stories",
    "campaigns.campaignpage": "campaigns",
    "campaigns.video": "videos",
    "campaigns.organisation": "organisations",
    "campaigns.photosubmission": "photovoice",
}
# Saving or deleting one of these purges its API addresses from the CDN (cms/api/purge.py):
# its own, or, with a field named, those of the object that field points to.
API_PURGED_ON_SAVE = {
    "learning.topic": None,
    "learning.glossaryterm": None,
    "campaigns.video": None,
    "campaigns.caption": "video",
    "campaigns.organisation": None,
}
# Public pages (cms/cdn.py, docs/deployment.md): how long browsers and CDNs keep them, how
# long an answer may be served stale while a fresh one is fetched or while the origin is
# down, and how long the origin keeps pages it built (0: it does not). Every change that
# shows on a page purges the CDN and starts a new origin cache version.
PAGE_CACHE_MAX_AGE = env.get_int("PAGE_CACHE_MAX_AGE", 60)
PAGE_CACHE_S_MAXAGE = env.get_int("PAGE_CACHE_S_MAXAGE", 3600)
PAGE_CACHE_STALE_WHILE_REVALIDATE = env.get_int("PAGE_CACHE_STALE_WHILE_REVALIDATE", 60)
PAGE_CACHE_STALE_IF_ERROR = env.get_int("PAGE_CACHE_STALE_IF_ERROR", 24 * 3600)
PAGE_CACHE_ORIGIN_SECONDS = env.get_int("PAGE_CACHE_ORIGIN_SECONDS", 600)
# Saving or deleting one of these makes the API build its answers again (pages: publishing).
API_CONTENT_MODELS = [
    "learning.Topic",
    "campaigns.Theme",
    "campaigns.Organisation",
    "campaigns.Video",
    "campaigns.Caption",
    "campaigns.ConsentRecord",
    "campaigns.AuditTheme",
    "campaigns.PhotoSubmission",
    "wagtailimages.Image",
    "wagtaildocs.Document",
    "wagtail_localize.TranslationSource",
    "wagtail_localize.Translation",
    "wagtail_localize.StringTranslation",
]
# Saving or deleting one of these starts a new version of the origin's page cache: what the
# API shows, and what only pages show.
PAGE_CONTENT_MODELS = [
    *API_CONTENT_MODELS,
    "cms.Poll",
    "cms.PollOption",
    "wagtailredirects.Redirect",
    "wagtailcore.Site",
    "wagtailcore.Locale",
]
