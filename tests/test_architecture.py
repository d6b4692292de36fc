"""The README's architecture section matches the packages on disk, and each package says what
it owns."""

from __future__ import annotations

import ast
import re

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
