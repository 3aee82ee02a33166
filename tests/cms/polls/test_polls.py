import csv
import io
import uuid
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale

from cms.demo import texts
from cms.models import ContentPage, HomePage
from cms.polls import protection, selectors
from cms.polls.blocks import PollBlock
from cms.polls.models import Poll, PollOption, PollVote, ResultsVisibility
from cms.translation import services

pytestmark = pytest.mark.django_db

QUESTION = {"bg": "Харесва ли ви новият парк?", "en": "Do you like the new park?"}
ANSWERS = [{"bg": "Да", "en": "Yes"}, {"bg": "Не", "en": "No"}, {"bg": "Не знам", "en": "Not sure"}]
JSON = {"HTTP_ACCEPT": "application/json"}


def make_poll(*, translate_to=("en",), **fields) -> Poll:
    poll = Poll(locale=Locale.objects.get(language_code="bg"), question=QUESTION["bg"], **fields)
    poll.options = [PollOption(label=answer["bg"]) for answer in ANSWERS]
    poll.save()
    catalog = {text["bg"]: text["en"] for text in [QUESTION, *ANSWERS]}
    for code in translate_to:
        services.translate_from_catalog(instance=poll, language_code=code, catalog=catalog)
    return poll


def keys(poll: Poll) -> list[uuid.UUID]:
    return [option.translation_key for option in poll.options.all()]


def browser() -> Client:
    """A new browser at its own address, so the rate limit of one test never meets
    another's (on Redis the counts outlive a test)."""
    return Client(REMOTE_ADDR=f"10.{uuid.uuid4().int % 250}.{uuid.uuid4().int % 250}.7")


def vote(client, poll, option, *, language="bg", token=None, **extra):
    data = {"option": str(option), "token": token or protection.form_token(poll.translation_key)}
    data.update(extra.pop("data", {}))
    url = f"/{language}/polls/{poll.translation_key}/vote/"
    return client.post(url, data, **extra)


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def counts(poll) -> dict[uuid.UUID, int]:
    return selectors.vote_counts(poll.translation_key)


# --- Translation ---------------------------------------------------------------------


def test_answers_keep_their_identity_in_every_language():
    poll = make_poll()
    english = poll.get_translation(Locale.objects.get(language_code="en"))

    assert [o.label for o in english.options.all()] == [a["en"] for a in ANSWERS]
    assert keys(english) == keys(poll)


def test_votes_in_bulgarian_and_english_count_for_the_same_answers():
    poll = make_poll()
    english = poll.get_translation(Locale.objects.get(language_code="en"))
    yes_bg, yes_en = keys(poll)[0], keys(english)[0]

    assert vote(browser(), poll, yes_bg, language="bg", **JSON).status_code == 201
    response = vote(browser(), poll, yes_en, language="en", **JSON)

    assert response.status_code == 201
    assert counts(poll) == {yes_bg: 2}
    votes = PollVote.objects.filter(poll_key=poll.translation_key)
    assert sorted(votes.values_list("language", flat=True)) == ["bg", "en"]
    answer = response.json()["results"]["answers"][0]
    assert (answer["label"], answer["votes"], answer["percent"]) == ("Yes", 2, 100.0)


def test_votes_stay_while_any_language_has_the_poll_and_go_with_the_last(
    django_capture_on_commit_callbacks,
):
    poll = make_poll()
    english = poll.get_translation(Locale.objects.get(language_code="en"))
    for language, option in [("bg", keys(poll)[0]), ("en", keys(english)[1])]:
        PollVote.objects.create(poll_key=poll.translation_key, option_key=option, language=language)
    other = make_poll(translate_to=())
    PollVote.objects.create(
        poll_key=other.translation_key, option_key=keys(other)[0], language="bg"
    )

    with django_capture_on_commit_callbacks(execute=True):
        english.delete()
    assert PollVote.objects.filter(poll_key=poll.translation_key).count() == 2

    with django_capture_on_commit_callbacks(execute=True):
        poll.delete()
    assert not PollVote.objects.filter(poll_key=poll.translation_key).exists()
    assert PollVote.objects.filter(poll_key=other.translation_key).count() == 1


# --- Voting without JavaScript ----------------------------------------------------------


