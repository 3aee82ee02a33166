from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = "Lessons and courses"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms import readability
        from cms.narration import text as narration_text
        from learning import search
        from learning.admin_messages import describe_text
        from learning.easy_language import text
        from learning.handouts import signals as handouts

        search.connect()
        handouts.connect()
        # Stories, campaigns and generic pages are checked by the lessons' checker too.
        readability.register(describe_text)
        # Narration reads sentences as the checker counts them (abbreviations known).
        narration_text.register(text.sentences)
