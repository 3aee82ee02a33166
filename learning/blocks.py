"""The blocks of a lesson. Each block that readers read as prose says so through
`readable_text(value)`: the paragraphs the easy-language checker scores."""

import re

from bs4 import BeautifulSoup
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock

from cms.blocks import ImageWithAltTextBlock, LibraryVideoBlock
from cms.translation.blocks import SameInEveryLanguageBlock

EASY_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
_BLOCK_ELEMENTS = ["p", "li", "h2", "h3", "h4", "blockquote"]


def html_paragraphs(html: str) -> list[str]:
    """The text of each paragraph, list item and heading of a piece of rich text."""
    soup = BeautifulSoup(html, "html.parser")
    found = [element.get_text(" ", strip=True) for element in soup.find_all(_BLOCK_ELEMENTS)]
    if not found:
        found = [soup.get_text(" ", strip=True)]
    return [" ".join(text.split()) for text in found if text.strip()]


class EasyTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=EASY_TEXT_FEATURES, **kwargs)

    def readable_text(self, value) -> list[str]:
        return html_paragraphs(value.source)

    class Meta:
        icon = "pilcrow"
        label = _("Easy text")
        description = _(
            "Short, simple sentences with lists and links; the easy-language check scores them."
        )
        template = "learning/blocks/easy_text.html"
        preview_value = (
            "<p>In Bulgaria, always carry an <b>identity document</b>. "
            "The police can ask to see it.</p>"
            "<p>Make copies of all your documents. Keep the copies in a different place.</p>"
        )


class KeyWordBlock(blocks.StructBlock):
    word = blocks.CharBlock(label=_("Key word"), max_length=80)
    explanation = blocks.TextBlock(
        label=_("Simple explanation"), help_text=_("One or two short sentences.")
    )

    def readable_text(self, value) -> list[str]:
        return [value["explanation"]]

    def narrated_text(self, value) -> list[str]:
        return [value["word"], value["explanation"]]

    class Meta:
        icon = "tag"
        label = _("Key word")
        description = _("An important word of the lesson, explained simply.")
        template = "learning/blocks/key_word.html"
        preview_value = {
            "word": "residence permit",
            "explanation": "A document that shows you can live in Bulgaria.",
        }


class AudioBlock(blocks.StructBlock):
    audio = DocumentChooserBlock(
        label=_("Audio file"), help_text=_("MP3, OGG, Opus or M4A; keep it small.")
    )
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    transcript = blocks.TextBlock(
        label=_("Transcript"),
        required=False,
        help_text=_("What is said, for readers who cannot listen."),
    )

    def readable_text(self, value) -> list[str]:
        return [value["transcript"]] if value.get("transcript") else []

    def clean(self, value):
        value = super().clean(value)
        document = value.get("audio")
        extension = (document.file_extension if document else "").lower()
        if document and extension not in settings.LESSON_AUDIO_EXTENSIONS:
            raise StructBlockValidationError(
                block_errors={
                    "audio": ValidationError(
                        _("This is not an audio file. Choose one of: %(types)s.")
                        % {"types": ", ".join(settings.LESSON_AUDIO_EXTENSIONS)}
                    )
                }
            )
        return value

    class Meta:
        icon = "media"
        label = _("Audio")
        description = _("A short recording to listen to, with what is said written out.")
        template = "learning/blocks/audio.html"

    def get_preview_value(self):
        """The oldest audio file of the documents, or none."""
        is_audio = Q()
        for extension in settings.LESSON_AUDIO_EXTENSIONS:
            is_audio |= Q(file__iendswith=f".{extension}")
        audio = get_document_model().objects.filter(is_audio).order_by("pk").first()
        return self.normalize(
            {
                "audio": audio,
                "title": "Emergency number 112",
                "transcript": "Call 112 when a life is in danger. The call is free.",
            }
        )


class VideoBlock(blocks.StructBlock):
    # Rendered as a link card: an embedded player would load megabytes on a reader's
    # phone before they choose to watch. The video library replaces this later.
    video = EmbedBlock(label=_("Video address"), help_text=_("A YouTube or Facebook link."))
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    description = blocks.TextBlock(label=_("What the video shows"), required=False)

    def readable_text(self, value) -> list[str]:
        return [value["description"]] if value.get("description") else []

    class Meta:
        icon = "link-external"
        label = _("Video")
        description = _("A link to a video on YouTube or Facebook.")
        template = "learning/blocks/video.html"
        preview_value = {
            "video": "https://www.youtube.com/watch?v=hs3siBZLriU",
            "title": "St. Ana Integration Center",
            "description": "Caritas Bulgaria shows its centre for refugees and migrants in Sofia.",
        }


class StepByStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    steps = blocks.ListBlock(
        blocks.TextBlock(label=_("Step")), min_num=2, max_num=12, label=_("Steps")
    )

    def readable_text(self, value) -> list[str]:
        return [value["title"], *value["steps"]]

    class Meta:
        icon = "list-ol"
        label = _("Step by step")
        description = _(
            "Numbered steps to follow in order, such as what to do when you lose a document."
        )
        template = "learning/blocks/step_by_step.html"
        preview_value = {
            "title": "If you lose a document",
            "steps": [
                "Go to the police at once.",
                "Say what you lost and where.",
                "Ask the police for a written note.",
            ],
        }


