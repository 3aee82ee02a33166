"""The admin's home page tells each editor what needs them: counts with links, only of
what they may act on, and no panel when nothing does."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import Locale

from campaigns.alerts.models import Alert
from campaigns.photovoice.models import PhotoSubmission
from campaigns.screens.factories import ScreenFactory
from campaigns.screens.models import ScreenIncident
from learning.models import LessonPage

pytestmark = pytest.mark.django_db


def attention(client) -> dict[str, tuple[str, str]]:
    page = BeautifulSoup(client.get("/admin/").content, "html.parser")
    return {
        item.get_text(" ", strip=True).split(" ", 1)[1]: (
            item.strong.get_text(),
            item.a["href"],
        )
        for item in page.select(".attention-panel li")
    }


def test_the_home_page_counts_what_needs_an_administrator(english_editor):
    PhotoSubmission.objects.update(status=PhotoSubmission.Status.APPROVED)
    screen = ScreenFactory()
    ScreenIncident.objects.create(
        screen=screen, state="silent", since=timezone.now(), opened_at=timezone.now()
    )
    Alert.objects.create(
        title="Наводнение",
        text="…",
        ends_at=timezone.now() + timedelta(hours=1),
        locale=Locale.objects.get(language_code="bg"),
    )
    hard = LessonPage.objects.live().filter(locale__language_code="bg").first()
    LessonPage.objects.filter(pk=hard.pk).update(easy_language_grade="hard")

    found = attention(english_editor)
    assert found["screens behind or silent"] == ("1", "/admin/screen_fleet/")
    assert found["alerts in force"][0] == "1"
    assert found["published lessons graded hard to read"][1].endswith("easy_language_grade=hard")
    assert "photos waiting for moderation" not in found  # none waiting: not shown
    outdated = [label for label in found if label.startswith("missing translations in")]
    assert all("language=" in found[label][1] for label in outdated)
    # The most urgent first.
    labels = list(found)
    assert labels.index("alerts in force") < labels.index("published lessons graded hard to read")


def test_an_editor_sees_only_what_they_may_act_on(client, django_user_model):
    moderators = Group.objects.create(name="Moderators only")
    moderators.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="moderate_photosubmission"),
    )
    user = django_user_model.objects.create_user("moderator", password="x")
    user.groups.add(moderators)
    screen = ScreenFactory()
    ScreenIncident.objects.create(
        screen=screen, state="silent", since=timezone.now(), opened_at=timezone.now()
    )
    client.force_login(user)

    found = attention(client)
    labels = " ".join(found)
    assert "screens" not in labels and "translations" not in labels
    waiting = PhotoSubmission.objects.filter(status=PhotoSubmission.Status.PENDING).count()
    if waiting:
        assert found  # a moderator's only count
    PhotoSubmission.objects.update(status=PhotoSubmission.Status.APPROVED)
    page = BeautifulSoup(client.get("/admin/").content, "html.parser")
    assert page.select(".attention-panel") == []  # nothing needs them: no panel
