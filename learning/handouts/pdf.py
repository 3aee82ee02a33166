"""HTML to PDF with WeasyPrint: Pango shapes Arabic and Farsi and lays them out right to
left; fonts come from Debian's packages (fonts-noto-core, fonts-dejavu-core), never the web.

WeasyPrint is loaded on first use: it loads Pango, a system library, and a server without it
still serves everything else (a handout then answers 503 and the error is logged)."""

import importlib
import logging
from types import ModuleType

logger = logging.getLogger(__name__)

PAPER_SIZES = {"a4": "A4", "letter": "letter"}

_weasyprint: ModuleType | None = None


class HandoutError(Exception):
    """The PDF could not be made; the message says why."""


def _library() -> ModuleType:
    global _weasyprint
    if _weasyprint is None:
        try:
            _weasyprint = importlib.import_module("weasyprint")
        except (ImportError, OSError) as error:
            raise HandoutError(f"WeasyPrint cannot start: {error}") from None
    return _weasyprint


def render(html: str) -> bytes:
    weasyprint = _library()
    # Everything a handout shows is inlined as data: URIs; any other address is refused,
    # so nothing in a lesson ever makes the server fetch from the network or read a file.
    no_network = weasyprint.urls.URLFetcher(allowed_protocols={"data"})
    try:
        return weasyprint.HTML(string=html, url_fetcher=no_network).write_pdf()
    except HandoutError:
        raise
    except Exception as error:  # WeasyPrint raises many kinds; all mean no PDF
        logger.exception("WeasyPrint failed")
        raise HandoutError(f"WeasyPrint failed: {error}") from None
