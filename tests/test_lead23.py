"""Lead fixes of the twenty-third session, each with the words that showed it and other voices of the same meaning.

A version named by the edit it comes before ("go back to the way it was before the drums went": the versions bank's
tune half, lost when fix22b read a part said first as that part alone going back): the whole score as it was then,
not the part alone. Checked as bench_versions checks it: the same four edits of the jazz score, then the request."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "bench"))
from bench_versions import judge  # noqa: E402 - the bench's own reading of a version brought back


@pytest.mark.parametrize("said, version", [
    ("go back to the way it was before the drums went", 2),   # versions bank, tune half
    ("honestly the strings AND the intense ending both were mistakes, put it back the way it was right before the "
     "strings", 3),   # versions bank, tune half
    # other voices
    ("can we go back to how it sounded before the strings came in", 3),
    ("I liked it better before the drums were taken out, put it back like that", 2),
    ("revert to how it was before the strings got added please", 3)])
def test_a_version_named_by_the_edit_it_comes_before_comes_back_whole(tmp_path, said, version):
    verdict, why = judge({"text": said, "whole": version}, tmp_path)
    assert verdict == "ok", why
