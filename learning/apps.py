from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = "Lessons and courses"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from learning import search

        search.connect()
