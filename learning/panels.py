from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from learning.admin_messages import describe_report


class EasyLanguagePanel(Panel):
    """The score and offending sentences of the version being edited, in the editor's
    language. The "Easy-language check" preview mode updates as the editor types."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Easy-language check"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "learning/admin/easy_language_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            lesson = self.instance
            context["lesson"] = lesson
            context["report"] = (
                describe_report(lesson.easy_language_report(), chosen_level=lesson.level)
                if lesson.pk
                else None
            )
            return context
