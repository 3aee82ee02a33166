"""The layers newcomers rely on (docs/development.md): import contracts that `make lint` checks,
and no import hidden inside a function to dodge a cycle."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("cms", "learning", "campaigns")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def copy_of_the_code(target: Path) -> Path:
    """The project's Python packages and contracts, in a folder the test may change."""
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package,
            target / package,
            ignore=shutil.ignore_patterns("migrations", "__pycache__", "static", "*.json"),
        )
    shutil.copy(ROOT / "pyproject.toml", target / "pyproject.toml")
    return target


def lint_imports(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo"],
        cwd=folder,
        env={"PYTHONPATH": str(folder), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def add_line(path: Path, line: str) -> None:
    path.write_text(path.read_text() + f"\n{line}\n")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("module", "forbidden", "contract"),
    [
        ("cms/selectors.py", "from campaigns.screens import selectors", "imports no app"),
        ("learning/views.py", "from campaigns.stories import models", "never import each other"),
        ("campaigns/screens/selectors.py", "from campaigns.videos import admin_views", "rooms"),
        ("campaigns/stories/services.py", "from campaigns.partners import webhooks", "rooms"),
        ("campaigns/videos/models.py", "from campaigns.stories import selectors", "Models import"),
        ("learning/models.py", "from learning import views", "Models import"),
    ],
)
def test_make_lint_refuses_an_import_across_a_boundary(tmp_path, module, forbidden, contract):
    code = copy_of_the_code(tmp_path)
    assert lint_imports(code).returncode == 0  # the project as it is keeps every contract

    add_line(code / module, forbidden)
    result = lint_imports(code)

    assert result.returncode != 0
    broken = result.stdout.split("Broken contracts", 1)[-1]
    assert contract in broken.replace("\n", " ")
    assert forbidden.split()[1] in broken  # the report names the module imported


def function_level_imports() -> list[str]:
    found = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
                if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    continue
                # Django's documented place for imports that need the app registry.
                if node.name == "ready" and path.name == "apps.py":
                    continue
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Import | ast.ImportFrom):
                        found.append(f"{path.relative_to(ROOT)}:{inner.lineno} in {node.name}()")
    return found


def test_no_import_is_hidden_inside_a_function():
    assert function_level_imports() == []
