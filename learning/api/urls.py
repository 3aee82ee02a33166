from rest_framework.routers import SimpleRouter

from learning.api import views

router = SimpleRouter(use_regex_path=False)
router.register("lessons", views.LessonViewSet, basename="api_lessons")
router.register("courses", views.CourseViewSet, basename="api_courses")
router.register("topics", views.TopicViewSet, basename="api_topics")
router.register("glossary", views.GlossaryViewSet, basename="api_glossary")

urlpatterns = router.urls
