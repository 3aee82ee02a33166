"""The documentation keeps up with the code a newcomer meets first."""

import re

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
