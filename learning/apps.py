from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = "Lessons and courses"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms import readability
        from learning import search
        from learning.admin_messages import describe_text

        search.connect()
        # Stories, campaigns and generic pages are checked by the lessons' checker too.
        readability.register(describe_text)
