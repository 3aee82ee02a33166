from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cms.accounts import services


class Command(BaseCommand):
    help = (
        "An editor lost their phone and their recovery codes: remove their authenticator app "
        "and codes, so that their next login asks them to set up a new app (docs/security.md). "
        "Check who is asking before you run it."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username: str, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        services.reset_second_factor(user=user)
        self.stdout.write(f"Two-step verification reset for {username}.")
