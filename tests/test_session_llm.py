"""A language-model planner in a conversation, driven by the scripted backend: through the Session API a
model's revision is applied and only the section it changed is re-rendered; through the `v2m chat` CLI
(`--backend scripted --model replies.json`, run in-process) a revision is applied, a garbage one falls back
to the rules planner with a visible warning, and --resume rebuilds the same planner from the stored options."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path

import pytest
from cli_run import v2m
from llm_kit import bikes_analysis, fenced, plan_dict

from v2m.agent.dialogue.session import Session

FELL_BACK = "used the rules planner instead"


def _replies(tmp_path: Path, replies: list[str]) -> Path:
    path = tmp_path / "replies.json"
    path.write_text(json.dumps(replies))
    return path


@pytest.mark.slow
def test_session_with_a_model_planner_revises_one_section(tmp_path, bikes):
    from v2m.tools.audio.render import find_soundfont

    find_soundfont()
    calmer = plan_dict()["sections"]
    calmer[1] = dict(calmer[1], energy=0.2)
    replies = _replies(tmp_path, [fenced(plan_dict()), fenced({"sections": calmer}, "Calmer in the middle."),
                                  "I would rather not.", '{"tempo_bpm": "fast"'])
    s = Session.open(bikes, "score this in jazz", workdir=tmp_path / "store", analysis=bikes_analysis(),
                     planner="scripted", planner_options={"model": str(replies), "max_attempts": 2})
    assert s.plan.tempo_bpm == 140 and [x.name for x in s.plan.sections] == ["intro", "A", "outro"]
    assert s.first.reply.startswith("Planned jazz at 140 bpm") and "Warning" not in s.first.reply
    first = s.plan
    t = s.say("calmer in the middle")
    assert t.changed and t.reply.startswith("Revised: jazz at 140 bpm"), t.reply
    assert s.plan.sections[1].energy == 0.2 and s.plan.sections[0] == first.sections[0]
    assert s.plan.sections[2] == first.sections[2] and s.plan.request == "calmer in the middle"
    assert t.rendered == [1]  # the model changed the middle section only: only it is synthesized again
    # the model's next answers are garbage: the rules planner revises instead, and the reply says so
    t = s.say("much faster")
    assert t.changed and s.plan.tempo_bpm > 140 and "Warning: the scripted model gave no usable plan" in t.reply
    assert FELL_BACK in t.reply and FELL_BACK in s.history()[-1].reply
    assert s.undo().version == 2 and s.plan.sections[1].energy == 0.2


def chat(args, lines, store: Path):
    p = v2m("chat", *args, "--sessions", store, stdin="".join(f"{x}\n" for x in lines))
    return p.returncode, p.stdout.splitlines(), p.stderr


@pytest.mark.slow
def test_chat_cli_with_a_scripted_model(tmp_path, bikes):
    replies = _replies(tmp_path, [fenced(plan_dict()), fenced({"tempo_bpm": 110}, "Slower suits the riders."),
                                  "no plan today", "```json\n{\"style\": 7}\n```"])
    out, store = tmp_path / "out", tmp_path / "store"
    rc, t, err = chat([bikes, "score this in jazz", "-o", out, "--backend", "scripted", "--model", replies,
                       "--max-attempts", "2", "--music-backend", "debug"],
                      ["slower please", "much faster", "use musicgen", "another take of shot 2", "quit"], store)
    assert rc == 0, err
    assert t[1].startswith("v2m> Session ") and "Planned jazz at 140 bpm in F major, 3 section(s)" in t[1]
    sid = t[1].split()[2].rstrip(".")
    i = t.index("you> slower please")
    assert t[i + 1] == "v2m> Revised: jazz at 110 bpm in F major, 3 section(s), 2 hit point(s)"
    i = t.index("you> much faster")
    said = "\n".join(t[i + 1:t.index("you> use musicgen")])
    assert said.startswith("v2m> Tempo 110 -> ") and "v2m> Warning: the scripted model gave no usable plan " \
        "after 2 attempt(s); used the rules planner instead" in said
    plan = json.loads((out / "plan.json").read_text())
    assert plan["tempo_bpm"] > 110 and plan["sections"][1]["melody_abc"]  # the model's plan, revised by the rules
    assert (out / "bikes.scored.mp4").is_file()
    # the music flags reach the session: a turn switches to the audio route, another one takes shot 2 again
    i = t.index("you> use musicgen")
    assert t[i + 1] == "v2m> Route symbolic -> audio (MusicGen per section)." and "v2m> Generated 3 of 3 sections." in t[i:]
    i = t.index("you> another take of shot 2")
    assert "New take of the intro" in t[i + 1] and "v2m> Generated 1 of 3 sections." in t[i:]
    import soundfile as sf

    assert plan["route"] == "audio" and sf.info(str(out / "score.wav")).samplerate == 32000
    with contextlib.closing(sqlite3.connect(store / "sessions.db")) as db:
        options = json.loads(db.execute("SELECT options FROM sessions").fetchone()[0])
    assert options == {"planner": {"model": str(replies.resolve()), "max_attempts": 2}, "music": {"backend": "debug"}}

    # --resume rebuilds the scripted planner from the stored options: it replays its first answer (140 bpm)
    rc, t, err = chat(["--resume", sid, "--no-render"], ["add strings", "quit"], store)
    assert rc == 0, err
    assert t[t.index("you> add strings") + 1] == "v2m> Revised: jazz at 140 bpm in F major, 3 section(s), 2 hit point(s)"
    rc, _, err = chat(["--resume", sid, "--backend", "scripted", "--model", replies], ["quit"], store)
    assert rc == 2 and "drop --backend, --model" in err and err.count("\n") == 1


@pytest.mark.parametrize("argv, msg", [(["--backend", "hf"], "needs --model"),
                                       (["--model", "x"], "need --backend"),
                                       (["--backend", "rules", "--base-url", "http://x"], "need --backend"),
                                       (["--route", "audio", "--music-model", "/no/such/weights"], "not available")])
def test_chat_flags_are_checked_before_any_work(tmp_path, bikes, argv, msg):
    rc, t, err = chat([bikes, "jazz", *argv], ["quit"], tmp_path / "store")
    assert rc == 2 and msg in err and err.startswith("v2m: error:") and err.count("\n") == 1
    assert not any(line.startswith("v2m> Session") for line in t)
    assert not list((tmp_path / "store").glob("*/v0001"))
