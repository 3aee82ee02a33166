from django import forms
from django.utils.translation import gettext_lazy as _

from learning.models import ESTIMATED_LEVELS, LEVELS, Topic


class LessonFilterForm(forms.Form):
    """The lesson index's filters, as a reader sends them in the address."""

    topic = forms.ChoiceField(label=_("Topic"), required=False)
    level = forms.ChoiceField(
        label=_("Level"), required=False, choices=[("", _("All levels")), *LEVELS]
    )
    reads_at = forms.ChoiceField(
        label=_("Reads at"),
        required=False,
        choices=[("", _("Any level")), *ESTIMATED_LEVELS],
        help_text=_("The level the text reads at, as the easy-language check estimates it."),
    )
    q = forms.CharField(label=_("Search lessons"), required=False, max_length=100)
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000)

    def __init__(self, data, *, topics: list[Topic]):
        super().__init__(data)
        self.fields["topic"].choices = [
            ("", _("All topics")),
            *((topic.slug, topic.name) for topic in topics),
        ]


class QuizAnswerForm(forms.Form):
    question = forms.UUIDField()
    answer = forms.TypedMultipleChoiceField(coerce=int, required=False)

    def __init__(self, data, *, option_count: int):
        super().__init__(data)
        self.fields["answer"].choices = [(str(i), str(i)) for i in range(option_count)]
