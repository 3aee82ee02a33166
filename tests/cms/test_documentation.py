"""The documentation keeps up with the code a newcomer meets first."""

import importlib
import re

from django.apps import apps

from tests.conftest import PROJECT_DIR

CONFIGURATION = (PROJECT_DIR / "docs" / "configuration.md").read_text()


def test_every_environment_variable_the_settings_read_is_documented():
    read = set()
    for path in (PROJECT_DIR / "cms" / "settings").glob("*.py"):
        read |= set(re.findall(r'env\.get_\w+\(\s*"([A-Z0-9_]+)"', path.read_text()))
    assert read, "the pattern no longer finds the settings' variables"

    undocumented = sorted(name for name in read if f"`{name}`" not in CONFIGURATION)
    assert undocumented == []


def test_readme_starts_with_the_two_commands():
    readme = (PROJECT_DIR / "README.md").read_text()
    quick_start = readme.split("## Quick start", 1)[1].split("##", 1)[0]

    commands = re.findall(r"^make (\w+)", quick_start, flags=re.M)
    assert commands[:2] == ["run", "test"]


def test_ci_runs_make_test():
    ci = (PROJECT_DIR / ".ci" / "run").read_text()

    assert "make lint" in ci
    assert ci.count("make test") >= 2  # PostgreSQL + Redis, then SQLite


DOCS = [PROJECT_DIR / "README.md", *sorted((PROJECT_DIR / "docs").glob("*.md"))]
ROOMS = {
    "api.md": "cms/api/",
    "data-stories.md": "cms/data_stories/",
    "easy-language.md": "learning/easy_language/",
    "handouts.md": "learning/handouts/",
    "narration.md": "cms/narration/",
    "offline.md": "learning/offline/",
    "partners.md": "campaigns/partners/",
    "photovoice.md": "campaigns/photovoice/",
    "polls.md": "cms/polls/",
    "screens.md": "campaigns/screens/",
    "stories.md": "campaigns/stories/",
    "translation.md": "cms/translation/",
    "videos.md": "campaigns/videos/",
}


def test_each_domain_page_names_the_folder_that_implements_it():
    for page, folder in ROOMS.items():
        assert (PROJECT_DIR / folder).is_dir(), folder
        assert f"`{folder}`" in (PROJECT_DIR / "docs" / page).read_text(), page


def test_every_file_and_module_the_docs_name_exists():
    missing = []
    for doc in DOCS:
        text = doc.read_text()
        for path in re.findall(r"`((?:cms|learning|campaigns|templates|tests)/[^`\s:*<{]+)", text):
            if not (PROJECT_DIR / path.rstrip("/")).exists():
                missing.append(f"{doc.name}: {path}")
        for dotted in re.findall(r"`((?:cms|learning|campaigns)(?:\.[A-Za-z_]\w*)+)", text):
            if re.fullmatch(r"\w+\.[EW]\d+", dotted):
                continue  # a system check's id
            if re.fullmatch(r"\w+\.[A-Z]\w+", dotted):
                apps.get_model(dotted)  # a model's label
                continue
            as_path = PROJECT_DIR / dotted.replace(".", "/")
            if as_path.with_suffix(".py").exists() or as_path.is_dir():
                continue  # a module: settings modules cannot all be imported here
            module, attributes = dotted, []
            while module:
                try:
                    found = importlib.import_module(module)
                    break
                except ImportError:
                    module, _, attribute = module.rpartition(".")
                    attributes.insert(0, attribute)
            try:
                for attribute in attributes:
                    found = getattr(found, attribute)
            except AttributeError:
                missing.append(f"{doc.name}: {dotted}")
    assert missing == []
