"""The platform's languages, read from the one `PLATFORM_LANGUAGES` setting.

Templates, the language switcher, Locale rows and fallback routing all ask this module,
so adding a language is one entry in settings.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.checks import Error, register
from django.utils import translation


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in the language itself, as readers look for it
    english_name: str
    direction: str  # "ltr" or "rtl"
    fallback: tuple[str, ...]  # explicit part of the chain; the source language ends it

    @property
    def is_rtl(self) -> bool:
        return self.direction == "rtl"


def all_languages() -> list[Language]:
    return [
        Language(
            code=entry["code"],
            name=entry["name"],
            english_name=entry.get("english_name", entry["name"]),
            direction=entry.get("dir", "ltr"),
            fallback=tuple(entry.get("fallback", ())),
        )
        for entry in settings.PLATFORM_LANGUAGES
    ]


def codes() -> list[str]:
    return [language.code for language in all_languages()]


def choices() -> list[tuple[str, str]]:
    """(code, name) pairs for model fields; a callable, so migrations do not copy the list."""
    return [(language.code, language.name) for language in all_languages()]


def source_language() -> Language:
    return all_languages()[0]


def source_language_code() -> str:
    """A callable default for language fields."""
    return source_language().code


def get(code: str) -> Language:
    """The language for `code`; regional variants ("ar-EG") resolve to their base."""
    by_code = {language.code: language for language in all_languages()}
    if code in by_code:
        return by_code[code]
    base = code.split("-")[0].lower()
    if base in by_code:
        return by_code[base]
    raise LookupError(f"{code!r} is not one of the platform's languages")


def current() -> Language:
    try:
        return get(translation.get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return source_language()


def fallback_chain(code: str) -> list[str]:
    """Languages to try, in order, when content is missing in `code` (excluding `code`).

    The configured chain comes first, then the source language, without repeats."""
    language = get(code)
    chain: list[str] = []
    for candidate in (*language.fallback, source_language().code):
        if candidate != language.code and candidate not in chain:
            chain.append(candidate)
    return chain


def reader_languages(language_code: str | None = None) -> list[str]:
    """The reader's language (the current one unless given) followed by its fallback chain:
    the order content is chosen in."""
    code = language_code or current().code
    return [code, *fallback_chain(code)]


@register()
def check_platform_languages(app_configs, **kwargs):
    """Catch a mistyped PLATFORM_LANGUAGES at start-up rather than on a reader's request."""
    errors = []
    entries = getattr(settings, "PLATFORM_LANGUAGES", [])
    if not entries:
        return [Error("PLATFORM_LANGUAGES is empty.", id="cms.E001")]
    seen = [entry.get("code") for entry in entries]
    if len(seen) != len(set(seen)):
        errors.append(Error("PLATFORM_LANGUAGES repeats a language code.", id="cms.E002"))
    for entry in entries:
        code = entry.get("code")
        if entry.get("dir", "ltr") not in ("ltr", "rtl"):
            errors.append(Error(f"Language {code!r}: dir must be 'ltr' or 'rtl'.", id="cms.E003"))
        for target in entry.get("fallback", ()):
            if target not in seen:
                errors.append(
                    Error(
                        f"Language {code!r} falls back to {target!r}, which is not configured.",
                        id="cms.E004",
                    )
                )
    if seen[0] != settings.LANGUAGE_CODE:
        errors.append(Error("LANGUAGE_CODE must be the first (source) language.", id="cms.E005"))
    return errors
