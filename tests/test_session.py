"""Sessions: turns, undo/redo, branches and resume, persisted in SQLite; a SIGKILL mid-turn loses only that
turn; two sessions on different videos at once do not touch each other; with rendering, a turn re-renders
only the sections it changed and undo gives back the previous files byte for byte."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from edit_clips import bikes, make_analysis

from v2m.agent.dialogue.session import Session
from v2m.agent.dialogue.store import Store

HERE = Path(__file__).parent


def open_plan_only(tmp_path, request="score this in jazz", analysis=None, video="bikes.mp4"):
    return Session.open(video, request, workdir=tmp_path / "store", analysis=analysis or bikes(), render=False)


def test_turns_undo_redo_and_history(tmp_path):
    s = open_plan_only(tmp_path)
    v1 = s.plan
    t = s.say("slower in the second half")
    assert t.changed and t.version == 2 and "second half" in t.reply
    v2 = s.plan
    assert v2.sections[-1].tempo_bpm < v1.tempo_bpm and v2.sections[0] == v1.sections[0]
    q = s.say("when the car appears make it louder")
    assert q.question and s.plan == v2 and s.version == 2
    s.say("add strings")
    assert s.undo().version == 2 and s.plan == v2
    assert s.say("undo").version == 1 and s.plan == v1
    assert "Nothing to undo" in s.undo().reply and s.plan == v1
    assert s.redo().version == 2 and s.redo().version == 3
    assert "Nothing to redo" in s.redo().reply
    kinds = [h.kind for h in s.history()]
    assert kinds == ["open", "say", "say", "say", "undo", "undo", "undo", "redo", "redo", "redo"]
    assert [h.question for h in s.history()][2] is True
    # a new edit after an undo forgets the redo path
    s.undo()
    s.say("much faster")
    assert "Nothing to redo" in s.redo().reply and s.version == 4


def test_branches_keep_their_own_heads(tmp_path):
    s = open_plan_only(tmp_path)
    s.say("darker")
    s.branch("fast")
    s.say("much faster")
    fast = s.plan
    t = s.branch("main")
    assert "Switched" in t.reply and s.plan.tempo_bpm < fast.tempo_bpm and s.plan.mode == "minor"
    s.say("add a flute")
    s.branch("fast")
    assert s.plan == fast
    assert "*fast" in s.branch().reply
    versions = Store(tmp_path / "store").versions(s.id)
    assert [v.n for v in versions] == [1, 2, 3, 4]
    assert versions[2].parent == versions[1].id and versions[3].parent == versions[1].id  # a tree


def test_resume_and_delete(tmp_path):
    s = open_plan_only(tmp_path)
    s.say("more energy after 0:05")
    s.say("keep the intro as it is")
    r = Session.resume(s.id, workdir=tmp_path / "store", render=False)
    assert r.plan == s.plan and r.version == 3 and len(r.history()) == 3
    assert r.plan.sections[0].locked
    assert (r.dir / "v0003" / "plan.json").is_file()
    r.delete()
    assert not r.dir.exists()
    from v2m.tools.errors import V2MError

    with pytest.raises(V2MError, match="no session"):
        Session.resume(s.id, workdir=tmp_path / "store")


CHILD = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {here!r})
    from edit_clips import make_analysis
    from v2m.agent.dialogue.session import Session
    requests = {requests!r}
    a = make_analysis({dur}, 25.0, {cuts}, source={video!r})
    s = Session.open({video!r}, "jazz", workdir={store!r}, analysis=a, render=False)
    print("ID", s.id, flush=True)
    kill_at = {kill_at}
    real = Session._realise
    def slow(self, plan, folder):
        out = real(self, plan, folder)
        if len(self.history()) == kill_at:   # the turn after kill_at completed turns hangs half-done
            print("HANGING", flush=True)
            time.sleep(60)
        return out
    Session._realise = slow
    for i, text in enumerate(requests):
        t = s.say(text)
        print("DONE", i, t.version, flush=True)
""")


def _child(tmp_path, video, requests, kill_at=-1, dur=10.0, cuts=None):
    code = CHILD.format(here=str(HERE), requests=requests, dur=dur, cuts=cuts, video=video,
                        store=str(tmp_path / "store"), kill_at=kill_at)
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_sigkill_mid_turn_loses_only_that_turn(tmp_path):
    requests = ["slower in the second half", "add strings", "darker", "more energy after 0:03", "much faster"]
    proc = _child(tmp_path, "bikes.mp4", requests, kill_at=4)  # open + 3 turns complete, the 4th hangs
    lines = []
    for line in proc.stdout:
        lines.append(line.strip())
        if line.startswith("HANGING"):
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    sid = lines[0].split()[1]
    assert [x for x in lines if x.startswith("DONE")] == ["DONE 0 2", "DONE 1 3", "DONE 2 4"]
    store = Store(tmp_path / "store")
    assert store.integrity_ok()
    assert list((tmp_path / "store" / sid).glob(".v*.tmp"))  # the killed turn's half-made folder is there...
    s = Session.resume(sid, workdir=tmp_path / "store", render=False)
    assert not list(s.dir.glob(".v*.tmp"))  # ...and resume clears it
    assert [h.text for h in s.history()] == ["jazz", *requests[:3]]
    assert s.version == 4 and s.plan.mode == "minor"
    t = s.say(requests[3])  # the lost turn, said again, gets the next number
    assert t.version == 5 and s.plan.sections[-1].energy > 0


