"""The audio route's assembly, prompts and failures, measured on WAVs made with synthetic backends."""

import numpy as np
import pytest
import soundfile as sf

from v2m.tools.musicgen.route import generate_score_audio, layout, render_section
from v2m.tools.musicgen.chroma import chroma_features
from v2m.tools.contract import ScorePlan, Section
from v2m.tools.errors import MissingDependency, V2MError
from v2m.tools.musicgen.prompt import section_prompt
from v2m.tools.musicgen.backends import BACKENDS, DebugBackend, load_backend

SR = 8000


class ToneBackend:
    """Each prompt "tone <hz>" is a pure sine, so who is playing when can be measured exactly."""

    name, melody, sample_rate, hop_samples = "tone", False, SR, 80

    def __init__(self, window_s=3.0, fail_on=None):
        self.window_samples = int(window_s * SR)
        self.fail_on = fail_on
        self.calls = []

    def generate(self, prompt, n_new, *, context=None, melody=None, seed=0):
        if prompt == self.fail_on:
            raise RuntimeError("model crashed")
        n_ctx = 0 if context is None else len(context)
        assert n_ctx + n_new <= self.window_samples
        self.calls.append((prompt, n_ctx, n_new))
        hz = float(prompt.split()[1])
        t = np.arange(n_ctx + n_new) / SR
        basis = np.stack([np.sin(2 * np.pi * hz * t), np.cos(2 * np.pi * hz * t)], axis=1)
        if n_ctx:  # continue the context's phase, as a codec round trip of the context would
            coef = np.linalg.lstsq(basis[:n_ctx], context, rcond=None)[0]
        else:  # another seed, another phase
            coef = 0.4 * np.array([np.cos(seed), np.sin(seed)])
        return (basis @ coef).astype(np.float32)


def tone_plan(cuts, duration, tones):
    t = [0.0, *cuts, duration]
    return ScorePlan(duration_s=duration, style="ambient", tempo_bpm=90, sections=[
        Section(name=f"s{i}", start_s=t[i], end_s=t[i + 1], musicgen_prompt=f"tone {tones[i]}")
        for i in range(len(t) - 1)])


def amplitude(audio, hz, win=80):
    """Envelope of one sine component: complex demodulation, then a moving average over `win` samples."""
    t = np.arange(len(audio)) / SR
    z = audio * np.exp(-2j * np.pi * hz * t)
    return 2 * np.abs(np.convolve(z, np.ones(win) / win, mode="same"))


def test_crossfades_are_centred_on_the_cuts(tmp_path):
    plan = tone_plan([1.3, 2.9], 4.5, [400, 1000, 2500])
    out = generate_score_audio(plan, tmp_path / "s.wav", backend=ToneBackend(), crossfade_s=0.2)
    audio, sr = sf.read(out, dtype="float32")
    assert len(audio) == round(4.5 * SR)
    for cut, (a, b) in ((1.3, (400, 1000)), (2.9, (1000, 2500))):
        c = round(cut * SR)
        ea, eb = amplitude(audio, a), amplitude(audio, b)
        # each section was loudness-matched on its own (K-weighting favours 1 kHz): compare relative levels
        ea, eb = ea / ea[c - 1200], eb / eb[c + 1200]
        seg = slice(c - 600, c + 600)
        crossing = c - 600 + int(np.argmin(np.abs(ea[seg] - eb[seg])))
        assert abs(crossing - c) <= 8, (cut, crossing - c)  # equal loudness within 1 ms of the cut
        # outside the 0.2 s zone only one section sounds
        assert eb[c - 900] < 0.01 * ea[c - 900] and ea[c + 900] < 0.01 * eb[c + 900]
        # and the fade is complete 0.1 s on either side (plus the envelope's 5 ms smoothing)
        assert ea[c + 800 + 40] < 0.05 * eb[c + 800 + 40]


def test_long_sections_are_continued_across_windows_without_gaps():
    be = ToneBackend(window_s=3.0)
    audio = render_section(be, "tone 500", 10 * SR + 123, seed=1)
    assert len(audio) == 10 * SR + 123
    assert [n_ctx for _, n_ctx, _ in be.calls] == [0] + [int(0.4 * 3 * SR)] * (len(be.calls) - 1)
    env = amplitude(audio, 500)[200:-200]
    assert env.min() > 0.38  # never a hole, even at the joins


