"""Glossary terms marked in a lesson's text: the first time each term appears, it becomes a
link to its entry on the glossary page (readers without JavaScript follow it; lesson.js shows
the explanation in place). Pure: HTML in, HTML out."""

import re
from dataclasses import dataclass
from html import escape

_TAG = re.compile(r"(<[^>]+>)")


@dataclass(frozen=True)
class MarkedTerm:
    term: str
    explanation: str
    url: str  # the term's entry on the glossary page


def mark_terms(html: str, terms: list[MarkedTerm]) -> str:
    """`html` (Wagtail rich text: well-formed) with each term's first appearance outside a
    link wrapped in a link to its entry; longer terms first, and a shorter term is never
    marked inside a longer one ("permit" inside "residence permit"). Matching ignores case
    and needs whole words."""
    ordered = sorted((term for term in terms if term.term.strip()), key=lambda t: -len(t.term))
    if not ordered:
        return html
    patterns = [
        (term, re.compile(rf"(?<!\w){re.escape(term.term.strip())}(?!\w)", re.IGNORECASE))
        for term in ordered
    ]
    marked: set[MarkedTerm] = set()
    parts = _TAG.split(html)
    in_link = 0
    for index, part in enumerate(parts):
        if part.startswith("<"):
            lowered = part.lower()
            if lowered.startswith("<a ") or lowered == "<a>":
                in_link += 1
            elif lowered.startswith("</a"):
                in_link = max(0, in_link - 1)
            continue
        if in_link or not part.strip():
            continue
        parts[index] = _mark_text(part, patterns, marked)
        if len(marked) == len(patterns):
            break
    return "".join(parts)


def _mark_text(text: str, patterns, marked: set) -> str:
    """One text node with the first appearance of each term not yet `marked` linked."""
    taken: list[tuple[int, int]] = []  # every appearance of a longer term, marked or not
    spans = []
    for term, pattern in patterns:
        matches = [
            match
            for match in pattern.finditer(text)
            if all(match.end() <= start or match.start() >= end for start, end in taken)
        ]
        if matches and term not in marked:
            spans.append((matches[0].start(), matches[0].end(), term))
            marked.add(term)
        taken += [(match.start(), match.end()) for match in matches]
    if not spans:
        return text
    pieces, position = [], 0
    for start, end, term in sorted(spans, key=lambda span: span[0]):
        pieces.append(text[position:start])
        pieces.append(
            f'<a class="glossary-term" href="{escape(term.url)}" '
            f'data-explanation="{escape(term.explanation)}">{text[start:end]}</a>'
        )
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
