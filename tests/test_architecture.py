"""How the package is built (issue 19, design debts): no import cycles between exporter's
modules — not even ones dodged by an import inside a function — and no module importing
another's private (`_name`) names. Both read the source with `ast`; nothing is imported."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "exporter"

# The one guarded place where library internals are touched lives in these modules; their
# own rule (version check, fallback, a test) is tests/test_private_internals.py.
LIBRARY_INTERNALS = {"exporter.speedups"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _absolute(module: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports(module: str, path: Path, modules: dict[str, Path]):
    """Every import in the file (module level, in functions, under `if TYPE_CHECKING`), as
    (line, imported module, imported name or None), the module resolved to one of ours."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, None
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(module, path, node)
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                if submodule in modules:  # `from exporter.writers import docx`: the module itself
                    yield node.lineno, submodule, None
                else:
                    yield node.lineno, source, alias.name


def _is_type_checking_only(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                for sub in ast.walk(inner):
                    if hasattr(sub, "lineno"):
                        lines.add(sub.lineno)
    return lines


def import_graph() -> dict[str, dict[str, int]]:
    """Module -> {imported module of ours: first line}. Importing `a.b.c` runs `a` and `a.b`
    too, so an edge to a module is also an edge to each package above it. Imports under
    `if TYPE_CHECKING:` never run and are left out."""
    modules = package_modules()
    graph: dict[str, dict[str, int]] = {}
    for module, path in modules.items():
        typing_only = _is_type_checking_only(ast.parse(path.read_text(encoding="utf-8")))
        edges: dict[str, int] = {}
        for line, target, _name in imports(module, path, modules):
            if line in typing_only:
                continue
            parts = target.split(".")
            for end in range(1, len(parts) + 1):
                name = ".".join(parts[:end])
                if name in modules and name != module and not module.startswith(name + "."):
                    edges.setdefault(name, line)
        graph[module] = edges
    return graph


def cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, {}):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _describe(component: list[str], graph: dict[str, dict[str, int]]) -> str:
    inside = set(component)
    edges = [f"{a}:{line} -> {b}" for a in component for b, line in sorted(graph[a].items()) if b in inside]
    return "cycle among " + ", ".join(component) + "\n    " + "\n    ".join(edges)


def test_no_import_cycles_in_the_package():
    graph = import_graph()
    found = cycles(graph)
    assert not found, "\n".join(_describe(c, graph) for c in found)


def test_the_checker_sees_a_cycle_dodged_inside_a_function():
    graph = {"a": {"b": 1}, "b": {"c": 3}, "c": {"a": 9}, "d": {"a": 2}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b": 1}, "b": {}}) == []


def test_the_checker_reads_imports_inside_functions(tmp_path):
    source = tmp_path / "exporter" / "x.py"
    source.parent.mkdir()
    source.write_text("def f():\n    from .y import _hidden, shown\n    import exporter.z\n")
    found = list(imports("exporter.x", source, {"exporter.x": source}))
    assert found == [(2, "exporter.y", "_hidden"), (2, "exporter.y", "shown"), (3, "exporter.z", None)]


def _where(path: Path) -> str:
    return str(path.relative_to(PACKAGE.parent)) if path.is_relative_to(PACKAGE.parent) else path.name


def _private_uses(module: str, path: Path, modules: dict[str, Path]) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    uses = []
    bound: dict[str, str] = {}  # a local name bound to one of our modules -> that module
    for line, target, name in imports(module, path, modules):
        if target in modules and target != module:
            if name is None:
                bound[target.rsplit(".", 1)[-1]] = target
            elif name.startswith("_") and not name.startswith("__"):
                uses.append(f"{_where(path)}:{line}: from {target} import {name}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname and alias.name in modules:
                    bound[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if alias.asname:
                    full = f"{_absolute(module, path, node)}.{alias.name}"
                    if full in modules:
                        bound[alias.asname] = full
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")
                and isinstance(node.value, ast.Name) and bound.get(node.value.id, module) != module):
            uses.append(f"{_where(path)}:{node.lineno}: {node.value.id}.{node.attr}")
    return uses


def test_no_module_uses_another_modules_private_names():
    modules = package_modules()
    found = [use for module, path in modules.items() if module not in LIBRARY_INTERNALS
             for use in _private_uses(module, path, modules)]
    assert not found, "\n".join(found)


def test_the_private_name_checker_sees_both_forms(tmp_path):
    folder = tmp_path / "exporter"
    folder.mkdir()
    (folder / "y.py").write_text("_hidden = 1\n")
    source = folder / "x.py"
    source.write_text("from . import y\nfrom .y import _hidden\n\ndef f():\n    return y._hidden + _hidden\n")
    modules = {"exporter.x": source, "exporter.y": folder / "y.py"}
    assert len(_private_uses("exporter.x", source, modules)) == 2
    source.write_text("from . import y\n\ndef f(obj):\n    return obj._hidden, y.__name__\n")
    assert _private_uses("exporter.x", source, modules) == []


def test_the_pipeline_is_format_blind():
    """Issue 19: after linking, the pipeline reached back into the DOCX reader to quote places;
    the shared stages name the reader registry, never one reader."""
    modules = package_modules()
    for module in ("exporter.pipeline", "exporter.linker", "exporter.quoting"):
        reached = {target for _line, target, _name in imports(module, modules[module], modules)}
        assert not {t for t in reached if t.startswith("exporter.readers.")}, module


# Functions still over the limit, with their length today: none may grow, no other may join.
# writers/docx.py's _styles waits for branch venues2, which rewrites it (156 lines here, 164
# there); read_front_matter's rest is one state machine over the front lines.
MOST_LINES = 80
LONG_TODAY = {"exporter/writers/docx.py:_styles": 164, "exporter/readers/plaintext/frontmatter.py:read_front_matter": 102}


def long_functions(limit: int = MOST_LINES) -> dict[str, int]:
    """`path:name` -> lines, for every function of the package longer than `limit` lines."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > limit:
                found[f"{_where(path)}:{node.name}"] = node.end_lineno - node.lineno + 1
    return found


def test_functions_stay_short():
    grown = {name: n for name, n in long_functions().items() if n > LONG_TODAY.get(name, MOST_LINES)}
    assert not grown, grown


if __name__ == "__main__":  # the list: python tests/test_architecture.py [LIMIT]
    import sys

    for name, n in sorted(long_functions(int(sys.argv[1]) if len(sys.argv) > 1 else MOST_LINES).items(), key=lambda x: -x[1]):
        print(f"{n:4d}  {name}")


def test_every_package_folder_is_listed_for_installation():
    # pyproject lists the packages a wheel carries: a folder left out (exporter/venue when
    # venue.py became a package) installs nowhere but an editable checkout
    import tomllib

    root = Path(__file__).resolve().parent.parent
    listed = set(tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(root).parts) for p in (root / "exporter").rglob("__init__.py") if "__pycache__" not in p.parts}
    assert found <= listed, sorted(found - listed)