def test_hybrid_slices_the_symbolic_audio_per_section(tmp_path):
    # a melody that changes pitch exactly at the cut: each section must see only its own pitch
    t = np.arange(4 * SR) / SR
    sym = np.where(t < 2.0, np.sin(2 * np.pi * 440 * t), np.sin(2 * np.pi * 659.25 * t)) * 0.3
    sf.write(tmp_path / "sym.wav", sym, SR)
    seen = []

    class Spy(DebugBackend):
        def generate(self, prompt, n_new, *, context=None, melody=None, seed=0):
            seen.append(chroma_features(*melody, target_sr=SR, n_fft=2048, hop_length=512).argmax(1))
            return super().generate(prompt, n_new, context=context, melody=melody, seed=seed)

    plan = tone_plan([2.0], 4.0, [1, 2])
    generate_score_audio(plan, tmp_path / "h.wav", backend=Spy(), symbolic_wav=tmp_path / "sym.wav",
                         crossfade_s=0.02)
    assert np.bincount(seen[0][2:-2]).argmax() == 9  # A
    assert np.bincount(seen[1][2:-2]).argmax() == 4  # E


def test_chroma_matches_the_pitch_class():
    t = np.arange(2 * 32000) / 32000
    for hz, pc in ((261.63, 0), (440.0, 9), (493.88, 11)):
        feats = chroma_features(np.sin(2 * np.pi * hz * t), 32000)
        assert feats.shape[1] == 12 and np.all(feats.sum(1) == 1)
        assert np.all(feats.argmax(1) == pc)


def test_prompts_come_from_the_plan():
    plan = ScorePlan(duration_s=10, style="jazz", tempo_bpm=140, key="Bb", mode="minor", sections=[
        Section(name="intro", start_s=0, end_s=4, energy=0.1, instruments=["bass", "melody"]),
        Section(name="B", start_s=4, end_s=10, energy=0.9, tempo_bpm=150, musicgen_prompt="noir sax solo")])
    p0 = section_prompt(plan, 0)
    assert "jazz" in p0 and "140 bpm" in p0 and "Bb minor" in p0 and "acoustic bass" in p0 and "tenor sax" in p0
    assert "soft" in p0.lower() and "intro" in p0 and "piano" not in p0
    plan.sections[0].energy = 0.5
    assert "steady" in section_prompt(plan, 0)
    assert section_prompt(plan, 1) == "noir sax solo"


def test_only_edited_sections_are_regenerated():
    from v2m.tools.musicgen.prompt import changed_sections

    old = tone_plan([1.0, 2.0], 3.0, [300, 600, 900])
    chorus = old.model_copy(deep=True)
    chorus.sections[1].energy = 0.9
    assert changed_sections(old, chorus) == [1]
    assert changed_sections(old, old.model_copy(deep=True)) == []
    assert changed_sections(old, old.model_copy(update={"request": "again"})) == []
    assert changed_sections(old, old.model_copy(update={"tempo_bpm": 140})) == [0, 1, 2]  # hybrid hears tempo
    moved = tone_plan([1.2, 2.0], 3.0, [300, 600, 900])
    assert changed_sections(old, moved) is None


def test_backends_by_name_and_failures_are_one_line(tmp_path, monkeypatch):
    assert set(BACKENDS) == {"musicgen", "musicgen-melody", "audiocraft", "debug"}
    plan = tone_plan([1.0], 2.0, [300, 600])
    wav = tmp_path / "score.wav"
    with pytest.raises(V2MError, match="unknown music backend"):
        generate_score_audio(plan, wav, backend="nope")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))  # an empty cache: the hub id cannot resolve
    for model in ("facebook/musicgen-small", str(tmp_path / "missing")):
        with pytest.raises(MissingDependency, match="--route symbolic") as e:
            generate_score_audio(plan, wav, backend="musicgen", model=model)
        assert "\n" not in str(e.value)
    from v2m.tools.musicgen.backends import check_backend

    check_backend("debug")
    with pytest.raises(MissingDependency, match="--route symbolic"):
        check_backend("musicgen-melody", str(tmp_path / "missing"))
    with pytest.raises(V2MError, match="unknown music backend"):
        check_backend("nope")
    (tmp_path / "half").mkdir()
    (tmp_path / "half" / "config.json").write_text("{}")
    with pytest.raises(MissingDependency, match="incomplete .*weights, tokenizer"):
        load_backend("musicgen", str(tmp_path / "half"))
    with pytest.raises(V2MError, match="out of range"):
        generate_score_audio(plan, wav, backend=ToneBackend(), sections=[5])
    with pytest.raises(V2MError, match="missing"):
        generate_score_audio(plan, wav, backend=ToneBackend(), sections=[1])
    assert not [p.name for p in tmp_path.iterdir() if "score" in p.name]  # nothing half-written


def test_the_check_and_the_load_take_the_same_weights(tmp_path, monkeypatch):
    # one choice of weights (backends._weights): V2M_MUSICGEN_MODEL when none is passed, the one passed over it
    from v2m.tools.musicgen.backends import check_backend

    half, missing = tmp_path / "half", tmp_path / "missing"
    half.mkdir()
    (half / "config.json").write_text("{}")
    monkeypatch.setenv("V2M_MUSICGEN_MODEL", str(half))
    for step in (check_backend, load_backend):
        with pytest.raises(MissingDependency, match=f"{half.name} is incomplete"):
            step("musicgen")
        with pytest.raises(MissingDependency, match=missing.name):
            step("musicgen-melody", str(missing))
        with pytest.raises(V2MError, match="unknown music backend"):
            step("nope")
    check_backend("debug")   # the debug backend takes no weights, whatever the variable says
    assert isinstance(load_backend("debug"), DebugBackend)


