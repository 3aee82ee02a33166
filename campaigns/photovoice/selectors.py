"""Reads for photovoice. Only approved photos with the matching consent leave the admin."""

import hashlib

from django.db.models import QuerySet

from campaigns.photovoice.models import AuditTheme, PhotoSubmission
from cms import languages

Status = PhotoSubmission.Status


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def source_themes() -> QuerySet:
    """The audit themes submissions link to: the source language's copies."""
    return AuditTheme.objects.filter(locale__language_code=languages.source_language_code())


def themes_in_reader_language(language_code: str | None = None) -> list[AuditTheme]:
    """Every audit theme, named in the reader's language where translated, by name."""
    sources = list(source_themes())
    keys = [theme.translation_key for theme in sources]
    shown = AuditTheme.objects.ordered_in_reader_language(keys, language_code)
    return sorted(shown, key=lambda theme: theme.name.casefold())


def theme_names(language_code: str | None = None) -> dict:
    """Translation key → the theme in the reader's language (for labelling photos)."""
    return {theme.translation_key: theme for theme in themes_in_reader_language(language_code)}


def public_photos(*, scope: str) -> QuerySet:
    """Approved photos with consent for `scope` ("web", "screens" or "partners"), newest
    first."""
    if scope not in ("web", "screens", "partners"):
        raise ValueError(f"Unknown consent scope {scope!r}")
    return (
        PhotoSubmission.objects.filter(
            status=Status.APPROVED, image__isnull=False, **{f"for_{scope}": True}
        )
        .select_related("theme")  # the image is left to the caller: joined or prefetched
        .order_by("-moderated_at", "-pk")
    )


def gallery_photos(*, theme_slug: str | None = None) -> QuerySet:
    photos = public_photos(scope="web").select_related("image")
    return photos.filter(theme__slug=theme_slug) if theme_slug else photos


def moderation_queue(*, status: str = Status.PENDING) -> QuerySet:
    return PhotoSubmission.objects.filter(status=status).select_related(
        "theme", "image", "moderated_by"
    )


def submission_for_token(token: str) -> PhotoSubmission | None:
    """The submission a withdrawal link belongs to, or None for an unknown link."""
    if not token or len(token) > 100:
        return None
    return (
        PhotoSubmission.objects.filter(withdrawal_token_hash=token_hash(token))
        .select_related("image")
        .first()
    )