def test_a_form_post_counts_and_leads_to_the_results_that_no_cache_keeps():
    poll = make_poll()
    client = browser()
    no = keys(poll)[1]

    response = vote(client, poll, no, data={"next": "/bg/"})

    assert response.status_code == 303
    assert response["Location"] == (f"/bg/polls/{poll.translation_key}/?next=%2Fbg%2F#poll-results")
    cookie = client.cookies[protection.cookie_name(poll.translation_key)]
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and cookie["path"] == "/"
    assert int(cookie["max-age"]) >= 365 * 24 * 3600
    assert str(no) not in cookie.value.split(":")[-1]  # signed, not readable as it is
    page = client.get(response["Location"].split("#")[0])
    assert page.status_code == 200
    assert "private" in page["Cache-Control"] and "no-store" in page["Cache-Control"]
    soup = soup_of(page)
    rows = soup.select("#poll-results table tbody tr")
    assert [row.th.span.get_text(strip=True) for row in rows] == [a["bg"] for a in ANSWERS]
    assert [row.select("data")[0]["value"] for row in rows] == ["0", "1", "0"]
    assert "poll-own-answer" in rows[1]["class"]
    assert soup.select_one("a[href='/bg/']")  # back to the page the reader came from
    assert not soup.select("form.poll-form")  # voted: no second form


def in_bulgarian(message: str) -> str:
    """What a Bulgarian reader sees (the pages here are Bulgarian): translated, not English."""
    with translation.override("bg"):
        translated = translation.gettext(message)
    assert translated != message
    return translated


def test_a_second_vote_from_the_same_browser_is_refused_and_not_counted():
    poll = make_poll()
    client = browser()
    yes, no = keys(poll)[:2]
    vote(client, poll, yes)

    as_json = vote(client, poll, no, **JSON)
    as_form = vote(client, poll, no)

    assert as_json.status_code == 409
    already = in_bulgarian("You have already voted in this poll. Each browser can vote once.")
    assert as_json.json()["detail"] == already
    assert as_form.status_code == 409
    assert already in soup_of(as_form).select_one("[role=alert]").get_text()
    assert counts(poll) == {yes: 1}


def test_the_vote_cookie_belongs_to_one_poll():
    first, second = make_poll(), make_poll()
    client = browser()
    vote(client, first, keys(first)[0])

    assert vote(client, second, keys(second)[0], **JSON).status_code == 201


def test_a_tampered_cookie_is_ignored_like_no_cookie():
    # Documented (docs/polls.md): clearing or forging the cookie allows another vote; the
    # rate limit per address bounds that.
    poll = make_poll()
    client = browser()
    yes = keys(poll)[0]
    vote(client, poll, yes)
    name = protection.cookie_name(poll.translation_key)
    client.cookies[name] = client.cookies[name].value[:-2] + "xx"

    assert vote(client, poll, yes, **JSON).status_code == 201
    assert counts(poll) == {yes: 2}


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (uuid.uuid4(), "not one of this poll's answers"),
        ("not-a-key", "not one of this poll's answers"),
        ("", "Choose one of the answers"),
    ],
)
def test_an_unknown_or_missing_answer_is_a_400_and_nothing_is_stored(option, message):
    poll = make_poll()
    client = browser()

    response = vote(client, poll, option, language="en", **JSON)

    assert response.status_code == 400
    assert message in response.json()["detail"]
    assert counts(poll) == {}
    assert protection.cookie_name(poll.translation_key) not in response.cookies


def test_an_answer_of_another_poll_is_refused():
    poll, other = make_poll(), make_poll()

    response = vote(browser(), poll, keys(other)[0], language="en", **JSON)

    assert response.status_code == 400
    assert counts(poll) == {} and counts(other) == {}


@pytest.mark.parametrize(
    "fields",
    [{"is_open": False}, {"closes_at": timezone.now() - timedelta(minutes=1)}],
    ids=["closed", "past closing time"],
)
def test_a_closed_poll_refuses_votes_with_a_message(fields):
    poll = make_poll(**fields)

    as_json = vote(browser(), poll, keys(poll)[0], language="en", **JSON)
    as_form = vote(browser(), poll, keys(poll)[0], language="en")

    assert as_json.status_code == 409
    assert as_json.json() == {"detail": "This poll is closed. Thank you for your interest."}
    assert as_form.status_code == 409
    assert counts(poll) == {}


