from django.conf.locale.bg.formats import *  # noqa: F403

NUMBER_GROUPING = 3  # Django leaves it unset (no grouping)
