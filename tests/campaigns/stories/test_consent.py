"""One consent path: the admin's consent records go through campaigns.stories.services, the
same two functions any other caller uses, with the same effects (docs/stories.md)."""

import functools

import pytest
from django.contrib.messages import get_messages
from wagtail.models import ModelLogEntry

from campaigns.stories import selectors, services
from campaigns.stories.models import WEB, ConsentRecord, StoryPage

pytestmark = pytest.mark.django_db

RECORDS = "/admin/snippets/campaigns/consentrecord/"


def story(slug: str) -> StoryPage:
    return StoryPage.objects.get(locale__language_code="bg", slug=slug)


def live_languages(page: StoryPage) -> set[str]:
    return set(
        page.get_translations(inclusive=True).live().values_list("locale__language_code", flat=True)
    )


def form_data(record: ConsentRecord, **changes) -> dict:
    data = {
        "story": record.story_id,
        "given_by": record.given_by,
        "given_on": record.given_on.isoformat(),
        "for_web": "on" if record.for_web else "",
        "for_screens": "on" if record.for_screens else "",
        "for_partners": "on" if record.for_partners else "",
        "withdrawn_on": "",
        "notes": record.notes,
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value != ""}


@pytest.fixture
def calls(monkeypatch):
    """Every call of the consent services, recorded; the real functions still run."""
    made = []

    def spy(name):
        real = getattr(services, name)

        @functools.wraps(real)
        def recorded(**kwargs):
            made.append((name, kwargs))
            return real(**kwargs)

        monkeypatch.setattr(services, name, recorded)

    spy("save_consent")
    spy("withdraw_consent")
    return made


def test_withdrawing_in_the_admin_runs_the_withdrawal_service(english_editor, admin_user, calls):
    record = ConsentRecord.objects.get(story=story("nie-drugite"))

    response = english_editor.post(
        f"{RECORDS}edit/{record.pk}/", form_data(record, withdrawn_on="2026-11-20")
    )

    assert response.status_code == 302
    assert [name for name, _ in calls] == ["withdraw_consent", "save_consent"]
    [(_, arguments), _] = calls
    assert arguments["record"].pk == record.pk and arguments["user"] == admin_user
    assert str(arguments["on"]) == "2026-11-20"
    assert live_languages(story("nie-drugite")) == set()


def test_narrowing_a_consent_in_the_admin_runs_the_saving_service(english_editor, calls):
    olympic = story("olimpiyska-mechta")
    record = ConsentRecord.objects.get(story=olympic)
    assert record.for_screens

    response = english_editor.post(f"{RECORDS}edit/{record.pk}/", form_data(record, for_screens=""))

    assert response.status_code == 302
    assert [name for name, _ in calls] == ["save_consent"]
    assert live_languages(olympic) == {"bg", "en"}  # still on the web
    assert olympic.translation_key not in {
        s.translation_key for s in selectors.stories_for_screens()
    }


def test_a_consent_given_in_the_admin_is_saved_by_the_service_and_kept_in_the_history(
    english_editor, admin_user, calls
):
    olympic = story("olimpiyska-mechta")
    data = {
        "story": olympic.pk,
        "given_by": "Kozha, again for the 2027 campaign",
        "given_on": "2026-11-01",
        "for_web": "on",
    }

    response = english_editor.post(f"{RECORDS}add/", data)

    assert response.status_code == 302
    record = ConsentRecord.objects.get(given_by=data["given_by"])
    assert [name for name, _ in calls] == ["save_consent"]
    entry = ModelLogEntry.objects.for_instance(record).get()
    assert entry.action == "wagtail.create" and entry.user == admin_user


def test_the_admin_and_a_direct_call_withdraw_alike(english_editor, admin_user):
    by_admin = story("nie-drugite")
    by_call = story("olimpiyska-mechta")
    admin_record = ConsentRecord.objects.get(story=by_admin)
    called_record = ConsentRecord.objects.get(story=by_call)

    response = english_editor.post(
        f"{RECORDS}edit/{admin_record.pk}/", form_data(admin_record, withdrawn_on="2026-11-20")
    )
    unpublished = services.withdraw_consent(record=called_record, user=admin_user)

    warnings = [str(message.message) for message in get_messages(response.wsgi_request)]
    assert any("was unpublished in 2 languages" in warning for warning in warnings)
    assert {page.locale.language_code for page in unpublished} == {"bg", "en"}
    for page, record in ((by_admin, admin_record), (by_call, called_record)):
        record.refresh_from_db()
        assert record.withdrawn_on is not None
        assert live_languages(page) == set()
        assert not page.has_consent(WEB)
        assert ModelLogEntry.objects.for_instance(record).filter(action="wagtail.edit").exists()
        assert page.get_translations(inclusive=True).count() == 2  # unpublished, not deleted


def test_a_consent_moved_to_another_story_takes_down_the_story_it_covered():
    st_ana = story("tsentar-sveta-anna")
    olympic = story("olimpiyska-mechta")
    record = ConsentRecord.objects.get(story=st_ana)
    assert live_languages(st_ana)

    record.story = olympic
    unpublished = services.save_consent(record=record)

    assert {page.translation_key for page in unpublished} == {st_ana.translation_key}
    assert live_languages(st_ana) == set()
    assert live_languages(olympic) == {"bg", "en"}


def test_withdrawing_twice_keeps_the_first_date():
    record = ConsentRecord.objects.get(story=story("nie-drugite"))
    services.withdraw_consent(record=record)
    first = ConsentRecord.objects.get(pk=record.pk).withdrawn_on

    assert services.withdraw_consent(record=record) == []
    assert ConsentRecord.objects.get(pk=record.pk).withdrawn_on == first
