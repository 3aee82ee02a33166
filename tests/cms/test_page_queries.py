"""Queries per public page type, built without any cache (docs/deployment.md, "What a page
costs"). Wagtail's serve takes 9 of them for any page below a language's home page (the
site, the language's locale and home page, the route, aliases and view restrictions, the
page's locale); the rest are the page's own. A change that adds queries to a page type fails
here: look for a query per item (a chooser without bulk loading, `.specific` on a list)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

BUDGETS = {
    "/en/": 18,  # children listed, the poll (source, copy, answers)
    "/en/about-the-platform/": 13,
    "/en/lessons/": 16,  # topics, the count of lessons, one page of them with their topics
    # The glossary terms to mark in its text, its narration.
    "/en/lessons/keep-your-documents-safe/": 15,
    "/en/lessons/your-first-weeks-in-sofia/": 13,
    "/en/stories/": 13,
    "/en/stories/olympic-dream/": 17,  # … and its narration
    "/en/campaigns/": 13,
    "/en/campaigns/world-refugee-month/": 17,  # partners, stories, two videos with captions
    "/en/city-integration-audit/": 17,
    "/en/photovoice/": 14,
    "/ar/lessons/keep-your-documents-safe/": 15,
    "/fa/stories/olympic-dream/": 24,  # a fallback: the walk tries Farsi first
}


@pytest.mark.parametrize(("path", "budget"), BUDGETS.items(), ids=list(BUDGETS))
def test_a_public_page_stays_within_its_query_budget(client, path, budget):
    client.get(path)  # the first request fills caches every process keeps (content types…)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)

    assert response.status_code == 200
    assert len(queries) <= budget, "\n".join(query["sql"][:200] for query in queries)


def test_routing_finds_pages_by_url_path_through_an_index():
    # Routing asks for a page and its parent by URL path (cms/translatable.py); without an
    # index the database reads every page of the language to answer (docs/benchmarks.md).
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")

    assert any(
        found["index"] and found["columns"] == ["url_path"] for found in constraints.values()
    )
