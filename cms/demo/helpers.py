"""What every app's demo content is made with: texts as dicts of language code → string."""

from collections.abc import Callable

from cms import languages
from cms.translation import services

Log = Callable[[str], None]


def build_catalog(data, language_code: str) -> dict[str, str]:
    """Source string → translation for every text found anywhere in `data`.

    A text is a dict of language code → string that has the source language; anything
    else (lists, tuples, dicts of other things) is searched through."""
    source = languages.source_language().code
    found: dict[str, str] = {}

    def walk(value):
        if isinstance(value, dict):
            if source in value and all(isinstance(item, str) for item in value.values()):
                if language_code in value:
                    found[value[source]] = value[language_code]
            else:
                for item in value.values():
                    walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    walk(data)
    return found


def source_text(text: dict[str, str]) -> str:
    """The source-language string of a demo text."""
    return text[languages.source_language().code]


def ensure_translations(instance, codes: list[str], data, *, log: Log, label: str) -> None:
    """Translate a page or snippet into each of `codes` that it lacks, with the demo texts
    in `data` as the catalogue (cms.translation.services.translate_from_catalog)."""
    existing = set(instance.get_translations().values_list("locale__language_code", flat=True))
    missing = [code for code in codes if code not in existing]
    for code in missing:
        services.translate_from_catalog(
            instance=instance, language_code=code, catalog=build_catalog(data, code)
        )
    if missing:
        log(f"  {label} → {', '.join(missing)}: translated")


def rich_text(parts: list[tuple[str, dict[str, str]]]) -> str:
    """Headings, paragraphs and list items (consecutive `li` become one list)."""
    html, in_list = [], False
    for tag, text in parts:
        if tag == "li" and not in_list:
            html.append("<ul>")
            in_list = True
        elif tag != "li" and in_list:
            html.append("</ul>")
            in_list = False
        html.append(f"<{tag}>{source_text(text)}</{tag}>")
    if in_list:
        html.append("</ul>")
    return "".join(html)
