"""Hostile cases about what surrounds the video: the user's folders and files, plan files, session
stores, full and read-only disks. Importing this module adds them to `hostile_cases.CASES`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from hostile_cases import CASES, Case, Setup, _clip, _simple
from hostile_media import truncate


# --- the user's files --------------------------------------------------------------------------------
@_simple("input-named-like-an-output", error_has="would be overwritten")
def _(tmp):
    out = tmp / "out"
    out.mkdir()
    src, _ = _clip(out, "plan.json")  # an MP4 that happens to be called plan.json, inside -o
    return Setup(["score", str(src), "-o", str(out), "--force"])


@_simple("input-is-the-scored-name", error_has="would be overwritten")
def _(tmp):
    out = tmp / "out"
    out.mkdir()
    src, _ = _clip(out, "x.scored.mp4")
    (out / "x.scored.mp4").rename(out / "x.mp4")
    link = out / "x.scored.mp4"
    link.symlink_to(out / "x.mp4")  # scoring x.mp4 would write x.scored.mp4: the link is the input itself
    return Setup(["score", str(out / "x.mp4"), "-o", str(out), "--force"])


@_simple("plan-file-inside-output", error_has="would be overwritten")
def _(tmp):
    src, _ = _clip(tmp)
    out = tmp / "out"
    out.mkdir()
    (out / "plan.json").write_text("{}")
    return Setup(["score", str(src), "-o", str(out), "--force", "--plan", str(out / "plan.json")])


@_simple("existing-outputs-without-force", error_has="already exists")
def _(tmp):
    src, _ = _clip(tmp)
    out = tmp / "out"
    out.mkdir()
    (out / "score.wav").write_bytes(b"my own mix")
    return Setup(["score", str(src), "-o", str(out)])


@_simple("force-replaces-a-run-whole", expect="video")
def _(tmp):
    src, truth = _clip(tmp, "clip.avi", codec="msmpeg4", fmt="avi")
    out = tmp / "out"
    (out / "keyframes").mkdir(parents=True)
    stale = [out / "keyframes" / "shot999.jpg", out / "transcript.json", out / "clip.scored.mp4",
             out / "score.wav"]
    for p in stale:
        p.write_bytes(b"old run")
    (out / "my notes.txt").write_text("not v2m's")  # stays
    return Setup(["score", str(src), "-o", str(out), "--force"], truth=truth, out=out,
                 replaced=set(stale), gone=[stale[0], stale[1], stale[2]])


@_simple("output-folder-in-missing-parent", expect="video", slow=True)
def _(tmp):
    src, truth = _clip(tmp)
    return Setup(["score", str(src), "-o", str(tmp / "a" / "b" / "c")], truth=truth, out=tmp / "a" / "b" / "c")


@_simple("output-under-a-file", error_has="cannot create output folder")
def _(tmp):
    src, _ = _clip(tmp)
    (tmp / "blocker").write_text("x")
    return Setup(["score", str(src), "-o", str(tmp / "blocker" / "sub")])


# --- plans from a file -------------------------------------------------------------------------------
def _plan_case(name: str, make: Callable[[dict], bytes | str], error_has: str = "", expect: str = "error"):
    def build(tmp: Path) -> Setup:
        src, truth = _clip(tmp)
        plan = {"style": "rock", "tempo_bpm": 120, "meter": "4/4", "key": "C", "mode": "major",
                "duration_s": truth.length_s, "request": "",
                "sections": [{"name": "main", "start_s": 0.0, "end_s": truth.length_s, "energy": 0.5,
                              "chords": ["C", "G"], "instruments": ["harmony"]}]}
        body = make(plan)
        path = tmp / "plan.json"
        path.write_bytes(body if isinstance(body, bytes) else body.encode())
        return Setup(["score", str(src), "-o", str(tmp / "out"), "--plan", str(path)], truth=truth,
                     out=tmp / "out")
    CASES[name] = Case(build, expect, error_has)


def _many_sections(p: dict) -> str:
    n, d = 10_000, p["duration_s"] / 10_000
    p["sections"] = [{"name": f"s{i}", "start_s": i * d, "end_s": (i + 1) * d, "energy": 0.5, "chords": ["C"],
                      "instruments": ["harmony"]} for i in range(n)]
    return json.dumps(p)


_plan_case("plan-good", lambda p: json.dumps(p), expect="video")
_plan_case("plan-10000-tiny-sections", _many_sections)
_plan_case("plan-not-utf8", lambda p: json.dumps(p).encode("utf-16"), "not UTF-8")
_plan_case("plan-latin1-bytes", lambda p: json.dumps(p).replace("main", "m\u00e9").encode("latin-1"), "not UTF-8")
_plan_case("plan-oversized", lambda p: json.dumps(p) + " " * 600_000, "bytes")
_plan_case("plan-not-json", lambda p: "style: pop\n", "not JSON")
_plan_case("plan-json-array", lambda p: json.dumps([p]), "not an object")
_plan_case("plan-deeply-nested", lambda p: "[" * 100_000 + "]" * 100_000, "not a valid plan")
_plan_case("plan-wrong-duration", lambda p: json.dumps(p | {"duration_s": 99.0}), "lasts")
_plan_case("plan-unknown-field", lambda p: json.dumps(p | {"run": "rm -rf /"}), "unknown field")
_plan_case("plan-tempo-absurd", lambda p: json.dumps(p | {"tempo_bpm": 5000}), "not a valid plan")
_plan_case("plan-abc-too-long", lambda p: json.dumps(_with(p, melody_abc="C D E F " * 600)), "characters long")
_plan_case("plan-abc-garbage", lambda p: json.dumps(_with(p, melody_abc="$(reboot) ; DROP")), "not ABC")
_plan_case("plan-no-sections", lambda p: json.dumps(p | {"sections": []}), "not a valid plan")
_plan_case("plan-nan-tempo", lambda p: json.dumps(p).replace("120", "NaN"), "not a valid plan")
_plan_case("plan-negative-start", lambda p: json.dumps(_with(p, start_s=-5.0)), "not a valid plan")
_plan_case("plan-empty-file", lambda p: "", "not JSON")
_plan_case("plan-control-chars-in-name", lambda p: json.dumps(_with(p, name="\x1b]0;pwned\x07\x1b[2J")),
           expect="video")


def _with(p: dict, **section) -> dict:
    p["sections"][0].update(section)
    return p


# --- the session store and terminals -----------------------------------------------------------------
def _store_case(name: str, content: Callable[[Path], None], error_has: str = "damaged"):
    def build(tmp: Path) -> Setup:
        store = tmp / "store"
        store.mkdir()
        content(store / "sessions.db")
        return Setup(["chat", "--list", "--sessions", str(store)])
    CASES[name] = Case(build, "error", error_has)


def _half_db(path: Path) -> None:
    import sqlite3

    db = sqlite3.connect(str(path))
    db.executescript("CREATE TABLE t (x TEXT);" + "INSERT INTO t VALUES (hex(randomblob(2000)));" * 40)
    db.close()
    truncate(path, 0.5)


_store_case("store-garbage", lambda p: p.write_bytes(b"\x00garbage" * 500))
_store_case("store-text", lambda p: p.write_text("not a database\n" * 100))
_store_case("store-truncated", _half_db)
_store_case("store-header-only", lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\xff" * 84))
CASES["resume-unknown-session"] = Case(
    lambda tmp: Setup(["chat", "--resume", "nosuchid", "--sessions", str(tmp / "store")]), "error", "no session")



# --- full and read-only disks (a real tiny tmpfs when we may mount one, else the case is skipped) -----
def _mount_tmpfs(where: Path, size_kb: int, read_only: bool = False) -> Callable[[], None]:
    import subprocess

    import pytest

    where.mkdir(parents=True, exist_ok=True)
    opts = f"size={size_kb}k" + (",ro" if read_only else "")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(where)], capture_output=True)
    if r.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (not root, or no mount permission)")
    return lambda: subprocess.run(["umount", "-l", str(where)], capture_output=True)


def _disk_case(name: str, size_kb: int, *, read_only: bool = False, existing: bool = False, error_has: str):
    def build(tmp: Path) -> Setup:
        src, _ = _clip(tmp)
        disk = tmp / "disk"
        cleanup = _mount_tmpfs(disk, size_kb, read_only)
        out = disk / "out"
        if existing:  # a previous run's files sit there and must survive the failed run
            out.mkdir()
            (out / "score.wav").write_bytes(b"previous run" * 100)
            (out / "plan.json").write_text("{}")
        return Setup(["score", str(src), "-o", str(out), "--force"], cleanup=cleanup)
    CASES[name] = Case(build, "error", error_has)


_disk_case("disk-full-fresh-folder", 120, error_has="disk is full")
_disk_case("disk-full-over-a-previous-run", 120, existing=True, error_has="disk is full")
_disk_case("disk-full-tiny", 8, error_has="")
_disk_case("read-only-disk", 1024, read_only=True, error_has="")


# --- hostile model replies (the scripted backend replays them; a planner falls back to rules) ----------
def _reply_case(name: str, make: Callable[[dict], list[str]], expect: str = "video", error_has: str = ""):
    def build(tmp: Path) -> Setup:
        src, truth = _clip(tmp)
        plan = {"style": "rock", "tempo_bpm": 120, "duration_s": truth.length_s,
                "sections": [{"name": "main", "start_s": 0.0, "end_s": truth.length_s, "chords": ["C", "G"]}]}
        replies = tmp / "replies.json"
        replies.write_text(json.dumps(make(plan)))
        return Setup(["score", str(src), "rock", "--backend", "scripted", "--model", str(replies),
                      "-o", str(tmp / "out")], truth=truth, out=tmp / "out")
    CASES[name] = Case(build, expect, error_has)


def _escapes(p: dict) -> list[str]:
    p["sections"][0]["name"] = "\x1b]0;pwned\x07intro\x1b[2J"
    p["reasoning"] = "\x1b[31mred\x1b[0m \x9b2J"
    return [json.dumps(p)]


_reply_case("reply-escape-sequences", _escapes)
_reply_case("reply-prose-only", lambda p: ["I would rather not answer in JSON."] * 4)
_reply_case("reply-code-not-run", lambda p: ["```python\nimport os; os.system('touch PWNED')\n```"] * 4)
_reply_case("reply-10000-sections", lambda p: [_many_sections(dict(p))] * 4)
_reply_case("reply-huge", lambda p: ["{" + '"a": 1, ' * 20_000 + "}"] * 4)
_reply_case("reply-deeply-nested", lambda p: ["[" * 50_000 + "]" * 50_000] * 4)
_reply_case("reply-unknown-fields", lambda p: [json.dumps(p | {"exec": "rm -rf ~"})] * 4)
_reply_case("reply-empty-script", lambda p: [])
