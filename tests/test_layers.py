"""Routes talk to services, never to the store: no module under app/api imports app.store."""

import ast
from pathlib import Path

import app

API = Path(app.__file__).parent / "api"


def absolute(path: Path, node: ast.ImportFrom) -> str:
    """The module an import names, with relative imports resolved against the importing module's package."""
    if node.level == 0:
        return node.module or ""
    package = ["app", *path.relative_to(API.parent).parts[:-1]]
    base = package[: len(package) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def store_imports(path: Path) -> list[str]:
    where = path.relative_to(API.parent)
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [f"{where}:{node.lineno}: {a.name}" for a in node.names if a.name.startswith("app.store")]
        elif isinstance(node, ast.ImportFrom):
            module = absolute(path, node)
            names = [module, *(f"{module}.{a.name}" for a in node.names)]
            if any(n == "app.store" or n.startswith("app.store.") for n in names):
                found.append(f"{where}:{node.lineno}: {module}")
    return found


def test_no_route_or_dependency_imports_the_store():
    modules = sorted(API.rglob("*.py"))
    assert len(modules) > 5
    problems = [line for module in modules for line in store_imports(module)]
    assert problems == [], "Move these into a service (app/reads.py, app/actions.py, app/library.py):\n" + "\n".join(
        problems
    )


def test_the_check_would_catch_a_store_import(tmp_path):
    sneaky = API / "routes" / "_sneaky_check.py"
    try:
        sneaky.write_text("from ...store import records\nfrom app.store.db import session_scope\n")
        assert len(store_imports(sneaky)) == 2
    finally:
        sneaky.unlink()
