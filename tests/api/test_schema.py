"""The OpenAPI document: committed (docs/openapi.yaml) so partners and reviewers see every
change to the API, and honoured: schemathesis calls every operation with generated input and
checks that nothing answers 5xx and every answer matches the schema."""

from pathlib import Path

import pytest
import schemathesis
import yaml
from django.core.wsgi import get_wsgi_application
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiYamlRenderer
from hypothesis import HealthCheck, settings

from tests.conftest import keep_test_connection

COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "openapi.yaml"


def current_schema() -> bytes:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return OpenApiYamlRenderer().render(schema, renderer_context={})


def test_the_committed_schema_is_the_current_one():
    assert COMMITTED.read_bytes() == current_schema(), (
        "The API changed but docs/openapi.yaml did not: run `make schema` and commit it."
    )


def test_the_schema_describes_only_our_api_and_its_docs_page_needs_no_cdn(client):
    document = yaml.safe_load(client.get("/api/v1/schema/").content)
    assert document["paths"] and all(path.startswith("/api/v1/") for path in document["paths"])
    assert not any("/schema/" in path or "/docs/" in path for path in document["paths"])
    assert "/api/v1/lessons/{id}/" in document["paths"]

    page = client.get("/api/v1/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/" in page
    assert "cdn" not in page.lower() and "//unpkg" not in page


schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())


@pytest.mark.django_db
@pytest.mark.slow
@schema.parametrize()
@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_every_operation_answers_generated_input_without_server_errors(case):
    # Uncompressed, so the checks read the JSON (gzip is tested with the pages).
    with keep_test_connection():
        case.call_and_validate(headers={"Accept-Encoding": "identity"})


@pytest.mark.django_db
def test_a_screens_playlist_and_its_304_match_the_schema():
    """The playlist is described by hand (campaigns/api/playlist_schema.py): a real screen's
    answer must match it, not only the 404s that generated ids mostly reach."""
    from campaigns.screens.models import Screen

    screen = Screen.objects.filter(active=True).first()
    operation = schema["/api/v1/screens/{screen_id}/playlist/"]["GET"]
    with keep_test_connection():
        response = operation.Case(path_parameters={"screen_id": screen.pk}).call_and_validate(
            headers={"Accept-Encoding": "identity"}
        )
        assert response.status_code == 200 and response.json()["items"]
        etag = {name.lower(): value for name, value in response.headers.items()}["etag"]
        again = operation.Case(
            path_parameters={"screen_id": screen.pk},
            headers={"If-None-Match": etag if isinstance(etag, str) else etag[0]},
        ).call_and_validate(headers={"Accept-Encoding": "identity"})
    assert again.status_code == 304
