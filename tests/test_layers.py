"""The layers of portfolio/ (see its __init__ docstring): a module imports only from its own layer
or below — features → web → core — and ops and the app factory sit on top. The audit feature
reads every feature's labels through the registry in core, so it imports no feature; the API is a
face on the features, so no feature imports it. Imports inside functions count too."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "portfolio"
CORE, WEB, FEATURE, OPS, APP = 0, 1, 2, 3, 4


def layer_of(module):
    """The layer of a dotted module name inside portfolio."""
    parts = module.split(".")
    if len(parts) == 1:
        return APP
    top = parts[1]
    if top == "core":
        return CORE
    if top == "web":
        return WEB
    if top in ("ops", "migrations"):
        return OPS
    return FEATURE


def feature_of(module):
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and layer_of(module) == FEATURE else None


def module_name(path):
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(tree):
    """Every portfolio module a tree imports, wherever the import statement sits."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            # `from portfolio.x import y` may import the module portfolio.x.y
            names = [f"{node.module}.{alias.name}" for alias in node.names] if node.module in ("portfolio", "portfolio.core", "portfolio.web", "portfolio.ops") else [node.module]
        else:
            continue
        yield from (name for name in names if name == "portfolio" or name.startswith("portfolio."))


def violations(source, module):
    """Why each import in source breaks the rules for module, as readable lines."""
    found = []
    importer_layer = layer_of(module)
    for imported in imported_modules(ast.parse(source)):
        imported_layer = layer_of(imported)
        if imported_layer > importer_layer:
            found.append(f"{module} (layer {importer_layer}) imports {imported} (layer {imported_layer})")
        elif feature_of(module) == "audit" and feature_of(imported) not in (None, "audit"):
            found.append(f"{module}: the audit feature imports the feature {imported}")
        elif feature_of(imported) == "api" and feature_of(module) not in (None, "api"):
            found.append(f"{module}: a feature imports the API {imported}")
    return found


def python_modules():
    return sorted(path for path in PACKAGE.rglob("*.py") if "versions" not in path.parts)


def test_every_module_imports_only_downward():
    problems = [line for path in python_modules() for line in violations(path.read_text(), module_name(path))]
    assert problems == []


@pytest.mark.parametrize(("module", "source"), [
    ("portfolio.core.db", "from portfolio.web.routing import is_api_request"),
    ("portfolio.core.records", "def f():\n    from portfolio.applications.models import Application"),
    ("portfolio.web.ui", "from portfolio.procurements.enums import Phase"),
    ("portfolio.web.forms", "import portfolio.ops.cli"),
    ("portfolio.applications.views", "from portfolio.ops import demo"),
    ("portfolio.audit.labels", "from portfolio.budget.labels import kind_label"),
    ("portfolio.auth.permissions", "from portfolio.api import problems"),
    ("portfolio.web.errors", "from portfolio import create_app"),
])
def test_a_forbidden_import_is_found(module, source):
    assert violations(source, module)


@pytest.mark.parametrize(("module", "source"), [
    ("portfolio.web.ui", "from portfolio.core import labels"),
    ("portfolio.security.views", "from portfolio.applications.models import Application"),
    ("portfolio.api.resources.applications", "from portfolio.applications import services"),
    ("portfolio.audit.views", "from portfolio.core.audit.models import AuditEntry"),
    ("portfolio.ops.demo", "from portfolio.security import demo"),
    ("portfolio", "from portfolio.ops import cli"),
])
def test_an_allowed_import_passes(module, source):
    assert violations(source, module) == []
