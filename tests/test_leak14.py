"""leak14: an answer's place put right ("the rain is the fourth shot" -> "no wait, the sixth shot") is made again from
the version before the answer (answers._moved), so the split the answer's edit made at the fourth shot's start is
merged back: the section before it (8-12 s) is one section with the fourth shot again (8-16 s), as it was. Its notes,
as heard, are the same note for note; the dialogue check (dialogue_check.changed_outside) counted every section the
new plan had no section of the same span for as changed, and read this one as a leak (f-lp-garden-timelapse turn 5).
It now compares such a section by its notes as heard in the MIDI file, and still finds one whose notes changed.

bench_isolation's default grid found one more: gospel on the bikes-like clip, "slower in the last shot" then "a bit
faster between 0:02.0 and 0:06.0", read as changing the last section (7.48-10 s): its last notes, cut at the clip's
end, last 0.43035 beats, computed 0.4303499999999989 from one origin and 0.4303500000000007 from the other, and
rounded to 4 places either side (Arrangement.section_notes now snaps the float noise off first)."""

from __future__ import annotations

import pytest
from dialogue_check import Midi, changed_outside, clip_analysis
from edit_clips import long_clip, open_long
from midi_checks import heard, same_heard

from v2m.agent.dialogue.session import Session

CORRECTED = [("gentle piano music", "the rain bit is too gloomy", "the rain is the fourth shot", "no wait, the sixth shot"),
             # mine
             ("gentle piano music", "the rain bit is too gloomy", "the rain is the fourth shot",
              "actually the sixth one. the fourth is the sunny one, leave that"),
             ("calm folk music", "the storm needs more drive", "the storm is shot 4", "no sorry, shot 6")]


def _spans(plan) -> list[tuple[float, float]]:
    return [(s.start_s, s.end_s) for s in plan.sections]


def _corrected(tmp_path, request, complaint, answer, correction):
    """(analysis, the plan before the answer, the plan after it, the plan after the correction)."""
    a = long_clip()
    s = open_long(tmp_path, request, a)
    assert s.say(complaint).question   # where is the rain?
    first = s.plan
    assert s.say(answer).changed
    answered = s.plan
    assert (8.0, 12.0) in _spans(answered) and (12.0, 16.0) in _spans(answered)   # shot 4 split from 8-16
    turn = s.say(correction)
    assert turn.changed, turn.reply
    return a, first, answered, s.plan


@pytest.mark.parametrize("request_, complaint, answer, correction", CORRECTED)
def test_a_corrected_answer_leaves_the_section_before_the_first_place_as_heard(tmp_path, request_, complaint, answer,
                                                                                 correction):
    a, first, old, new = _corrected(tmp_path, request_, complaint, answer, correction)
    # made again from the version before the answer: 8-16 s one section again, as it was; shot 6 edited
    i = _spans(new).index((8.0, 16.0))
    assert new.sections[i] == first.sections[_spans(first).index((8.0, 16.0))]
    assert (20.0, 24.0) in _spans(new) and new.sections[_spans(new).index((20.0, 24.0))].energy != \
        old.sections[old.section_at(22.0)].energy
    mo, mn = Midi(old, a), Midi(new, a)
    assert heard(mo.pm, 8.0, 12.0) and same_heard(heard(mo.pm, 8.0, 12.0), heard(mn.pm, 8.0, 12.0))
    assert changed_outside(old, new, mo, mn, 12.0, 24.0) == []   # every section outside the two shots, as heard


def test_a_section_merged_back_with_other_notes_is_still_changed(tmp_path):
    a, first, old, new = _corrected(tmp_path, *CORRECTED[0])
    louder = new.model_copy(deep=True)
    louder.sections[_spans(new).index((8.0, 16.0))].energy += 0.3
    assert (8.0, 12.0) in changed_outside(old, louder, Midi(old, a), Midi(louder, a), 12.0, 24.0)


def test_a_tempo_elsewhere_leaves_a_last_note_cut_at_the_end_the_same_length(tmp_path):
    a = clip_analysis("bikes-like")
    s = Session.open(a.source, "score this in gospel", workdir=tmp_path / "store", analysis=a, render=False)
    assert s.say("slower in the last shot").changed
    old = s.plan
    assert s.say("a bit faster between 0:02.0 and 0:06.0").changed
    mo, mn = Midi(old, a), Midi(s.plan, a)
    assert mo.arr.section_notes(len(old.sections) - 1) == mn.arr.section_notes(len(s.plan.sections) - 1)
    assert changed_outside(old, s.plan, mo, mn, 2.0, 6.0) == []