def test_a_poll_closing_later_is_still_open():
    poll = make_poll(closes_at=timezone.now() + timedelta(hours=1))

    assert vote(browser(), poll, keys(poll)[0], **JSON).status_code == 201


def test_the_source_languages_copy_decides_whether_a_poll_is_open():
    poll = make_poll()
    english = poll.get_translation(Locale.objects.get(language_code="en"))
    poll.is_open = False
    poll.save()  # the English copy still says open until translations are synced

    assert english.is_open
    assert vote(browser(), poll, keys(poll)[0], language="en", **JSON).status_code == 409


def test_an_unknown_poll_is_a_404_with_a_message():
    poll = make_poll()
    poll_key = poll.translation_key
    Poll.objects.filter(translation_key=poll_key).delete()

    response = vote(browser(), poll, uuid.uuid4(), language="en", **JSON)

    assert response.status_code == 404
    assert response.json() == {"detail": "There is no such poll."}
    assert browser().get(f"/en/polls/{poll_key}/").status_code == 404


# --- Forgery and floods ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "headers"),
    [
        (None, {}),
        ("made-up", {}),
        ("other poll", {}),
        ("valid", {"HTTP_ORIGIN": "https://evil.example"}),
        ("valid", {"HTTP_ORIGIN": "null"}),
        ("valid", {"HTTP_ORIGIN": "http://["}),
        ("valid", {"HTTP_SEC_FETCH_SITE": "cross-site"}),
    ],
    ids=[
        "no token",
        "made-up token",
        "other poll's token",
        "other origin",
        "null origin",
        "origin that is no URL",
        "cross-site fetch",
    ],
)
def test_a_vote_without_the_form_token_or_from_another_site_is_refused(token, headers):
    poll = make_poll()
    data = {"option": str(keys(poll)[0])}
    if token == "valid":
        data["token"] = protection.form_token(poll.translation_key)
    elif token == "other poll":
        data["token"] = protection.form_token(uuid.uuid4())
    elif token:
        data["token"] = token

    response = browser().post(f"/en/polls/{poll.translation_key}/vote/", data, **JSON, **headers)

    assert response.status_code == 403
    assert "did not come from the poll's form" in response.json()["detail"]
    assert counts(poll) == {}


def test_a_vote_posted_from_this_site_passes_the_origin_check():
    poll = make_poll()

    response = vote(
        browser(),
        poll,
        keys(poll)[0],
        HTTP_ORIGIN="http://testserver",
        HTTP_SEC_FETCH_SITE="same-origin",
        **JSON,
    )

    assert response.status_code == 201


@override_settings(POLL_VOTE_RATE="2/min")
def test_too_many_votes_from_one_address_are_a_429_and_not_stored():
    poll = make_poll()
    address = f"192.0.2.{uuid.uuid4().int % 250}"
    browsers = [Client(REMOTE_ADDR=address) for _ in range(3)]
    yes = keys(poll)[0]

    answers = [vote(client, poll, yes, language="en", **JSON) for client in browsers]
    by_form = vote(Client(REMOTE_ADDR=address), poll, yes, language="en")

    assert [answer.status_code for answer in answers] == [201, 201, 429]
    assert answers[2].json() == {
        "detail": "Too many votes from your network. Please try again later."
    }
    assert int(answers[2]["Retry-After"]) > 0
    assert by_form.status_code == 429
    assert counts(poll) == {yes: 2}
    assert vote(browser(), poll, yes, **JSON).status_code == 201  # other addresses vote on


# --- Results -----------------------------------------------------------------------------


