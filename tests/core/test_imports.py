"""The import graph of reviewer/: no cycle, and no import from a lower layer of the core
back up to a higher one.  Every import counts, including those inside functions (they
hide a cycle from Python, not from a reader).  Importing ``a.b.c`` also runs the
packages ``a`` and ``a.b`` — their ``__init__`` is an edge too, unless it is a package
the importing module is itself inside (Python has already run it by then)."""
import ast
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
PKG = ROOT / "reviewer"

# Lowest first.  A module may import modules of its own layer or lower ones.  A module
# not named here belongs to the layer of its longest listed prefix.
LAYERS = [
    ("base", ["reviewer", "reviewer.paths", "reviewer.core", "reviewer.core.document", "reviewer.core.findings",
              "reviewer.core.categories", "reviewer.core.spans", "reviewer.core.positions", "reviewer.core.segment",
              "reviewer.core.traditional", "reviewer.core.docx_xml", "reviewer.core.yamlfile",
              "reviewer.core.knowledge_places", "reviewer.errorlog"]),
    ("loaders", ["reviewer.core.loaders"]),
    # text analyses the rules build on (markers and numbering, repeated text)
    ("analysis", ["reviewer.core.structure.numbering", "reviewer.core.structure.duplicates"]),
    ("rules", ["reviewer.core.rules"]),
    ("structure", ["reviewer.core.structure"]),
    ("engine", ["reviewer.core.engine", "reviewer.core.incremental", "reviewer.core.examples",
                "reviewer.core.guide"]),
    ("export", ["reviewer.core.export"]),
    ("session", ["reviewer.core.session", "reviewer.core.userdata"]),
    ("shell", ["reviewer.cli", "reviewer.gui", "reviewer.app", "reviewer.__main__"]),
]


def _modules() -> dict[str, pathlib.Path]:
    out = {}
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(ROOT).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _is_package(name: str) -> bool:
    return MODULES.get(name, pathlib.Path()).name == "__init__.py"


def _resolve(module: str, node) -> list[str]:
    """The reviewer modules an import statement names."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name.split(".")[0] == "reviewer"]
    if node.level:
        base = module.split(".") if _is_package(module) else module.split(".")[:-1]
        base = base[:len(base) - (node.level - 1)]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    if target.split(".")[0] != "reviewer":
        return []
    out = []
    for a in node.names:
        sub = f"{target}.{a.name}"
        out.append(sub if sub in MODULES else target)
    return out


def _edges() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, (ast.Import, ast.ImportFrom)):
                continue
            for target in _resolve(module, node):
                parts = target.split(".")
                # the target and the packages Python runs on the way to it
                for k in range(1, len(parts) + 1):
                    name = ".".join(parts[:k])
                    if name not in MODULES or name == module:
                        continue
                    if k < len(parts) and (module == name or module.startswith(name + ".")):
                        continue  # a package this module is inside: already running
                    graph[module].add(name)
    return graph


def _explicit_edges() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                graph[module].update(t for t in _resolve(module, node) if t in MODULES and t != module)
    return graph


def _cycles(graph) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def layer_of(module: str) -> int:
    best, rank = -1, None
    for n, (_, prefixes) in enumerate(LAYERS):
        for p in prefixes:
            if (module == p or module.startswith(p + ".")) and len(p) > best:
                best, rank = len(p), n
    return rank


def test_the_graph_sees_imports_inside_functions():
    graph = _explicit_edges()
    # cli imports the session inside run_check: the edge is there all the same
    assert "reviewer.core.session" in graph["reviewer.cli"]
    assert "reviewer.core.loaders" in graph["reviewer.core.session"] or \
        "reviewer.core.loaders" in graph["reviewer.core.structure.references"]


def test_no_import_cycle():
    assert _cycles(_edges()) == []


def test_detects_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_every_module_has_a_layer():
    assert [m for m in MODULES if layer_of(m) is None] == []


def test_lower_layers_never_import_upper_ones():
    bad = []
    for module, targets in _explicit_edges().items():
        for t in targets:
            if layer_of(t) > layer_of(module):
                bad.append(f"{module} ({LAYERS[layer_of(module)][0]}) imports {t} ({LAYERS[layer_of(t)][0]})")
    assert bad == []


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("reviewer.core")))
def test_core_never_imports_qt(module):
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert not any(n.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6") for n in names)
