"""Secrets carried in addresses never reach a log.

A photovoice sender's withdrawal link holds its token in the path (mail clients need a plain
link). gunicorn's access log and Django's request warnings ("Not Found: /bg/…") would write
it where operators, log shippers and backups keep it. Both mask the segment after each
prefix in `settings.LOG_MASKED_PATHS` (docs/security.md)."""

import logging
import re
from functools import cache

from django.conf import settings
from gunicorn.glogging import Logger

MASK = "…"


@cache
def _pattern() -> re.Pattern:
    prefixes = "|".join(re.escape(prefix.strip("/")) for prefix in settings.LOG_MASKED_PATHS)
    return re.compile(rf"(/(?:{prefixes})/)[^/?#\s\"']+")


def mask(text: str) -> str:
    """`text` with the secret part of every masked path replaced."""
    return _pattern().sub(rf"\g<1>{MASK}", text)


class MaskSecrets(logging.Filter):
    """A logging filter for the project's handlers: the message is formatted, then masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask(message)
        if masked != message:
            record.msg, record.args = masked, ()
        return True


class AccessLogWithoutSecrets(Logger):
    """gunicorn's logger (`--logger-class cms.log_masking.AccessLogWithoutSecrets`) with the
    request line, path, referrer and every other text atom masked."""

    def atoms(self, resp, req, environ, request_time):
        found = super().atoms(resp, req, environ, request_time)
        return {
            key: mask(value) if isinstance(value, str) else value for key, value in found.items()
        }
