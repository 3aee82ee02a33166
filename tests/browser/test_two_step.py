"""Two-step verification in a real Chromium, as an editor goes through it: set up an app from
the QR page's key, log in again with a code, then with a recovery code, which works once."""

import base64

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import TOTP

PASSWORD = "Correct-horse-battery-9"


def code_for(key: str, *, steps_ahead: int = 0) -> str:
    """What the editor's authenticator app shows for the key typed from the page."""
    totp = TOTP(base64.b32decode(key.replace(" ", "")))
    totp.time = totp.time + 30 * steps_ahead
    return f"{totp.token():06d}"


def log_in(page, site: str) -> None:
    page.goto(site + "/admin/login/")
    page.fill("input[name=username]", "two-step-editor")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_set_up_log_in_with_a_code_and_with_a_recovery_code_once(site, browser, settings):
    settings.TWO_FACTOR_REQUIRED = True
    get_user_model().objects.create_superuser("two-step-editor", "e@example.org", PASSWORD)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()

    # Set up: the password leads to the app's page, not to the admin.
    log_in(page, site)
    page.wait_for_url("**/admin/two-step/set-up/**", wait_until="domcontentloaded")
    assert page.locator(".two-step-qr svg").count() == 1
    key = page.locator("[data-two-step-key]").inner_text()
    page.fill("input[name=code]", code_for(key))
    page.get_by_role("button", name="Turn on two-step verification").click()
    page.locator("[data-recovery-codes] code").first.wait_for()
    codes = page.locator("[data-recovery-codes] code").all_inner_texts()
    assert len(codes) == 10
    page.get_by_role("link", name="I have kept them").click()
    page.wait_for_url(site + "/admin/", wait_until="domcontentloaded")

    # A new session: the password, then a code from the app.
    context.clear_cookies()
    log_in(page, site)
    page.wait_for_url("**/admin/two-step/code/**", wait_until="domcontentloaded")
    page.goto(site + "/admin/pages/")  # nothing else opens before the code
    assert "/admin/two-step/code/" in page.url
    page.fill("input[name=code]", code_for(key, steps_ahead=1))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(site + "/admin/pages/", wait_until="domcontentloaded")

    # Without the phone: a recovery code, once.
    context.clear_cookies()
    log_in(page, site)
    page.fill("input[name=code]", codes[0])
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(site + "/admin/", wait_until="domcontentloaded")
    page.get_by_text("You used a recovery code; 9 left.").wait_for()

    context.clear_cookies()
    log_in(page, site)
    page.fill("input[name=code]", codes[0])
    page.get_by_role("button", name="Continue").click()
    page.get_by_text("This code is not right, or was used already.").wait_for()
    assert "/admin/two-step/code/" in page.url
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/admin/login/**", wait_until="domcontentloaded")
    context.close()
