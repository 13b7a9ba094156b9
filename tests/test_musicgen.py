"""The audio route on tiny random MusicGen / MusicGen-Melody checkpoints, through the real generate path.

The checkpoints are built from configs, saved to a temp folder and loaded with `from_pretrained`,
exactly as real weights would be; their window is ~4.5 s so a 75 s plan needs many continuations.
"""

import numpy as np
import pytest
import soundfile as sf

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

from v2m.tools.musicgen.route import generate_score_audio, layout, regenerated_span  # noqa: E402
from v2m.tools.contract import ScorePlan, Section  # noqa: E402
from v2m.tools.musicgen.backends import load_backend  # noqa: E402
from musicgen_tiny import build_tiny  # noqa: E402

torch.set_num_threads(1)


def make_plan(cuts, duration, **kw):
    t = [0.0, *cuts, duration]
    names = ["intro", "verse", "chorus", "bridge", "outro", "coda"]
    secs = [Section(name=names[i % 6], start_s=t[i], end_s=t[i + 1], energy=min(1.0, 0.2 + 0.15 * i))
            for i in range(len(t) - 1)]
    return ScorePlan(duration_s=duration, style="jazz", tempo_bpm=132, sections=secs, **kw)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    return load_backend("musicgen", str(build_tiny(tmp_path_factory.mktemp("tiny") / "musicgen")))


@pytest.fixture(scope="module")
def tiny_melody(tmp_path_factory):
    return load_backend("musicgen-melody", str(build_tiny(tmp_path_factory.mktemp("tiny") / "melody", melody=True)))


def test_backend_generates_exact_lengths_and_continues(tiny):
    assert tiny.sample_rate == 8000 and tiny.hop_samples == 800
    a = tiny.generate("jazz sax", 12345, seed=3)
    assert a.shape == (12345,) and a.dtype == np.float32 and np.abs(a).max() > 1e-4
    assert np.array_equal(a, tiny.generate("jazz sax", 12345, seed=3))  # a seed is a take
    assert not np.array_equal(a, tiny.generate("jazz sax", 12345, seed=4))
    g = tiny.generate("jazz sax", 5000, context=a[-8000:], seed=5)
    assert g.shape == (13000,)
    # the context comes back re-synthesised from its codes: close to, not equal to, the input
    assert np.abs(g[-5000:]).max() > 1e-4


@pytest.mark.gpu
def test_tiny_model_on_gpu_gives_exact_lengths(tiny, tmp_path):
    if not torch.cuda.is_available():
        pytest.skip("no CUDA device")
    be = load_backend("musicgen", tiny.model_id, device="cuda", dtype="float16")
    plan = make_plan([1.1], 6.3)
    audio, sr = sf.read(generate_score_audio(plan, tmp_path / "gpu.wav", backend=be), dtype="int16")
    assert len(audio) == round(6.3 * sr) and np.abs(audio).max() > 100


def test_sections_have_exact_lengths_and_seams_sit_on_cuts(tiny, tmp_path):
    plan = make_plan([1.23, 3.71, 6.05], 9.87)
    out = generate_score_audio(plan, tmp_path / "score.wav", backend=tiny)
    audio, sr = sf.read(out, dtype="int16")
    assert sr == 8000 and len(audio) == round(9.87 * sr)
    with np.load(tmp_path / "score.seams.npz") as z:
        bounds, half = list(z["bounds"]), int(z["half"])
        heads = [z[f"head_{i}"] for i in range(4)]
        tails = [z[f"tail_{i}"] for i in range(4)]
    assert bounds == [0, round(1.23 * sr), round(3.71 * sr), round(6.05 * sr), len(audio)]
    assert half == round(0.1 * sr)
    for j in (1, 2, 3):  # the zone around cut j is exactly the outgoing tail plus the incoming head
        zone = audio[bounds[j] - half: bounds[j] + half].astype(np.float64) / 32768
        mixed = np.clip(tails[j - 1] + heads[j], -1, 1)
        assert np.abs(zone - mixed).max() < 2 / 32768
    # every section's samples: its own length, all of them sounding
    for i in range(4):
        sec = audio[bounds[i]: bounds[i + 1]]
        assert len(sec) == round(plan.sections[i].end_s * sr) - round(plan.sections[i].start_s * sr) or i == 3
        assert np.abs(sec).max() > 100


