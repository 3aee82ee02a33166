from django.conf.locale.ar.formats import *  # noqa: F403

NUMBER_GROUPING = 3  # Django leaves it unset (no grouping)
