"""The photovoice page (form and gallery), the address its form posts to, and the withdrawal
link.

The page is the same for every reader, so a CDN keeps it: its form carries no CSRF token and
posts to `send_photo`, which asks the browser where the post came from instead
(cms.public_forms) and keeps the spam traps and the rate limit.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from campaigns.photovoice import selectors, services
from campaigns.photovoice.forms import SPAM_MESSAGES, PhotoSubmissionForm, spam_trap
from campaigns.photovoice.models import PhotoSubmission, PhotovoicePage
from cms import languages
from cms.api.throttles import CountedInTheCache
from cms.public_forms import is_cross_site, return_address


class SubmissionThrottle(CountedInTheCache):
    """Sending attempts per address (PHOTOVOICE_SUBMISSION_RATE)."""

    scope = "photovoice"
    rate_setting = "PHOTOVOICE_SUBMISSION_RATE"


def photovoice_page(request, *, page: PhotovoicePage):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    themes = selectors.themes_in_reader_language()
    return _render(request, page, themes=themes, form=PhotoSubmissionForm(themes=themes))


@csrf_exempt  # the page carries no CSRF token (a CDN keeps it): cms.public_forms checks instead
@require_POST
def send_photo(request, page_id: int):
    """The photovoice form's post: the page again with what to fix (4xx), or a redirect to
    the page it was sent from with the thanks."""
    page = PhotovoicePage.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404(_("There is no such photovoice page."))
    themes = selectors.themes_in_reader_language()
    if is_cross_site(request):
        return _render(
            request,
            page,
            themes=themes,
            form=PhotoSubmissionForm(themes=themes),
            status=403,
            problem=_(
                "Your photo was not sent: the form did not come from this website. "
                "Please open the page again and send it from there."
            ),
        )
    throttle = SubmissionThrottle()
    if not throttle.allow_request(request, None):
        response = _render(
            request,
            page,
            themes=themes,
            form=PhotoSubmissionForm(themes=themes),
            status=429,
            problem=_("You have sent many photos in a short time. Please try again in an hour."),
        )
        wait = throttle.wait()
        if wait:
            response["Retry-After"] = str(int(wait) + 1)
        return response
    trap = spam_trap(request.POST)
    if trap:
        return _render(
            request,
            page,
            themes=themes,
            form=PhotoSubmissionForm(themes=themes, initial=_kept_fields(request.POST)),
            status=400,
            problem=str(SPAM_MESSAGES[trap]),
        )
    form = PhotoSubmissionForm(request.POST, request.FILES, themes=themes)
    if not form.is_valid():
        return _render(
            request,
            page,
            themes=themes,
            form=form,
            status=400,
            problem=_("Your photo was not sent yet. Please look at the marked fields."),
        )
    data = form.cleaned_data
    services.submit_photo(
        photo=data["photo"],
        caption=data["caption"],
        theme=data["theme"],
        language=languages.current().code,
        author_name=data["author_name"],
        for_web=data["for_web"],
        for_screens=data["for_screens"],
        for_partners=data["for_partners"],
        email=data["email"],
    )
    # Back to the page at the address it was sent from (/ar/… may be served by a fallback
    # page): reloading it shows the thanks again instead of sending twice.
    back = return_address(request, request.POST.get("back")) or page.get_url(request)
    response = HttpResponseRedirect(f"{back.split('?')[0]}?sent=1#thanks")
    response.status_code = 303
    return response


def _kept_fields(data) -> dict:
    """What a refused form shows again, so a person does not type it twice."""
    return {
        name: data.get(name, "")
        for name in ("caption", "theme", "author_name", "email")
        if data.get(name)
    }


def _render(request, page, *, themes, form, status: int = 200, problem: str | None = None):
    context = page.get_context(request)
    theme = request.GET.get("theme", "")
    by_slug = {item.slug: item for item in themes}
    gallery_problem = None
    if theme and theme not in by_slug:
        gallery_problem = _("There is no theme “%(theme)s”, so all photos are shown.") % {
            "theme": theme
        }
        theme = ""
        status = 400 if status == 200 else status
    photos = Paginator(
        selectors.gallery_photos(theme_slug=theme or None), settings.PHOTOVOICE_PHOTOS_PER_PAGE
    ).get_page(request.GET.get("page"))
    names = {item.translation_key: item for item in themes}
    for photo in photos:
        photo.theme_shown = names.get(photo.theme.translation_key, photo.theme)
        photo.caption_language = languages.get(photo.language)
    context.update(
        # Where the page was read: a refused post is answered at the form's own address.
        page_address=(
            return_address(request, request.POST.get("back")) or page.get_url(request)
            if request.method == "POST"
            else request.path
        ),
        form=form,
        themes=themes,
        current_theme=by_slug.get(theme),
        photos=photos,
        sent=request.GET.get("sent") == "1" and status == 200,
        problem=problem,
        gallery_problem=gallery_problem,
    )
    return TemplateResponse(request, page.get_template(request), context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def withdraw(request, token: str):
    """GET asks to confirm (mail scanners open links: a GET must change nothing); POST
    withdraws."""
    submission = selectors.submission_for_token(token)
    if submission is None:
        return _private(
            TemplateResponse(
                request, "campaigns/photovoice_withdraw.html", {"unknown": True}, status=404
            )
        )
    withdrawn = submission.status == PhotoSubmission.Status.WITHDRAWN
    if request.method == "POST" and not withdrawn:
        submission = services.withdraw_photo(submission=submission)
        return _private(
            TemplateResponse(
                request,
                "campaigns/photovoice_withdraw.html",
                {"done": True, "submission": submission},
            )
        )
    return _private(
        TemplateResponse(
            request,
            "campaigns/photovoice_withdraw.html",
            {"submission": submission, "already_withdrawn": withdrawn},
        )
    )


def _private(response):
    """The address holds a secret: no cache keeps the page and no link passes it on."""
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response
