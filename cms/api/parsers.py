"""The API's JSON parser: DRF's, with one more mistake answered as a 400."""

from rest_framework import parsers
from rest_framework.exceptions import ParseError


class JSONParser(parsers.JSONParser):
    """JSON nested deeper than Python's decoder goes (about a thousand brackets) raised a
    RecursionError, which DRF does not catch: a 500 from one short hostile body. No
    endpoint takes more than a few levels, so it is a 400 like any other bad JSON."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError("JSON parse error - the body is nested too deeply.") from None
