"""Polls (docs/polls.md): a translatable question with answers, embedded in any page with
cms.polls.blocks.PollBlock; one vote per browser, counted across every language."""
