"""URLs for `make bench`'s API case: the site's own, plus the same lesson list built by DRF
and the ORM on every request (no stored answers), to compare with in the same run."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns
from learning.api.views import LessonViewSet


class LessonsBuiltEveryTime(LessonViewSet):
    """The lesson list with the same filters, serializers and queries, without
    cms.api.caching: what every request would cost with plain DRF."""

    def list(self, request):
        body = json.dumps(self.build_list(), cls=DjangoJSONEncoder, ensure_ascii=False)
        return HttpResponse(body.encode(), content_type="application/json")


urlpatterns = [
    path("bench/uncached/lessons/", LessonsBuiltEveryTime.as_view({"get": "list"})),
    *site_urlpatterns,  # i18n_patterns cannot be include()d
]
