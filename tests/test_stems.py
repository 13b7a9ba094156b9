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
