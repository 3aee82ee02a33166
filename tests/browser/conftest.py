import pytest

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
