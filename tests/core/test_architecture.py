"""The shape of the code: imports run one way, and the roles are written down once."""

import ast
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission

from core import roles

ROOT = Path(__file__).resolve().parents[2]
# Lowest layer first; each may import only those before it (demo → comments → articles →
# accounts → core). hnp is the composition root: it may import any of them, and none may
# import it.
LAYERS = ["core", "accounts", "articles", "comments", "demo"]
PACKAGES = [*LAYERS, "hnp"]


def first_party_imports(package: str) -> dict[str, set[str]]:
    """{module path: the first-party top-level packages it imports}, migrations excluded."""
    found = {}
    for path in (ROOT / package).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
        found[str(path.relative_to(ROOT))] = (names & set(PACKAGES)) - {package}
    return found


def package_graph() -> dict[str, set[str]]:
    return {package: set().union(*first_party_imports(package).values()) for package in PACKAGES}


def test_imports_between_packages_have_no_cycle():
    graph = package_graph()

    def visit(node, path):
        assert node not in path, "import cycle: " + " → ".join([*path, node])
        for target in graph[node]:
            visit(target, [*path, node])

    for package in PACKAGES:
        visit(package, [])


@pytest.mark.parametrize("package", LAYERS)
def test_each_package_imports_only_the_layers_below_it(package):
    allowed = set(LAYERS[: LAYERS.index(package)])
    for module, imported in first_party_imports(package).items():
        assert imported <= allowed, f"{module} imports {sorted(imported - allowed)}"


def test_the_shipped_package_leaves_the_demo_out():
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    included = config["tool"]["setuptools"]["packages"]["find"]["include"]
    assert "demo*" not in included
    assert "core*" in included


def test_group_names_are_written_only_in_the_roles_module():
    names = {roles.JOURNALIST, roles.EDITOR, roles.MODERATOR}
    sources = [
        p for package in [*PACKAGES, "tests", "bench"] for p in (ROOT / package).rglob("*.py")
    ]
    offenders = []
    for path in sources:
        if path == ROOT / "core" / "roles.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in names:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    templates = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "templates").rglob("*.html")
        if any(name in p.read_text(encoding="utf-8") for name in names)
    ]
    assert offenders + templates == []


@pytest.mark.django_db
def test_migrate_gives_each_role_exactly_its_permissions():
    for name, perms in roles.ROLES.items():
        group = Group.objects.get(name=name)
        held = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        assert held == set(perms), name


@pytest.mark.django_db
def test_syncing_puts_back_what_was_changed_by_hand():
    editors = Group.objects.get(name=roles.EDITOR)
    editors.permissions.remove(Permission.objects.get(codename="publish_article"))
    editors.permissions.add(Permission.objects.get(codename="view_personal_data"))
    Group.objects.filter(name=roles.MODERATOR).delete()

    roles.sync_roles()

    assert editors.permissions.filter(codename="publish_article").exists()
    assert not editors.permissions.filter(codename="view_personal_data").exists()
    assert Group.objects.get(name=roles.MODERATOR).permissions.count() == len(
        roles.ROLES[roles.MODERATOR]
    )
