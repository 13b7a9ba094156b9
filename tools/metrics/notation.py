"""Notation: is what a run wrote valid? The contract, and the ABC as three independent readers see it.

    from v2m.tools.metrics.notation import notation_metrics
    notation_metrics("out/clip")   # {"contract_valid": True, "abc_music21_ok": True, ...}

- contract_valid: plan.json validates as a ScorePlan and analysis.json as a VideoAnalysis; the first
  error is kept in `contract_error`.
- abc_music21_ok: music21 parses score.abc into a score with notes.
- abc2midi_ok / abc2midi_warnings: abc2midi (abcmidi package) exits 0 and writes a MIDI file; its
  "Warning"/"Error" lines are counted (a bar that does not add up is a warning there).
- abcm2ps_ok / abcm2ps_errors: abcm2ps (the engraver) exits 0; "error:" lines counted. Its layout
  warnings (an overfull staff line) are not notation errors and are not counted.
- repairs: how many melody repairs the composer had to make (config.json warnings "melody repaired: ...").
A reader that is not installed gives None, never a pass.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from v2m.tools.contract import ScorePlan, VideoAnalysis

READER_TIMEOUT_S = 60


def contract_check(run_dir: Path) -> tuple[bool, str | None]:
    """(valid, first error) of plan.json and analysis.json against the contract."""
    from pydantic import ValidationError

    for name, model in (("plan.json", ScorePlan), ("analysis.json", VideoAnalysis)):
        try:
            model.model_validate_json((run_dir / name).read_text())
        except OSError as e:
            return False, f"{name}: {e.strerror}"
        except ValidationError as e:
            first = e.errors()[0]
            where = ".".join(str(x) for x in first["loc"]) or name
            return False, f"{name}: {where}: {first['msg']}"
    return True, None


def music21_reads(abc: Path) -> bool:
    from music21 import converter

    try:
        score = converter.parse(str(abc), format="abc")
    except Exception:  # music21 raises many kinds on bad ABC; any of them means "not readable"
        return False
    return len(score.recurse().notes) > 0


def _run(cmd: list[str]) -> tuple[int, str]:
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=READER_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return -1, "timed out"
    return proc.returncode, proc.stdout + proc.stderr


def abc2midi_check(abc: Path) -> tuple[bool | None, int | None]:
    """(ok, warning and error lines) from abc2midi; (None, None) when it is not installed."""
    if not shutil.which("abc2midi"):
        return None, None
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "abc.mid"
        rc, log = _run(["abc2midi", str(abc), "-o", str(out)])
        ok = rc == 0 and out.exists()
    return ok, sum(1 for line in log.splitlines() if line.startswith(("Warning", "Error")))


def abcm2ps_check(abc: Path) -> tuple[bool | None, int | None]:
    """(ok, "error:" lines) from abcm2ps; (None, None) when it is not installed."""
    if not shutil.which("abcm2ps"):
        return None, None
    with tempfile.TemporaryDirectory() as tmp:
        rc, log = _run(["abcm2ps", str(abc), "-O", str(Path(tmp) / "score.ps")])
    errors = sum(1 for line in log.splitlines() if "error:" in line)
    return rc == 0 and errors == 0, errors


def repairs_needed(run_dir: Path) -> int | None:
    try:
        record = json.loads((run_dir / "config.json").read_text())
    except (OSError, ValueError):
        return None
    return sum(1 for w in record.get("warnings", []) if str(w).startswith("melody repaired"))


def notation_metrics(run_dir: str | Path) -> dict:
    """Every notation measure of one run folder (ABC measures are None when the run wrote no score.abc)."""
    run_dir = Path(run_dir)
    valid, error = contract_check(run_dir)
    abc = run_dir / "score.abc"
    has_abc = abc.exists()
    a2m_ok, a2m_warn = abc2midi_check(abc) if has_abc else (None, None)
    ps_ok, ps_err = abcm2ps_check(abc) if has_abc else (None, None)
    return {
        "contract_valid": valid,
        "contract_error": error,
        "abc_music21_ok": music21_reads(abc) if has_abc else None,
        "abc2midi_ok": a2m_ok,
        "abc2midi_warnings": a2m_warn,
        "abcm2ps_ok": ps_ok,
        "abcm2ps_errors": ps_err,
        "repairs": repairs_needed(run_dir),
    }
