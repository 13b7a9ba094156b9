"""The shape of the tree: every v2m import resolves, layers point one way, no import cycle, late imports
only for heavy libraries, folders and files stay small, and `v2m --help` loads no heavy library.

    python -m pytest -q tests/test_structure.py

The checks live in tests/import_graph.py; the second half of this file plants each kind of fault in
synthetic sources and watches its check catch it.
"""

from __future__ import annotations

import subprocess
import sys

from import_graph import (CHECKS, HELP_MUST_NOT_LOAD, MAX_LINES, Source, cycles, late_light_imports, layer_violations,
                          load_tree, module_graph, size_violations, top_names, unresolved)

# Violations accepted for now (none): a work-in-progress branch may list its own here while another
# rewrites the file; an entry that no longer occurs fails `test_known_list_is_current`.
KNOWN: set[str] = set()


# ---------------------------------------------------------------------- the product
def _check(found: list[str]) -> None:
    left = [v for v in found if v not in KNOWN]
    assert not left, "\n".join(left)


def test_every_v2m_import_resolves():
    _check(unresolved(load_tree()))


def test_layers_point_one_way():
    _check(layer_violations(load_tree()))


def test_no_import_cycle():
    _check(cycles(load_tree()))


def test_late_imports_only_for_heavy_modules():
    _check(late_light_imports(load_tree()))


def test_folders_and_files_stay_small():
    _check(size_violations(load_tree()))


def test_known_list_is_current():
    tree = load_tree()
    found = {v for check in CHECKS for v in check(tree)}
    assert not KNOWN - found, f"fixed, so remove from KNOWN: {sorted(KNOWN - found)}"