@pytest.mark.slow
def test_75s_plan_spans_many_windows_without_gaps(tiny, tmp_path):
    plan = make_plan([10.0, 31.3, 52.5], 75.0)
    lay = layout(plan, 8000)
    assert max(e - s for s, e in (lay.span(i) for i in range(4))) > 4 * tiny.window_samples
    audio, sr = sf.read(generate_score_audio(plan, tmp_path / "long.wav", backend=tiny), dtype="float32")
    assert len(audio) == 75 * sr
    win = int(0.05 * sr)  # no 50 ms stretch anywhere is silent
    frames = np.abs(audio[: len(audio) // win * win].reshape(-1, win)).max(axis=1)
    assert frames.min() > 1e-3, f"silent stretch at {np.argmin(frames) * 0.05:.2f}s"
    # sections were loudness-matched on their own: per-section loudness within 2 dB
    import pyloudnorm

    meter = pyloudnorm.Meter(sr)
    louds = [meter.integrated_loudness(audio[lay.bounds[i]: lay.bounds[i + 1]].astype(np.float64)) for i in range(4)]
    assert max(louds) - min(louds) < 2.0, louds


def test_regenerating_one_section_leaves_others_untouched(tiny, tmp_path):
    plan = make_plan([2.0, 4.6, 7.3], 10.0)
    wav = tmp_path / "score.wav"
    generate_score_audio(plan, wav, backend=tiny, seed=0)
    before, sr = sf.read(wav, dtype="int16")
    generate_score_audio(plan, wav, backend=tiny, seed=7, sections=[2])  # "another take of the chorus"
    after, _ = sf.read(wav, dtype="int16")
    s, e = regenerated_span(plan, 2, sr)
    assert (s, e) == (round(4.6 * sr) - 800, round(7.3 * sr) + 800)
    assert len(after) == len(before)
    assert np.array_equal(before[:s], after[:s]) and np.array_equal(before[e:], after[e:])
    changed = np.flatnonzero(before != after)
    assert changed.min() < s + 100 and changed.max() > e - 100  # the whole span is the new take
    # a second regeneration with the first seed restores the original take bit for bit
    generate_score_audio(plan, wav, backend=tiny, seed=0, sections=[2])
    assert np.array_equal(sf.read(wav, dtype="int16")[0], before)


@pytest.mark.slow
def test_hybrid_conditions_each_section_on_the_symbolic_audio(tiny_melody, tmp_path):
    plan = make_plan([1.5], 10.0)  # section 1 (8.6 s with its fade) needs continuation calls too
    sr = 8000
    assert lay_len(plan, sr, 1) > tiny_melody.window_samples
    t = np.arange(int(10.0 * sr)) / sr
    for name, hz in (("a.wav", 440.0), ("c.wav", 261.63)):
        sf.write(tmp_path / name, 0.3 * np.sin(2 * np.pi * hz * t), sr)
    out_a = generate_score_audio(plan, tmp_path / "ha.wav", backend=tiny_melody, symbolic_wav=tmp_path / "a.wav")
    out_c = generate_score_audio(plan, tmp_path / "hc.wav", backend=tiny_melody, symbolic_wav=tmp_path / "c.wav")
    a, _ = sf.read(out_a, dtype="int16")
    c, _ = sf.read(out_c, dtype="int16")
    assert len(a) == len(c) == 10 * sr
    assert not np.array_equal(a, c)  # same seed and prompts: only the melody differs, and it is heard
    win = int(0.05 * sr)
    assert np.abs(a[: len(a) // win * win].reshape(-1, win)).max(axis=1).min() > 30  # no silent stretch


def lay_len(plan, sr, i):
    s, e = layout(plan, sr).span(i)
    return e - s


def test_hybrid_on_the_rendered_symbolic_score(tiny_melody, tmp_path):
    """compose -> render (FluidSynth) -> MusicGen-Melody per section: each call hears the score's own notes."""
    pytest.importorskip("music21")
    from v2m.tools.musicgen.chroma import chroma_features
    from v2m.tools.music.compose import compose
    from v2m.tools.music.theory import scale_pcs
    from v2m.tools.audio.render import find_soundfont, render

    try:
        find_soundfont()
    except Exception:
        pytest.skip("no General MIDI soundfont")
    # folk holds one diatonic chord a bar; jazz would add secondary dominants (D7, E7) on the half bar, whose
    # F# and G# are the score's, but not C major's, so the check below would no longer read the key alone
    plan = ScorePlan(duration_s=8.0, style="folk", tempo_bpm=120, key="C", mode="major", route="hybrid", sections=[
        Section(name="A", start_s=0, end_s=4.0, chords=["C", "F"]),
        Section(name="B", start_s=4.0, end_s=8.0, chords=["Am", "G"])])
    compose(plan).write_midi(tmp_path / "score.mid")
    render(tmp_path / "score.mid", tmp_path / "score.wav", duration_s=8.0, sample_rate=16000)
    heard = []
    real_generate = tiny_melody.generate

    def spy(prompt, n_new, **kw):
        heard.append(kw["melody"])
        return real_generate(prompt, n_new, **kw)

    tiny_melody.generate = spy
    try:
        out = generate_score_audio(plan, tmp_path / "hybrid.wav", backend=tiny_melody,
                                   symbolic_wav=tmp_path / "score.wav")
    finally:
        del tiny_melody.generate
    audio, sr = sf.read(out, dtype="int16")
    assert len(audio) == 8 * sr and len(heard) == 2
    scale = set(scale_pcs("C", "major"))
    for (mel, mel_sr), span in zip(heard, (layout(plan, sr).span(0), layout(plan, sr).span(1))):
        assert mel_sr == sr and len(mel) == span[1] - span[0]  # exactly the section's slice
        pcs = chroma_features(mel, mel_sr, target_sr=sr, n_fft=2048, hop_length=512).argmax(1)
        assert np.mean([p in scale for p in pcs]) > 0.9  # the melody conditioning is the score's C major
