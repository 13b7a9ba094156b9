"""Defects found by an outside review of the sixth session's chat readings, each through a real Session on a
synthetic clip: the cost of reading a long request (re's cache overflowed), a tempo changed by an amount of bpm no
tempo could be ("knock 5 bpm off"), a version named by the first change, by preference ("I preferred version 2")
or as "the version before that" after going back, a wish said of a named stretch ("make the whole thing feel
like a funeral"), scene words said of a part ("try taking off the drums") or inside another word ("coldplay"),
an answer naming its own moment, "drop the last two notes of the melody" (no undo), half-way back on a stretch's
tempo, questions about the marks and the tempo, places ("just before the last cut", "the first couple of
seconds", "for the twenty seconds after 0:30", "the opening quieter, then grow until the end"), marks ("every cut
except the first", "too many stabs, only keep the last one"), "the shot after is too loud" (no repeat of the last
edit) and "not sure" (no echo)."""

from __future__ import annotations

import ast
import re
import time
from pathlib import Path

import pytest
import v2m.agent.dialogue
from edit_clips import CUTS_S, energy_at, open_long, tempo_at
from v2m.agent.dialogue.halfway import blend
from v2m.agent.dialogue.operations import effective_roles
from v2m.agent.dialogue.similes import plain


def test_reading_a_clause_compiles_fewer_patterns_than_the_regex_cache_holds(thriller_chat, monkeypatch):
    # Over re's cache (512 patterns), every clause compiled each pattern again: a 600-character request of
    # short clauses took seconds after a key change, 0.1 s before it.
    thriller_chat.say("make it sound like a chase scene in a film")
    patterns = set()
    compile_ = re._compile

    def counting(pattern, flags):
        patterns.add((getattr(pattern, "pattern", pattern), flags))
        return compile_(pattern, flags)

    monkeypatch.setattr(re, "_compile", counting)
    thriller_chat.say("louder bass in the middle")
    monkeypatch.undo()
    # 407 of re's 512 before the tables of string patterns were compiled at import, 121 after: the limit
    # leaves ~60 for new literal patterns; a table or a pattern built from data belongs in a module-level
    # re.compile or `patterns.compiled` (see the test below), not here
    assert len(patterns) <= 180


RE_CALLS = {"search", "match", "fullmatch", "sub", "subn", "findall", "finditer", "split"}


