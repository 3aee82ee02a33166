"""The public side of polls: the vote (a plain form post that works without JavaScript, or
JSON with `Accept: application/json`) and the poll's own page with its results.

Pages that embed a poll are the same for every reader and may be cached; what belongs to
one browser (its vote, the results shown after voting) is only ever on the answers of
these views, which are `private, no-store` (docs/polls.md)."""

from urllib.parse import urlencode
from uuid import UUID

from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from cms import languages
from cms.polls import protection, selectors, services
from cms.polls.forms import VoteForm
from cms.polls.selectors import ReaderPoll
from cms.public_forms import is_cross_site, return_address

RESULTS_ANCHOR = "poll-results"


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _private(response):
    # A reader's own vote and results: never kept by a CDN or shared cache.
    patch_cache_control(response, private=True, no_store=True)
    return response


def results_json(results: selectors.PollResults) -> dict:
    return {
        "total": results.total,
        "answers": [
            {"key": str(a.key), "label": a.label, "votes": a.votes, "percent": a.percent}
            for a in results.answers
        ],
    }


def _poll_page(request, reader_poll: ReaderPoll | None, *, status: int = 200, message: str = ""):
    """The poll's own page; with `reader_poll` None (an unknown poll), the message only."""
    context = {"reader_poll": reader_poll, "message": message, "status": status}
    if reader_poll is not None:
        voted = protection.voted_option(request, reader_poll.key)
        show_results = (
            voted is not None or reader_poll.is_closed or reader_poll.shows_results_before_voting
        )
        context.update(
            voted_option=voted,
            results=selectors.results(reader_poll) if show_results else None,
            form_token=protection.form_token(reader_poll.key),
            back_url=return_address(request, request.POST.get("next") or request.GET.get("next")),
        )
    response = TemplateResponse(request, "cms/poll_page.html", context, status=status)
    return _private(response)


def _refuse(request, reader_poll: ReaderPoll | None, status: int, message, headers=None):
    """The vote is not counted: `{"detail": …}` for scripts, the poll page with the
    message for a browser's form post."""
    if _wants_json(request):
        response = JsonResponse({"detail": str(message)}, status=status)
    else:
        response = _poll_page(request, reader_poll, status=status, message=str(message))
    for name, value in (headers or {}).items():
        response[name] = value
    return _private(response)


@require_safe
def poll_page(request, poll_key: UUID):
    """The poll on a page of its own: its results once this browser has voted (or when
    they are shown to everyone), otherwise the form."""
    reader_poll = selectors.poll_for_reader(poll_key)
    if reader_poll is None:
        raise Http404(_("There is no such poll."))
    return _poll_page(request, reader_poll)


@csrf_exempt  # pages carry no CSRF token; cms.polls.protection checks instead (why: there)
@require_POST
def vote(request, poll_key: UUID):
    throttle = protection.VoteRateThrottle()
    if not throttle.allow_request(request):
        wait = throttle.wait()
        return _refuse(
            request,
            selectors.poll_for_reader(poll_key),
            429,
            _("Too many votes from your network. Please try again later."),
            headers={"Retry-After": str(int(wait or 60))},
        )
    reader_poll = selectors.poll_for_reader(poll_key)
    if reader_poll is None:
        return _refuse(request, None, 404, _("There is no such poll."))
    if is_cross_site(request) or not protection.form_token_is_valid(
        request.POST.get("token"), poll_key
    ):
        return _refuse(
            request,
            reader_poll,
            403,
            _("This vote did not come from the poll's form on this website. Open the page again."),
        )
    if protection.voted_option(request, poll_key) is not None:
        return _refuse(
            request,
            reader_poll,
            409,
            _("You have already voted in this poll. Each browser can vote once."),
        )
    form = VoteForm(request.POST)
    if not form.is_valid():
        errors = form.errors.get("option") or form.errors.get("next")
        return _refuse(request, reader_poll, 400, errors[0])
    try:
        vote = services.record_vote(
            reader_poll=reader_poll,
            option_key=form.cleaned_data["option"],
            language_code=languages.current().code,
        )
    except services.VoteRefused as refusal:
        return _refuse(request, reader_poll, refusal.status, refusal.message)
    if _wants_json(request):
        response = JsonResponse(
            {
                "detail": _("Thank you. Your vote is counted."),
                "results": results_json(selectors.results(reader_poll)),
            },
            status=201,
        )
    else:
        target = reverse("poll", kwargs={"poll_key": poll_key})
        back = return_address(request, form.cleaned_data["next"])
        if back:
            target += "?" + urlencode({"next": back})
        response = HttpResponseRedirect(f"{target}#{RESULTS_ANCHOR}", status=303)
    protection.remember_vote(
        response, poll_key=poll_key, option_key=vote.option_key, secure=request.is_secure()
    )
    return _private(response)