@pytest.mark.slow
def test_two_sessions_at_once_do_not_touch_each_other(tmp_path):
    a_req = ["slower", "add strings", "darker", "much faster", "no drums in the intro", "louder"] * 2
    b_req = ["faster", "in D minor", "more energy after 0:10", "add a flute", "calmer", "hit the cut at 0:08"] * 2
    pa = _child(tmp_path, "a.mp4", a_req)
    pb = _child(tmp_path, "b.mp4", b_req, dur=20.0, cuts=[100, 200, 300, 400])
    out_a, err_a = pa.communicate(timeout=120)
    out_b, err_b = pb.communicate(timeout=120)
    assert pa.returncode == 0 and pb.returncode == 0, err_a + err_b
    sid_a, sid_b = out_a.split()[1], out_b.split()[1]
    # replay each dialogue alone: the concurrent sessions must have ended exactly there
    ref_a = open_plan_only(tmp_path / "ra", "jazz", make_analysis(10.0, 25.0, None, source="a.mp4"), "a.mp4")
    ref_b = open_plan_only(tmp_path / "rb", "jazz", make_analysis(20.0, 25.0, [100, 200, 300, 400], source="b.mp4"),
                           "b.mp4")
    for t in a_req:
        ref_a.say(t)
    for t in b_req:
        ref_b.say(t)
    a = Session.resume(sid_a, workdir=tmp_path / "store", render=False)
    b = Session.resume(sid_b, workdir=tmp_path / "store", render=False)
    assert a.plan.model_dump(exclude={"reasoning"}) == ref_a.plan.model_dump(exclude={"reasoning"})
    assert b.plan.model_dump(exclude={"reasoning"}) == ref_b.plan.model_dump(exclude={"reasoning"})
    assert [h.text for h in a.history()][1:] == a_req and [h.text for h in b.history()][1:] == b_req
    assert a.video.name == "a.mp4" and b.video.name == "b.mp4" and a.dir != b.dir
    assert Store(tmp_path / "store").integrity_ok()


# ----------------------------------------------------------------------------- with audio


def _digest(files):
    return {k: hashlib.sha256(Path(p).read_bytes()).hexdigest() for k, p in files.items()}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, request):
    from v2m.tools.audio.render import find_soundfont

    find_soundfont()
    bikes_mp4 = request.getfixturevalue("bikes")
    tmp = tmp_path_factory.mktemp("rendered")
    return Session.open(bikes_mp4, "score this in jazz", workdir=tmp / "store", analysis=bikes())


@pytest.mark.slow
def test_a_turn_rerenders_only_changed_sections_and_undo_is_byte_exact(rendered):
    import soundfile as sf

    s = rendered
    first = dict(s.files)
    assert set(first) == {"plan", "midi", "wav", "video"}
    before = _digest(first)
    n = len(s.plan.sections)
    t = s.say("much slower from 0:06")
    assert t.changed and 0 < len(t.rendered) < len(s.plan.sections), t.reply
    assert "Re-rendered" in t.reply
    info = sf.info(str(s.files["wav"]))
    assert abs(info.duration - 10.0) < 0.01
    # before the first changed section the new WAV is sample-identical: nothing else was touched
    first_changed = min(s.plan.sections[i].start_s for i in t.rendered)
    old_wav, sr = sf.read(str(first["wav"]), dtype="int16")
    new_wav, _ = sf.read(str(s.files["wav"]), dtype="int16")
    k = int((first_changed - 0.01) * sr)
    assert k > sr and (old_wav[:k] == new_wav[:k]).all() and not (old_wav == new_wav).all()
    assert _digest(first) == before  # the old version's files were not touched
    u = s.undo()
    assert u.version == 1 and _digest(s.files) == before and len(s.plan.sections) == n
    s.redo()
    assert s.files["video"] != first["video"] and s.files["video"].is_file()
    # the same plan again costs no synthesis at all
    s.undo()
    again = s.say("much slower from 0:06")
    assert again.rendered == []
    from v2m.tools.audio.loudness import integrated_loudness as loudness_lufs

    before_lufs = loudness_lufs(sf.read(str(s.files["wav"]))[0], 44100)
    louder = s.say("louder")
    assert louder.rendered == []  # same notes: a new gain only
    assert loudness_lufs(sf.read(str(s.files["wav"]))[0], 44100) - before_lufs > 2.0
