"""Behaviour pinned before the refactor24 merges of duplicated readers (each block written and run on the unchanged
code first, then again after its merge): one reader of an ordinal or count as said, counted from either end
(`counted.said_number`, `counted.index_of`: `nth`, `bar_places.Grid.bar`, `place_finders._ordinal`); a part back at a
moment said in either order from one spelling of its words (`returns`); the words of wishing a thing back once
(`named_back.BACK_WISH`, `unread.PUT_BACK_WISH_RE`); the words that may name a moment in a module of their own
(`name_words.is_name`). Some pins hold readings that are wrong today ("reinstate it"): a refactor keeps them; a fix
changes the pin with its own tests (bars24 did so for "the 2nd from last bar", "bar twenty-one" and the moment-first
"may": tests/test_bars24.py).

    python -m pytest -q tests/test_refactor24.py
"""

from __future__ import annotations

import pytest

from v2m.agent.dialogue.bar_places import timed
from v2m.agent.dialogue.counted import in_clause, nth
from v2m.agent.dialogue.where import Ask
from v2m.tools.contract import ScorePlan, Section

# 16 s at 120 BPM (bars of 2 s), then 90 BPM (bars of about 2.5 s): 18 bars, bar 9 starts at 0:16
PLAN = ScorePlan(duration_s=40.0, style="rock", tempo_bpm=120, meter="4/4", key="A", mode="minor",
                 sections=[Section(name="a", start_s=0, end_s=16.0), Section(name="b", start_s=16.0, end_s=40.0, tempo_bpm=90)])


@pytest.mark.parametrize("word, n, index", [
    ("third", 5, 2), ("3rd", 5, 2), ("3", 5, 2), ("Third", 5, 2), ("last", 5, 4), ("final", 5, 4), ("penultimate", 5, 3),
    ("antepenultimate", 2, None), ("6th", 5, None), ("10th", 10, 9), ("0", 3, None), ("LAST", 1, 0), ("last", 0, None),
])
def test_nth_counts_from_either_end(word, n, index):
    assert nth(word, n) == index


@pytest.mark.parametrize("said, read", [
    (" the shot before the last cut ", " the penultimate shot "), (" the shot after the third cut ", " shot 4 "),
    (" the shot after the 2nd cut ", " shot 3 "), (" the shot before the penultimate cut ", " the antepenultimate shot "),
    (" the shot after the last cut ", " the last shot "), (" the shot before the 1st cut ", " shot 1 "),
    (" the 2nd from last shot ", " the penultimate shot "), (" the third-from-last cut ", " the antepenultimate cut "),
])
def test_shots_by_a_counted_cut(said, read):
    assert in_clause(said) == read


@pytest.mark.parametrize("said, read", [
    ("bar 9 louder", "from 0:16 to 0:18.516 louder"), ("the last bar softer", "the last 1.358 seconds softer"),
    ("the 13th bar", "from 0:26.063 to 0:28.579"), ("the ninth bar", "from 0:16 to 0:18.516"),
    ("the Last bar", "the last 1.358 seconds"), ("the last two bars quieter", "the last 3.874 seconds quieter"),
    ("the first 8 bars", "the first 16 seconds"), ("bar nine", "from 0:16 to 0:18.516"),
    ("bars nine to twelve", "from 0:16 to 0:26.063"), ("beat 3 of bar 5", "at 0:09"), ("the third beat of bar 5", "at 0:09"),
    ("for a couple of bars starting at bar 3", "from 0:04 to 0:08"), ("the 2 bars after bar 8", "from 0:16 to 0:21.031"),
    ("the 2nd from last bar", "from 0:36.126 to 0:38.642"),   # bar 17 (bars24; was "the 2nd from the last 1.358 seconds")
    ("the final bar", "the last 1.358 seconds"), ("from bar 9 for 4 bars", "from 0:16 to 0:26.063"), ("8 bars in", "at 0:16"),
    ("the first bar", "the first 2 seconds"), ("from bar 3 to the last bar", "from 0:04 to 0:40"),   # to the end of bar 18 (bars24; was "to the last 1.358 seconds")
])
def test_bars_said_as_times(said, read):
    assert timed(said, PLAN) == read


