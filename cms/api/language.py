"""Which language an API reader asked for: `?lang=` first, then `Accept-Language`."""

from dataclasses import dataclass

from django.utils.translation.trans_real import parse_accept_lang_header
from rest_framework.exceptions import ValidationError

from cms import languages


@dataclass(frozen=True)
class RequestedLanguage:
    code: str
    explicit: bool  # False: nothing was asked, the source language is used

    @property
    def chain(self) -> list[str]:
        """The language and its fallback chain: the order content is chosen in."""
        return [self.code, *languages.fallback_chain(self.code)]


def requested_language(request) -> RequestedLanguage:
    """A platform language from `?lang=` (a bad value is a 400) or from the first usable
    language of `Accept-Language`; the source language when neither says anything."""
    asked = request.query_params.get("lang")
    if asked is not None:
        try:
            return RequestedLanguage(languages.get(asked.strip()).code, True)
        except LookupError:
            raise ValidationError(
                {
                    "lang": [
                        f"Unknown language “{asked}”. Use one of: {', '.join(languages.codes())}."
                    ]
                }
            ) from None
    header = request.headers.get("Accept-Language", "")
    for code, _quality in parse_accept_lang_header(header[:500]):
        if code == "*":
            break
        try:
            return RequestedLanguage(languages.get(code).code, True)
        except LookupError:
            continue
    return RequestedLanguage(languages.source_language().code, False)
