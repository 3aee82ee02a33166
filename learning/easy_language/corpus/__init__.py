"""The labelled texts the check is validated on: 15 per language, written for this project,
each labelled easy or not and with the CEFR level a teacher would give it (`<language>.toml`).

`agreement(language)` runs the check over them; `confusion_markdown()` is the table printed
in docs/easy-language.md (a test keeps the two the same).
"""

import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from learning.easy_language import cefr
from learning.easy_language.checker import EASY, check

FOLDER = Path(__file__).parent
LANGUAGES = ("bg", "en", "ar", "fa", "uk", "ru", "tr")


@dataclass(frozen=True)
class Text:
    id: str
    cefr: str
    easy: bool
    kind: str  # everyday, everyday-long, official-short or official
    text: str


@dataclass(frozen=True)
class Agreement:
    language: str
    texts: int
    easy_agrees: int  # the check's grade is "easy" exactly when the label says easy
    cefr_exact: int
    cefr_within_one: int
    confusion: Counter  # (labelled level, estimated level) → texts
    misses: tuple[str, ...]  # ids of texts with a wrong grade or a level two or more apart

    @property
    def easy_share(self) -> float:
        return self.easy_agrees / self.texts

    @property
    def within_one_share(self) -> float:
        return self.cefr_within_one / self.texts


def texts(language: str) -> list[Text]:
    with (FOLDER / f"{language}.toml").open("rb") as file:
        entries = tomllib.load(file)["texts"]
    return [
        Text(entry["id"], entry["cefr"], entry["easy"], entry["kind"], entry["text"])
        for entry in entries
    ]


def agreement(language: str) -> Agreement:
    confusion: Counter = Counter()
    easy_agrees = exact = within_one = 0
    misses = []
    labelled = texts(language)
    for item in labelled:
        report = check(item.text, language)
        apart = abs(cefr.levels_apart(report.cefr, item.cefr))
        grade_agrees = (report.grade == EASY) == item.easy
        confusion[item.cefr, report.cefr] += 1
        easy_agrees += grade_agrees
        exact += apart == 0
        within_one += apart <= 1
        if not grade_agrees or apart > 1:
            misses.append(item.id)
    return Agreement(
        language, len(labelled), easy_agrees, exact, within_one, confusion, tuple(misses)
    )


def confusion_markdown() -> str:
    """Per language: agreement, then labelled level (rows) against estimated (columns)."""
    results = [agreement(language) for language in LANGUAGES]
    lines = [
        "| language | easy / not easy agrees | CEFR exact | CEFR within one level | misses |",
        "| --- | --- | --- | --- | --- |",
    ]
    for result in results:
        lines.append(
            f"| {result.language} | {result.easy_agrees}/{result.texts} "
            f"| {result.cefr_exact}/{result.texts} | {result.cefr_within_one}/{result.texts} "
            f"| {', '.join(result.misses) or '–'} |"
        )
    total: Counter = sum((result.confusion for result in results), Counter())
    header = " | ".join(cefr.LEVELS)
    lines += [
        "",
        f"| labelled ↓ estimated → | {header} |",
        "| --- |" + " --- |" * len(cefr.LEVELS),
    ]
    for labelled in cefr.LEVELS:
        counts = " | ".join(str(total[labelled, estimated]) for estimated in cefr.LEVELS)
        lines.append(f"| {labelled} | {counts} |")
    return "\n".join(lines)
