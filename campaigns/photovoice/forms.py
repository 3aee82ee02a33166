"""The public photovoice form, its spam traps, and the moderators' forms."""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from campaigns.photovoice.models import AuditTheme
from campaigns.photovoice.selectors import source_themes
from cms.uploads import clean_photo

FORM_SALT = "campaigns.photovoice.form-started"
HONEYPOT = "website"

# Why a form was refused before its fields were read (nothing is stored).
SPAM_MESSAGES = {
    "honeypot": _(
        "Your photo was not sent: a field that must stay empty was filled in. "
        "Please send the form again."
    ),
    "too_fast": _(
        "That was very quick. Please check your photo and caption, then send the form again."
    ),
    "expired": _("The form was open for too long. Please choose your photo and send it again."),
}


def started_token(at: float | None = None) -> str:
    """When the form was shown, signed: the sender cannot make it look older."""
    return signing.dumps(at if at is not None else time.time(), salt=FORM_SALT)


def spam_trap(data) -> str | None:
    """The reason (a key of SPAM_MESSAGES) to refuse a posted form unread, or None."""
    if data.get(HONEYPOT):
        return "honeypot"
    try:
        started = float(
            signing.loads(
                data.get("started", ""),
                salt=FORM_SALT,
                max_age=settings.PHOTOVOICE_FORM_MAX_AGE_SECONDS,
            )
        )
    except (signing.BadSignature, TypeError, ValueError):
        return "expired"
    age = time.time() - started
    if age > settings.PHOTOVOICE_FORM_MAX_AGE_SECONDS:
        return "expired"
    if age < settings.PHOTOVOICE_MIN_SECONDS_TO_SUBMIT:
        return "too_fast"
    return None


class PhotoSubmissionForm(forms.Form):
    photo = forms.FileField(
        label=_("Your photo"),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    caption = forms.CharField(
        label=_("Caption"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What does the photo show? Why did you take it?"),
    )
    theme = forms.ChoiceField(label=_("Theme"), widget=forms.RadioSelect)
    author_name = forms.CharField(
        label=_("Your name or a pseudonym (optional)"),
        max_length=80,
        required=False,
        help_text=_("Shown with your photo. Leave it empty to stay anonymous."),
    )
    for_web = forms.BooleanField(label=_("Show my photo on this website"), required=False)
    for_screens = forms.BooleanField(
        label=_("Show my photo on screens in public transport"), required=False
    )
    for_partners = forms.BooleanField(
        label=_("Share my photo with the websites of partner organisations"), required=False
    )
    confirm = forms.BooleanField(
        label=_("I took this photo myself. People who can be recognised in it agreed to be shown."),
        error_messages={"required": _("Please confirm this, or choose another photo.")},
    )
    email = forms.EmailField(
        label=_("Your email (optional)"),
        required=False,
        help_text=_(
            "We send you a link to withdraw your photo at any time, then erase your email. "
            "We use it for nothing else."
        ),
    )
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, themes: list[AuditTheme], **kwargs):
        super().__init__(*args, **kwargs)
        # Slugs are the same in every language; names are the reader's.
        self.fields["theme"].choices = [(theme.slug, theme.name) for theme in themes]
        self.fields["photo"].help_text = _(
            "A JPEG, PNG or WebP photo of at most %(megabytes)d MB."
        ) % {"megabytes": settings.PHOTOVOICE_MAX_UPLOAD_MB}
        if not self.is_bound:
            self.initial["started"] = started_token()

    def clean_photo(self):
        return clean_photo(
            self.cleaned_data["photo"],
            max_bytes=settings.PHOTOVOICE_MAX_UPLOAD_MB * 1024 * 1024,
            max_pixels=settings.PHOTOVOICE_MAX_MEGAPIXELS * 1_000_000,
            max_side=settings.PHOTOVOICE_MAX_SIDE,
        )

    def clean_theme(self):
        theme = source_themes().filter(slug=self.cleaned_data["theme"]).first()
        if theme is None:
            raise forms.ValidationError(_("Choose one of the themes."))
        return theme

    def clean(self):
        data = super().clean()
        if not (data.get("for_web") or data.get("for_screens") or data.get("for_partners")):
            raise forms.ValidationError(
                _("Choose at least one place where we may show your photo.")
            )
        return data


class ApproveForm(forms.Form):
    alt_text = forms.CharField(
        label=_("Description for people who cannot see the photo"),
        max_length=250,
        help_text=_("What the photo shows, in one sentence. Screen readers read it aloud."),
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept with the record, for the team: why the photo is not shown."),
    )