phone_number = RegexValidator(
    r"^\+?[0-9 ()/-]{3,20}$", _("Enter a phone number: digits, spaces, + ( ) / -.")
)


class PhoneNumberBlock(SameInEveryLanguageBlock):
    def __init__(self, **kwargs):
        super().__init__(max_length=30, validators=[phone_number], **kwargs)


class ContactValue(blocks.StructValue):
    def phone_href(self) -> str:
        return "tel:" + re.sub(r"[^0-9+]", "", self.get("phone") or "")


class ContactBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=150)
    address = blocks.TextBlock(label=_("Address"), required=False)
    phone = PhoneNumberBlock(label=_("Phone"), required=False)
    opening_hours = blocks.TextBlock(label=_("Opening hours"), required=False)
    map_link = blocks.URLBlock(label=_("Map link"), required=False)
    website = blocks.URLBlock(label=_("Website"), required=False)

    class Meta:
        icon = "site"
        label = _("Useful contact or place")
        description = _(
            "A service or place readers can call or visit: address, phone, opening hours."
        )
        template = "learning/blocks/contact.html"
        value_class = ContactValue
        preview_value = {
            "name": "European emergency number",
            "address": "",
            "phone": "112",
            "opening_hours": "Day and night, every day",
            "map_link": "",
            "website": "",
        }


class TipBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"), choices=[("tip", _("Tip")), ("warning", _("Warning"))], default="tip"
    )
    text = blocks.TextBlock(label=_("Text"))

    def readable_text(self, value) -> list[str]:
        return [value["text"]]

    class Meta:
        icon = "help"
        label = _("Tip or warning")
        description = _("A short tip, or a warning about a danger or a common mistake.")
        template = "learning/blocks/tip.html"
        preview_value = {
            "kind": "warning",
            "text": "Never give your original document to a stranger.",
        }


class QuizOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=200)
    is_correct = blocks.BooleanBlock(label=_("Correct"), required=False)


class QuizQuestionValue(blocks.StructValue):
    def correct_answers(self) -> frozenset[int]:
        return frozenset(
            index for index, option in enumerate(self["options"]) if option["is_correct"]
        )

    def allows_several(self) -> bool:
        return len(self.correct_answers()) > 1

    def is_right(self, answers: set[int]) -> bool:
        return set(answers) == set(self.correct_answers())


class QuizQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    options = blocks.ListBlock(QuizOptionBlock(), min_num=2, max_num=6, label=_("Answers"))
    feedback_correct = blocks.TextBlock(label=_("Feedback when the answer is right"))
    feedback_incorrect = blocks.TextBlock(label=_("Feedback when the answer is wrong"))

    def readable_text(self, value) -> list[str]:
        return [
            value["question"],
            *(option["text"] for option in value["options"]),
            value["feedback_correct"],
            value["feedback_incorrect"],
        ]

    def narrated_text(self, value) -> list[str]:
        # The feedback shows only after an answer: it is not read with the page.
        return [value["question"], *(option["text"] for option in value["options"])]

    def clean(self, value):
        value = super().clean(value)
        if not any(option["is_correct"] for option in value["options"]):
            raise StructBlockValidationError(
                block_errors={"options": ValidationError(_("Mark at least one answer correct."))}
            )
        return value

    def get_preview_context(self, value, parent_context=None):
        # The lesson page includes the quiz's template with the question, its block id and
        # the page it posts to; a preview has no lesson, so its form posts nowhere useful.
        context = super().get_preview_context(value, parent_context=parent_context)
        return {**context, "question": value, "block_id": "preview", "page": {"pk": 0}}

    class Meta:
        icon = "form"
        label = _("Quiz question")
        description = _(
            "A question with answers to choose from, so readers check what they learnt."
        )
        value_class = QuizQuestionValue
        template = "learning/blocks/quiz.html"
        preview_value = {
            "question": "What is good to do with your documents?",
            "options": [
                {"text": "Make copies and photos.", "is_correct": True},
                {"text": "Give them to a neighbour.", "is_correct": False},
                {"text": "Leave them in the car.", "is_correct": False},
            ],
            "feedback_correct": "That is right! Copies help if you lose a document.",
            "feedback_incorrect": "Not quite. Keep your documents yourself and have copies.",
        }


class LessonChooserBlock(blocks.PageChooserBlock):
    """A lesson of the site; pages show its translation in the reader's language."""

    def __init__(self, **kwargs):
        super().__init__(page_type="learning.LessonPage", **kwargs)

    def get_preview_value(self):
        """The oldest live lesson, or none."""
        return self.target_model.objects.live().order_by("pk").first()

    class Meta:
        icon = "doc-full"
        label = _("Lesson")
        description = _(
            "A lesson of this site; readers see it in their language when it is translated."
        )


class LessonStreamBlock(blocks.StreamBlock):
    easy_text = EasyTextBlock()
    key_word = KeyWordBlock()
    image = ImageWithAltTextBlock()
    audio = AudioBlock()
    video = VideoBlock()
    library_video = LibraryVideoBlock()
    step_by_step = StepByStepBlock()
    contact = ContactBlock()
    tip = TipBlock()
    quiz = QuizQuestionBlock()
