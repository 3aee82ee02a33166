"""Charts and statistics in typed block JSON (cms.api.blocks), as the partner API writes
every StreamField: the numbers travel as data, not as a picture."""

import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from cms.api.blocks import stream_json
from cms.data_stories.models import DataStoryPage

pytestmark = pytest.mark.django_db


def story_json() -> list[dict]:
    story = DataStoryPage.objects.get(slug="city-integration-audit", locale__language_code="en")
    # The encoder of the API's cached answers (cms.api.caching): decimals stay exact strings.
    return json.loads(json.dumps(stream_json(story.body), cls=DjangoJSONEncoder))


def test_a_chart_is_a_typed_block_with_its_labels_series_and_source():
    charts = [block for block in story_json() if block["type"] == "chart"]

    threat = next(c["value"] for c in charts if c["value"]["chart_type"] == "line")
    assert threat["labels"] == ["2014", "2016"]
    assert threat["series"] == [{"label": "Residents asked", "values": ["5.1", "6.5"]}]
    assert threat["unit"] == "%"
    assert threat["source"] == "City Integration Audit for Sofia"
    assert threat["source_url"] == "http://www.integra-net.eu"
    assert threat["description"].startswith("In 2014, 5.1% of the Sofia residents")
    assert [c["value"]["chart_type"] for c in charts] == ["pie", "bar", "line"]


def test_a_statistic_is_a_typed_block_with_its_value_and_source():
    statistics = [block["value"] for block in story_json() if block["type"] == "statistic"]

    assert statistics[0] == {
        "value": "1.3",
        "unit": "million",
        "label": "people live in Sofia",
        "year": "",
        "source": "City Integration Audit for Sofia",
        "source_url": "http://www.integra-net.eu",
    }
