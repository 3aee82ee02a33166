"""Demo content of the platform core: the home page and "About the platform", in every
language. Run through `python manage.py load_demo_content`.

Idempotent: pages that exist are left as they are (an editor may have changed them),
missing pages and missing translations are created.
"""

from collections.abc import Callable
from urllib.parse import urlsplit

from django.apps import AppConfig
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Locale, Page, Site

from cms import languages, services
from cms.demo import audit, polls, texts
from cms.demo.helpers import Log, ensure_translations, rich_text, source_text
from cms.discovery import app_modules
from cms.models import ContentPage, HomePage

ORDER = 0  # the core loads first: other apps' demo content hangs under its home page


def loaders() -> list[tuple[AppConfig, Callable[..., None]]]:
    """Every project app's `<app>.demo.load_demo`, in the order of their `ORDER`."""
    return [(app_config, module.load_demo) for app_config, module in app_modules("demo")]


def load_all(*, log: Log) -> None:
    """All demo content of every app (what `manage.py load_demo_content` runs)."""
    for _, load in loaders():
        load(log=log)


def load_demo(*, log: Log) -> None:
    created = services.sync_locales()
    log(f"Languages: {len(languages.codes())} ready ({len(created)} created)")
    home, home_created = _ensure_home(log=log)
    about = _ensure_about(home=home, log=log)
    poll = polls.ensure_poll(log=log)
    if home_created:
        _link_home_to_about(home=home, about=about)
        polls.put_on_home(home=home, poll=poll)
    for page in (home, about):
        _ensure_translations(page=page, log=log)
    audit.load_audit(home=home, log=log, poll=poll)


def _call_to_action(fields: dict[str, dict[str, str]], page: Page) -> tuple[str, dict]:
    return (
        "call_to_action",
        {
            "heading": source_text(fields["heading"]),
            "text": source_text(fields["text"]),
            "button_label": source_text(fields["button_label"]),
            "page": page,
            "external_url": "",
        },
    )


@transaction.atomic
def _ensure_home(*, log: Log) -> tuple[HomePage, bool]:
    source_locale = Locale.objects.get(language_code=languages.source_language().code)
    home = HomePage.objects.filter(locale=source_locale, depth=2).first()
    if home is not None:
        log(f"Home page: exists (“{home.title}”)")
        return home, False
    home = HomePage(
        title=source_text(texts.HOME_TITLE),
        slug=source_text(texts.HOME_SLUG),
        intro=source_text(texts.HOME_INTRO),
        body=[("rich_text", rich_text(texts.HOME_BODY))],
        locale=source_locale,
    )
    _tree_root(source_locale).add_child(instance=home)
    home.save_revision().publish()
    _point_default_site_at(home)
    log(f"Home page: created (“{home.title}”)")
    return home, True


def _tree_root(locale: Locale) -> Page:
    root = Page.get_first_root_node()
    if root is None:
        # `manage.py flush` (and every transactional test) empties Wagtail's tree,
        # including the root node its migrations created.
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    return root


def _point_default_site_at(home: HomePage) -> None:
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    previous_root_id = site.root_page_id
    site.root_page = home
    site.site_name = settings.WAGTAIL_SITE_NAME
    site.hostname = base.hostname or "localhost"
    site.port = base.port or (443 if base.scheme == "https" else 80)
    site.save()
    # Wagtail's fresh install ships a "Welcome to your new Wagtail site!" page; it is of
    # the plain Page type and has no place in this site once the real home exists.
    plain_page = ContentType.objects.get_for_model(Page)
    Page.objects.filter(id=previous_root_id, content_type=plain_page, depth=2, numchild=0).delete()


@transaction.atomic
def _ensure_about(*, home: HomePage, log: Log) -> ContentPage:
    slug = source_text(texts.ABOUT_SLUG)
    about = ContentPage.objects.child_of(home).filter(slug=slug).first()
    if about is not None:
        log(f"About page: exists (“{about.title}”)")
        return about
    about = ContentPage(
        title=source_text(texts.ABOUT_TITLE),
        slug=slug,
        intro=source_text(texts.ABOUT_INTRO),
        locale=home.locale,
    )
    home.add_child(instance=about)
    about.body = [
        ("rich_text", rich_text(texts.ABOUT_BODY)),
        (
            "quote",
            {
                "text": source_text(texts.ABOUT_QUOTE["text"]),
                "attribution": source_text(texts.ABOUT_QUOTE["attribution"]),
            },
        ),
        ("rich_text", f"<p>{source_text(texts.ABOUT_LANGUAGES)}</p>"),
        _call_to_action(texts.ABOUT_CALL_TO_ACTION, home),
    ]
    about.save_revision().publish()
    log(f"About page: created (“{about.title}”)")
    return about


@transaction.atomic
def _link_home_to_about(*, home: HomePage, about: ContentPage) -> None:
    """The home page's call to action needs the About page, created after it."""
    home.body.append(_call_to_action(texts.HOME_CALL_TO_ACTION, about))
    home.save_revision().publish()


def _ensure_translations(*, page: Page, log: Log) -> None:
    codes = [language.code for language in languages.all_languages()[1:]]
    ensure_translations(
        page,
        codes,
        [getattr(texts, name) for name in dir(texts) if name.isupper()],
        log=log,
        label=page.title,
    )