def _built_per_call(source: str) -> list[str]:
    """The calls `re.search(p, ...)` (and match, sub, split ...) whose pattern `p` uses a name local to the function
    around it (a loop over a table, a word from the request): each such pattern goes through re's cache of 512.
    Functions cached with lru_cache run once per input and are left out."""
    tree = ast.parse(source)
    top = {n.id for node in tree.body if isinstance(node, (ast.Assign, ast.AnnAssign))
           for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    top |= {(a.asname or a.name).split(".")[0] for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))
            for a in node.names}
    top |= {node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))}
    found = []

    def visit(node, local: set[str]) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            if any("cache" in ast.unparse(d) for d in getattr(node, "decorator_list", [])):
                return
            local = local | {a.arg for a in ast.walk(node.args) if isinstance(a, ast.arg)} | \
                {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in RE_CALLS \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args:
            used = {n.id for n in ast.walk(node.args[0]) if isinstance(n, ast.Name)}
            if any(u in local or u not in top for u in used):
                found.append(f"line {node.lineno}: re.{node.func.attr}({ast.unparse(node.args[0])[:80]}, ...)")
        for child in ast.iter_child_nodes(node):
            visit(child, local)

    visit(tree, set())
    return found


def test_no_dialogue_module_passes_re_a_pattern_built_per_call():
    folder = Path(v2m.agent.dialogue.__file__).parent
    found = [f"{path.name} {x}" for path in sorted(folder.glob("*.py")) for x in _built_per_call(path.read_text())]
    assert not found, "compile these once (a module-level re.compile, or patterns.compiled):\n" + "\n".join(found)


@pytest.mark.parametrize("source, caught", [
    ("import re\nP = 'a'\ndef f(t):\n    return re.search(P, t)", False),
    ("import re\nP = 'a'\ndef f(t):\n    return re.search(rf'\\b{P}\\b', t)", False),
    ("import re\ndef f(t, w):\n    return re.search(rf'\\b{w}\\b', t)", True),
    ("import re\nT = ('a', 'b')\ndef f(t):\n    return [re.sub(p, '', t) for p in T]", True),
    ("import re\nfrom functools import lru_cache\n@lru_cache\ndef f(w):\n    return re.findall(w, 'x')", False)])
def test_the_check_for_patterns_built_per_call_catches_a_local_name(source, caught):
    assert bool(_built_per_call(source)) is caught


def test_a_long_request_of_many_clauses_compiles_no_pattern_per_clause(thriller_chat, monkeypatch):
    """Each clause once recompiled its patterns (5 s for this turn). Counted, not timed (a wall-clock bound failed at
    4.9 s under a load of 5 with nothing wrong: session 26): after a short turn of the same words, the long one (67
    clauses) compiles next to nothing through re's cache, where patterns built per clause would compile dozens."""
    thriller_chat.say("make it sound like a chase scene in a film")
    thriller_chat.say("but keep but keep")
    made = []
    compile_ = re._compiler.compile   # what re.compile and re.search(str, ...) call when re's cache misses
    monkeypatch.setattr(re._compiler, "compile", lambda pattern, flags: (made.append(pattern), compile_(pattern, flags))[1])
    thriller_chat.say(("but keep " * 70)[:590])
    monkeypatch.undo()
    assert len(made) < 10, made[:10]


@pytest.mark.parametrize("said, bpm", [("knock 5 bpm off", -5), ("could you take it down 10 bpm", -10),
                                       ("bring it down by 8 bpm", -8), ("add 6 bpm please", 6),
                                       ("bump it up 12 bpm", 12), ("shave 4 bpm off", -4)])
def test_an_amount_of_bpm_beside_a_direction_changes_the_tempo_by_it(thriller_chat, said, bpm):
    old = thriller_chat.plan
    turn = thriller_chat.say(said)
    assert turn.question is None, turn.reply
    assert thriller_chat.plan.tempo_bpm == pytest.approx(old.tempo_bpm + bpm)
    assert [energy_at(thriller_chat.plan, t) for t in (3, 10, 17, 25)] == [energy_at(old, t) for t in (3, 10, 17, 25)]


def test_a_tempo_said_to_set_stays_a_tempo_to_set(thriller_chat):
    thriller_chat.say("set it to 96 bpm")
    assert thriller_chat.plan.tempo_bpm == 96


@pytest.mark.parametrize("said", ["go back to the tempo before the first change",
                                  "what was the tempo before my first change? use that"])
def test_the_version_before_the_first_change_is_the_first_score(thriller_chat, said):
    first = thriller_chat.plan.tempo_bpm
    thriller_chat.say("slower")
    thriller_chat.say("more strings")
    assert thriller_chat.plan.tempo_bpm < first
    thriller_chat.say(said)
    assert thriller_chat.plan.tempo_bpm == pytest.approx(first)
    assert "strings" in thriller_chat.plan.instrumentation   # only the tempo was asked back


@pytest.mark.parametrize("said, way", [("make the whole thing feel like a funeral", -1),
                                       ("make the last part sound like a car chase", 1),
                                       ("the whole thing feels like a funeral", 1)])
def test_a_wish_said_of_a_named_stretch_moves_toward_the_scene(thriller_chat, said, way):
    old = thriller_chat.plan
    thriller_chat.say(said)
    assert (energy_at(thriller_chat.plan, 25) - energy_at(old, 25)) * way > 0   # the last part (or all) moved that way


def test_an_answer_with_its_own_moment_keeps_it_in_the_reply(thriller_chat):
    turn = thriller_chat.say("and another one where it switches to the last shot")
    assert turn.question
    turn = thriller_chat.say("remove the hit at 13 seconds")
    assert all(abs(h.time_s - 13) > 0.05 for h in thriller_chat.plan.hit_points)
    assert "0:21" not in turn.reply and "0:30" not in turn.reply, turn.reply


@pytest.mark.parametrize("said, role, t", [("try taking off the drums in the last shot", "drums", 25),
                                           ("let the bass stand out in the second shot", "bass", 10)])
def test_a_scene_word_said_of_a_part_is_what_to_do_with_it(thriller_chat, said, role, t):
    # "taking off" and "stand out" name scenes ("a plane taking off": a build; "stand out": more energy) only
    # as similes; said of a part they say what that part does
    old = thriller_chat.plan
    thriller_chat.say(said)
    assert energy_at(thriller_chat.plan, t) == energy_at(old, t)
    sec = thriller_chat.plan.sections[thriller_chat.plan.section_at(t)]
    assert role not in effective_roles(thriller_chat.plan, sec) or sec.levels_db.get(role, 0) > 0


def test_a_scene_is_a_whole_word(thriller_chat):
    assert plain("a little less coldplay") == "a little less coldplay"   # not "cold" (a question)


def test_dropping_notes_of_a_part_undoes_no_edits(thriller_chat):
    thriller_chat.say("slower")
    thriller_chat.say("add strings")
    before = thriller_chat.plan
    thriller_chat.say("drop the last two notes of the melody")
    assert thriller_chat.plan.tempo_bpm == before.tempo_bpm and "strings" in thriller_chat.plan.instrumentation


def test_a_version_preferred_is_gone_back_to(thriller_chat):
    thriller_chat.say("slower")
    v2 = thriller_chat.plan
    thriller_chat.say("add strings")
    thriller_chat.say("more drums in shot 2")
    thriller_chat.say("I preferred version 2")
    assert thriller_chat.plan.tempo_bpm == v2.tempo_bpm and thriller_chat.plan.instrumentation == v2.instrumentation
    assert [s.levels_db for s in thriller_chat.plan.sections] == [s.levels_db for s in v2.sections]


def test_half_way_back_mixes_a_stretchs_tempo_from_what_it_plays_now(thriller_chat):
    old = thriller_chat.plan.model_copy(deep=True)
    old.tempo_bpm = 100.0
    old.sections[1] = old.sections[1].model_copy(update={"tempo_bpm": 80.0})   # shot 2 at 80, the rest at 100
    now = thriller_chat.plan.model_copy(deep=True)
    now.tempo_bpm = 120.0   # everything at 120 now, shot 2 too
    now.sections = [s.model_copy(update={"tempo_bpm": None}) for s in now.sections]
    half = blend(now.model_copy(deep=True), old, 0.5, "tempo")
    assert half.tempo_bpm == pytest.approx(110)
    assert half.sections[1].tempo_bpm == pytest.approx(100)   # half-way from 120 to 80, not from 110


def test_a_question_about_the_marks_is_answered_with_them(thriller_chat):
    turn = thriller_chat.say("where are the hits right now?")
    assert turn.question and thriller_chat.version == 1
    assert all(f"0:{t:02d}" in turn.reply for t in CUTS_S), turn.reply   # the crashes on the cuts, each by its time
    thriller_chat.say("remove the hit at 0:13")
    turn = thriller_chat.say("which hits are left?")
    assert "0:13" not in turn.reply and "0:06" in turn.reply and "0:21" in turn.reply, turn.reply


@pytest.mark.parametrize("said", ["make the bit just before the last cut quieter", "quieter right before 0:21"])
def test_just_before_a_place_is_the_shot_leading_in_not_everything_before(thriller_chat, said):
    old = thriller_chat.plan
    thriller_chat.say(said)
    assert energy_at(thriller_chat.plan, 17) < energy_at(old, 17)   # shot 3 (0:13-0:21) leads into the last cut
    assert energy_at(thriller_chat.plan, 3) == energy_at(old, 3) and energy_at(thriller_chat.plan, 10) == energy_at(old, 10)


def test_a_part_asked_to_take_the_melody_plays_it(thriller_chat):
    old = thriller_chat.plan
    thriller_chat.say("can the strings take the melody")
    assert thriller_chat.plan.instrumentation["melody"] == old.instrumentation.get("strings", "String Ensemble 1")
    assert [s.energy for s in thriller_chat.plan.sections] == [s.energy for s in old.sections]


def test_too_many_marks_then_only_keep_the_last_one(thriller_chat):
    thriller_chat.say("a stab on every cut")
    assert sum(h.kind == "stab" for h in thriller_chat.plan.hit_points) == 3
    thriller_chat.say("too many stabs, only keep the last one")
    assert [round(h.time_s) for h in thriller_chat.plan.hit_points if h.kind == "stab"] == [21]


def test_the_first_couple_of_seconds_is_a_place(thriller_chat):
    old = thriller_chat.plan
    turn = thriller_chat.say("the first couple of seconds should be softer")
    assert turn.question is None, turn.reply
    assert energy_at(thriller_chat.plan, 1) < energy_at(old, 1) and energy_at(thriller_chat.plan, 10) == energy_at(old, 10)
    thriller_chat.say("and a bit louder in the last few seconds")
    assert energy_at(thriller_chat.plan, 29) > energy_at(old, 29) and energy_at(thriller_chat.plan, 17) == energy_at(old, 17)


def test_quieter_at_the_start_then_growing_until_the_end_grows_after_the_start(tmp_path):
    s = open_long(tmp_path, "gentle ambient score")
    old = s.plan
    s.say("could the opening be quieter and then grow steadily until the end")
    after = [energy_at(s.plan, t) for t in (10, 30, 50, 58)]
    assert energy_at(s.plan, 2) < energy_at(old, 2)
    assert after == sorted(after) and after[-1] > energy_at(old, 58)   # rising to the end, past where it was


def test_the_shot_after_with_a_complaint_of_its_own_is_no_repeat_of_the_last_edit(thriller_chat):
    thriller_chat.say("more strings in shot 2")
    strings = [s.instruments for s in thriller_chat.plan.sections]
    thriller_chat.say("the shot after is too loud")   # "too" here is no "also": the strings stay where they were
    assert [s.instruments for s in thriller_chat.plan.sections] == strings


def test_also_the_shot_after_repeats_the_last_edit_there(thriller_chat):
    old = thriller_chat.plan
    thriller_chat.say("slower in shot 2")
    thriller_chat.say("also the shot after")
    tempo = [thriller_chat.plan.sections[thriller_chat.plan.section_at(t)].tempo_bpm or thriller_chat.plan.tempo_bpm for t in (3, 10, 17, 25)]
    assert tempo[1] == tempo[2] < old.tempo_bpm == tempo[0] == tempo[3]


@pytest.mark.parametrize("said, spared", [("a stab on every cut except the first", 6),
                                          ("a stab on every cut except the last", 21)])
def test_a_mark_on_every_cut_except_one_spares_that_cut(thriller_chat, said, spared):
    thriller_chat.say(said)
    stabs = sorted(round(h.time_s) for h in thriller_chat.plan.hit_points if h.kind == "stab")
    assert stabs == [t for t in CUTS_S if t != spared]


def test_the_version_before_that_after_going_back_to_one_is_the_one_before_it(thriller_chat):
    first = thriller_chat.plan
    thriller_chat.say("slower")
    v2 = thriller_chat.plan
    thriller_chat.say("add strings")
    thriller_chat.say("go back to version 2")
    assert thriller_chat.plan == v2
    thriller_chat.say("can we have the version before that")
    assert thriller_chat.plan.tempo_bpm == first.tempo_bpm and thriller_chat.plan.instrumentation == first.instrumentation


def test_for_so_many_seconds_after_a_moment_is_that_long(tmp_path):
    s = open_long(tmp_path, "gentle ambient score")
    old = s.plan
    s.say("slower for the twenty seconds after 0:30")
    assert tempo_at(s.plan, 40) < tempo_at(old, 40)
    assert tempo_at(s.plan, 55) == tempo_at(old, 55) and tempo_at(s.plan, 25) == tempo_at(old, 25)


def test_how_fast_names_the_stretches_with_a_tempo_of_their_own(thriller_chat):
    thriller_chat.say("faster in shot 2")
    own = thriller_chat.plan.sections[thriller_chat.plan.section_at(10)].tempo_bpm
    turn = thriller_chat.say("how fast is it right now?")
    assert turn.question and f"{thriller_chat.plan.tempo_bpm:g} BPM" in turn.reply, turn.reply
    assert f"{own:g} from 0:06 to 0:13" in turn.reply, turn.reply


@pytest.mark.parametrize("said", ["hmm, not sure", "honestly I'm not sure this is working"])
def test_not_knowing_yet_is_no_edit_and_not_echoed_back(thriller_chat, said):
    turn = thriller_chat.say(said)
    assert turn.question and thriller_chat.version == 1
    assert "not sure what" not in turn.reply, turn.reply   # not "I'm not sure what 'not sure' means"


def test_a_part_louder_right_after_it_was_taken_out_somewhere_is_louder_where_it_plays(thriller_chat):
    thriller_chat.say("no bass in the last shot")
    assert "bass" not in effective_roles(thriller_chat.plan, thriller_chat.plan.sections[thriller_chat.plan.section_at(25)])
    turn = thriller_chat.say("louder bass please")
    first = thriller_chat.plan.sections[thriller_chat.plan.section_at(3)]
    assert first.levels_db.get("bass", 0) > 0, turn.reply   # where it plays, not brought back into the last shot
    assert "bass" not in effective_roles(thriller_chat.plan, thriller_chat.plan.sections[thriller_chat.plan.section_at(25)])


def test_a_part_kept_on_hold_until_a_moment_is_out_until_then(thriller_chat):
    thriller_chat.say("keep the drums on hold until 0:13")
    plays = [("drums" in effective_roles(thriller_chat.plan, thriller_chat.plan.sections[thriller_chat.plan.section_at(t)])) for t in (3, 10, 17)]
    assert plays == [False, False, True]
