"""Stories' partners, themes and consent records in the admin. Saving a consent record goes
through campaigns.stories.services, like every other change of consent."""

from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from campaigns.stories import services
from campaigns.stories.models import ConsentRecord, Organisation, Theme


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = gettext_lazy("Partner organisations")
    list_display = ["name", "link", "locale"]
    search_fields = ["name"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = gettext_lazy("Story themes")
    list_display = ["name", "slug", "locale"]


class SavedThroughConsentServices:
    """A consent record given, changed or withdrawn in the admin: `withdraw_consent` when the
    form sets a withdrawal date, `save_consent` otherwise. Either takes down what is no
    longer covered."""

    unpublished: list

    def save_instance(self):
        record = self.form.instance
        if record.withdrawn_on and "withdrawn_on" in self.form.changed_data:
            self.unpublished = services.withdraw_consent(
                record=record, user=self.request.user, on=record.withdrawn_on
            )
        else:
            self.unpublished = services.save_consent(record=record, user=self.request.user)
        self.new_revision = None
        return record

    def save_action(self):
        if self.unpublished:
            messages.warning(
                self.request,
                _(
                    "Without consent for the web, “%(title)s” was unpublished in %(count)d languages."  # noqa: E501
                )
                % {"title": self.object.story_title, "count": len(self.unpublished)},
            )
        return super().save_action()


class ConsentRecordCreateView(SavedThroughConsentServices, CreateView):
    pass


class ConsentRecordEditView(SavedThroughConsentServices, EditView):
    pass


class ConsentRecordViewSet(SnippetViewSet):
    model = ConsentRecord
    icon = "lock"
    menu_label = gettext_lazy("Consent records")
    add_view_class = ConsentRecordCreateView
    edit_view_class = ConsentRecordEditView
    list_display = [
        "story_title",
        "given_by",
        "given_on",
        "for_web",
        "for_screens",
        "for_partners",
        "withdrawn_on",
    ]
    list_filter = ["for_web", "for_screens", "for_partners", "withdrawn_on"]
    search_fields = ["story_title", "given_by"]
