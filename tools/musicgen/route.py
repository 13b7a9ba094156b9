"""The audio route: one MusicGen generation per plan section, joined at the cuts, written as one WAV.

    from v2m.tools.musicgen.route import generate_score_audio
    generate_score_audio(plan, "out/score.wav", backend="musicgen", model="/models/musicgen-small")

    python -m v2m.tools.musicgen.route out/plan.json out/score.wav --backend debug   # the stage alone

How the samples are laid out (sample rate = the backend's, 32 kHz for MusicGen):
- Section i owns samples [b_i, b_{i+1}) with b_i = round(start_s * sr), b_0 = 0 and b_N =
  round(plan.duration_s * sr), so the WAV lasts exactly the plan's duration and every section its length.
- Each cut b_j (j = 1..N-1) gets an equal-power crossfade centred on it: zone [b_j - h, b_j + h),
  h = min(crossfade_s / 2, shortest section / 4). Section i is therefore generated over its span
  [b_i - h, b_{i+1} + h) (clipped to the file), the old section fades out and the new one in, and
  both gains are equal (0.707) at the cut itself.
- A section longer than one model window is continued: each further call gets the last 40% of a
  window as audio context and the join is crossfaded inside that context, so there is never a gap.
- Loudness matching: every section is normalised on its own to the plan's LUFS target (peak-capped),
  so sections sound equally loud and a regenerated section does not change the others' gains.
- Regenerating sections K (`sections=K, previous_wav=...`) rewrites only the samples of
  `regenerated_span(plan, k)` = [b_k - h, b_{k+1} + h) for each k in K; every other sample of the
  previous WAV is kept bit for bit. The seam file `<stem>.seams.npz` beside the WAV keeps each
  section's contribution to the crossfade zones, so a zone is re-mixed from the neighbour's exact audio.
- Hybrid: with `symbolic_wav` (the rendered symbolic score), each call of MusicGen-Melody is conditioned
  on the chroma of the matching slice of that audio, so the composer's melody and chords, timed to
  the cuts, steer the audio model section by section.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
from v2m.tools.audio.render import integrated_loudness
from v2m.tools.contract import ScorePlan
from v2m.tools.errors import InputError, V2MError
from v2m.tools.music.tempo_map import build_tempo_map
from v2m.tools.musicgen.backends import load_backend
from v2m.tools.musicgen.chroma import resample
from v2m.tools.musicgen.prompt import chord_timeline, section_prompt
from v2m.tools.style import load_style

CONTEXT_FRACTION = 0.4  # of a window, fed back as audio context (audiocraft: 12 s context per 30 s)
JOIN_S = 0.25  # crossfade at continuation joins, inside the context
MAX_GAIN_DB = 30.0
END_FADE_S = 0.05  # as v2m.tools.audio.render ends the symbolic score
PEAK = 0.98


@dataclass(frozen=True)
class Layout:
    """Where each section and crossfade sits, in samples."""

    sample_rate: int
    bounds: tuple[int, ...]  # N + 1 sample indices: section i is [bounds[i], bounds[i+1])
    half: int  # half the crossfade at a cut, in samples

    @property
    def total(self) -> int:
        return self.bounds[-1]

    def span(self, i: int) -> tuple[int, int]:
        """Samples generated for section i: its own plus half a crossfade beyond each inner cut."""
        last = len(self.bounds) - 2
        return (self.bounds[i] - (self.half if i > 0 else 0), self.bounds[i + 1] + (self.half if i < last else 0))


def layout(plan: ScorePlan, sample_rate: int, crossfade_s: float = 0.2) -> Layout:
    """Section bounds and crossfade size for `plan` at `sample_rate`.

    Args:
        plan: the score plan (its sections tile the video).
        sample_rate: output sample rate.
        crossfade_s: wanted crossfade length at each cut; shortened so zones never touch.
    Returns:
        The Layout.
    Raises:
        V2MError: a section is shorter than one sample.
    """
    b = [0] + [round(s.start_s * sample_rate) for s in plan.sections[1:]] + [round(plan.duration_s * sample_rate)]
    for i in range(len(b) - 1):
        if b[i + 1] <= b[i]:
            raise V2MError(f"section {i} ({plan.sections[i].name}) is too short to render at {sample_rate} Hz")
    shortest = min(b[i + 1] - b[i] for i in range(len(b) - 1))
    half = min(round(crossfade_s * sample_rate / 2), shortest // 4) if len(b) > 2 else 0
    return Layout(sample_rate, tuple(b), max(0, half))


def regenerated_span(plan: ScorePlan, k: int, sample_rate: int, crossfade_s: float = 0.2) -> tuple[int, int]:
    """The samples [start, end) that regenerating section k may change; all others stay identical.

    Args:
        plan: the plan the previous WAV was made from.
        k: section index.
        sample_rate: the WAV's sample rate.
        crossfade_s: the crossfade used for both takes.
    Returns:
        (start, end) sample indices.
    """
    return layout(plan, sample_rate, crossfade_s).span(k)


def section_seed(seed: int, i: int, take: int = 0) -> int:
    """Each section's own seed, so regenerating one never depends on the others' random draws;
    another take of a section (`Section.take`) gets another seed, take 0 the original one."""
    return seed * 100_003 + i * 1_009 + take * 7_919_993


def _fades(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Equal-power fade-out and fade-in of n samples (cos/sin), equal at the middle."""
    t = (np.arange(n) + 0.5) / max(n, 1) * (np.pi / 2)
    return np.cos(t).astype(np.float32), np.sin(t).astype(np.float32)


