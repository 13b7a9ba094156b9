"""Incremental rendering and muxing: per-section stems overlap-added match a whole render, only changed
sections are synthesized again, the loudness measure matches pyloudnorm, and AAC spliced from cached
segments decodes in sync with the source."""

from __future__ import annotations

import numpy as np
import pytest
from edit_clips import bikes

from v2m.agent.planners.base import get_planner


@pytest.fixture(scope="module")
def jazz_arrangements():
    from v2m.tools.music.compose import compose

    a = bikes()
    p = get_planner("rules")
    plan = p.plan(a, "score this in jazz").plan
    edited = p.revise(a, plan, "no drums in the ending").plan
    return a, plan, compose(plan, a), compose(edited, a)


def test_the_one_meter_matches_pyloudnorm():
    """v2m's meter (K-weighting, then a cumulative-sum gate, so cached sections can be measured without
    filtering again) is pinned to the reference implementation, stereo and mono, long and short."""
    import pyloudnorm

    from v2m.tools.audio.loudness import integrated_loudness

    rng = np.random.default_rng(0)
    x = rng.standard_normal((44100 * 7, 2)) * 0.1
    x[: 44100 * 2] *= 0.003  # a quiet stretch the gates must drop
    t = np.arange(32000 * 3) / 32000
    tone = 0.3 * np.sin(2 * np.pi * 440 * t) * (0.5 + 0.5 * np.sin(2 * np.pi * 0.7 * t))
    for audio, sr in ((x, 44100), (tone, 32000), (x[: 44100 * 2 // 3], 44100)):
        ref = pyloudnorm.Meter(sr).integrated_loudness(audio)
        assert integrated_loudness(audio, sr) == pytest.approx(ref, abs=0.01)


@pytest.mark.slow
def test_stems_sum_to_the_whole_render_and_only_changes_are_synthesized(jazz_arrangements, tmp_path):
    import soundfile as sf

    from v2m.tools.audio.render import render
    from v2m.tools.audio.loudness import integrated_loudness as loudness_lufs
    from v2m.tools.audio.stems import StemRenderer

    a, plan, arr, edited = jazz_arrangements
    r = StemRenderer(tmp_path / "cache")
    st = r.render(arr, tmp_path / "stems.wav", duration_s=a.duration_s, loudness_lufs=-16.0)
    assert st.rendered == list(range(len(plan.sections))) and st.reused == []
    ours, sr = sf.read(str(tmp_path / "stems.wav"), always_2d=True)
    assert len(ours) == int(round(a.duration_s * sr))
    assert abs(loudness_lufs(ours, sr) + 16.0) < 0.35  # the gain moves in 0.5 dB steps
    arr.write_midi(tmp_path / "whole.mid")
    render(tmp_path / "whole.mid", tmp_path / "whole.wav", duration_s=a.duration_s, loudness_lufs=-16.0)
    whole, _ = sf.read(str(tmp_path / "whole.wav"), always_2d=True)
    # Same notes, same synthesizer: the same music. Waveforms differ below a millisecond (FluidSynth
    # starts events on 64-sample blocks counted from each file's start), so compare what is heard:
    # the loudness envelope and the spectrum, frame by frame (46 ms).
    def frames(z):
        z = z.mean(1)
        k = len(z) // 2048
        return z[:k * 2048].reshape(k, 2048)

    env = np.corrcoef(np.sqrt((frames(ours) ** 2).mean(1)), np.sqrt((frames(whole) ** 2).mean(1)))[0, 1]
    spec_a = np.abs(np.fft.rfft(frames(ours) * np.hanning(2048), axis=1))
    spec_b = np.abs(np.fft.rfft(frames(whole) * np.hanning(2048), axis=1))
    cos = (spec_a * spec_b).sum(1) / np.sqrt((spec_a ** 2).sum(1) * (spec_b ** 2).sum(1) + 1e-12)
    assert env > 0.98 and cos.mean() > 0.97, (env, cos.mean())
    again = r.render(arr, tmp_path / "again.wav", duration_s=a.duration_s)
    assert again.rendered == [] and (tmp_path / "again.wav").read_bytes() == (tmp_path / "stems.wav").read_bytes()
    turn = r.render(edited, tmp_path / "edited.wav", duration_s=a.duration_s)
    assert turn.rendered == [len(plan.sections) - 1] and turn.reused == list(range(len(plan.sections) - 1))


def _decode(path):
    import av

    with av.open(str(path)) as c:
        frames = [f.to_ndarray() for f in c.decode(c.streams.audio[0])]
    return np.concatenate(frames, 1).T


def test_spliced_aac_is_in_sync_and_reencodes_only_what_changed(tmp_path):
    import av
    from conftest import write_clip

    from v2m.tools.audio.remux import SegmentMuxer

    video = write_clip(tmp_path / "v.mp4", [(200, 40, 40), (40, 200, 40), (40, 40, 200), (90, 90, 90)], 50)
    sr, n = 44100, 8 * 44100
    t = np.arange(n) / sr
    x = np.stack([0.3 * np.sin(2 * np.pi * 440 * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 0.5 * t)),
                  0.2 * np.sin(2 * np.pi * 330 * t)], 1).astype(np.float32)
    m = SegmentMuxer(tmp_path / "aac")
    cuts = [2.0, 4.0, 6.0]
    first = m.mux(video, x, sr, tmp_path / "a.mp4", cuts_s=cuts)
    assert first.encoded == [0, 1, 2, 3]
    y = x.copy()
    y[int(4.5 * sr):int(5.5 * sr)] *= 0.5  # a change inside the third segment only
    second = m.mux(video, y, sr, tmp_path / "b.mp4", cuts_s=cuts)
    assert second.encoded == [2] and second.reused == [0, 1, 3]
    d = _decode(tmp_path / "b.mp4")[:n]
    lags = [float(np.sum(d[20000:60000, 0] * y[20000 + k:60000 + k, 0])) for k in range(-4, 5)]
    assert int(np.argmax(lags)) - 4 == 0  # sample-accurate sync
    err = d - y[:len(d)]
    snr = 10 * np.log10(np.sum(y[:len(d)] ** 2) / np.sum(err ** 2))
    assert snr > 30, snr
    for seam in (2.0, 4.0, 6.0):  # no click where packets from different encodes meet
        i = int(seam * sr)
        assert np.abs(err[i - 2048:i + 2048]).max() < 0.01
    with av.open(str(video)) as src, av.open(str(tmp_path / "b.mp4")) as out:
        a = [bytes(p) for p in src.demux(src.streams.video[0]) if p.size]
        b = [bytes(p) for p in out.demux(out.streams.video[0]) if p.size]
        assert a == b  # the picture is copied, not re-encoded


@pytest.fixture(scope="module")
def build_up():
    """A 30 s clip cut every 5 s: the rules planner builds up into its climax over the section before it."""
    from edit_clips import long_clip

    from v2m.tools.music.compose import compose

    a = long_clip(30.0, 5.0)
    plan = get_planner("rules").plan(a, "score this").plan
    return a, plan, compose(plan, a)


def test_stems_carry_score_mid_s_expression_from_a_defined_state(build_up, tmp_path):
    """Each stem starts with the CC11 value score.mid has in force at its start and follows every change
    the file makes while its notes sound (read back from the written score.mid with mido)."""
    import mido

    from v2m.tools.audio.stems import EXPRESSION, section_stems, stem_events
    from v2m.tools.audio.synth import CONTROL

    a, plan, arr = build_up
    arr.write_midi(tmp_path / "score.mid")
    mid = mido.MidiFile(str(tmp_path / "score.mid"))
    changes, now, tempo = [], 0.0, 500_000  # (seconds, value) of the first pitched track's CC11, as played
    for msg in mido.merge_tracks([mid.tracks[0], mid.tracks[2]]):
        now += mido.tick2second(msg.time, mid.ticks_per_beat, tempo)
        if msg.type == "set_tempo":
            tempo = msg.tempo
        elif msg.type == "control_change" and msg.control == 11:
            changes.append((now, msg.value))
    assert len({v for _, v in changes}) > 5  # the file does swell

    def in_file(t):
        return [v for s, v in changes if s <= t + 1e-4][-1]

    stems = section_stems(arr)
    assert all(s.expression and s.expression[0][0] == 0.0 for s in stems)
    for s in stems:
        for t, v in s.expression:
            assert v == in_file(s.origin_s + t), (s.index, t)
        # the defined state: CC7, CC91 and CC11 on every pitched channel before the first note
        first = min(e[0] for e in stem_events(s, 44100) if e[1] != CONTROL and e[0] > 0)
        ccs = {(ch, c) for at, kind, ch, c, _ in stem_events(s, 44100) if kind == CONTROL and at == 0}
        pitched = {ch for at, kind, ch, c, _ in stem_events(s, 44100) if kind == CONTROL}
        assert first > 0 and ccs == {(ch, c) for ch in pitched for c in (7, 91, EXPRESSION)}


@pytest.mark.slow
def test_the_rendered_audio_swells_into_the_climax(build_up, tmp_path):
    """score.mid's CC11 build-up into the climax is heard: in the rendered WAV the section before the
    climax grows louder towards it than the same notes rendered with the controllers stripped."""
    import dataclasses

    import soundfile as sf

    from v2m.tools.audio.stems import StemRenderer
    from v2m.tools.music.expression import value_at

    a, plan, arr = build_up
    climax = max(range(len(plan.sections)), key=lambda i: plan.sections[i].energy)
    start = plan.sections[climax].start_s
    tmap = arr.tempo_map
    def cc11(t):
        return value_at(arr.expression, tmap.s_to_beat(t))

    assert cc11(start - 0.1) - cc11(start - 4.5) >= 8  # score.mid ramps up into the climax
    r = StemRenderer(tmp_path / "cache")
    r.render(arr, tmp_path / "swell.wav", duration_s=a.duration_s)
    r.render(dataclasses.replace(arr, expression=[]), tmp_path / "flat.wav", duration_s=a.duration_s)
    swell, sr = sf.read(str(tmp_path / "swell.wav"), always_2d=True)
    flat, _ = sf.read(str(tmp_path / "flat.wav"), always_2d=True)

    def level_db(x, t0, t1):
        return 10 * np.log10(np.mean(x[int(t0 * sr):int(t1 * sr)] ** 2))

    def swell_over_flat_db(t0, t1):
        return level_db(swell, t0, t1) - level_db(flat, t0, t1)

    early, late = swell_over_flat_db(start - 4.5, start - 3.0), swell_over_flat_db(start - 1.0, start - 0.05)
    # measured 0.8 dB on this plan (CC11 117 -> 127 on the pitched parts; the drums carry no CC11)
    assert late - early > 0.5, (early, late)


@pytest.mark.slow
def test_a_stem_is_the_same_samples_whatever_was_rendered_with_it(jazz_arrangements, tmp_path):
    """A fresh synthesizer per section: a section rendered alone (a chat turn) is byte for byte the one
    rendered among all the others (the first score), so a cached stem is what a fresh render makes."""
    from v2m.tools.audio.stems import StemRenderer, section_stems

    a, plan, arr, _ = jazz_arrangements
    stems = section_stems(arr)
    every, alone = StemRenderer(tmp_path / "every"), StemRenderer(tmp_path / "alone")
    every._synthesize(stems)
    for k in (len(stems) - 1, 1):
        alone._synthesize([stems[k]])
        assert alone._path(stems[k]).read_bytes() == every._path(stems[k]).read_bytes()


@pytest.mark.slow
def test_a_stop_is_heard_as_silence_after_its_hit(tmp_path):
    """"A dead stop on the cut" in the rendered audio: the chord on the hit sounds, then the level falls by far
    more than the same span without the stop (only the room's reverb tail is left)."""
    import soundfile as sf

    from v2m.tools.audio.stems import StemRenderer
    from v2m.tools.music.compose import compose

    a = bikes()
    plan = get_planner("rules").plan(a, "score this in rock").plan
    stopped = plan.model_copy(deep=True)
    (hit,) = [h for h in stopped.hit_points if abs(h.time_s - 3.04) < 0.05]
    hit.kind = "stop"
    r = StemRenderer(tmp_path / "cache")
    levels = {}
    for name, p in (("plain", plan), ("stop", stopped)):
        arr = compose(p, a)
        r.render(arr, tmp_path / f"{name}.wav", duration_s=a.duration_s)
        x, sr = sf.read(str(tmp_path / f"{name}.wav"), always_2d=True)
        beat = arr.tempo_map.bar_at_beat(arr.tempo_map.s_to_beat(3.04)).sec_per_beat

        def db(t0, t1):
            return 10 * np.log10(np.mean(x[int(t0 * sr):int(t1 * sr)] ** 2) + 1e-12)
        levels[name] = (db(3.04, 3.04 + 0.1), db(3.04 + 0.35, 3.04 + 0.35 + beat))
    (hit_plain, after_plain), (hit_stop, after_stop) = levels["plain"], levels["stop"]
    # measured: the hit -19.9 dB, the beat after it -49.8 dB; without the stop -18.4 and -22.5 dB
    assert hit_stop > after_stop + 12, levels          # the chord on the hit, then the silence
    assert after_plain - after_stop > 12, levels        # not how the plain score sounds there