def test_results_are_a_table_and_an_svg_with_title_and_description():
    poll = make_poll(results_visibility=ResultsVisibility.ALWAYS)
    yes, no, _ = keys(poll)
    for option in (yes, yes, yes, no):
        vote(browser(), poll, option, **JSON)

    soup = soup_of(browser().get(f"/en/polls/{poll.translation_key}/"))

    table = soup.select_one(".poll-results table")
    rows = [
        [row.th.span.get_text(strip=True), *(d["value"] for d in row.select("data"))]
        for row in table.select("tbody tr")
    ]
    assert rows == [["Yes", "3", "75.0"], ["No", "1", "25.0"], ["Not sure", "0", "0.0"]]
    assert "4 votes" in table.caption.get_text()
    svg = soup.select_one(".poll-results svg")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find("title")["id"] == title_id
    assert svg.find("title").get_text() == "Do you like the new park?"
    description = svg.find("desc")
    assert description["id"] == desc_id
    assert "Yes: 75 % (3 votes); No: 25 % (1 vote); Not sure: 0 % (0 votes)" in (
        description.get_text()
    )
    heights = [float(rect["height"]) for rect in svg.find_all("rect")]
    assert heights[0] == pytest.approx(3 * heights[1], rel=0.01) and heights[2] == 0


def test_results_show_after_voting_only_when_the_poll_says_so():
    poll = make_poll()
    vote(browser(), poll, keys(poll)[0], **JSON)

    soup = soup_of(browser().get(f"/en/polls/{poll.translation_key}/"))

    assert not soup.select(".poll-results")
    assert soup.select("form.poll-form input[type=radio]")


# --- The block in pages ------------------------------------------------------------------


def demo_poll() -> Poll:
    return Poll.objects.get(locale__language_code="bg", question=texts.POLL_QUESTION["bg"])


@pytest.mark.parametrize(
    ("code", "poll_language", "page_dir"),
    [("bg", "bg", "ltr"), ("en", "en", "ltr"), ("ar", "en", "rtl")],
)
def test_the_home_page_shows_the_demo_poll_in_the_readers_language(
    client, code, poll_language, page_dir
):
    poll = demo_poll()

    response = client.get(f"/{code}/")

    soup = soup_of(response)
    assert soup.html["dir"] == page_dir
    form = soup.select_one("section.poll form.poll-form")
    assert form["method"] == "post"
    assert form["action"] == f"/{code}/polls/{poll.translation_key}/vote/"
    fieldset = form.fieldset
    assert fieldset.legend.get_text(strip=True) == texts.POLL_QUESTION[poll_language]
    labels = [label.get_text(strip=True) for label in fieldset.select("label")]
    assert labels == [option[poll_language] for option in texts.POLL_OPTIONS]
    radios = fieldset.select("input[type=radio][name=option]")
    assert [r["value"] for r in radios] == [str(k) for k in keys(poll)]
    # Arabic readers get the English copy, marked as English so it is read left to right.
    if code == poll_language:
        assert not fieldset.has_attr("lang")
    else:
        assert (fieldset["lang"], fieldset["dir"]) == ("en", "ltr")
    token = form.select_one("input[name=token]")["value"]
    assert protection.form_token_is_valid(token, poll.translation_key)
    assert form.select_one("input[name=next]")["value"] == f"/{code}/"
    # The page is the same for every reader: no cookie, no CSRF token.
    assert not response.cookies
    assert "private" not in response.get("Cache-Control", "")


def test_voting_from_the_home_page_form_works_end_to_end():
    poll = demo_poll()
    client = browser()
    form = soup_of(client.get("/ar/")).select_one("section.poll form")
    data = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    data["option"] = form.select("input[type=radio]")[0]["value"]

    response = client.post(form["action"], data, follow=True)

    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.html["dir"] == "rtl"
    assert soup.select_one("#poll-results table")
    assert soup.select_one("a[href='/ar/']")
    assert PollVote.objects.get(poll_key=poll.translation_key).language == "ar"
    # Back on the page (which every reader shares), the form is still there; voting again
    # is answered with the results and a message.
    again = client.post(form["action"], data)
    assert again.status_code == 409
    assert selectors.vote_counts(poll.translation_key) == {keys(poll)[0]: 1}


def test_a_closed_poll_shows_its_results_in_the_page_instead_of_the_form(client):
    poll = make_poll(results_visibility=ResultsVisibility.AFTER_VOTING)
    vote(browser(), poll, keys(poll)[2], **JSON)
    poll.is_open = False
    poll.save()
    page = ContentPage.objects.get(locale__language_code="bg", slug=texts.ABOUT_SLUG["bg"])
    page.body.append(("poll", {"poll": poll}))
    page.save_revision().publish()

    soup = soup_of(client.get(page.url))

    section = soup.select_one(f"section#poll-{poll.translation_key}")
    assert not section.select("form")
    closed = in_bulgarian("This poll is closed. These are its results.")
    assert closed in section.select_one(".poll-status").get_text()
    assert [d["value"] for d in section.select("tbody data")][::2] == ["0", "0", "1"]


