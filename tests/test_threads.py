"""The conversation as people write it: a question's options kept with the turn for the answer, notes
wrapped in messages (greetings, forwards, quotes, sign-offs, tags), pasted lists of notes, and turns that
refer to earlier versions or correct an earlier note. Sentences here are our own, not the sets'."""

from __future__ import annotations

import sqlite3

from edit_clips import long_clip

from v2m.agent.dialogue.session import Session
from v2m.agent.dialogue.store import Store
from v2m.agent.planners.rules import RulesPlanner


def open_session(tmp_path, request="jazz", length=30.0, every=5.0):
    return Session.open("clip.mp4", request, workdir=tmp_path / "store", analysis=long_clip(length, every),
                        render=False)


def test_a_question_keeps_its_options_and_an_answer_naming_one_is_read_with_the_request(tmp_path):
    s = open_session(tmp_path)
    first = s.plan
    q = s.say("it is sort of flat there")
    assert q.question and s.plan == first
    assert q.options and all(o.lower() in q.reply.lower() for o in q.options)
    stored = s.history()[-1]
    assert stored.question and stored.options == q.options       # kept with the turn, for the next one
    t = s.say(f"{q.options[0]} I guess")
    assert t.changed and s.plan != first
    # a resumed session reads the same options from the store
    s2 = open_session(tmp_path / "b")
    s2.say("it is sort of flat there")
    again = Session.resume(s2.id, workdir=tmp_path / "b" / "store", render=False)
    assert again.history()[-1].options == q.options


def test_a_version_1_store_is_upgraded_with_a_backup_and_its_turns_offer_no_options(tmp_path):
    root = tmp_path / "old"
    root.mkdir()
    db = sqlite3.connect(root / "sessions.db")
    db.executescript("""
        CREATE TABLE sessions (id TEXT PRIMARY KEY, video TEXT NOT NULL, request TEXT NOT NULL,
            planner TEXT NOT NULL, analysis TEXT NOT NULL, head INTEGER, branch TEXT NOT NULL DEFAULT 'main',
            created REAL NOT NULL, options TEXT NOT NULL DEFAULT '{}');
        CREATE TABLE turns (id INTEGER PRIMARY KEY AUTOINCREMENT, session TEXT NOT NULL, n INTEGER NOT NULL,
            kind TEXT NOT NULL, text TEXT NOT NULL, reply TEXT NOT NULL, question INTEGER NOT NULL, before INTEGER,
            after INTEGER, branch TEXT NOT NULL, seconds REAL NOT NULL, created REAL NOT NULL, UNIQUE(session, n));
        INSERT INTO sessions VALUES ('s1', 'v.mp4', 'jazz', 'rules', '{}', NULL, 'main', 0, '{}');
        INSERT INTO turns (session, n, kind, text, reply, question, before, after, branch, seconds, created)
            VALUES ('s1', 1, 'say', 'it sags', 'Do you mean more energy?', 1, NULL, NULL, 'main', 0.1, 0);
        PRAGMA user_version=1;""")
    db.commit()
    db.close()
    store = Store(root)
    assert (root / "sessions.db.bak").exists()
    [turn] = store.turns("s1")
    assert turn.question and turn.options == []
    store.commit_turn("s1", kind="say", text="x", reply="Which?", question=True, before=None, seconds=0.0,
                      options=["faster", "louder overall"])
    assert store.turns("s1")[-1].options == ["faster", "louder overall"]


def test_the_rules_planner_returns_the_options_its_question_offers():
    analysis = long_clip(30.0, 5.0)
    plan = RulesPlanner().plan(analysis, "jazz").plan
    r = RulesPlanner().revise(analysis, plan, "it is sort of flat there", [plan])
    assert r.question and len(r.options) == 2 and r.question.startswith(f"Do you mean {r.options[0]}, or ")
    done = RulesPlanner().revise(analysis, plan, "faster", [plan])
    assert done.question is None and done.options == []
