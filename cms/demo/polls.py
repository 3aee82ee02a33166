"""The demo poll: the city integration audit's question about economic migrants, in the
source language and English, on the home page."""

from collections.abc import Callable

from django.db import transaction
from wagtail.models import Locale

from cms import languages
from cms.demo import texts
from cms.models import HomePage
from cms.polls.models import Poll, PollOption
from cms.translation import services

Log = Callable[[str], None]
TRANSLATED_INTO = ["en"]


def _source(text: texts.Text) -> str:
    return text[languages.source_language().code]


@transaction.atomic
def ensure_poll(*, log: Log) -> Poll:
    source_locale = Locale.objects.get(language_code=languages.source_language().code)
    poll = Poll.objects.filter(locale=source_locale, question=_source(texts.POLL_QUESTION)).first()
    if poll is None:
        poll = Poll(
            locale=source_locale,
            question=_source(texts.POLL_QUESTION),
            description=_source(texts.POLL_DESCRIPTION),
        )
        poll.options = [PollOption(label=_source(option)) for option in texts.POLL_OPTIONS]
        poll.save()
        log(f"Poll: created (“{poll.question}”)")
    else:
        log(f"Poll: exists (“{poll.question}”)")
    existing = set(poll.get_translations().values_list("locale__language_code", flat=True))
    for code in TRANSLATED_INTO:
        if code in existing:
            continue
        catalog = {
            _source(text): text[code]
            for text in (texts.POLL_QUESTION, texts.POLL_DESCRIPTION, *texts.POLL_OPTIONS)
        }
        services.translate_from_catalog(instance=poll, language_code=code, catalog=catalog)
        log(f"  Poll → {code}: translated")
    return poll


@transaction.atomic
def put_on_home(*, home: HomePage, poll: Poll) -> None:
    """At the end of a new home page's body (before its translations are made)."""
    home.body.append(("poll", {"poll": poll}))
    home.save_revision().publish()
