"""The architecture holds: the README's section matches the packages on disk, each package says
what it owns, imports keep the layers in pyproject.toml with no cycles, and the edges go through
the facade."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from assistant.settings import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "assistant"


def _section() -> str:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## How the pieces fit", 1)[1].split("\n## ", 1)[0]


def test_every_package_has_a_docstring_and_is_in_the_readme() -> None:
    section = _section()
    packages = sorted(p.parent for p in PACKAGE.rglob("__init__.py") if "__pycache__" not in
                      p.parts)
    assert len(packages) >= 8
    for package in packages:
        doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8")))
        assert doc and len(doc) > 40, f"{package.relative_to(PROJECT_ROOT)} has no docstring"
        if package.parent == PACKAGE:
            assert f"  {package.name}/" in section, f"{package.name}/ is missing from the README"


def test_every_module_the_readme_names_exists() -> None:
    section = _section()
    top = {p.name for p in PACKAGE.iterdir()}
    named = re.findall(r"\b([a-z_]+\.py|[a-z_]+/)", section)
    inside = [n for n in named if n.rstrip("/") in {t.removesuffix(".py") for t in top}
              or n in top]
    assert len(inside) >= 10
    for name in named:
        if name.endswith(".py") and name not in ("app.py",):
            assert list(PACKAGE.rglob(name)), f"README names {name}, which does not exist"


# -- layers and cycles: the contracts are in pyproject.toml ([tool.importlinter]) -------------

def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    """Run import-linter on the `assistant` package found under `root`."""
    code = ("import sys; from importlinter.cli import lint_imports; "
            "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True, "
            "no_logo=True))")
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True,
                          text=True, timeout=120)


def test_imports_keep_the_layers_the_facade_and_no_cycles() -> None:
    result = _lint(PROJECT_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout


def test_an_upward_import_or_a_cycle_breaks_the_contracts(tmp_path: Path) -> None:
    shutil.copytree(PACKAGE, tmp_path / "assistant",
                    ignore=shutil.ignore_patterns("__pycache__", "migrations"))
    shutil.copy(PROJECT_ROOT / "pyproject.toml", tmp_path)
    with open(tmp_path / "assistant" / "storage" / "engine.py", "a", encoding="utf-8") as f:
        f.write("\nfrom ..planning import service  # noqa: E402,F401\n")  # storage -> planning
    with open(tmp_path / "assistant" / "indexing" / "registry.py", "a", encoding="utf-8") as f:
        f.write("\nfrom . import ingest  # noqa: E402,F401\n")  # ingest imports registry
    result = _lint(tmp_path)
    assert result.returncode == 1
    out = " ".join(result.stdout.split())
    assert "assistant.storage is not allowed to import assistant.planning" in out
    assert "assistant.storage.engine -> assistant.planning.service" in out
    assert "No cycles are allowed in assistant.indexing" in out
    assert "Contracts: 1 kept, 2 broken." in out


def _runtime_reads(folder: Path) -> int:
    """How many times the modules in `folder` read `<something>.runtime` (going around the
    facade to the parts it wires)."""
    return sum(isinstance(node, ast.Attribute) and node.attr == "runtime"
               for path in folder.rglob("*.py")
               for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))))


def test_the_cli_and_the_ui_go_through_the_facade() -> None:
    assert _runtime_reads(PACKAGE / "cli") == 0
    assert _runtime_reads(PACKAGE / "ui") == 0


def environment_reads(files: list[Path]) -> list[str]:
    """Each `os.environ` or `os.getenv` in `files`, as "file:line"."""
    found = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv") \
                    and isinstance(node.value, ast.Name) and node.value.id == "os":
                found.append(f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}")
    return found


def test_only_the_settings_touch_the_environment() -> None:
    """One typed settings object reads the environment (and hands libraries what they read)."""
    files = [PROJECT_ROOT / "app.py", *sorted(PACKAGE.rglob("*.py"))]
    assert environment_reads([f for f in files if f != PACKAGE / "settings.py"]) == []
