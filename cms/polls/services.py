"""Writes for polls."""

from uuid import UUID

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from cms.polls.models import Poll, PollVote
from cms.polls.selectors import ReaderPoll


class VoteRefused(Exception):
    """A vote that is not counted, with the reason for the reader and an HTTP status."""

    def __init__(self, message, *, status: int):
        super().__init__(message)
        self.message = message
        self.status = status


@transaction.atomic
def record_vote(*, reader_poll: ReaderPoll, option_key: UUID, language_code: str) -> PollVote:
    """Count one vote for an answer of an open poll. One vote per browser is the caller's
    check (cms.polls.protection): it needs the request."""
    if reader_poll.is_closed:
        raise VoteRefused(_("This poll is closed. Thank you for your interest."), status=409)
    if option_key not in reader_poll.answer_keys():
        raise VoteRefused(_("That answer is not one of this poll's answers."), status=400)
    return PollVote.objects.create(
        poll_key=reader_poll.key, option_key=option_key, language=language_code
    )


def forget_votes_of_deleted_poll(*, poll_key: UUID) -> int:
    """Delete the votes of a poll that no language has any more; return how many. Deleting
    one translation keeps them: the other languages still count them, and a translation made
    again shares the key."""
    if Poll.objects.filter(translation_key=poll_key).exists():
        return 0
    deleted, _ = PollVote.objects.filter(poll_key=poll_key).delete()
    return deleted