def test_a_page_with_a_poll_translates_into_languages_the_poll_lacks():
    # The block keeps the source poll (SourcePollChooserBlock): wagtail-localize would
    # otherwise refuse to translate the page until the poll had a Farsi copy.
    poll = make_poll(translate_to=())
    home = HomePage.objects.get(locale__language_code="bg")
    page = ContentPage(title="Анкета", slug="anketa", body=[("poll", {"poll": poll})])
    home.add_child(instance=page)
    page.save_revision().publish()

    farsi = services.translate_from_catalog(instance=page, language_code="fa", catalog={})

    assert farsi.body[0].value["poll"] == poll
    html = browser().get(farsi.url).content.decode()
    assert QUESTION["bg"] in html


def test_the_block_takes_polls_in_the_source_language_only():
    poll = make_poll()
    english = poll.get_translation(Locale.objects.get(language_code="en"))
    block = PollBlock()

    assert block.clean(block.to_python({"poll": poll.pk}))["poll"] == poll
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"poll": english.pk}))


# --- Admin -------------------------------------------------------------------------------


def test_the_admin_shows_results_per_language_and_exports_csv(english_editor):
    poll = make_poll()
    english = poll.get_translation(Locale.objects.get(language_code="en"))
    yes, no, _ = keys(poll)
    vote(browser(), poll, yes, language="bg", **JSON)
    vote(browser(), poll, yes, language="en", **JSON)
    vote(browser(), poll, no, language="ar", **JSON)
    url = reverse("wagtailsnippets_cms_poll:votes", args=[english.pk])

    page = english_editor.get(url)
    exported = english_editor.get(url, {"format": "csv"})

    assert page.status_code == 200
    soup = soup_of(page)
    assert soup.select_one(".poll-results svg title")
    matrix = soup.select("table.listing tbody tr")
    per_language = [cell.get_text() for cell in matrix[0].select("td")]
    assert per_language == ["1", "1", "0", "0", "0", "0", "0", "2"]  # bg en ar fa uk ru tr, all
    assert exported["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows == [
        ["answer_key", "answer", "language", "votes"],
        [str(yes), "Да", "bg", "1"],
        [str(yes), "Да", "en", "1"],
        [str(no), "Не", "ar", "1"],
    ]
    listing = english_editor.get(reverse("wagtailsnippets_cms_poll:list"))
    assert reverse("wagtailsnippets_cms_poll:votes", args=[poll.pk]) in listing.content.decode()


def test_the_poll_csv_never_hands_a_spreadsheet_a_formula(english_editor):
    poll = make_poll(translate_to=())
    option = poll.options.first()
    option.label = "=1+1"
    option.save()
    vote(browser(), poll, option.translation_key, language="bg", **JSON)
    url = reverse("wagtailsnippets_cms_poll:votes", args=[poll.pk])

    exported = english_editor.get(url, {"format": "csv"})

    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows[1][1:] == ["'=1+1", "bg", "1"]


def test_poll_results_in_the_admin_need_permission(client, django_user_model):
    poll = make_poll()
    user = django_user_model.objects.create_user("reader", password="x" * 12)
    client.force_login(user)

    response = client.get(reverse("wagtailsnippets_cms_poll:votes", args=[poll.pk]))

    assert response.status_code in (302, 403)


def test_editors_can_open_the_poll_form_and_a_page_with_a_poll(english_editor):
    home = HomePage.objects.get(locale__language_code="bg")

    assert english_editor.get(reverse("wagtailsnippets_cms_poll:add")).status_code == 200
    assert english_editor.get(f"/admin/pages/{home.pk}/edit/").status_code == 200


def test_translators_may_translate_polls():
    groups = services.ensure_translator_groups()

    assert groups["ar"].permissions.filter(codename="change_poll").exists()
