"""Sessions under kills and concurrency: the real `v2m chat` in subprocesses, killed with SIGKILL or run
two at a time. A committed turn must survive any kill, a killed first score must leave no session, and
two writers on one session or one output folder get a clear message naming the other process.

    pytest -q -m slow tests/test_sessions_hostile.py
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hostile_media import Clip, write

pytestmark = pytest.mark.slow


def _chat(*args, store: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "v2m.agent.cli", "chat", *map(str, args), "--sessions", str(store), "--no-render"]
    return subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _run(*args, store: Path, lines=(), timeout=120) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "v2m.agent.cli", "chat", *map(str, args), "--sessions", str(store), "--no-render"]
    return subprocess.run(cmd, input="".join(f"{x}\n" for x in lines), capture_output=True, text=True,
                          timeout=timeout)


def _wait_for(proc: subprocess.Popen, word: str, timeout: float = 120) -> str:
    end, seen = time.time() + timeout, ""
    while time.time() < end:
        line = proc.stdout.readline()
        if not line:
            break
        seen += line
        if word in line:
            return line
    raise AssertionError(f"{word!r} never came; got {seen!r} {proc.stderr.read() if proc.poll() is not None else ''}")


@pytest.fixture()
def clip(tmp_path) -> Path:
    path = tmp_path / "clip.mp4"
    write(path, Clip(frames=75, cuts=(25, 50), size=(160, 96)))
    return path


def _store_ok(store: Path) -> list:
    from v2m.agent.dialogue.store import Store

    s = Store(store)
    assert s.integrity_ok()
    return s.sessions()


def test_a_kill_during_the_first_score_leaves_nothing_to_resume(clip, tmp_path):
    store = tmp_path / "store"
    for delay in (0.3, 1.0, 2.0):
        p = _chat(clip, "in jazz", store=store)
        time.sleep(delay)
        p.send_signal(signal.SIGKILL)
        p.wait()
        for row in _store_ok(store):  # any session listed must resume
            r = _run("--resume", row["id"], store=store, lines=["history", "quit"])
            assert r.returncode == 0, r.stderr
    r = _run("--list", store=store)
    assert r.returncode == 0 and "Traceback" not in r.stderr


def test_every_committed_turn_survives_a_kill(clip, tmp_path):
    store = tmp_path / "store"
    p = _chat(clip, "in jazz", store=store)
    sid = _wait_for(p, "Session ").split("Session ")[1].split(".")[0]
    p.stdin.write("slower\n")
    p.stdin.flush()
    _wait_for(p, "v2m> ")       # that turn is committed once its reply is printed
    p.stdin.write("faster\n")   # and this one is killed half-way (or just after)
    p.stdin.flush()
    time.sleep(0.2)
    p.send_signal(signal.SIGKILL)
    p.wait()
    r = _run("--resume", sid, store=store, lines=["history", "quit"])
    assert r.returncode == 0, r.stderr
    from v2m.agent.dialogue.store import Store

    kinds = [t.text for t in Store(store).turns(sid)]
    assert kinds[:2] == ["in jazz", "slower"], kinds


def test_two_resumes_of_one_session_lose_no_turn(clip, tmp_path):
    store = tmp_path / "store"
    r = _run(clip, "in jazz", store=store, lines=["quit"])
    assert r.returncode == 0, r.stderr
    sid = _store_ok(store)[0]["id"]
    edits = ["slower", "louder", "faster", "softer"]
    procs = [subprocess.Popen([sys.executable, "-m", "v2m.agent.cli", "chat", "--resume", sid, "--sessions",
                               str(store), "--no-render"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate("".join(f"{e}\n" for e in edits) + "quit\n", timeout=180) for p in procs]
    refused = 0
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
        assert "Traceback" not in err and "internal error" not in err and "Directory not empty" not in err, err
        for line in err.splitlines():
            assert line.startswith("v2m: error: session") and "in use by process" in line, line
            refused += 1
    from v2m.agent.dialogue.store import Store

    said = [t.text for t in Store(store).turns(sid) if t.kind == "say"]
    assert len(said) == 2 * len(edits) - refused, (said, refused)  # every turn not refused is recorded


def test_two_chats_into_one_output_folder(clip, tmp_path):
    store, out = tmp_path / "store", tmp_path / "out"
    first = _chat(clip, "in jazz", "-o", out, store=store)
    _wait_for(first, "Session ")
    second = _run(clip, "in rock", "-o", out, store=store, lines=["quit"])
    first.communicate("quit\n", timeout=60)
    assert second.returncode == 2
    assert second.stderr.strip().startswith("v2m: error: output folder") and f"process {first.pid}" in second.stderr


def test_a_damaged_store_is_reported_with_a_way_out(tmp_path):
    store = tmp_path / "store"
    store.mkdir()
    (store / "sessions.db").write_bytes(os.urandom(4096))
    r = _run("--list", store=store)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert str(store / "sessions.db") in r.stderr and "mv " in r.stderr


def test_two_scores_into_one_folder_at_once(clip, tmp_path):
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "v2m.agent.cli", "score", str(clip), "-o", str(out), "--force"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    results = [(p.wait(timeout=180), p.stderr.read()) for p in procs]
    ok = [rc for rc, _ in results if rc == 0]
    assert ok, results
    for rc, err in results:
        assert "Traceback" not in err and "internal error" not in err, err
        if rc:
            assert rc == 2 and "is in use by process" in err, err
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(["analysis.json", "plan.json", "reasoning.md", "score.abc", "score.mid",
                            "score.musicxml", "score.wav", "config.json", "clip.scored.mp4", "keyframes"]), names