def test_a_crash_mid_take_leaves_the_previous_take_as_it_was(tmp_path):
    plan = tone_plan([1.0, 2.0], 3.0, [300, 600, 900])
    wav = generate_score_audio(plan, tmp_path / "score.wav", backend=ToneBackend())
    before = wav.read_bytes(), (tmp_path / "score.seams.npz").read_bytes()
    crashing = tone_plan([1.0, 2.0], 3.0, [300, 700, 900])
    with pytest.raises(RuntimeError):
        generate_score_audio(crashing, wav, backend=ToneBackend(fail_on="tone 700"))
    assert (wav.read_bytes(), (tmp_path / "score.seams.npz").read_bytes()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["score.seams.npz", "score.wav"]


def test_regenerating_against_a_take_with_other_cut_times_is_refused(tmp_path):
    wav = generate_score_audio(tone_plan([1.0, 2.0], 3.0, [300, 600, 900]), tmp_path / "score.wav",
                               backend=ToneBackend())
    before = wav.read_bytes()
    with pytest.raises(V2MError, match="different section times"):
        generate_score_audio(tone_plan([1.2, 2.0], 3.0, [300, 600, 900]), wav, backend=ToneBackend(), sections=[1])
    assert wav.read_bytes() == before


def test_layout_shrinks_crossfades_for_short_sections():
    plan = tone_plan([0.1, 3.0], 4.0, [1, 2, 3])
    lay = layout(plan, SR, crossfade_s=0.5)
    assert lay.half == (round(0.1 * SR)) // 4  # zones never overlap nor swallow a short section
    assert lay.span(0) == (0, 800 + lay.half) and lay.span(2) == (3 * SR - lay.half, 4 * SR)
    one = layout(tone_plan([], 2.5, [1]), SR)
    assert one.half == 0 and one.span(0) == (0, round(2.5 * SR))


@pytest.mark.slow
def test_debug_backend_runs_the_route_without_torch(tmp_path):
    """Pipeline tests can take the audio route with backend="debug" and never load torch or transformers."""
    import subprocess
    import sys

    code = f"""
import sys, soundfile as sf
from v2m.tools.musicgen.route import generate_score_audio
from v2m.tools.contract import ScorePlan, Section
plan = ScorePlan(duration_s=75.0, style="rock", tempo_bpm=120, sections=[
    Section(name="a", start_s=0, end_s=40.0), Section(name="b", start_s=40.0, end_s=75.0, energy=0.9)])
out = generate_score_audio(plan, {str(tmp_path / "d.wav")!r}, backend="debug")
audio, sr = sf.read(out)
print(len(audio), sr, "torch" in sys.modules, "transformers" in sys.modules)
"""
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert res.stdout.split() == [str(75 * 32000), "32000", "False", "False"]


def test_chroma_agrees_with_transformers_extractor():
    torch = pytest.importorskip("torch")
    pytest.importorskip("torchaudio")  # the extractor needs it; absent here, present on many setups
    from transformers import MusicgenMelodyFeatureExtractor

    rng = np.random.default_rng(0)
    t = np.arange(8 * 32000) / 32000
    audio = sum(np.sin(2 * np.pi * f * t) * rng.uniform(0.2, 1) for f in (220.0, 277.18, 329.63, 392.0))
    ours = chroma_features(audio, 32000)
    theirs = MusicgenMelodyFeatureExtractor()(audio, sampling_rate=32000, return_tensors="pt")["input_features"][0]
    n = min(len(ours), int((theirs.sum(-1) > 0).sum()))
    assert np.mean(ours[:n].argmax(1) == torch.as_tensor(theirs[:n]).argmax(-1).numpy()) > 0.95


def test_stage_runs_alone_from_plan_json(tmp_path, capsys):
    from v2m.tools.musicgen.route import main

    plan = tone_plan([1.0], 2.0, [300, 600])
    (tmp_path / "plan.json").write_text(plan.model_dump_json())
    with pytest.raises(SystemExit) as e:
        main([str(tmp_path / "plan.json"), str(tmp_path / "score.wav"), "--backend", "musicgen",
              "--model", str(tmp_path / "none")])
    err = capsys.readouterr().err.strip()
    assert e.value.code == 2 and err.startswith("v2m: error: MusicGen weights") and "\n" not in err
    assert not (tmp_path / "score.wav").exists()
    main([str(tmp_path / "plan.json"), str(tmp_path / "score.wav"), "--backend", "debug"])
    audio, sr = sf.read(tmp_path / "score.wav")
    assert len(audio) == 2 * sr
