"""Cut detection on real footage with known cuts, side by side with PySceneDetect in the same run.

    pytest -q -m slow tests/test_real_footage.py
    python tests/bench/bench_video.py --only-real      # the same numbers, one line per clip
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "bench"))


@pytest.mark.slow
def test_cut_f1_on_real_footage_is_at_least_pyscenedetects(tmp_path):
    from bench_video import real_f1

    f1 = real_f1(tmp_path)
    assert f1["v2m"] >= f1["AdaptiveDetector"] and f1["v2m"] >= f1["ContentDetector"], f1
    assert f1["v2m"] >= 0.95, f1
