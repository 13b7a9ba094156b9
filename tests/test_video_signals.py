"""The analysis building blocks on plain signals with known answers (no decoding): tempo from a
motion curve, motion peaks, flash rejection, fades from a contrast curve, speech-like spans."""

from __future__ import annotations

import numpy as np
import pytest

from v2m.tools.video import motion
from clips import boundary_f1
from v2m.tools.video.shots import ShotParams, find_cuts
from v2m.tools.video.soundtrack import speech_spans
from v2m.tools.video.transitions import find_fades


@pytest.mark.parametrize("bpm", [72.0, 96.0, 120.0, 128.0, 174.0])
def test_tempo_from_periodic_motion(bpm):
    fps = 25.0
    t = np.arange(int(8 * fps)) / fps
    rng = np.random.default_rng(int(bpm))
    curve = 0.02 + 0.03 * np.abs(np.cos(np.pi * t * bpm / 60)) + 0.002 * rng.standard_normal(len(t))
    best = motion.tempo_candidates(curve, 1 / fps)[0]
    assert min(abs(best / (bpm * k) - 1) for k in (0.5, 1, 2)) <= 0.04


def test_no_tempo_without_rhythm():
    rng = np.random.default_rng(0)
    assert motion.tempo_candidates(0.02 + 0.005 * rng.standard_normal(250), 0.04) == []  # random jitter
    assert motion.tempo_candidates(np.full(250, 0.0005), 0.04) == []                     # nothing moves


def test_motion_peaks_and_despike():
    hop = 0.04
    curve = np.zeros(250)
    for s in (1.0, 3.0, 7.5):
        curve[int(s / hop) - 3:int(s / hop) + 4] = 0.8
    assert motion.peaks(curve, hop) == pytest.approx([1.0, 3.0, 7.5], abs=0.08)
    x = np.full(100, 0.01)
    x[40] = 0.5  # one-frame spike: an edit, not motion
    assert motion.despike(x, []).max() < 0.02


def test_flash_is_not_a_cut_but_a_real_cut_is():
    n, lags = 60, ShotParams().flash_lags
    score = np.full(n, 0.02)
    lag = np.full((n, lags), 0.01)
    score[20], lag[20, :] = 0.9, 0.6               # real cut: the new picture stays different
    lag[21:21 + lags, :] = 0.6
    for k in range(lags):
        lag[20 + k + 1, k + 1:] = 0.6
    score[40] = score[41] = 0.9                     # flash: frame 40 white, 41 back to normal
    lag[40, :] = 0.6
    lag[41, 0] = 0.6
    lag[41, 1:] = 0.01                              # frame 41 equals frame 39
    cuts = [c for c, _ in find_cuts(score, lag)]
    assert cuts == [20]


def test_fade_from_contrast_curve():
    c = np.r_[np.full(50, 0.2), np.linspace(0.2, 0.0, 12), np.zeros(3), np.linspace(0.0, 0.25, 12), np.full(50, 0.25)]
    (a, b, new, _), = find_fades(c, ShotParams(), 25.0)
    assert abs(a - 50) <= 1 and abs(b - 76) <= 1 and 61 <= new <= 65
    blink = np.r_[np.full(50, 0.2), np.zeros(2), np.full(50, 0.2)]  # cut to black and back: no fade
    assert find_fades(blink, ShotParams(), 25.0) == []


def test_speech_spans_need_syllables():
    blocks = 200  # 10 s of 50 ms blocks
    t = np.arange(blocks) * 0.05
    db = np.full(blocks, -40.0)
    voice = np.full(blocks, 0.1)
    on = (t >= 2) & (t < 5)
    syll = np.sin(2 * np.pi * 4 * t) > -0.3
    db[on & syll], voice[on] = -15.0, 0.8
    steady = (t >= 6) & (t < 9)  # a sustained voice-band tone: loud but no syllables
    db[steady], voice[steady] = -15.0, 0.8
    spans = speech_spans(db, voice, 0.05)
    assert len(spans) == 1 and abs(spans[0][0] - 2) < 0.3 and abs(spans[0][1] - 5) < 0.3


def test_boundary_f1():
    assert boundary_f1([10, 20, 30], [11, 20, 29]) == 1.0
    assert boundary_f1([10, 50], [10, 20]) == pytest.approx(0.5)
    assert boundary_f1([], []) == 1.0 and boundary_f1([5], []) == 0.0
