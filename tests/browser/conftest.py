import pytest
from axe_playwright_python.sync_playwright import Axe

from cms.demo import load_all, load_demo
from tests.conftest import quiet

PHONE = {"width": 360, "height": 740}  # a small, cheap phone


@pytest.fixture
def site(transactional_db, live_server):
    """The core's demo pages, served by a live server thread (transactional tests start
    with an empty database)."""
    load_demo(log=quiet)
    return live_server.url


@pytest.fixture
def lesson_site(transactional_db, live_server):
    """All the demo content, lessons included, served by a live server thread."""
    load_all(log=quiet)
    return live_server.url


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    return page


def serious_accessibility_violations(page) -> list[str]:
    """axe-core's serious and critical findings on the page, as "rule: help" lines."""
    results = Axe().run(page)
    return [
        f"{violation['id']}: {violation['help']}"
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
