"""The `v2m chat` CLI driven with scripted input: the transcript and the files. Runs call `main(argv)`
in this process (tests/cli_run.py), except one real `python -m v2m.agent.cli chat` process."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from cli_run import v2m, v2m_process


def chat(args, lines, env_dir: Path, *, process: bool = False):
    run = v2m_process if process else v2m
    p = run("chat", *args, "--sessions", env_dir, stdin="".join(f"{x}\n" for x in lines))
    return p.returncode, p.stdout.splitlines(), p.stderr


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.slow
def test_chat_transcript_files_undo_and_resume(bikes, tmp_path):
    out = tmp_path / "out"
    store = tmp_path / "store"
    rc, t, err = chat([bikes, "score this in jazz", "-o", out],
                      ["slower in the second half", "show plan", "when the car appears make it louder",
                       "undo", "history", "quit"], store)
    assert rc == 0, err
    assert t[0] == "v2m> Scoring bikes.mp4 ..."
    assert t[1].startswith("v2m> Session ") and "jazz at" in t[1] and "BPM" in t[1]
    sid = t[1].split()[2].rstrip(".")
    i = t.index("you> slower in the second half")
    assert t[i + 1].startswith("v2m> Tempo ") and "in the second half" in t[i + 1]
    k, n = re.match(r"v2m> Re-rendered (\d+) of (\d+) sections\.$", t[i + 2]).groups()
    assert 0 < int(k) < int(n)  # only what the edit touched
    i = t.index("you> show plan")
    assert t[i + 1] == "v2m> version 2 on branch main:" and " BPM)" in "\n".join(t[i + 2:i + 8])
    i = t.index("you> when the car appears make it louder")
    assert "can't recognise \"car\"" in t[i + 1] and t[i + 1].endswith("?")
    assert t[t.index("you> undo") + 1] == "v2m> Back to version 1."
    i = t.index("you> history")
    assert t[i + 3].startswith("v2m>   3? [main] when the car appears")
    assert t[-1] == f"v2m> Saved. Resume with: v2m chat --resume {sid}"
    # -o holds the current version (v1 after the undo), byte for byte the version's own files
    v1 = store / sid / "v0001"
    assert sha(out / "bikes.scored.mp4") == sha(v1 / "bikes.scored.mp4")
    assert sha(out / "score.wav") == sha(v1 / "score.wav")
    assert json.loads((out / "plan.json").read_text())["style"] == "jazz"
    assert (store / sid / "v0002" / "bikes.scored.mp4").is_file()  # versions stay on disk

    import av

    with av.open(str(out / "bikes.scored.mp4")) as c:
        assert c.streams.video and c.streams.audio
        assert abs(float(c.duration / 1e6) - 10.0) < 0.1

    rc, t, err = chat(["--resume", sid], ["redo", "export " + str(tmp_path / "exp"), "quit"], store)
    assert rc == 0, err
    assert t[0] == f"v2m> Resumed session {sid} on bikes.mp4, version 1 (4 turns so far)."
    assert t[t.index("you> redo") + 1] == "v2m> Forward to version 2."
    assert sha(tmp_path / "exp" / "score.wav") == sha(store / sid / "v0002" / "score.wav")


def test_chat_branches_without_rendering(tmp_path):
    rc, t, err = chat([Path(__file__), "jazz", "--no-render"], [], tmp_path)
    assert rc != 0  # a Python file is not a video: analysed and refused
    assert err.startswith("v2m: error:") and len(err.strip().splitlines()) == 1


def test_chat_needs_a_video_or_resume(tmp_path):
    rc, t, err = chat([], [], tmp_path, process=True)
    assert rc == 2 and err.strip() == "v2m: error: chat needs a VIDEO (or --resume ID)"
    rc, t, err = chat(["--resume", "nope"], [], tmp_path)
    assert rc == 2 and "no session 'nope'" in err


@pytest.fixture
def plan_only_session(bikes, tmp_path):
    rc, t, err = chat([bikes, "rock", "--no-render"], ["darker", "branch bright", "brighter", "much faster",
                                                         "branch main", "branch", "quit"], tmp_path)
    assert rc == 0, err
    return t


def test_chat_list_and_delete(bikes, tmp_path):
    rc, t, err = chat([bikes, "rock", "--no-render"], ["darker", "quit"], tmp_path)
    sid = t[1].split()[2].rstrip(".")
    rc, t, err = chat(["--list"], [], tmp_path)
    assert rc == 0 and len(t) == 1 and t[0].startswith(sid) and "bikes.mp4  2 turns" in t[0]
    assert (tmp_path / sid / "v0002" / "plan.json").is_file()
    rc, t, err = chat(["--delete", sid], [], tmp_path)
    assert rc == 0 and not (tmp_path / sid).exists()
    rc, t, err = chat(["--list"], [], tmp_path)
    assert rc == 0 and t == []


def test_chat_branch_commands(plan_only_session):
    t = plan_only_session
    assert t[t.index("you> darker") + 1].startswith("v2m> Key E major -> E minor")
    assert t[t.index("you> branch bright") + 1] == "v2m> New branch bright from version 2."
    assert t[t.index("you> branch main") + 1] == "v2m> Switched to branch main (version 2)."
    assert t[t.index("you> branch") + 1] == "v2m> Branches: bright (v4), *main (v2)."
