"""Run the `v2m` command line for a test: in this process (fast, the default) or as a real subprocess.

    r = v2m("score", clip, "jazz", "-o", out)              # main(argv) here; stdin, stdout, stderr swapped
    r = v2m_process("score", clip, "jazz", "-o", out)      # python -m v2m.agent.cli, as a user runs it
    assert r.returncode == 0, r.stderr

Both return a `subprocess.CompletedProcess` with text stdout/stderr. In-process runs skip the interpreter
start and the imports (about a second each); keep a real subprocess where the test is about the process
(exit status from `sys.exit`, what a fresh interpreter imports, the installed entry point).
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys

from v2m.agent.cli import main


def v2m(*args, stdin: str = "") -> subprocess.CompletedProcess:
    """`v2m ARGS` through `main(argv)` with `stdin` as its (non-interactive) input."""
    argv = [str(a) for a in args]
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as e:  # argparse: --help, usage errors
                code = e.code if isinstance(e.code, int) else 0 if e.code is None else 1
    finally:
        sys.stdin = saved
    return subprocess.CompletedProcess(["v2m", *argv], code, out.getvalue(), err.getvalue())


def v2m_process(*args, stdin: str = "", timeout: float = 300) -> subprocess.CompletedProcess:
    """`v2m ARGS` as a real process: `python -m v2m.agent.cli ARGS`."""
    return subprocess.run([sys.executable, "-m", "v2m.agent.cli", *map(str, args)], input=stdin,
                          capture_output=True, text=True, timeout=timeout)
