"""The web studio's guards, over real HTTP: files only from inside a session's own folder (raw `..`,
encoded `..`, absolute paths, symlinks out, another session), uploads refused by size and by content
with nothing left behind, control characters stripped, and `v2m ui` on 127.0.0.1 only by default."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from studio_server import running_studio  # noqa: E402

SID, OTHER = "0123456789", "abcdefabcd"


def _get(base: str, raw_path: str) -> tuple[int, bytes]:
    """GET exactly `raw_path` (no client-side normalisation of `..`)."""
    u = urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
    conn.putrequest("GET", raw_path, skip_accept_encoding=True)
    conn.endheaders()
    r = conn.getresponse()
    body = r.read()
    conn.close()
    return r.status, body


def test_files_are_served_only_from_inside_the_sessions_own_folder(tmp_path):
    root = tmp_path / "sessions"
    (root / SID / "v0001").mkdir(parents=True)
    (root / SID / "v0001" / "score.mid").write_bytes(b"MThd-ours")
    (root / OTHER).mkdir()
    (root / OTHER / "plan.json").write_text("{\"theirs\": 1}")
    (tmp_path / "secret.txt").write_text("secret")
    (root / SID / "v0001" / "link.txt").symlink_to(tmp_path / "secret.txt")
    with running_studio(root) as (base, app):
        assert _get(base, f"/files/{SID}/v0001/score.mid") == (200, b"MThd-ours")
        for path in (f"/files/{SID}/../{OTHER}/plan.json", f"/files/{SID}/v0001/../../sessions.db",
                     f"/files/{SID}/..%2F..%2Fsecret.txt", f"/files/{SID}/%2e%2e/%2e%2e/secret.txt",
                     f"/files/{SID}/v0001/link.txt", f"/files/{SID}//etc/passwd", f"/files/{SID}/%2Fetc%2Fpasswd",
                     f"/files/{SID}/v0001", f"/files/..%2F{OTHER}/plan.json", "/files/../secret.txt",
                     f"/files/{SID}/v0001/score.mid%00.txt"):
            status, body = _get(base, path)
            assert status in (400, 404), path
            assert b"secret" not in body and b"theirs" not in body and b"root:" not in body, path


def _upload(base: str, name: str, data: bytes) -> tuple[int, dict]:
    import httpx

    r = httpx.post(f"{base}/api/sessions", files={"file": (name, data, "video/mp4")},
                   data={"request": "jazz", "route": "symbolic"}, timeout=30)
    return r.status_code, r.json()


def _wav_bytes() -> bytes:
    import io

    import numpy as np
    import soundfile as sf

    buf = io.BytesIO()
    sf.write(buf, 0.3 * np.sin(np.linspace(0, 2 * np.pi * 440, 44100)), 44100, format="WAV")
    return buf.getvalue()


def test_uploads_over_the_limit_or_without_a_picture_are_refused_and_leave_nothing(tmp_path, bikes):
    root = tmp_path / "sessions"
    with running_studio(root, max_upload_bytes=1_000_000) as (base, app):
        big = bikes.read_bytes() + bytes(600_000)  # a real MP4, made too big
        status, body = _upload(base, "big.mp4", big)
        assert status == 413 and "limit is 1 MB" in body["error"]
        status, body = _upload(base, "huge.mp4", bytes(3_000_000))  # refused on its Content-Length, unread
        assert status == 413 and "limit" in body["error"]
        status, body = _upload(base, "notes.mp4", b"just some words\n" * 200)   # the extension lies
        assert status == 400 and "notes.mp4: not a video or image" in body["error"]
        status, body = _upload(base, "tone.mp4", _wav_bytes())   # real media, but no picture
        assert status == 400 and "audio-only" in body["error"]
        status, body = _upload(base, "\x1b[31mred\x1b[0m.mp4", b"\x00" * 100)
        assert status == 400 and "\x1b" not in body["error"]
        import httpx

        assert httpx.get(f"{base}/api/sessions").json() == []
    assert not any((root / "uploads").iterdir()) and not [p for p in root.iterdir() if p.name not in
                                                          ("uploads", "sessions.db", "sessions.db-wal",
                                                           "sessions.db-shm")]


def test_printable_strips_terminal_escapes_and_bidi_overrides_but_keeps_lines():
    from v2m.agent.serve.guard import printable

    assert printable("Tempo\x1b[2J 120\u202e BPM\x07\nnext\tline") == "Tempo[2J 120 BPM\nnext\tline"


def _lan_address() -> str | None:
    """This machine's address on its default route, if it has one (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))
            addr = s.getsockname()[0]
        except OSError:
            return None
    return None if addr.startswith("127.") else addr


