"""The screens' playlist in the OpenAPI document.

The playlist is a plain Django view behind a WSGI fast path (fast_path.py beside this file),
not a DRF view, so drf-spectacular cannot see it; this post-processing hook adds its
description. The document's shape is document.build_document's; a schemathesis run over the
schema (tests/api/test_schema.py) checks they agree."""

STRING = {"type": "string"}
INTEGER = {"type": "integer"}
MOMENT = {"type": "string", "format": "date-time"}
URL = {"type": "string", "format": "uri"}


def nullable(schema: dict) -> dict:
    return {**schema, "nullable": True}


def required(properties: dict, description: str = "") -> dict:
    schema = {"type": "object", "properties": properties, "required": list(properties)}
    if description:
        schema["description"] = description
    return schema


LINKED_PAGE = required(
    {"id": INTEGER, "title": STRING, "url": URL},
    "A page, in the screen's language where translated.",
)
PLAYLIST = required(
    {
        "screen": required(
            {
                "id": INTEGER,
                "name": STRING,
                "group": STRING,
                "location": STRING,
                "language": STRING,
                "orientation": {"type": "string", "enum": ["landscape", "portrait"]},
            }
        ),
        "valid_from": MOMENT,
        "valid_until": MOMENT,
        "refresh_seconds": {
            "type": "integer",
            "description": (
                "How often to ask again (with If-None-Match); shorter while an alert is in "
                "force or starts within the hour."
            ),
        },
        "items": {
            "type": "array",
            "items": required(
                {
                    "id": INTEGER,
                    "playlist": required(
                        {
                            "id": INTEGER,
                            "name": STRING,
                            "is_fallback": {"type": "boolean"},
                            "priority": nullable(INTEGER),
                        }
                    ),
                    "kind": {"type": "string", "enum": ["video", "photo"]},
                    "duration_seconds": nullable({"type": "number"}),
                    "video": nullable(
                        required(
                            {
                                "id": INTEGER,
                                "title": STRING,
                                "url": URL,
                                "mime_type": STRING,
                                "size_bytes": nullable(INTEGER),
                                "sha256": STRING,
                                "duration_seconds": nullable({"type": "number"}),
                                "width": nullable(INTEGER),
                                "height": nullable(INTEGER),
                                "poster": nullable(URL),
                                "data_saver": nullable(
                                    required(
                                        {
                                            "url": URL,
                                            "mime_type": STRING,
                                            "size_bytes": nullable(INTEGER),
                                            "sha256": STRING,
                                        },
                                        "A small MP4 for slow connections.",
                                    )
                                ),
                            }
                        )
                    ),
                    "photo": nullable(
                        required(
                            {
                                "id": INTEGER,
                                "url": URL,
                                "mime_type": STRING,
                                "size_bytes": INTEGER,
                                "sha256": STRING,
                                "width": INTEGER,
                                "height": INTEGER,
                                "caption": STRING,
                                "alt_text": STRING,
                                "language": STRING,
                                "dir": {"type": "string", "enum": ["ltr", "rtl"]},
                                "author": STRING,
                            },
                            "A resident's photovoice photo, resized for the screen (kind photo).",
                        )
                    ),
                    "captions": {
                        "type": "array",
                        "description": "The screen's language first, then its fallbacks.",
                        "items": required(
                            {
                                "language": STRING,
                                "name": STRING,
                                "dir": {"type": "string", "enum": ["ltr", "rtl"]},
                                "url": URL,
                            }
                        ),
                    },
                    "campaign": nullable(LINKED_PAGE),
                    "story": nullable(LINKED_PAGE),
                    "qr": nullable(
                        required(
                            {
                                "url": URL,
                                "svg": {
                                    "type": "string",
                                    "description": "The QR code as an SVG data: URI.",
                                },
                            },
                            "A QR code to the story or campaign, in the screen's language.",
                        )
                    ),
                    "windows": {
                        "type": "array",
                        "description": "When the item may play (UTC), within valid_from–until.",
                        "items": required({"starts_at": MOMENT, "ends_at": MOMENT}),
                    },
                },
            ),
        },
        "alerts": {
            "type": "array",
            "description": (
                "Alerts in force or starting before valid_until, each in every language it "
                "has, the screen's language first. Show one while the present moment is "
                "within its times, over whatever plays, even offline."
            ),
            "items": required(
                {
                    "id": {"type": "integer", "description": "The same in every language."},
                    "severity": {
                        "type": "string",
                        "enum": ["extreme", "severe", "moderate", "minor"],
                    },
                    "full_screen": {
                        "type": "boolean",
                        "description": "Over the whole picture (extreme, severe) or a band.",
                    },
                    "title": STRING,
                    "text": STRING,
                    "language": STRING,
                    "dir": {"type": "string", "enum": ["ltr", "rtl"]},
                    "machine_translated": {
                        "type": "boolean",
                        "description": "A machine translation nobody has confirmed yet.",
                    },
                    "starts_at": MOMENT,
                    "ends_at": MOMENT,
                }
            ),
        },
        "generated_at": MOMENT,
    },
    "What a screen plays now and in the next 48 hours (docs/screens.md).",
)
CACHE_HEADERS = {
    "ETag": {"schema": STRING, "description": "Strong; send it back in If-None-Match."},
    "Cache-Control": {
        "schema": STRING,
        "description": "public, max-age, stale-while-revalidate, stale-if-error",
    },
}


def error(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


def add_screen_playlist(result: dict, generator, request, public) -> dict:
    """Post-processing hook (SPECTACULAR_SETTINGS): describe GET …/screens/{id}/playlist/."""
    result.setdefault("components", {}).setdefault("schemas", {})["ScreenPlaylist"] = PLAYLIST
    result["paths"]["/api/v1/screens/{screen_id}/playlist/"] = {
        "get": {
            "operationId": "screens_playlist_retrieve",
            "summary": "A screen's playlist",
            "description": (
                "Public and cacheable: no token. Poll every `refresh_seconds` with "
                "`If-None-Match`; play `items` inside their `windows` by the player's own "
                "clock, and keep playing from cache when this cannot be reached."
            ),
            "tags": ["screens"],
            "security": [{}],
            "parameters": [
                {
                    "name": "screen_id",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "integer"},
                    "description": "The screen's number, shown in the admin.",
                },
                {
                    "name": "If-None-Match",
                    "in": "header",
                    "required": False,
                    "schema": STRING,
                    "description": "The ETag of the playlist the screen has.",
                },
            ],
            "responses": {
                "200": {
                    "description": "The playlist.",
                    "headers": CACHE_HEADERS,
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/ScreenPlaylist"}
                        }
                    },
                },
                "304": {"description": "Unchanged since the ETag sent.", "headers": CACHE_HEADERS},
                "400": error("Query parameters were sent; this endpoint takes none."),
                "404": error("There is no such screen."),
                "410": error("The screen has been switched off in the admin."),
            },
        }
    }
    return result
