"""`{% offline_save page %}`: "Save for offline use" on a lesson or course page (offline.js;
hidden where the browser cannot keep files)."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from learning.models import CoursePage

register = template.Library()


@register.inclusion_tag("learning/offline/save.html")
def offline_save(page) -> dict:
    if isinstance(page, CoursePage):
        label = _("Save the whole course for offline use")
    else:
        label = _("Save this lesson for offline use")
    return {
        "page": page,
        "bookmark": not isinstance(page, CoursePage),
        "manifest": reverse("offline_manifest", kwargs={"page_id": page.pk}),
        "saved_page": reverse("saved"),
        "label_save": label,
    }
