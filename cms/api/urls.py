from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from cms.api import views
from cms.search.api import SearchView

urlpatterns = [
    path("locales/", views.LocalesView.as_view(), name="api_locales"),
    path("search/", SearchView.as_view(), name="api_search"),
    path("schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api_schema"), name="api_docs"),
    path("", include("learning.api.urls")),
    path("", include("campaigns.stories.api.urls")),
    path("", include("campaigns.pages.api.urls")),
    path("", include("campaigns.videos.api.urls")),
    path("", include("campaigns.photovoice.api.urls")),
    path("", include("campaigns.screens.api.urls")),
    path("", include("campaigns.alerts.api.urls")),
]
