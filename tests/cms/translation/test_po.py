"""PO export and import of a page's translation through wagtail-localize's admin views: a
translator downloads the strings, translates them in any PO editor and uploads the file."""

import polib
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from cms.factories import ContentPageFactory
from cms.translation import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def translation() -> Translation:
    page = ContentPageFactory(
        parent=Page.objects.get(depth=2, locale__language_code="bg"),
        title="Как да намерите лекар",
        slug="lekar",
        intro="Личният лекар е първата стъпка.",
    )
    page.save_revision().publish()
    services.translate_from_catalog(instance=page, language_code="uk", catalog={})
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code="uk"
    )


def upload(client, translation: Translation, content: bytes | None, *, next_url: str = "/next/"):
    url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    data = {"next": next_url}
    if content is not None:
        data["file"] = SimpleUploadedFile("page-uk.po", content, "text/x-gettext-translation")
    return client.post(url, data)


def test_a_translation_round_trips_through_a_po_file(admin_client, translation):
    response = admin_client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    ukrainian = {
        "Как да намерите лекар": "Як знайти лікаря",
        "Личният лекар е първата стъпка.": "Сімейний лікар — перший крок.",
    }
    assert set(ukrainian) <= {entry.msgid for entry in po}
    for entry in po:
        entry.msgstr = ukrainian.get(entry.msgid, "")

    response = upload(admin_client, translation, str(po).encode())

    assert response.status_code == 302 and response.url == "/next/"
    imported = StringTranslation.objects.filter(
        locale__language_code="uk", translation_of__data__in=list(ukrainian)
    )
    assert {string.data for string in imported} == set(ukrainian.values())
    translation.save_target(publish=True)
    page = translation.get_target_instance()
    assert (page.title, page.intro) == ("Як знайти лікаря", "Сімейний лікар — перший крок.")


@pytest.mark.parametrize(
    "content",
    [
        None,  # the form sent without a file
        b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        b'msgid "a"\nmsgstr "b"\n',
    ],
    ids=["no file", "a PO file from elsewhere"],
)
def test_a_wrong_upload_is_explained_and_changes_nothing(admin_client, translation, content):
    before = StringTranslation.objects.count()

    response = upload(admin_client, translation, content)

    assert response.status_code == 302 and response.url == "/next/"
    [message] = get_messages(response.wsgi_request)
    # The admin speaks the platform's source language unless the user chose another.
    assert "Това не е PO файл, изтеглен от този превод" in str(message)
    assert StringTranslation.objects.count() == before
