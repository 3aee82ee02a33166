"""Admin → Narration: every page's read-aloud state (being made, ready, failed and why, no
voice for the language) and where an editor uploads a person's recording to replace the
machine voice. Narrations are made by publishing, never added or deleted here."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from cms.narration import selectors, services, speech
from cms.narration.models import Narration

RECORDING_TYPES = (".mp3", ".ogg", ".opus", ".m4a", ".aac", ".wav", ".webm", ".flac")


class RecordingForm(WagtailAdminModelForm):
    class Meta:
        model = Narration
        fields = ["recording"]
        widgets = {"recording": forms.ClearableFileInput(attrs={"accept": "audio/*"})}

    def clean_recording(self):
        upload = self.cleaned_data.get("recording")
        if not upload or not hasattr(upload, "content_type"):
            return upload  # kept, or cleared
        limit = settings.NARRATION_RECORDING_MAX_MB
        if upload.size > limit * 1024 * 1024:
            raise ValidationError(_("The file is too big: at most %(mb)d MB.") % {"mb": limit})
        if not upload.name.lower().endswith(RECORDING_TYPES):
            raise ValidationError(
                _("This is not an audio file. Choose one of: %(types)s.")
                % {"types": ", ".join(RECORDING_TYPES)}
            )
        content = upload.read()
        upload.seek(0)
        if speech.duration_of(content) <= 0:
            raise ValidationError(_("This file has no sound we can read. Try another file."))
        return upload


class NarrationEditView(EditView):
    def save_instance(self):
        narration = Narration.objects.get(pk=self.object.pk)
        recording = self.form.cleaned_data.get("recording")
        if recording is False:
            return services.remove_recording(narration=narration)
        if recording and hasattr(recording, "content_type"):
            return services.attach_recording(narration=narration, upload=recording)
        return narration

    def get_success_message(self, instance=None):
        return _("Saved. The narration is being made again; it shows on the page in a minute.")


class MadeByPublishing(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in ("add", "delete", "copy"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Narration, MadeByPublishing(Narration))


class NarrationViewSet(ModelViewSet):
    model = Narration
    icon = "media"
    menu_label = gettext_lazy("Narration")
    menu_order = 230
    add_to_admin_menu = True
    edit_view_class = NarrationEditView
    copy_view_enabled = False
    list_display = [
        "page",
        Column("language", label=gettext_lazy("Language"), accessor="page.locale"),
        "status",
        "source",
        "duration_seconds",
        "size_bytes",
        Column("problem", label=gettext_lazy("Why there is none"), accessor=selectors.problem_of),
    ]
    list_filter = ["status", "source"]
    search_fields = ["page__title"]

    def get_form_class(self, for_update=False):
        return RecordingForm

    def get_queryset(self, request):
        return Narration.objects.select_related("page__locale")
