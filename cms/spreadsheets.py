"""CSV files that editors open in a spreadsheet program.

A cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return before one) is a
formula to Excel, LibreOffice and Google Sheets: a poll answer, a video title or a group
name typed by someone else could run one on the editor's computer (CSV injection). Such
text cells get a leading apostrophe, which the programs show as plain text; numbers are
written as they are."""

import csv
from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Spreadsheet programs read Cyrillic and Arabic right only with the byte order mark.
BYTE_ORDER_MARK = "\ufeff"


def as_text_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SpreadsheetWriter:
    """csv.writer whose text cells are never formulas."""

    def __init__(self, stream):
        self._writer = csv.writer(stream)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([as_text_cell(value) for value in row])