def test_help_loads_no_heavy_library():
    code = ("import sys, contextlib, io\n"
            "from v2m.agent.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
            "    try: main(['--help'])\n"
            "    except SystemExit: pass\n"
            "    for cmd in ('score', 'chat', 'analyze'):\n"
            "        try: main([cmd, '--help'])\n"
            "        except SystemExit: pass\n"
            "assert 'score' in out.getvalue(), out.getvalue()\n"
            f"print(sorted(m for m in {HELP_MUST_NOT_LOAD!r} if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]", f"`v2m --help` imports {done.stdout.strip()}"


# ---------------------------------------------------------------------- the checks catch planted faults
def _tree(**modules: str) -> dict[str, Source]:
    """Synthetic sources: `_tree(**{"v2m.tools.a": "x = 1"})`; a name ending in .__init__ is a package."""
    out = {}
    for name, text in modules.items():
        package = name.endswith(".__init__")
        name = name.removesuffix(".__init__")
        out[name] = Source(name.replace(".", "/") + ("/__init__.py" if package else ".py"), text, package)
    return out


def test_unresolved_catches_a_name_in_the_wrong_module():
    tree = _tree(**{"v2m.tools.musicgen.__init__": "", "v2m.tools.musicgen.backends": "def load_backend(): ...",
                    "v2m.tools.musicgen.route": "def generate_score_audio(): ...",
                    "v2m.agent.lc_tools": "def tool():\n    from v2m.tools.musicgen.backends import generate_score_audio"})
    assert unresolved(tree) == ["v2m/agent/lc_tools.py: from v2m.tools.musicgen.backends import "
                                "generate_score_audio: v2m.tools.musicgen.backends has no 'generate_score_audio'"]
    ok = _tree(**{"v2m.tools.musicgen.__init__": "", "v2m.tools.musicgen.route": "if 1:\n    A, (B, C) = 1, (2, 3)",
                  "v2m.agent.x": "from v2m.tools.musicgen import route\nfrom v2m.tools.musicgen.route import A, C\n"
                                 "from .y import Z", "v2m.agent.y": "try:\n    import numpy as Z\nexcept ImportError:\n"
                                                                    "    Z = None"})
    assert unresolved(ok) == []
    assert unresolved(_tree(**{"v2m.agent.x": "import v2m.tools.nowhere"})) == \
        ["v2m/agent/x.py: import v2m.tools.nowhere: no module v2m.tools.nowhere"]


def test_layer_check_catches_upward_imports():
    tree = _tree(**{"v2m.tools.a": "def f():\n    from v2m.agent.b import g", "v2m.agent.b": "import v2m.finetune.c",
                    "v2m.prompts.d": "from v2m.tools import a", "v2m.finetune.c": "from v2m.agent import b"})
    assert layer_violations(tree) == ["v2m/tools/a.py: v2m.tools imports v2m.agent.b",
                                      "v2m/agent/b.py: v2m.agent imports v2m.finetune.c"]


def test_cycle_check_reports_the_cycle_and_ignores_late_imports():
    tree = _tree(**{"v2m.agent.a": "from v2m.agent.b import x", "v2m.agent.b": "from v2m.agent import c\nx = 1",
                    "v2m.agent.c": "import v2m.agent.a\ndef f():\n    import v2m.agent.d",
                    "v2m.agent.d": "from v2m.agent.c import f"})
    assert cycles(tree) == ["v2m.agent.a -> v2m.agent.b -> v2m.agent.c -> v2m.agent.a"]
    tree["v2m.agent.c"] = Source("c.py", "def f():\n    import v2m.agent.a")
    assert cycles(tree) == []
    # a package whose __init__ imports a module that imports the package back is a cycle too
    pkg = _tree(**{"v2m.agent.p.__init__": "from v2m.agent.p.m import y", "v2m.agent.p.m": "import v2m.agent.p\ny=1"})
    assert cycles(pkg) == ["v2m.agent.p -> v2m.agent.p.m -> v2m.agent.p"]


def test_late_import_check_allows_heavy_modules_only():
    tree = _tree(**{"v2m.tools.light": "x = 1", "v2m.tools.heavy": "import torch", "v2m.tools.via": "import v2m.tools.heavy",
                    "v2m.agent.cli": "def main():\n    from v2m.tools.via import x\n    from v2m.tools.light import x\n"
                                     "    import music21"})
    assert late_light_imports(tree) == ["v2m/agent/cli.py: late import of light v2m.tools.light"]


def test_late_import_check_treats_the_dialogue_stack_as_slow():
    """`v2m --help` must not load the dialogue stack: a command imports it where it runs; inside the stack a
    late import buys nothing and stays a fault."""
    tree = _tree(**{"v2m.agent.dialogue.__init__": "", "v2m.agent.dialogue.a": "x = 1",
                    "v2m.agent.dialogue.b": "def f():\n    from v2m.agent.dialogue.a import x",
                    "v2m.agent.cli": "def main():\n    from v2m.agent.dialogue.a import x"})
    assert late_light_imports(tree) == ["v2m/agent/dialogue/b.py: late import of light v2m.agent.dialogue.a"]
    assert "v2m.agent.dialogue" in HELP_MUST_NOT_LOAD


def test_size_check_counts_loose_modules_and_lines():
    tree = _tree(**{f"v2m.tools.m{k}": "x = 1" for k in range(11)}, **{"v2m.tools.__init__": "",
                 "v2m.tools.video.__init__": "", "v2m.tools.video.long": "x = 1\n" * (MAX_LINES + 1)})
    found = size_violations(tree)
    assert len(found) == 2 and found[0].startswith("v2m.tools: 11 loose modules (at most 10)")
    assert found[1] == f"v2m/tools/video/long.py: {MAX_LINES + 1} lines (at most {MAX_LINES})"
    del tree["v2m.tools.m0"]
    assert size_violations(tree) == [found[1]]


def test_checker_reads_the_real_tree():
    tree = load_tree()
    assert "v2m.tools.contract" in tree and tree["v2m.tools.video"].is_package
    assert "ScorePlan" in top_names(tree["v2m.tools.contract"])
    assert {"v2m.agent.planners.result", "v2m.agent.planners.rules"} <= module_graph(tree)["v2m.agent.planners.base"]
    assert "v2m.agent.planners.llm" not in module_graph(tree)["v2m.agent.planners.base"]


def test_planner_registry_names_real_factories():
    """PLANNERS names the language-model factories as "module:attribute" strings: each must exist."""
    from v2m.agent.planners.base import PLANNERS

    tree = load_tree()
    named = {k: v for k, v in PLANNERS.items() if isinstance(v, str)}
    assert named, "no named factory left: drop this test"
    for backend, spec in named.items():
        module, _, attribute = spec.partition(":")
        assert module in tree and attribute in top_names(tree[module]), f"{backend}: {spec} does not exist"
