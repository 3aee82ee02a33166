"""GET /api/v1/photovoice/ and its details: approved photovoice photos whose senders agreed
to partner websites. A withdrawn or rejected photo is never listed; the answers are rebuilt
as soon as a photo is approved or withdrawn (settings.API_CONTENT_MODELS)."""

import datetime
import re

from django.db.models import QuerySet
from django.utils import timezone, translation
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

from campaigns.photovoice import selectors
from campaigns.photovoice.api.serializers import PhotoSerializer
from cms.api.blocks import with_renditions
from cms.api.content import SameInEveryLanguageViewSet, in_language_by_key
from cms.api.language import requested_language
from cms.api.parameters import page_window, reject_unknown_parameters
from cms.api.schema_fields import content_schema

PARAMETERS = {"lang", "page", "page_size", "theme"}
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
SLUG = re.compile(SLUG_PATTERN)


@content_schema(
    PhotoSerializer,
    extra_list_parameters=[
        OpenApiParameter(
            "theme",
            {"type": "string", "pattern": SLUG_PATTERN},
            description="An audit theme's slug, the same in every language (see any photo).",
        ),
    ],
)
class PhotovoiceViewSet(SameInEveryLanguageViewSet):
    """Photos residents took on the city integration audit's themes, approved by an editor
    and shared with partner websites by their authors' consent. Newest first."""

    not_found = "There is no published photo with this id."

    def base_queryset(self) -> QuerySet:
        return with_renditions(selectors.public_photos(scope="partners"), "image")

    def build_list(self) -> dict:
        request = self.request
        reject_unknown_parameters(request, PARAMETERS)
        photos = self.base_queryset()
        theme = request.query_params.get("theme")
        if theme is not None:
            # Like the stories' theme: a slug no theme has yet lists nothing.
            if not SLUG.fullmatch(theme):
                raise ValidationError({"theme": ["Give a theme's slug, e.g. education."]})
            photos = photos.filter(theme__slug=theme)
        window = page_window(request, count=photos.count())
        return window.envelope(self.serialize(list(photos[window.start : window.end]), many=True))

    def serialize(self, photos: list, *, many: bool):
        language = requested_language(self.request)
        names = in_language_by_key([photo.theme for photo in photos], language.chain)
        with translation.override(language.code), timezone.override(datetime.UTC):
            serializer = PhotoSerializer(
                photos if many else photos[0],
                many=many,
                context={"request": self.request, "language": language, "names": names},
            )
            return serializer.data