PAST = "The music has 18 bars (in 4/4, the last starting at 0:38.6), so bar {} is past its end. Which bars did you mean?"


@pytest.mark.parametrize("said, ask", [
    ("bar 40", PAST.format(40)), ("the 20th bar", PAST.format(20)), ("bar 0", PAST.format(0)),
    ("after bar twenty-one", PAST.format(21)),   # one number (bars24; was read as the bars 20 to 1: "bar 20")
    ("bar 17 beat 5", "Bar 17 has 4 beats (the meter is 4/4); which beat did you mean?"),
])
def test_bars_past_the_end_ask(said, ask):
    with pytest.raises(Ask) as e:
        timed(said, PLAN)
    assert str(e.value) == ask


@pytest.mark.parametrize("word, n, index", [("third", 5, 2), ("3rd", 5, 2), ("3", 5, 2), ("last", 5, 4), ("final", 1, 0),
                                            ("penultimate", 5, 3), ("6th", 5, None), ("0", 3, None), ("last", 0, None)])
def test_place_finders_count_as_nth(word, n, index):
    """`place_finders`' shots, cuts and sections counted as `nth` counts (past either end: IndexError, its Ask)."""
    from v2m.agent.dialogue.place_finders import _ordinal
    if index is None:
        with pytest.raises(IndexError):
            _ordinal(word, n)
    else:
        assert _ordinal(word, n) == index


def _parts_plan(parts: list[str]) -> ScorePlan:
    return ScorePlan(duration_s=40.0, style="rock", tempo_bpm=120, meter="4/4", key="A", mode="minor",
                     sections=[Section(name="a", start_s=0, end_s=10.0, instruments=["drums", "bass", "pad"]),
                               Section(name="b", start_s=10.0, end_s=40.0, instruments=parts)])


DRUMS_OUT = [_parts_plan(["drums", "bass", "pad"]), _parts_plan(["bass", "pad"])]   # the last edit took the drums out


@pytest.mark.parametrize("said, after_drums_out, alone", [
    # the moment after (`returns.BACK_AT_RE`)
    ("bring the drums back at 0:21", "the drums back in from 0:21", "the drums back in from 0:21"),
    ("bring them back in at 0:21", "drums back in from 0:21", "bring them back in at 0:21"),
    ("they can come back in on the fifth cut", "drums back in from the fifth cut", "they can come back in on the fifth cut"),
    ("the drums may come back at 0:30", "the drums back in from 0:30", "the drums back in from 0:30"),
    ("let the drums come back at 0:21", "let the drums back in from 0:21", "let the drums back in from 0:21"),
    ("bring it back at 120 bpm", "bring it back at 120 bpm", "bring it back at 120 bpm"),
    ("bring the drums back on the chorus", "the drums back in from the chorus", "the drums back in from the chorus"),
    ("the guitar will come back from 0:40", "the guitar back in from 0:40", "the guitar back in from 0:40"),
    ("it may come back at 0:12", "drums back in from 0:12", "it may come back at 0:12"),
    ("Bring The Bass back at 0:05", "The Bass back in from 0:05", "The Bass back in from 0:05"),
    ("the pianos could come back at 0:20", "the pianos back in from 0:20", "the pianos back in from 0:20"),
    # the moment first (`returns.BACK_AFTER_RE`)
    ("at 0:46 bring the guitar back in", "the guitar back in from 0:46", "the guitar back in from 0:46"),
    ("on the fifth cut, let the drums come back", "the drums back in from the fifth cut", "the drums back in from the fifth cut"),
    ("at 0:46 the drums may come back in", "the drums back in from 0:46", "the drums back in from 0:46"),   # bars24 (was as said)
    ("from 0:30 they should come back", "drums back in from 0:30", "from 0:30 they should come back"),
    ("at 0:46 it can come back", "drums back in from 0:46", "at 0:46 it can come back"),
    ("at 0:21 let them come back in", "drums back in from 0:21", "at 0:21 let them come back in"),   # bars24 (was as said)
    ("on the third cut the drums come back", "the drums back in from the third cut", "the drums back in from the third cut"),
    ("at 0:20 put the strings back", "the strings back in from 0:20", "the strings back in from 0:20"),
])
def test_a_part_back_at_a_moment(said, after_drums_out, alone):
    """`returns.back_from`, with the drums just taken out ("them", "it" are the drums) and with no history."""
    from v2m.agent.dialogue.returns import back_from
    assert back_from(said, DRUMS_OUT) == after_drums_out
    assert back_from(said, None) == alone


