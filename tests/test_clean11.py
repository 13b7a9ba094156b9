"""Twins folded into one place each (notes CLEAN11), no reading changed: spelling's one table of shorthand words
(read alike per word and per clause), one slip corrector with one set of guards, the readers' vocabulary taken from
the imported modules (no source file read), the biggest pattern tables compiled on first use, one pattern for a
part said to sound poor, `Edit.move`, and one test of a style said at a place being colour.

    python -m pytest -q tests/test_clean11.py
"""

from __future__ import annotations

import pathlib
import subprocess
import sys

import pytest
from edit_clips import open_chat

from v2m.agent.dialogue import cultures, mentions, orchestration, spelling


@pytest.mark.parametrize("word", sorted(spelling.WORDS))
def test_each_shorthand_word_reads_the_same_mended_or_in_a_clause(word):
    # "pls", "nvm", "u", "thx" were in two tables, read per clause by one and per word by the other
    said = f"slower {word} there"
    assert spelling.spelled(said) == spelling.mended(said) == f"slower {spelling.WORDS[word]} there"


@pytest.mark.parametrize("said, read", [("beggining", "beginning"), ("endign", "ending"), ("fourty", "forty"),
                                        ("slwr", "slower"), ("bulid", "build"), ("saxofone", "saxophone"),
                                        ("chrods", "chords"), ("sooo", "sooo"), ("timid", "timid")])
def test_a_slip_is_put_right_by_one_corrector(said, read):
    assert spelling._closest(said) == read


def test_a_place_word_two_letters_off_is_read_in_a_clause_and_a_number_as_near_is_no_place():
    assert spelling.spelled("the ending part") == "the ending"
    assert "beginning" in spelling.spelled("pls also the beggining part")
    assert "fourth" not in spelling.spelled("the last fourty seconds")


def test_the_readers_words_come_from_the_modules_not_their_source_files(monkeypatch):
    read_text = pathlib.Path.read_text

    def no_sources(path, *args, **kwargs):
        assert path.suffix != ".py", f"read {path}"
        return read_text(path, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "read_text", no_sources)
    spelling._read.cache_clear()
    try:
        words = spelling._read()
    finally:
        spelling._read.cache_clear()
    # a table's word ("sleepy", spelling.SHORTHAND), a pattern's inside a function ("underneath", orchestration.read)
    assert {"sleepy", "underneath"} <= words or not spelling._english()


def test_the_biggest_tables_compile_on_first_use():
    code = ("from v2m.agent.dialogue import orchestration as o, phrases as p\n"
            "print(all('_compiled' not in vars(t) for t in (o.KEEP_ONLY, o.TURNED, p.IDIOM_RES)))\n"
            "print(bool(o.KEEP_ONLY[3].search('the piano on its own')), len(p.IDIOM_RES) == len(p.IDIOMS) + len(p.FELT))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "True", "True"]


def test_a_part_said_to_sound_poor_is_one_pattern():
    assert orchestration.TURNED[0] == (mentions.PART_FLAWED_RE, "down")
    assert mentions.PART_FLAWED_RE.search("the hats are harsh") and mentions.PART_FLAWED_RE.search("The Strings feel cheesy")


def test_a_part_said_harsh_is_turned_down_there(tmp_path):
    s = open_chat(tmp_path, "jazz")
    before = s.plan
    turn = s.say("the drums are harsh in shot 2")
    assert s.plan != before and turn.changed, turn.reply
    assert all(x.levels_db == y.levels_db for x, y in zip(s.plan.sections, before.sections) if x.start_s >= 13), turn.reply


def test_moving_an_edit_finds_its_sections_again(tmp_path):
    from v2m.agent.dialogue.intents import Edit
    from v2m.agent.dialogue.where import Span

    s = open_chat(tmp_path, "jazz")
    e = Edit(s.plan.model_copy(deep=True), s.analysis, Span(0.0, 6.0, "shot 1", snap=False))
    first = e.idx
    e.move(Span(21.0, 30.0, "the last shot", snap=False))
    assert e.idx != first and all(s.plan.sections[i].start_s >= 21.0 - 0.01 for i in e.idx)


class _Clause:
    def __init__(self, whole: bool, style: str):
        self.whole, self.plan = whole, type("Plan", (), {"style": style})()


def test_the_scores_own_style_said_at_a_place_is_colour():
    assert cultures.colour(_Clause(False, "funk"), "funk")
    assert not cultures.colour(_Clause(True, "funk"), "funk") and not cultures.colour(_Clause(False, "funk"), "jazz")
