"""Turn the per-frame features of one decoding pass into a `VideoAnalysis`.

`video.analyze` decodes; this module decides: shot boundaries (`shots`), the motion curve, peaks and
tempo (`motion`), per-shot look and the whole-clip mood (`look`), the original audio's loudness and
speech-like spans (`soundtrack`), and the warnings about what could not be analysed.
"""

from __future__ import annotations

import numpy as np

from v2m.tools.video import frames as fr
from v2m.tools.video import look
from v2m.tools.video import motion
from v2m.tools.contract import Mood, Shot, Transition, VideoAnalysis
from v2m.tools.video.shots import ShotParams, cut_scores, drop_blank_edges, find_cuts, merge_transitions
from v2m.tools.video.transitions import find_dissolves, find_dissolves_by_variance, find_fades


def frame_times(log: fr.FrameLog, fps_guess: float, last_frame_s: float = 0.0) -> tuple[np.ndarray, float, float]:
    """Frame start times, the clip duration and the average frame rate (robust to variable frame rate).

    Args:
        log: the decoded frames' features.
        fps_guess: the container's nominal rate, used when there is only one frame.
        last_frame_s: how long the last frame is shown, when the stream says; else the usual step.
    Returns:
        (times, duration_s, fps): the duration is where the picture ends, the music's length.
    """
    times = log.column(fr.T).copy()
    n = len(times)
    if n > 1:
        step = float(np.median(np.diff(times)))
        step = step if step > 0 else 1.0 / fps_guess
    else:
        step = 1.0 / fps_guess
    if 0 < last_frame_s <= 4 * step:  # a variable-rate or trimmed clip's last frame has its own length
        step = last_frame_s
    duration = float(times[-1] + step)
    return times, duration, n / duration


def build_analysis(source: str, log: fr.FrameLog, meta: dict, params: ShotParams = ShotParams()) -> VideoAnalysis:
    """Everything measured about a decoded video.

    Args:
        source: the input path as given.
        log: per-frame features from the pass.
        meta: what the pass learnt about the stream (size, rotation, nominal fps, errors, audio).
        params: shot-detector settings.
    Returns:
        A validated `VideoAnalysis` (kind "video").
    """
    n = len(log)
    times, duration, fps = frame_times(log, meta["fps_guess"], meta.get("last_frame_s", 0.0))
    contrast = log.column(fr.CONTRAST)
    luma = log.column(fr.LUMA_DIFF)

    score = cut_scores(luma, log.column(fr.HIST_DIFF))
    cuts = find_cuts(score, log.lag_diffs(), params, log.column(fr.BLOCK_DIFF))
    fades = find_fades(contrast, params, fps)
    dissolves = find_dissolves(log.tracker.finish(), log.column(fr.BLOCK_DIFF), params)
    for d in find_dissolves_by_variance(contrast, log.histograms(), [c for c, _ in cuts], fps, params):
        if all(d[1] < a or d[0] > b for a, b, _, _ in dissolves):
            dissolves.append(d)
    found = drop_blank_edges(merge_transitions(cuts, fades, dissolves, n), contrast, params)

    transitions = []
    for kind, a, b, new, strength in found:
        t = round(float(times[new]), 4)
        start = t if kind == "cut" else round(float(times[max(a, 0)]), 4)
        end = t if kind == "cut" else round(float(times[min(b, n - 1)]), 4)
        transitions.append(Transition(kind=kind, time_s=t, start_s=start, end_s=end, frame=int(new),
                                      score=round(float(strength), 4)))

    boundaries = [t.frame for t in transitions]
    # motion from 4x4-block averages: nearest-pixel sampling and compression noise cancel out there,
    # so a still shot of real footage reads near zero while movement keeps its size
    moving = motion.despike(log.column(fr.BLOCK_DIFF), boundaries)
    energy = motion.energy(moving)
    grid = motion.uniform_curve(times, moving, fps)
    cut_idx = [int(round((times[b] - times[0]) * fps)) for b in boundaries]
    tempo = motion.tempo_candidates(grid, 1.0 / fps, list(zip([0] + cut_idx, cut_idx + [len(grid)])))
    curve, hop = motion.coarsen(motion.energy(grid), 1.0 / fps)

    starts = [0] + boundaries
    ends = boundaries + [n]
    shots = []
    hists = log.histograms()
    for i, (s, e) in enumerate(zip(starts, ends)):
        start_s = float(times[s])
        end_s = float(times[e]) if e < n else duration
        cues = look.shot_look(log.column(fr.BRIGHT)[s:e], contrast[s:e], log.column(fr.SAT)[s:e],
                              log.column(fr.WARM)[s:e], hists[s:e], float(energy[s:e].mean()),
                              end_s - start_s)
        shots.append(Shot(index=i, start_s=round(start_s, 4), end_s=round(end_s, 4), start_frame=s,
                          end_frame=e, transition_in="start" if i == 0 else transitions[i - 1].kind, **cues))

    warnings = _warnings(meta, duration)
    if n > 2:
        gaps = np.flatnonzero(np.diff(times) > max(1.0, 10.0 * float(np.median(np.diff(times)))))
        if len(gaps):
            g = gaps[0]
            warnings.append(f"{len(gaps)} gap(s) in the picture, the first from {times[g]:.2f} s to "
                            f"{times[g + 1]:.2f} s (corrupt or missing data); analysed the frames around them")
    w, h = fr.display_size(meta["width"], meta["height"], meta["rotation"])
    audio = {}
    if meta.get("sound") is not None:
        audio, audio_warn = meta["sound"].summary(duration)
        warnings += audio_warn
    elif meta.get("has_audio"):
        warnings.append("audio stream present but not analysed")
    return VideoAnalysis(
        source=source, kind="video", duration_s=round(duration, 4), fps=round(fps, 4), width=w, height=h,
        n_frames=n, rotation_deg=meta["rotation"], has_audio=meta.get("has_audio", False), shots=shots,
        transitions=transitions, motion_hop_s=hop, motion=[round(float(v), 4) for v in curve],
        motion_peaks_s=motion.peaks(curve, hop), tempo_candidates_bpm=tempo,
        mood=Mood(**look.mood(shots, duration, len(transitions), tempo)), warnings=warnings, **audio)


def _warnings(meta: dict, duration: float) -> list[str]:
    out = []
    if meta.get("audio_errors"):
        out.append(f"{meta['audio_errors']} audio packet(s) could not be decoded; the picture was analysed whole")
    if meta["errors"]:
        out.append(f"decoding failed {len(meta['errors'])} time(s) ({meta['errors'][0]}); "
                   f"analysed the {duration:.2f} s that decoded")
    total = meta.get("total_s") or 0.0
    if total and total - duration > max(0.5, 0.05 * total):
        out.append(f"the stream ended at {duration:.2f} s of the {total:.2f} s its header announces; "
                   "the file may be truncated")
    return out
