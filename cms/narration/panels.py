"""The narration's state on a page's edit form: ready (machine or person), being made,
failed and why, or no voice for the language, with a link to upload a recording."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from cms.narration import selectors
from cms.narration.models import Narration


class NarrationPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Read aloud"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/narration/panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            narration = (
                Narration.objects.filter(page_id=self.instance.pk).first()
                if self.instance.pk
                else None
            )
            context["narration"] = narration
            if narration is not None:
                context["edit_url"] = reverse("narration:edit", args=[narration.pk])
                context["problem"] = selectors.problem_of(narration)
            return context
