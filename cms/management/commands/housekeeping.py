"""`manage.py housekeeping`: what a platform must forget every day, in one command for the
daily timer (deploy/systemd/open-doors-housekeeping.*) or a scheduled container job.

It clears expired sessions (an editor who walked away is logged out and the row goes), the
finished rows of every database task queue, and runs each command in
settings.HOUSEKEEPING_COMMANDS (the apps' own pruning). One failing step is reported and
the others still run; the command then exits non-zero so the timer shows the failure."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


def daily_steps() -> list[tuple[str, list[str]]]:
    steps = [("clearsessions", [])]
    for alias, backend in settings.TASKS.items():
        if backend["BACKEND"] == "django_tasks_db.DatabaseBackend":
            steps.append(("prune_db_task_results", ["--backend", alias]))
    steps += [(name, list(arguments)) for name, *arguments in settings.HOUSEKEEPING_COMMANDS]
    return steps


class Command(BaseCommand):
    help = "Daily: clear expired sessions, prune finished tasks and old deliveries."

    def handle(self, *args, **options):
        failed = []
        for name, arguments in daily_steps():
            step = " ".join([name, *arguments])
            try:
                call_command(name, *arguments, stdout=self.stdout, stderr=self.stderr)
            except Exception as error:  # the other steps still run
                failed.append(step)
                self.stderr.write(f"housekeeping: {step} failed: {error}")
            else:
                self.stdout.write(f"housekeeping: {step} done")
        if failed:
            raise CommandError(f"{len(failed)} step(s) failed: {', '.join(failed)}")
