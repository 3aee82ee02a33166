from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "admin"


class Command(BaseCommand):
    help = "Create (or reset) the development superuser admin/admin. Refuses to run unless DEBUG."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "create_dev_admin only runs with DEBUG on (development settings); "
                "use `manage.py createsuperuser` elsewhere."
            )
        user, created = get_user_model().objects.get_or_create(
            username=USERNAME, defaults={"email": "admin@localhost"}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(PASSWORD)
        user.save()
        verb = "created" if created else "reset"
        self.stdout.write(self.style.SUCCESS(f"Development admin {verb}."))
        self.stdout.write(f"  Admin:    {settings.WAGTAILADMIN_BASE_URL}/admin/")
        self.stdout.write(f"  Username: {USERNAME}")
        self.stdout.write(f"  Password: {PASSWORD}")
