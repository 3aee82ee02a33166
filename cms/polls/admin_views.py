"""Polls in the admin: the snippet, and each poll's results per answer and language with a
chart and a CSV export (like the screens' play report)."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.auth import permission_required
from wagtail.snippets.views.snippets import SnippetViewSet

from cms import languages
from cms.polls import selectors
from cms.polls.models import Poll
from cms.spreadsheets import BYTE_ORDER_MARK, SpreadsheetWriter


@permission_required("cms.view_poll")
def poll_votes(request, pk: int):
    """Results of any language's copy of a poll: every language's votes count together."""
    poll = get_object_or_404(Poll, pk=pk)
    key = poll.translation_key
    if request.GET.get("format") == "csv":
        return _csv(key)
    reader_poll = selectors.poll_for_reader(key, language_code=languages.source_language().code)
    rows = selectors.votes_table(key)
    return TemplateResponse(
        request,
        "cms/admin/poll_votes.html",
        {
            "reader_poll": reader_poll,
            "results": selectors.results(reader_poll),
            "languages": languages.all_languages(),
            "rows": rows,
            "page_title": _("Poll results"),
            "page_subtitle": reader_poll.poll.question,
            "header_icon": "list-ul",
        },
    )


def _csv(poll_key) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="poll-{poll_key}.csv"'
    response.write(BYTE_ORDER_MARK)
    writer = SpreadsheetWriter(response)
    writer.writerow(["answer_key", "answer", "language", "votes"])
    for row in selectors.votes_per_language(poll_key):
        writer.writerow([row.option_key, row.label, row.language, row.votes])
    return response


class PollViewSet(SnippetViewSet):
    model = Poll
    icon = "list-ul"
    menu_label = gettext_lazy("Polls")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["question", "locale", "is_open", "closes_at"]
    list_filter = ["is_open"]

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("votes/<int:pk>/", poll_votes, name="votes")]