def _listening(port: int) -> set[str]:
    """Local addresses with a TCP socket listening on `port` (from /proc/net/tcp)."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        addr, p = local.split(":")
        if state == "0A" and int(p, 16) == port:
            found.add(socket.inet_ntoa(bytes.fromhex(addr)[::-1]))
    return found


@pytest.mark.slow
def test_v2m_ui_with_no_arguments_listens_on_127_0_0_1_only(tmp_path):
    env = {**os.environ, "V2M_SESSIONS": str(tmp_path / "sessions")}
    proc = subprocess.Popen([sys.executable, "-m", "v2m.agent.cli", "ui"], env=env, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = proc.stdout.readline()
        assert "http://127.0.0.1:7860/" in line, line
        deadline = time.monotonic() + 20
        while not _listening(7860):
            assert time.monotonic() < deadline and proc.poll() is None, "v2m ui did not start listening"
            time.sleep(0.1)
        assert _listening(7860) == {"127.0.0.1"}
        status, body = _get("http://127.0.0.1:7860", "/")
        assert status == 200 and b"v2m studio" in body
        lan = _lan_address()
        if lan:
            with pytest.raises(OSError):
                socket.create_connection((lan, 7860), timeout=2).close()
    finally:
        proc.terminate()
        proc.wait(10)


def test_v2m_ui_on_a_port_in_use_is_one_line_and_exit_2(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        r = subprocess.run([sys.executable, "-m", "v2m.agent.cli", "ui", "--port", str(port), "--sessions",
                            str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 2 and r.stderr.startswith("v2m: error: cannot listen on 127.0.0.1:") \
        and len(r.stderr.splitlines()) == 1


@pytest.mark.slow
def test_the_api_takes_branches_redoes_and_makes_notation_and_the_timeline(tmp_path, bikes):
    import httpx
    import music21

    def wait(c, r) -> dict:
        assert r.status_code == 200, r.text
        while (job := c.get(f"/api/jobs/{r.json()['job']}").json())["state"] == "running":
            time.sleep(0.2)
        return job

    with running_studio(tmp_path / "sessions") as (base, app), httpx.Client(base_url=base, timeout=60) as c:
        job = wait(c, c.post("/api/sessions", files={"file": ("bikes.mp4", bikes.read_bytes(), "video/mp4")},
                             data={"request": "calm", "style": "bossa"}))
        sid = job["sid"]
        assert job["state"] == "done" and "bossa" in job["reply"]
        turn = lambda body: wait(c, c.post(f"/api/sessions/{sid}/turn", json=body))  # noqa: E731
        took = turn({"action": "take", "section": 1})
        assert took["changed"] and "take" in took["reply"].lower()
        state = c.get(f"/api/sessions/{sid}").json()
        assert state["version"] == 2 and state["plan"]["sections"][1]["take"] == 1
        bad = c.post(f"/api/sessions/{sid}/turn", json={"action": "take", "section": 99})
        assert bad.status_code == 400 and bad.json()["error"].startswith("no section 99")
        assert "stays on the symbolic route" in turn({"action": "route", "route": "audio"})["reply"]
        assert turn({"action": "undo"})["reply"] == "Back to version 1."
        assert turn({"action": "redo"})["reply"] == "Forward to version 2."
        assert turn({"action": "branch", "name": "bright"})["reply"] == "New branch bright from version 2."
        said = turn({"action": "say", "text": "faster\x1b[2J in the first half\u202e"})
        state = c.get(f"/api/sessions/{sid}").json()
        assert said["changed"] and state["branch"] == "bright" and state["version"] == 3
        assert state["history"][-1]["text"] == "faster[2J in the first half"
        assert {b["name"]: b["version"] for b in state["branches"]} == {"main": 2, "bright": 3}

        abc = c.get(f"/api/sessions/{sid}/notation/3/abc")
        assert abc.status_code == 200 and "\nX:1\n" in "\n" + abc.text and "K:" in abc.text
        xml = c.get(f"/api/sessions/{sid}/notation/3/musicxml")
        score = music21.converter.parseData(xml.text, format="musicxml")
        assert score.highestTime > 8
        png = c.get(f"/api/sessions/{sid}/timeline/3.png")
        assert png.status_code == 200 and png.content[:8] == b"\x89PNG\r\n\x1a\n"
        assert c.get(f"/api/sessions/{sid}/timeline/9.png").json()["error"] == f"session {sid} has no version 9"
        assert c.get("/api/sessions/ffffffffff").status_code == 400