@pytest.mark.parametrize("piece, put_back", [
    ("Change back this", True), ("put it back", True), ("revert that", True), ("restore it", True), ("UNDO it", True),
    ("Back to how it was", True), ("the drums", True), ("before I said make strong", True),
    ("reinstate it", False),   # not read as a part's wish today (`named_back.BACK_RE` reads it)
    ("go backwards", False), ("more feedback", False), ("make it louder", False), ("a bit brighter", False),
])
def test_a_part_wished_back_beside_a_part_put_back(piece, put_back):
    """`unread.part_put_back`: a piece beside a turn that only put a part back is no unread piece when it wishes it back."""
    from v2m.agent.dialogue.unread import part_put_back
    from v2m.tools.contract import EditIntent
    assert part_put_back(piece, [EditIntent(what="revert", version=0, value="instruments", target="drums")]) is put_back


@pytest.mark.parametrize("said, wished", [
    ("could you put those first ones back how they were", True), ("please restore it", True), ("Revert it", True),
    ("undo that", True), ("reinstate the old feel", True), ("REINSTATE it", True), ("set it back", True),
    ("go backwards", False), ("more feedback", False), ("make it as it was", False), ("restored", False),
])
def test_a_stretch_wished_back(said, wished):
    """`named_back.BACK_RE`: the wish to have it back, beside the edit named ("before I asked you to soften it")."""
    from v2m.agent.dialogue.named_back import BACK_RE
    assert bool(BACK_RE.search(said)) is wished


@pytest.mark.parametrize("words, name", [
    ("kiss", True), ("gunshot", True), ("tasting shot", True), ("funny moment", True), ("warrior two", True),
    ("bar two", False), ("drums", False), ("guitars", False), ("louder", False), ("the kiss", False),
    ("her walking in", False), ("first dance", False), ("everybody stops dead", False), ("calm", False), ("slow", False),
    ("sad", False), ("tokyo bit", True), ("calm bit", True), ("big entrance", True), ("slow dance", True),
    ("scene three", True), ("opening two", False), ("act 2", False), ("balcony view", True), ("victory part", True),
    ("up", False),
])
def test_words_that_may_name_a_moment(words, name):
    from v2m.agent.dialogue.names import is_name
    assert is_name(words) is name


@pytest.mark.parametrize("clause, read, found", [
    ("the gunshot's on the third cut", " on the third cut ", {"gunshot": "the third cut"}),
    ("after the kiss at 0:30 bring the band in", "after  0:30  bring the band in", {"kiss": "0:30"}),
    ("last 4 seconds is the trophy lift", " last 4 seconds ", {"trophy lift": "last 4 seconds"}),
    ("the second cut is her walking in", " the second cut ", {"walking in": "the second cut"}),
    ("darker in shot 2", "darker in shot 2", {}), ("the fade at the end", "the fade at the end", {}),
    ("the tasting shot at the end", " at the end ", {"tasting shot": "the end"}),
    ("the second shot thats warrior two make it more intense", "the second shot  make it more intense",
     {"warrior two": "the second shot"}),
])
def test_names_given_in_a_clause(clause, read, found):
    from v2m.agent.dialogue.names import defined
    assert defined(clause) == (read, found)


@pytest.mark.parametrize("request_, found", [
    ("the coach's speech, 0:09 to 0:24, make it softer", {"coach's speech": "from 0:09 to 0:24", "speech": "from 0:09 to 0:24"}),
    ("from the fourth cut on, where our CEO is speaking. louder in the CEO part", {"ceo": "from the fourth cut on"}),
    ("a crash on the third cut please. that's where we see the balcony", {"balcony": "the third cut"}),
    ("shots 2 to 4, which is the wedding", {"wedding": "shots 2 to 4"}),
])
def test_names_given_beside_a_place(request_, found):
    from v2m.agent.dialogue.names import said
    assert said(request_) == found
