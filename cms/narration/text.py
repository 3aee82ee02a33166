"""What a narration reads: the page's paragraphs split into sentences, in page order.

Pages say what they read aloud through `narrated_paragraphs()`. The lessons' sentence
splitter (which knows each language's abbreviations) is registered here as learning starts
(learning/apps.py); the core itself imports no app, so it has a plain splitter of its own."""

import hashlib
import json
import re
from collections.abc import Callable, Iterable

from bs4 import BeautifulSoup

# A sentence cut into pieces no longer than this, at a comma or a space: the reader
# hears and taps a piece at a time, and espeak-ng is never handed a page in one go.
MAX_SENTENCE_CHARACTERS = 300

_END = re.compile(r"[.!?؟…։।]+[\"'”»)\]]*(?=\s|$)")
_Splitter = Callable[[str, str], list[str]]
_splitter: _Splitter | None = None


def register(splitter: _Splitter) -> None:
    """`splitter(paragraph, language)` gives the paragraph's sentences."""
    global _splitter
    _splitter = splitter


def plain_sentences(paragraph: str, language: str) -> list[str]:
    found, start = [], 0
    for match in _END.finditer(paragraph):
        found.append(paragraph[start : match.end()].strip())
        start = match.end()
    found.append(paragraph[start:].strip())
    return [sentence for sentence in found if sentence]


def _pieces(sentence: str) -> list[str]:
    if len(sentence) <= MAX_SENTENCE_CHARACTERS:
        return [sentence]
    pieces, rest = [], sentence
    while len(rest) > MAX_SENTENCE_CHARACTERS:
        window = rest[:MAX_SENTENCE_CHARACTERS]
        cut = max(window.rfind(mark) for mark in (",", "،", ";", ":"))
        if cut < MAX_SENTENCE_CHARACTERS // 3:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = MAX_SENTENCE_CHARACTERS - 1
        pieces.append(rest[: cut + 1].strip())
        rest = rest[cut + 1 :].strip()
    return [*pieces, rest] if rest else pieces


_BLOCK_ELEMENTS = ["p", "li", "h2", "h3", "h4", "blockquote"]


def html_paragraphs(html: str) -> list[str]:
    """The text of each paragraph, list item and heading of a piece of rich text."""
    soup = BeautifulSoup(html, "html.parser")
    found = [element.get_text(" ", strip=True) for element in soup.find_all(_BLOCK_ELEMENTS)]
    return [text for text in found if text.strip()] or [soup.get_text(" ", strip=True)]


def sentences(paragraphs: Iterable[str], language: str) -> list[str]:
    split = _splitter or plain_sentences
    found = []
    for paragraph in paragraphs:
        paragraph = " ".join(paragraph.split())
        if paragraph:
            for sentence in split(paragraph, language):
                found.extend(_pieces(sentence))
    return found


def fingerprint(sentences: list[str], *, voice: str, settings_used: dict) -> str:
    """Changes when anything the audio is made from changes."""
    payload = json.dumps(
        {"sentences": sentences, "voice": voice, "settings": settings_used},
        ensure_ascii=False,
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode()).hexdigest()
