from rest_framework.routers import SimpleRouter

from campaigns.photovoice.api import views

router = SimpleRouter(use_regex_path=False)
router.register("photovoice", views.PhotovoiceViewSet, basename="api_photovoice")

urlpatterns = router.urls
