"""The domain layer is pure: standard library and runlift.domain only (DESIGN section 2)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

import runlift.domain

DOMAIN_DIR = Path(runlift.domain.__file__).parent
MODULES = sorted(DOMAIN_DIR.glob("*.py"))


def imported_modules(tree: ast.AST) -> list[tuple[int, str]]:
    """Every absolute module an AST imports, with its line; relative imports come back as '.'."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                found.append((node.lineno, "." * node.level + (node.module or "")))
            else:
                assert node.module is not None
                found.append((node.lineno, node.module))
    return found


def allowed(module: str) -> bool:
    """Standard library, __future__, or the domain package itself (relative imports stay inside)."""
    if module.startswith("."):
        return True
    top = module.split(".")[0]
    if module == "runlift.domain" or module.startswith("runlift.domain."):
        return True
    return top != "runlift" and (top in sys.stdlib_module_names or top == "__future__")


def test_domain_has_modules() -> None:
    names = {path.stem for path in MODULES}
    assert {"vocab", "exercise", "anatomy", "program"} <= names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_domain_module_imports_only_stdlib_and_domain(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    bad = [
        f"line {line}: {module}" for line, module in imported_modules(tree) if not allowed(module)
    ]
    assert not bad, f"{path.name} imports outside the standard library/domain: {bad}"


@pytest.mark.parametrize(
    "source",
    [
        "import yaml",
        "from pydantic import BaseModel",
        "from runlift.adapters.catalogue_loader import load_library",
        "import runlift.services.search",
        "def f():\n    import typer\n",
    ],
)
def test_checker_rejects_outside_imports(source: str) -> None:
    imports = imported_modules(ast.parse(source))
    assert imports
    assert not all(allowed(module) for _, module in imports)


@pytest.mark.parametrize(
    "source",
    [
        "from __future__ import annotations",
        "import collections.abc",
        "from runlift.domain.vocab import Equipment",
        "from . import vocab",
    ],
)
def test_checker_accepts_stdlib_and_domain(source: str) -> None:
    assert all(allowed(module) for _, module in imported_modules(ast.parse(source)))