def render_section(backend, prompt: str, n: int, *, seed: int,
                   melody: Callable[[int, int], tuple[np.ndarray, int]] | None = None,
                   chords: Callable[[int, int], list[tuple[str, float]]] | None = None) -> np.ndarray:
    """Exactly n samples of music for one section, continuing across windows when needed.

    Args:
        backend: a MusicBackend (see v2m.tools.musicgen.backends).
        prompt: the section's text prompt.
        n: samples wanted.
        seed: base seed; continuation call c uses seed + c.
        melody: (start, end) -> (audio, sr) slice of the melody for section samples [start, end), or None.
        chords: (start, end) -> [(symbol, seconds)] for backends that take timed chords (JASCO), or None.
    Returns:
        float32 array of length n.
    """
    w, hop, sr = backend.window_samples, backend.hop_samples, backend.sample_rate
    ctx = max(hop, int(w * CONTEXT_FRACTION) // hop * hop)
    join = min(ctx // 2, round(JOIN_S * sr))
    def cond(a: int, b: int) -> dict:
        out = {"melody": melody(a, b) if melody else None}
        if chords:
            out["chords"] = chords(a, b)
        return out

    first = min(n, w)
    audio = backend.generate(prompt, first, seed=seed, **cond(0, first))
    call = 1
    while len(audio) < n:
        new = min(w - ctx, n - len(audio))
        start = len(audio) - ctx
        g = backend.generate(prompt, new, context=audio[-ctx:], seed=seed + call, **cond(start, start + ctx + new))
        fade_out, fade_in = _fades(join)
        seam = audio[-join:] * fade_out + g[ctx - join:ctx] * fade_in if join else np.zeros(0, np.float32)
        audio = np.concatenate([audio[: len(audio) - join], seam, g[ctx:]])
        call += 1
    return audio[:n].astype(np.float32)


def match_loudness(audio: np.ndarray, sample_rate: int, target_lufs: float) -> np.ndarray:
    """Scale one section to `target_lufs` (BS.1770, as v2m.tools.audio.render measures it), never past PEAK or +30 dB.

    A plain gain, not render's soft limiter: the gain of one section must not depend on its neighbours,
    so regenerating one section leaves the others' samples as they were.

    Args:
        audio: mono section audio.
        sample_rate: its rate.
        target_lufs: the plan's loudness target.
    Returns:
        The scaled float32 audio.
    """
    peak = float(np.max(np.abs(audio))) if len(audio) else 0.0
    if peak < 1e-6:
        return audio.astype(np.float32)
    loud = integrated_loudness(audio.astype(np.float64), sample_rate)
    gain_db = MAX_GAIN_DB if not math.isfinite(loud) else min(MAX_GAIN_DB, target_lufs - loud)
    gain = min(10 ** (gain_db / 20), PEAK / peak)
    return (audio * gain).astype(np.float32)


def _seams_path(wav: Path) -> Path:
    return wav.with_name(wav.stem + ".seams.npz")


def _contributions(stem: np.ndarray, i: int, lay: Layout) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Split section i's gained span audio into (head zone, body, tail zone), each windowed."""
    h2 = 2 * lay.half
    last = len(lay.bounds) - 2
    fade_out, fade_in = _fades(h2)
    head = stem[:h2] * fade_in if i > 0 else stem[:0]
    tail = stem[len(stem) - h2:] * fade_out if i < last else stem[:0]
    body = stem[len(head): len(stem) - len(tail)]
    return head.astype(np.float32), body.astype(np.float32), tail.astype(np.float32)


def _load_previous(previous_wav: Path, lay: Layout) -> tuple[np.ndarray, dict]:
    import soundfile as sf

    seams = _seams_path(previous_wav)
    if not previous_wav.exists() or not seams.exists():
        raise V2MError(f"cannot regenerate one section: {previous_wav} or its {seams.name} is missing; "
                       "regenerate all sections")
    audio, sr = sf.read(str(previous_wav), dtype="int16", always_2d=True)
    with np.load(seams) as z:
        stored = {k: z[k] for k in z.files}
    if sr != lay.sample_rate or len(audio) != lay.total or tuple(stored["bounds"]) != lay.bounds \
            or int(stored["half"]) != lay.half:
        raise V2MError("the previous take was made for different section times or another model; "
                       "regenerate all sections")
    return audio[:, 0].copy(), stored


def _to_pcm16(x: np.ndarray) -> np.ndarray:
    return np.round(np.clip(x, -1.0, 32767 / 32768) * 32768).astype(np.int16)


def _symbolic(path: str | Path, sample_rate: int, total: int) -> np.ndarray:
    """The rendered symbolic score, mono at `sample_rate`, padded or cut to `total` samples."""
    import soundfile as sf

    try:
        audio, sr = sf.read(str(path), dtype="float32", always_2d=True)
    except Exception as e:
        raise InputError(f"cannot read the symbolic score audio {path}: {str(e).splitlines()[0]}") from None
    mono = resample(audio.mean(axis=1), sr, sample_rate)
    return np.pad(mono, (0, max(0, total - len(mono))))[:total]


def _mix(lay: Layout, todo: list[int], prev: np.ndarray, heads: dict, bodies: dict, tails: dict) -> np.ndarray:
    """The previous take (int16) with the spans of the sections in `todo` re-mixed from their contributions."""
    mix = np.zeros(lay.total, np.float32)
    mask = np.zeros(lay.total, bool)
    for k in todo:
        s, e = lay.span(k)
        mask[s:e] = True
        mix[s + len(heads[k]): e - len(tails[k])] += bodies[k]
    for i in range(len(lay.bounds) - 1):  # every crossfade zone is the sum of the two sides' windowed audio
        s, e = lay.span(i)
        mix[s: s + len(heads[i])] += heads[i]
        mix[e - len(tails[i]): e] += tails[i]
    out = prev.copy()
    out[mask] = _to_pcm16(mix[mask])
    return out


def _write_take(wav_out: Path, audio: np.ndarray, sr: int, seams: dict) -> None:
    """Write the WAV and its seams beside the targets, then rename both: never a half-written take."""
    import soundfile as sf

    seam_path = _seams_path(wav_out)
    tmp_wav = wav_out.with_name(f".{wav_out.name}.tmp.wav")
    tmp_seams = seam_path.with_name(f".{seam_path.stem}.tmp.npz")
    try:
        sf.write(str(tmp_wav), audio, sr, subtype="PCM_16")
        np.savez(tmp_seams, **seams)
        os.replace(tmp_seams, seam_path)
        os.replace(tmp_wav, wav_out)
    finally:
        tmp_wav.unlink(missing_ok=True)
        tmp_seams.unlink(missing_ok=True)


def generate_score_audio(plan: ScorePlan, wav_out: str | Path, *, backend=None, model: str | None = None,
                         symbolic_wav: str | Path | None = None, sections: list[int] | None = None,
                         previous_wav: str | Path | None = None, device: str = "cpu", dtype: str | None = None,
                         guidance_scale: float = 3.0, seed: int | None = None, crossfade_s: float = 0.2,
                         window_s: float | None = None, progress: Callable[[str], None] | None = None) -> Path:
    """Generate the plan's music as audio and write one WAV exactly `plan.duration_s` long.

    Args:
        plan: the score plan; each section's `musicgen_prompt` (or one built from the plan) is its prompt.
        wav_out: the WAV to write (16-bit, mono, the backend's sample rate); `<stem>.seams.npz` goes beside it.
        backend: a name from `v2m.tools.musicgen.BACKENDS`, or an already loaded backend (reused across
            dialogue turns). None: "musicgen-melody" with `symbolic_wav`, else "musicgen".
        model: hub id (local cache only) or local folder of the weights.
        symbolic_wav: the rendered symbolic score; its chroma conditions each section (hybrid route).
        sections: indices to regenerate; every sample outside their `regenerated_span` stays as it was.
        previous_wav: the take to regenerate from (default: `wav_out` itself); needs its seams file.
        device: "cpu", "cuda" or "auto".
        dtype: "float32", "float16", "bfloat16" (None: float32 on CPU, float16 on GPU).
        guidance_scale: classifier-free guidance (MusicGen's default is 3).
        seed: base seed (None: plan.seed); another seed gives another take.
        crossfade_s: crossfade length centred on each cut.
        window_s: longest audio one model call produces (None: 30 s, the training length).
        progress: called with one line per section.
    Returns:
        wav_out as a Path.
    Raises:
        V2MError / MissingDependency: one line (unknown backend, weights missing, bad section index ...);
            nothing is written then.
    """
    wav_out = Path(wav_out)
    if not wav_out.parent.is_dir():
        raise V2MError(f"output folder {wav_out.parent} does not exist")
    n_sec = len(plan.sections)
    todo = list(range(n_sec)) if sections is None else sorted(set(sections))
    bad = [k for k in todo if not 0 <= k < n_sec]
    if bad:
        raise V2MError(f"section index {bad} out of range; the plan has sections 0..{n_sec - 1}")
    if not todo:
        raise V2MError("no section to regenerate was given")
    if backend is None or isinstance(backend, str):
        name = backend or ("musicgen-melody" if symbolic_wav is not None else "musicgen")
        opts = {"device": device, "dtype": dtype, "guidance_scale": guidance_scale, "window_s": window_s}
        backend = load_backend(name, model, **{k: v for k, v in opts.items() if v is not None})
    if symbolic_wav is not None and not backend.melody:
        raise V2MError(f"the hybrid route needs a melody-conditioned backend (musicgen-melody), not {backend.name}")
    sr = backend.sample_rate
    lay = layout(plan, sr, crossfade_s)
    tempo_map = build_tempo_map(plan, load_style(plan.style))  # the bars the chords change on
    seed = plan.seed if seed is None else seed

    if sections is None:
        prev, stored = np.zeros(lay.total, np.int16), {}
    else:
        prev, stored = _load_previous(Path(previous_wav or wav_out), lay)
    sym = None if symbolic_wav is None else _symbolic(symbolic_wav, sr, lay.total)

    heads = {i: stored.get(f"head_{i}") for i in range(n_sec)}
    tails = {i: stored.get(f"tail_{i}") for i in range(n_sec)}
    evidence = {k: v for k, v in stored.items() if k.startswith(("prompt_", "seed_"))}
    bodies = {}
    for k in todo:
        s, e = lay.span(k)
        prompt = section_prompt(plan, k)
        if progress:
            progress(f"section {k} ({plan.sections[k].name}, {(e - s) / sr:.1f} s): {prompt}")
        melody = None if sym is None else (lambda a, b, s=s: (sym[s + a: s + b], sr))
        chords = None
        if getattr(backend, "wants_chords", False):  # JASCO: the plan's chords on the composer's bars
            lead = lay.bounds[k] - s
            chords = lambda a, b, k=k, lead=lead: chord_timeline(  # noqa: E731
                plan, k, (a - lead) / sr, (b - a) / sr, tempo_map)
        k_seed = section_seed(seed, k, plan.sections[k].take)
        evidence[f"prompt_{k}"], evidence[f"seed_{k}"] = np.array(prompt), np.array(k_seed)
        if plan.sections[k].music:
            raw = render_section(backend, prompt, e - s, seed=k_seed, melody=melody, chords=chords)
            stem = match_loudness(raw, sr, plan.loudness_lufs)
        else:  # music out: silence, nothing generated
            stem = np.zeros(e - s, np.float32)
        if k == n_sec - 1:  # a short fade-out at the very end, so the video does not end on a click
            f = min(len(stem) // 4, round(END_FADE_S * sr))
            stem[len(stem) - f:] *= np.linspace(1.0, 0.0, f, dtype=np.float32)
        heads[k], bodies[k], tails[k] = _contributions(stem, k, lay)

    out = _mix(lay, todo, prev, heads, bodies, tails)
    seams = {"bounds": np.array(lay.bounds), "half": np.array(lay.half), "sample_rate": np.array(sr)}
    seams.update({f"head_{i}": heads[i] for i in range(n_sec)})
    seams.update({f"tail_{i}": tails[i] for i in range(n_sec)})
    seams.update(evidence)  # what each section was generated from: the run's evidence
    _write_take(wav_out, out, sr, seams)
    return wav_out


def main(argv: list[str] | None = None) -> None:
    """Re-run the audio stage alone: `python -m v2m.tools.musicgen.route plan.json score.wav [--backend ...]`."""
    import argparse
    import sys

    ap = argparse.ArgumentParser(prog="python -m v2m.tools.musicgen.route", description=main.__doc__)
    ap.add_argument("plan", help="plan.json (a ScorePlan)")
    ap.add_argument("wav", help="WAV to write")
    ap.add_argument("--backend", default=None, help="musicgen, musicgen-melody, audiocraft or debug")
    ap.add_argument("--model", default=None, help="local checkpoint folder or cached hub id")
    ap.add_argument("--symbolic-wav", default=None, help="rendered symbolic score: the hybrid route")
    ap.add_argument("--sections", default=None, help="comma-separated indices to regenerate in WAV")
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--seed", type=int, default=None)
    args = ap.parse_args(argv)
    try:
        plan = ScorePlan.model_validate_json(Path(args.plan).read_text())
        sections = None if args.sections is None else [int(k) for k in args.sections.split(",")]
        out = generate_score_audio(plan, args.wav, backend=args.backend, model=args.model, device=args.device,
                                   symbolic_wav=args.symbolic_wav, sections=sections, seed=args.seed,
                                   progress=lambda line: print(line, file=sys.stderr))
    except (V2MError, OSError, ValueError) as e:
        print(f"v2m: error: {str(e).strip().splitlines()[0]}", file=sys.stderr)
        sys.exit(2)
    print(out)


if __name__ == "__main__":
    main()
