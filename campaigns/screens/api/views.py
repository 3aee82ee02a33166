"""The screens' API: the playlist a screen polls and the plays it reports (docs/screens.md)."""

import re

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import authentication, exceptions, parsers, permissions, status
from rest_framework import serializers as drf_serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from campaigns.screens import selectors, services
from campaigns.screens.api.playlists import LARGEST_ID, playlist_responses, seen_screens
from campaigns.screens.api.reports import status_reports
from campaigns.screens.api.serializers import (
    PlayBatchSerializer,
    ScreenStatusSerializer,
    quickly_validated,
    video_ids_in,
)
from campaigns.screens.models import Screen
from campaigns.videos.models import Video
from cms.api.errors import refuse_unless_plain_read
from cms.api.schema_fields import ERROR_SCHEMA
from cms.api.throttles import CountedInTheCache


@csrf_exempt  # only GET and HEAD are answered; anything else is a JSON 405, not a CSRF page
def screen_playlist(request, screen_id: int):
    """GET /api/v1/screens/{id}/playlist/: public, cacheable, built once (see playlists)."""
    refused = refuse_unless_plain_read(request)
    if refused:
        return refused
    prepared = playlist_responses.get(screen_id)
    if prepared.screen_exists:
        seen_screens.record(screen_id)
    code, headers, body = prepared.answer(
        method=request.method,
        if_none_match=request.headers.get("If-None-Match", ""),
        accept_encoding=request.headers.get("Accept-Encoding", ""),
    )
    response = HttpResponse(body, status=code)
    for name, value in headers:
        response[name] = value
    return response


BEARER = re.compile(r"^Bearer\s+(\S+)\s*$", re.IGNORECASE)


class ScreenTokenAuthentication(authentication.BaseAuthentication):
    """`Authorization: Bearer <token>`: the screen's own token, for its own URL only."""

    def authenticate(self, request):
        header = request.headers.get("Authorization", "")
        if not header:
            return None
        match = BEARER.match(header)
        if not match:
            raise exceptions.AuthenticationFailed("Send the screen's token as “Bearer <token>”.")
        screen_id = request.parser_context["kwargs"]["screen_id"]
        screen = None
        if 0 < screen_id <= LARGEST_ID:
            screen = selectors.screen_for_token(screen_id=screen_id, token=match[1])
        if screen is None:
            raise exceptions.AuthenticationFailed("This token is not this screen's token.")
        return (screen, None)

    def authenticate_header(self, request):
        return 'Bearer realm="screens"'


class IsTheScreen(permissions.BasePermission):
    def has_permission(self, request, view):
        return isinstance(request.user, Screen)


class PerScreenThrottle(CountedInTheCache):
    """Counted per screen (the authenticated screen), whatever its address."""

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}


class ScreenPlaysThrottle(PerScreenThrottle):
    """Batches per screen (SCREEN_PLAYS_RATE): a player flushes every few minutes."""

    scope = "screen_plays"
    rate_setting = "SCREEN_PLAYS_RATE"


class ScreenPlaysView(APIView):
    """POST /api/v1/screens/{id}/plays/: a batch of play events, idempotent by event id."""

    authentication_classes = [ScreenTokenAuthentication]
    permission_classes = [IsTheScreen]
    throttle_classes = [ScreenPlaysThrottle]

    @extend_schema(
        request=PlayBatchSerializer,
        responses={
            202: inline_serializer(
                "PlayBatchResult",
                fields={
                    "accepted": drf_serializers.IntegerField(),
                    "duplicates": drf_serializers.IntegerField(),
                },
            ),
            400: ERROR_SCHEMA,
            401: ERROR_SCHEMA,
            404: ERROR_SCHEMA,
            429: ERROR_SCHEMA,
        },
        operation_id="screens_plays_create",
    )
    def post(self, request, screen_id: int):
        known = set(
            Video.objects.filter(pk__in=video_ids_in(request.data)).values_list("pk", flat=True)
        )
        events = quickly_validated(request.data, known)
        if events is None:
            batch = PlayBatchSerializer(data=request.data, context={"known_video_ids": known})
            batch.is_valid(raise_exception=True)
            events = batch.validated_data["events"]
        result = services.record_plays(screen=request.user, events=events)
        return Response(
            {"accepted": result.accepted, "duplicates": result.duplicates},
            status=status.HTTP_202_ACCEPTED,
        )


