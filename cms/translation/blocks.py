"""Blocks that behave in a particular way under translation."""

from wagtail import blocks


class SameInEveryLanguageBlock(blocks.CharBlock):
    """Text that is the same in every language (a phone number, a year such as 2016/2017):
    wagtail-localize copies it to translations instead of asking translators for it."""

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value
