"""Public pages and the admin work in Chromium under the Content-Security-Policy with no
violation reported: the policy blocks nothing the platform itself needs."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page

from campaigns.screens.models import Screen
from tests.browser.conftest import PHONE

PUBLIC = [
    "/bg/",
    "/ar/",
    "/en/lessons/keep-your-documents-safe/",
    "/en/lessons/your-first-weeks-in-sofia/",
    "/bg/kampanii/svetoven-mesets-na-bezhantsite/",
    "/en/photovoice/",
    "/en/no-such-page/",
]

# Every violation the browser finds, reported to the console where the test reads it; the
# listener is added by the browser's devtools, so the policy does not block it.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
});
"""


def watched(context) -> list[str]:
    found: list[str] = []
    context.add_init_script(REPORT_VIOLATIONS)
    context.on(
        "console",
        lambda message: (
            found.append(message.text)
            if "Content Security Policy" in message.text or "CSP violation" in message.text
            else None
        ),
    )
    return found


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_public_pages_work_under_the_policy_with_no_violation(site, browser, settings):
    settings.WAGTAILADMIN_BASE_URL = site  # absolute addresses name the site, as in production
    context = browser.new_context(viewport=PHONE)
    violations = watched(context)
    page = context.new_page()

    for path in PUBLIC:
        page.goto(site + path)
        page.wait_for_load_state("networkidle")
        assert page.locator("h1").count() >= 1, path
    # The screen player (its own script, the playlist and the videos), with a wrong token.
    screen = Screen.objects.filter(active=True).first()
    page.goto(site + f"/screens/{screen.pk}/player/#token=not-the-token")
    page.wait_for_load_state("networkidle")

    context.close()
    assert violations == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_admin_works_under_the_policy_with_no_violation(site, browser):
    get_user_model().objects.create_superuser("csp-editor", "csp@example.org", "Correct-horse-9")
    english = Page.objects.get(
        url_path__endswith="/keep-your-documents-safe/", locale__language_code="en"
    )
    lesson = english.get_translation(Locale.objects.get(language_code="bg"))
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    violations = watched(context)
    page = context.new_page()

    page.goto(site + "/admin/login/")
    page.fill("input[name=username]", "csp-editor")
    page.fill("input[name=password]", "Correct-horse-9")
    page.click("button[type=submit]")
    page.wait_for_url(site + "/admin/", wait_until="domcontentloaded")
    for path in [
        "/admin/",
        f"/admin/pages/{lesson.get_parent().pk}/",
        f"/admin/pages/{lesson.pk}/edit/",
        "/admin/images/",
        "/admin/images/add/",
        "/admin/translations/",
        f"/admin/pages/{english.pk}/edit/",  # a synced translation: wagtail-localize's editor
    ]:
        page.goto(site + path)
        page.wait_for_load_state("networkidle")
    # The page editor's live preview frames the admin's own preview view.
    page.goto(site + f"/admin/pages/{lesson.pk}/edit/")
    page.get_by_role("button", name="Toggle preview").click()
    page.frame_locator("iframe").first.locator("h1").first.wait_for(state="attached")

    context.close()
    assert violations == []
