"""A static map of v2m's own imports (ast only, nothing imported) and the checks tests/test_structure.py runs.

Every check is a function over `{module name: Source}` returning violations as stable one-line strings
(no line numbers, so an allowlist survives edits elsewhere in a file):

    from import_graph import CHECKS, load_tree
    for check in CHECKS:
        print(check.__name__, check(load_tree()))
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = {"tools": "v2m.tools", "agent": "v2m.agent", "prompts": "v2m.prompts", "finetune": "v2m.finetune"}
# Who may not import whom (any import, in a function or not): layers point one way.
FORBIDDEN = {"v2m.tools": ("v2m.agent", "v2m.finetune"), "v2m.agent": ("v2m.finetune",),
             "v2m.prompts": ("v2m.agent", "v2m.finetune")}
# Libraries slow to import or optional: the only reason to import anything inside a function.
HEAVY = {"torch", "torchvision", "torchaudio", "transformers", "accelerate", "peft", "bitsandbytes", "datasets",
         "av", "music21", "langchain", "langchain_core", "langchain_community", "langchain_ollama",
         "langchain_openai", "sentence_transformers", "audiocraft", "gradio", "mcp", "matplotlib", "cv2",
         "scenedetect", "skvideo", "starlette", "uvicorn", "selenium", "multipart"}
# Our own packages slow to import (the dialogue stack compiles hundreds of patterns, ~0.5 s): like a heavy
# library, a command that needs one imports it where it runs, so `v2m --help` does not pay for it.
SLOW = ("v2m.agent.dialogue",)
HELP_MUST_NOT_LOAD = ("torch", "transformers", "music21", "av", "langchain", "langchain_core") + SLOW
MAX_LOOSE = {"v2m.tools": 10, "v2m.agent": 12}  # modules directly in the folder, __init__ not counted
MAX_LINES = 400


@dataclass(frozen=True)
class Source:
    path: str  # relative to the repository root, for messages
    text: str
    is_package: bool = False


@dataclass(frozen=True)
class Import:
    importer: str  # dotted module name
    path: str
    line: int
    target: str  # absolute dotted module named after `import` / `from`
    names: tuple[str, ...]  # the names of a `from` import; () for `import x`
    top: bool  # runs when the module is imported (not inside a function, not under TYPE_CHECKING)
    typing: bool = False  # under `if TYPE_CHECKING:`, for annotations only: never runs


def load_tree(root: Path = ROOT) -> dict[str, Source]:
    """Every product module under its installed name (v2m.tools.video.analyze -> tools/video/analyze.py)."""
    tree = {}
    for folder, package in PACKAGES.items():
        for path in sorted((root / folder).rglob("*.py")):
            rel = path.relative_to(root / folder).with_suffix("")
            parts = [package] + list(rel.parts)
            is_package = parts[-1] == "__init__"
            name = ".".join(parts[:-1] if is_package else parts)
            tree[name] = Source(str(path.relative_to(root)), path.read_text(), is_package)
    return tree


def _is_type_checking(node: ast.If) -> bool:
    t = node.test
    return (isinstance(t, ast.Name) and t.id == "TYPE_CHECKING") or \
        (isinstance(t, ast.Attribute) and t.attr == "TYPE_CHECKING")


@lru_cache(maxsize=None)
def _parse(src: Source) -> ast.Module:
    return ast.parse(src.text, src.path)


@lru_cache(maxsize=None)
def imports(name: str, src: Source) -> tuple[Import, ...]:
    """Every import in a module, relative ones made absolute, each marked top-level or late."""
    package = name if src.is_package else name.rpartition(".")[0]
    found: list[Import] = []

    def visit(node: ast.AST, top: bool, typing: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import):
                found.extend(Import(name, src.path, child.lineno, a.name, (), top, typing) for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                target = child.module or ""
                if child.level:
                    base = package.split(".")[:len(package.split(".")) - child.level + 1]
                    target = ".".join(base + ([child.module] if child.module else []))
                names = tuple(a.name for a in child.names)
                found.append(Import(name, src.path, child.lineno, target, names, top, typing))
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                visit(child, False, typing)
            elif isinstance(child, ast.If) and _is_type_checking(child):
                visit(child, False, True)
            else:
                visit(child, top, typing)

    visit(_parse(src), True, False)
    return tuple(found)


@lru_cache(maxsize=None)
def top_names(src: Source) -> frozenset[str]:
    """Names a module defines when imported: defs, classes, assignments, imports (also under if/try/with)."""
    names: set[str] = set()

    def targets(t: ast.AST) -> None:
        if isinstance(t, ast.Name):
            names.add(t.id)
        elif isinstance(t, (ast.Tuple, ast.List)):
            for e in t.elts:
                targets(e)
        elif isinstance(t, ast.Starred):
            targets(t.value)

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Assign):
                for t in node.targets:
                    targets(t)
            elif isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.For, ast.AsyncFor)):
                targets(node.target)
            elif isinstance(node, ast.Import):
                names.update((a.asname or a.name).split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                names.update(a.asname or a.name for a in node.names)
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                for field in ("body", "orelse", "finalbody", "handlers"):  # if, try, with, for blocks
                    visit(getattr(node, field, []))

    visit(_parse(src).body)
    return frozenset(names)


def all_imports(tree: dict[str, Source]) -> list[Import]:
    return [i for name, src in tree.items() for i in imports(name, src)]


def _ours(target: str) -> bool:
    return target == "v2m" or target.startswith("v2m.")


def unresolved(tree: dict[str, Source]) -> list[str]:
    """`v2m.*` imports naming a module that does not exist, or a name its module does not define."""
    bad = []
    namespace = {n.split(".")[1] for n in tree}
    for i in all_imports(tree):
        if not _ours(i.target):
            continue
        where = f"{i.path}: " + (f"from {i.target} import {', '.join(i.names)}" if i.names else f"import {i.target}")
        if i.target == "v2m":
            missing = [n for n in i.names if n not in namespace] if i.names else []
        elif i.target not in tree:
            bad.append(f"{where}: no module {i.target}")
            continue
        else:
            defined = top_names(tree[i.target])
            missing = [n for n in i.names if n != "*" and n not in defined and f"{i.target}.{n}" not in tree]
        bad += [f"{where}: {i.target} has no {n!r}" for n in missing]
    return bad


def layer_violations(tree: dict[str, Source]) -> list[str]:
    """Imports that run upward: tools -> agent/finetune, agent -> finetune, prompts -> agent/finetune."""
    bad = []
    for i in all_imports(tree):
        layer = ".".join(i.importer.split(".")[:2])
        for up in FORBIDDEN.get(layer, ()):
            if i.target == up or i.target.startswith(up + "."):
                bad.append(f"{i.path}: {layer} imports {i.target}")
    return bad


def _targets(i: Import, tree: dict[str, Source]) -> set[str]:
    """The v2m modules an import runs: the module, its parent packages, and submodules named by `from`."""
    parts = i.target.split(".")
    run = {".".join(parts[:k]) for k in range(2, len(parts) + 1)}
    run |= {f"{i.target}.{n}" for n in i.names}
    return {m for m in run if m in tree}


def module_graph(tree: dict[str, Source]) -> dict[str, set[str]]:
    """Module -> the v2m modules its import runs (top-level imports only)."""
    graph: dict[str, set[str]] = {name: set() for name in tree}
    for i in all_imports(tree):
        if i.top and _ours(i.target):
            graph[i.importer] |= _targets(i, tree) - {i.importer}
    return graph


def cycles(tree: dict[str, Source]) -> list[str]:
    """Import cycles among module-level imports, each as 'a -> b -> a' (one per strongly connected group)."""
    graph = module_graph(tree)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[set[str]] = []

    def connect(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(group)

    for v in sorted(graph):
        if v not in index:
            connect(v)
    found = []
    for group in groups:  # the shortest way round from the group's first module back to itself
        start = min(group)
        paths = {start: [start]}
        frontier = [start]
        while frontier and start not in paths.get("@", []):
            nxt = []
            for v in frontier:
                for w in sorted(graph[v] & group):
                    if w == start and "@" not in paths:
                        paths["@"] = paths[v] + [start]
                    elif w not in paths:
                        paths[w] = paths[v] + [w]
                        nxt.append(w)
            frontier = nxt
        found.append(" -> ".join(paths["@"]))
    return found


def _slow(name: str) -> str | None:
    """The SLOW package a module belongs to, if any."""
    return next((p for p in SLOW if name == p or name.startswith(p + ".")), None)


def heavy_modules(tree: dict[str, Source], slow: bool = True) -> set[str]:
    """v2m modules whose import (directly or through other v2m modules) loads a heavy library (or, with `slow`,
    a SLOW package)."""
    heavy = {name for name, src in tree.items()
             if any(i.top and i.target.split(".")[0] in HEAVY for i in imports(name, src)) or (slow and _slow(name))}
    graph = module_graph(tree)
    changed = True
    while changed:
        grown = {m for m, deps in graph.items() if deps & heavy}
        changed = not grown <= heavy
        heavy |= grown
    return heavy


def late_light_imports(tree: dict[str, Source]) -> list[str]:
    """Imports of v2m modules inside functions whose module is light: those belong at the top. Inside a SLOW
    package only heavy libraries count (the package is loaded already)."""
    heavy, libraries = heavy_modules(tree), heavy_modules(tree, slow=False)
    bad = set()
    for i in all_imports(tree):
        if i.top or i.typing or not _ours(i.target):
            continue
        run = _targets(i, tree) - {i.importer}
        if run and not run & (libraries if _slow(i.importer) else heavy):
            bad.add(f"{i.path}: late import of light {i.target}")
    return sorted(bad)


def size_violations(tree: dict[str, Source]) -> list[str]:
    """Too many loose modules in tools/ or agent/, and modules over MAX_LINES lines."""
    bad = []
    for package, limit in MAX_LOOSE.items():
        loose = [n for n, s in tree.items() if n.rpartition(".")[0] == package and not s.is_package]
        if len(loose) > limit:
            bad.append(f"{package}: {len(loose)} loose modules (at most {limit}): {sorted(loose)}")
    bad += [f"{s.path}: {len(s.text.splitlines())} lines (at most {MAX_LINES})"
            for s in tree.values() if len(s.text.splitlines()) > MAX_LINES]
    return bad


CHECKS = (unresolved, layer_violations, cycles, late_light_imports, size_violations)
