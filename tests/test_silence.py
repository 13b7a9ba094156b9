"""Music out over a stretch (Section.music): read from everyday words, applied only where said, composed as
silence (no note in the MIDI there), said in the reply, and brought back."""

from __future__ import annotations

import pretty_midi
import pytest
from edit_clips import make_analysis

from v2m.agent.dialogue.understanding import apply_edit
from v2m.agent.planners.rules import RulesPlanner
from v2m.tools.music.compose import compose
from v2m.tools.music.midi import write_midi

CUTS = [5.0, 10.0, 16.0, 22.0]


@pytest.fixture(scope="module")
def clip():
    analysis = make_analysis(28.0, 25.0, [round(t * 25) for t in CUTS], source="silence.mp4")
    result = RulesPlanner().plan(analysis, "warm acoustic pop")
    return analysis, getattr(result, "plan", result)


@pytest.mark.parametrize("said", ["take the music out completely in the third shot", "shot 3: silence under the interview",
                                  "nothing at all during shot 3, drop everything", "can the score stop for shot three"])
def test_music_out_over_a_shot_only_there(clip, said, tmp_path):
    analysis, plan = clip
    r = apply_edit(analysis, plan, said)
    assert not r.question, r.question
    new = r.plan
    silent = [s for s in new.sections if not s.music]
    assert silent and min(s.start_s for s in silent) == pytest.approx(10.0) and \
        max(s.end_s for s in silent) == pytest.approx(16.0)
    assert "no music" in r.reply.lower()
    old_arr, new_arr = compose(plan), compose(new)
    # every section outside the shot keeps its notes; inside, nothing sounds
    for i, s in enumerate(plan.sections):
        if s.end_s <= 10.0 + 1e-6 or s.start_s >= 16.0 - 1e-6:
            j = next(k for k, t in enumerate(new.sections) if abs(t.start_s - s.start_s) < 1e-3)
            assert old_arr.section_notes(i) == new_arr.section_notes(j)
    path = tmp_path / "out.mid"
    write_midi(new_arr, path)
    pm = pretty_midi.PrettyMIDI(str(path))
    inside = [n for inst in pm.instruments for n in inst.notes if 10.05 < n.start < 15.95]
    outside = [n for inst in pm.instruments for n in inst.notes if n.start < 9.9]
    assert not inside and outside


def test_music_back_and_a_part_into_silence(clip):
    analysis, plan = clip
    out = apply_edit(analysis, plan, "no music in shot 3").plan
    back = apply_edit(analysis, out, "bring the music back in shot 3")
    assert all(s.music for s in back.plan.sections) and "music back in" in back.reply.lower()
    piano = apply_edit(analysis, out, "add a piano in shot 3").plan
    sec = piano.sections[piano.section_at(12.0)]
    assert sec.music and sec.instruments and len(sec.instruments) == 1


def test_the_whole_score_silent_is_a_question_and_a_moment_is_a_stop(clip):
    analysis, plan = clip
    r = apply_edit(analysis, plan, "no music")
    assert r.question and r.plan == plan
    r = apply_edit(analysis, plan, "kill the music at 0:16")
    assert all(s.music for s in r.plan.sections) and any(h.kind == "stop" for h in r.plan.hit_points)
    keep = apply_edit(analysis, plan, "drop everything except the bass in shot 3").plan   # keeps a part: not silence
    assert all(s.music for s in keep.sections) and keep != plan


@pytest.mark.parametrize("said", ["no music change in the intro please, but brighter at the end",
                                  "pull the music down a bit in shot 3", "drop the music by 3 dB in shot 2",
                                  "stop the music from being so loud in shot 3", "the music stops too abruptly in shot 3",
                                  "no music theory jargon please", "the music drops out too early, keep it going"])
def test_words_about_the_music_are_not_music_out(clip, said):
    analysis, plan = clip
    r = apply_edit(analysis, plan, said)
    assert all(s.music for s in r.plan.sections), (said, r.reply)
