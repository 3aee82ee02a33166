"""Photovoice in the admin: the audit themes, and the moderation queue: pending photos with
thumbnails (served from private storage by a permission-checked view), approve with a
description, reject with a reason, withdraw at the sender's request (docs/photovoice.md)."""

import io

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from PIL import Image
from wagtail.admin.auth import permission_required
from wagtail.admin.menu import MenuItem
from wagtail.snippets.views.snippets import SnippetViewSet

from campaigns.photovoice import selectors, services
from campaigns.photovoice.forms import ApproveForm, RejectForm
from campaigns.photovoice.models import AuditTheme, PhotoSubmission
from cms.admin_views import AdminPageViewSet

PERMISSION = "campaigns.moderate_photosubmission"
THUMBNAIL_SIDE = 480
PER_PAGE = 20
Status = PhotoSubmission.Status


@permission_required(PERMISSION)
def queue(request):
    return _queue_response(request)


def _queue_response(request, *, failed: tuple[int, str, object] | None = None, status=200):
    shown = request.GET.get("status", Status.PENDING)
    if shown not in Status.values:
        shown = Status.PENDING
    page = Paginator(selectors.moderation_queue(status=shown), PER_PAGE).get_page(
        request.GET.get("p")
    )
    theme_names = selectors.theme_names()
    for submission in page:
        submission.theme_shown = theme_names.get(submission.theme.translation_key, submission.theme)
        submission.approve_form = ApproveForm(initial={"alt_text": ""}, prefix=f"a{submission.pk}")
        submission.reject_form = RejectForm(prefix=f"r{submission.pk}")
        if failed and failed[0] == submission.pk:
            setattr(submission, f"{failed[1]}_form", failed[2])
    return TemplateResponse(
        request,
        "campaigns/admin/photovoice_queue.html",
        {
            "page": page,
            "shown": shown,
            "statuses": Status.choices,
            "page_title": _("Photovoice"),
            "header_icon": "image",
        },
        status=status,
    )


@permission_required(PERMISSION)
def photo(request, pk: int):
    """A pending photo for moderators only (it has no public address). `?size=thumb`
    gives a small copy for the list."""
    submission = get_object_or_404(PhotoSubmission, pk=pk, status=Status.PENDING)
    if not submission.pending_file:
        raise Http404
    with submission.pending_file.open("rb") as stored:
        content = stored.read()
    if request.GET.get("size") == "thumb":
        image = Image.open(io.BytesIO(content), formats=["JPEG"])
        image.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
        output = io.BytesIO()
        image.save(output, "JPEG", quality=80)
        content = output.getvalue()
    response = HttpResponse(content, content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@permission_required(PERMISSION)
def approve(request, pk: int):
    submission = get_object_or_404(PhotoSubmission, pk=pk)
    form = ApproveForm(request.POST, prefix=f"a{pk}")
    if not form.is_valid():
        messages.error(request, _("Describe the photo for people who cannot see it, then approve."))
        return _queue_response(request, failed=(pk, "approve", form), status=400)
    try:
        services.approve_photo(
            submission=submission, moderator=request.user, alt_text=form.cleaned_data["alt_text"]
        )
    except services.NotPending:
        messages.warning(request, _("This photo was already moderated or withdrawn."))
    else:
        messages.success(request, _("The photo was approved and is now public."))
    return redirect("photovoice_moderation:index")


@require_POST
@permission_required(PERMISSION)
def reject(request, pk: int):
    submission = get_object_or_404(PhotoSubmission, pk=pk)
    form = RejectForm(request.POST, prefix=f"r{pk}")
    if not form.is_valid():
        messages.error(request, _("Give a reason to reject the photo."))
        return _queue_response(request, failed=(pk, "reject", form), status=400)
    try:
        services.reject_photo(
            submission=submission, moderator=request.user, reason=form.cleaned_data["reason"]
        )
    except services.NotPending:
        messages.warning(request, _("This photo was already moderated or withdrawn."))
    else:
        messages.success(request, _("The photo was rejected and its file deleted."))
    return redirect("photovoice_moderation:index")


@require_POST
@permission_required(PERMISSION)
def withdraw(request, pk: int):
    """A sender without the emailed link asks an editor to withdraw their photo: the same
    withdrawal as the link's (the photo deleted everywhere, its details erased)."""
    submission = get_object_or_404(PhotoSubmission, pk=pk)
    if submission.status == Status.WITHDRAWN:
        messages.info(request, _("This photo was already withdrawn."))
    else:
        services.withdraw_photo(submission=submission)
        messages.success(
            request, _("The photo was withdrawn: it is deleted everywhere and its details erased.")
        )
    return redirect("photovoice_moderation:index")


class ModeratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


class PhotovoiceModerationViewSet(AdminPageViewSet):
    name = "photovoice_moderation"
    icon = "image"
    menu_label = gettext_lazy("Photovoice")
    menu_item_class = ModeratorsMenuItem
    view = staticmethod(queue)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/photo/", photo, name="photo"),
            path("<int:pk>/approve/", approve, name="approve"),
            path("<int:pk>/reject/", reject, name="reject"),
            path("<int:pk>/withdraw/", withdraw, name="withdraw"),
        ]


class AuditThemeViewSet(SnippetViewSet):
    model = AuditTheme
    icon = "tag"
    menu_label = gettext_lazy("Audit themes")
    list_display = ["name", "slug", "locale"]
