"""Grade run folders: every metric family of v2m.tools.metrics on one `v2m score` or chat output folder.

    from v2m.agent.evaluation.runner import evaluate_run
    ev = evaluate_run("out/clip")
    ev.metrics["cuts_with_onset"], ev.metrics["beats_hit"], ev.metrics["pitch_class_entropy"]

    v2m eval out/clip [out/other ...] [--json] [--html report.html]

The metrics dict is flat (the keys `--json` prints at the top level); `evidence` keeps what the report
plots (onsets found in the audio, the cuts graded against, the MIDI's downbeats).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from v2m.tools.contract import ScorePlan, VideoAnalysis
from v2m.tools.errors import V2MError
from v2m.tools.metrics.adherence import adherence_metrics
from v2m.tools.metrics.neural import neural_metrics
from v2m.tools.metrics.notation import notation_metrics
from v2m.tools.metrics.onsets import onset_times
from v2m.tools.metrics.reference import inside_ranges, load_reference
from v2m.tools.metrics.symbolic import from_midi, symbolic_metrics
from v2m.tools.metrics.sync import midi_downbeats, sync_metrics

REQUIRED = ("analysis.json", "plan.json", "score.wav")
# Families in the order the report shows them.
SYNC_KEYS = ("cuts_with_onset", "cuts_with_downbeat", "cuts_with_accent", "beats_coverage", "beats_hit", "intensity_motion_r")
ADHERENCE_KEYS = ("tempo_error", "tempo_ok", "key_match", "key_match_relative", "duration_error_s",
                  "loudness_error_db")
NOTATION_KEYS = ("contract_valid", "abc_music21_ok", "abc2midi_ok", "abcm2ps_ok", "repairs")


@dataclass
class Evaluation:
    """One graded run: its flat metrics and the evidence the plots draw."""

    run_dir: Path
    metrics: dict
    evidence: dict = field(default_factory=dict)
    label: str = ""


def check_run_dir(run_dir: Path) -> None:
    """One clear error when a folder is not a v2m run (missing, a file, or without its outputs)."""
    if not run_dir.exists():
        raise V2MError(f"{run_dir} does not exist")
    if not run_dir.is_dir():
        raise V2MError(f"{run_dir} is not a folder (give a `v2m score` output folder)")
    missing = [n for n in REQUIRED if not (run_dir / n).is_file()]
    if missing:
        raise V2MError(f"{run_dir} is not a v2m run folder: no {', '.join(missing)}")


def evaluate_run(run_dir: str | Path, *, cuts_s: list[float] | None = None, label: str = "",
                 reference: dict | None = None) -> Evaluation:
    """Measure one run folder.

    Args:
        run_dir: a folder written by `v2m score` (analysis.json, plan.json, score.wav; score.mid, score.abc
            when the run has them).
        cuts_s: the clip's true cuts when known (a suite's synthetic clip); the analysis's cuts otherwise.
        label: a name for reports (the system that made the run: v2m, fixed120, ...).
        reference: symbolic reference ranges (the shipped ones by default).
    Returns:
        An Evaluation; `metrics` holds every measure at the top level.
    """
    import soundfile as sf

    run_dir = Path(run_dir)
    check_run_dir(run_dir)
    notation = notation_metrics(run_dir)
    if not notation["contract_valid"]:
        raise V2MError(f"{run_dir}: {notation['contract_error']} (the run's files do not follow the contract)")
    analysis = VideoAnalysis.model_validate_json((run_dir / "analysis.json").read_text())
    plan = ScorePlan.model_validate_json((run_dir / "plan.json").read_text())
    try:
        audio, sr = sf.read(str(run_dir / "score.wav"), always_2d=True)
    except (RuntimeError, sf.LibsndfileError) as e:
        raise V2MError(f"{run_dir / 'score.wav'} is not readable audio: {e}") from None
    midi = run_dir / "score.mid"
    onsets = onset_times(audio, sr)
    cuts = list(analysis.cuts_s if cuts_s is None else cuts_s)
    metrics: dict = {"run": str(run_dir), "label": label or run_dir.name, "video": analysis.source,
                     "route": plan.route, "style": plan.style, "duration_s": analysis.duration_s, "cuts": len(cuts)}
    metrics |= sync_metrics(audio, sr, analysis, midi if midi.exists() else None, onsets_s=onsets, cuts_s=cuts)
    metrics |= adherence_metrics(audio, sr, plan, analysis.duration_s)
    metrics |= {k: v for k, v in notation.items() if k != "contract_error"}
    symbolic = symbolic_metrics(from_midi(midi)) if midi.exists() else {}
    metrics |= {k: (float(v) if v is not None else None) for k, v in symbolic.items()}
    if symbolic:
        inside = inside_ranges(symbolic, reference or load_reference())
        metrics["inside_reference"] = inside
        judged = [v for v in inside.values() if v is not None]
        metrics["inside_reference_share"] = sum(judged) / len(judged) if judged else None
    metrics |= neural_metrics(audio, sr, plan.request)
    evidence = {"onsets_s": [float(t) for t in onsets], "cuts_s": cuts, "duration_s": analysis.duration_s,
                "downbeats_s": [float(t) for t in midi_downbeats(midi)] if midi.exists() else [],
                "midi": str(midi) if midi.exists() else None, "motion": analysis.motion,
                "motion_hop_s": analysis.motion_hop_s}
    return Evaluation(run_dir, metrics, evidence, label or run_dir.name)


def evaluate_runs(run_dirs: list[str | Path], progress=None) -> list[Evaluation]:
    """Check every folder first (one bad folder fails before minutes of work), then grade each."""
    dirs = [Path(d) for d in run_dirs]
    for d in dirs:
        check_run_dir(d)
    out = []
    for d in dirs:
        out.append(evaluate_run(d))
        if progress:
            progress(d.name)
    return out
