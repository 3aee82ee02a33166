"""WebVTT caption files: parsed with webvtt-py, plus the checks it leaves out (it accepts
a file without cues, drops cues whose timing line is mistyped, and lets a cue end before
it starts)."""

import re

import webvtt
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_TIMING_LIKE = re.compile(r"^\s*[\d:.]+\s*-+>")


def validate_webvtt(data: bytes) -> int:
    """The number of cues in a valid WebVTT file; ValidationError with the reason otherwise."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(_("Caption files must be saved as UTF-8 text.")) from None
    try:
        captions = webvtt.from_string(text).captions
    except (webvtt.errors.MalformedFileError, webvtt.errors.MalformedCaptionError) as error:
        raise ValidationError(
            _("This is not a valid WebVTT file (%(reason)s). It must start with “WEBVTT”.")
            % {"reason": error}
        ) from None
    for number, line in enumerate(text.splitlines(), 1):
        if _TIMING_LIKE.match(line) and "-->" not in line:
            raise ValidationError(
                _("Line %(number)d looks like a cue timing but is not one: “%(line)s”.")
                % {"number": number, "line": line.strip()[:80]}
            )
    if not captions:
        raise ValidationError(_("This WebVTT file has no captions in it."))
    for caption in captions:
        if caption.end_in_seconds <= caption.start_in_seconds:
            raise ValidationError(
                _("The caption at %(start)s ends before it starts.") % {"start": caption.start}
            )
    return len(captions)
