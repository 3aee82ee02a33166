from django import forms
from django.utils.translation import gettext_lazy as _


class VoteForm(forms.Form):
    # Any UUID here; whether it is one of the poll's answers is the service's check.
    option = forms.UUIDField(error_messages={"required": _("Choose one of the answers.")})
    next = forms.CharField(required=False, max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["option"].error_messages["invalid"] = _(
            "That answer is not one of this poll's answers."
        )
