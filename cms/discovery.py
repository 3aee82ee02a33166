"""Finding each project app's module of one kind (`<app>.demo`, `<app>.scale`), so the core
runs every app's part without importing the apps by name."""

import importlib
from types import ModuleType

from django.apps import AppConfig, apps
from django.conf import settings


def app_modules(name: str) -> list[tuple[AppConfig, ModuleType]]:
    """Every project app's `<app>.<name>` module, in the order of the modules' `ORDER`
    (100 when a module does not say). Apps installed from packages are not looked at."""
    found = []
    for app_config in apps.get_app_configs():
        if not str(app_config.path).startswith(str(settings.BASE_DIR)):
            continue
        try:
            module = importlib.import_module(f"{app_config.name}.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"{app_config.name}.{name}":
                raise
            continue
        found.append((getattr(module, "ORDER", 100), app_config, module))
    return [(app_config, module) for _, app_config, module in sorted(found, key=lambda x: x[0])]
