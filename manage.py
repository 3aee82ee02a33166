#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    from django.conf import settings
    from django.core.management import execute_from_command_line

    from cms.settings.environment import ConfigurationError

    try:
        settings.INSTALLED_APPS  # noqa: B018 - load settings now so a bad variable fails in one line
    except ConfigurationError as error:
        sys.exit(f"Configuration error: {error}")
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
