"""Translations that need a translator, per language, for the admin's home page
(cms.dashboard): outdated or missing versions in the Translations table, counted in the
database (one query), for those who may submit translations, in their own languages."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from cms import languages
from cms.dashboard import Attention
from cms.translation import status
from cms.translation.access import page_languages
from cms.translation.models import TranslationCoverage


def attention(user) -> list[Attention]:
    if not user.has_perm("wagtail_localize.submit_translation"):
        return []
    allowed = page_languages(user)
    codes = [code for code in languages.codes()[1:] if allowed is None or code in allowed]
    counts = TranslationCoverage.objects.aggregate(
        **{
            f"{code}__{state}": Count("pk", filter=Q(**{f"statuses__{code}": state}))
            for code in codes
            for state in (status.OUTDATED, status.MISSING)
        }
    )
    found = []
    url = reverse("translation_coverage:index")
    for code in codes:
        name = languages.get(code).name
        outdated, missing = (
            counts[f"{code}__{status.OUTDATED}"],
            counts[f"{code}__{status.MISSING}"],
        )
        found.append(
            Attention(
                _("outdated translations in %(language)s") % {"language": name},
                outdated,
                f"{url}?language={code}&status={status.OUTDATED}",
            )
        )
        found.append(
            Attention(
                _("missing translations in %(language)s") % {"language": name},
                missing,
                f"{url}?language={code}&status={status.MISSING}",
                level="info",
            )
        )
    return found