class ScreenStatusThrottle(PerScreenThrottle):
    """Reports per screen (SCREEN_STATUS_RATE): at start, after changes, every few minutes."""

    scope = "screen_status"
    rate_setting = "SCREEN_STATUS_RATE"


class ScreenStatusView(APIView):
    """POST /api/v1/screens/{id}/status/: what the player holds, plays and caches."""

    authentication_classes = [ScreenTokenAuthentication]
    permission_classes = [IsTheScreen]
    throttle_classes = [ScreenStatusThrottle]

    @extend_schema(
        request=ScreenStatusSerializer,
        responses={
            202: inline_serializer(
                "ScreenStatusResult",
                fields={
                    "playlist_etag": drf_serializers.CharField(),
                    "screenshot": drf_serializers.BooleanField(
                        required=False,
                        help_text="Present when an operator asked for a screenshot: POST one "
                        "to screenshot/.",
                    ),
                },
            ),
            400: ERROR_SCHEMA,
            401: ERROR_SCHEMA,
            404: ERROR_SCHEMA,
            429: ERROR_SCHEMA,
        },
        operation_id="screens_status_create",
    )
    def post(self, request, screen_id: int):
        if not isinstance(request.data, dict):
            raise exceptions.ValidationError({"detail": "Send a JSON object."})
        report = ScreenStatusSerializer(data=request.data)
        report.is_valid(raise_exception=True)
        status_reports.record(
            screen_id=request.user.pk, report=report.validated_data, at=timezone.now()
        )
        # The playlist the platform has for it now: a player that holds another polls.
        current = playlist_responses.get(screen_id)
        answer = {"playlist_etag": current.etag}
        if services.screenshot_wanted(screen_id=request.user.pk):
            answer["screenshot"] = True  # an operator asked: send one to screenshot/
        return Response(answer, status=status.HTTP_202_ACCEPTED)


class PictureParser(parsers.BaseParser):
    """A raw JPEG, PNG or WebP body, as bytes (at most SCREEN_SCREENSHOT_MAX_KB)."""

    media_type = "image/*"

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.SCREEN_SCREENSHOT_MAX_KB * 1024
        data = stream.read(limit + 1) if stream is not None else b""
        if len(data) > limit:
            raise exceptions.ParseError(
                f"The picture is larger than {settings.SCREEN_SCREENSHOT_MAX_KB} KB."
            )
        return data


class ScreenScreenshotThrottle(PerScreenThrottle):
    scope = "screen_screenshot"
    rate_setting = "SCREEN_SCREENSHOT_RATE"


class ScreenScreenshotView(APIView):
    """POST /api/v1/screens/{id}/screenshot/: the picture an operator asked for."""

    authentication_classes = [ScreenTokenAuthentication]
    permission_classes = [IsTheScreen]
    throttle_classes = [ScreenScreenshotThrottle]
    parser_classes = [PictureParser]

    @extend_schema(
        request={"image/jpeg": {"type": "string", "format": "binary"}},
        responses={
            201: None,
            400: ERROR_SCHEMA,
            401: ERROR_SCHEMA,
            404: ERROR_SCHEMA,
            409: ERROR_SCHEMA,
            413: ERROR_SCHEMA,
            415: ERROR_SCHEMA,
            429: ERROR_SCHEMA,
        },
        operation_id="screens_screenshot_create",
    )
    def post(self, request, screen_id: int):
        if not isinstance(request.data, bytes) or not request.data:
            raise exceptions.ParseError("Send the picture as the request's body.")
        if not services.screenshot_pending(screen=request.user):
            return Response(
                {"detail": "No screenshot was asked for."}, status=status.HTTP_409_CONFLICT
            )
        try:
            services.store_screenshot(screen=request.user, data=request.data, at=timezone.now())
        except services.ScreenshotRefused as refused:
            raise exceptions.ValidationError({"detail": str(refused)}) from refused
        return Response(status=status.HTTP_201_CREATED)
