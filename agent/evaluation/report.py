"""Reports of graded runs: JSON, an HTML page with plots, and a one-screen terminal summary.

    from v2m.agent.evaluation.report import to_json, write_html, summary_table
    write_html(evaluations, "report.html", checks=suite_result.checks)

The HTML page is one self-contained file: per run a figure (timeline of the cuts against the onsets found
in the music and the MIDI's downbeats, the tempo map, a piano roll) embedded as a base64 PNG, then the
metric table with every run side by side and the corpus reference ranges, and for a suite the systems'
means and by how much v2m beats each baseline.
"""

from __future__ import annotations

import base64
import html
import io
import json
from pathlib import Path

from v2m.agent.evaluation.runner import ADHERENCE_KEYS, NOTATION_KEYS, SYNC_KEYS
from v2m.tools.metrics.reference import load_reference

SYMBOLIC_KEYS = ("pitch_class_entropy", "scale_consistency", "stepwise_motion", "leaps", "melody_chord_clashes",
                 "off_meter_bars", "theme_recurrence", "groove_consistency", "polyphony", "note_density")
TABLE_KEYS = (("sync", SYNC_KEYS), ("adherence", ("tempo_bpm_estimated", "tempo_bpm_planned", *ADHERENCE_KEYS,
              "key_estimated", "key_planned")), ("notation", NOTATION_KEYS),
              ("symbolic", (*SYMBOLIC_KEYS, "inside_reference_share")), ("neural", ("clap_score", "fad", "neural")))
# The terminal summary's columns: (metric, short header) so a run fits on one 80-column line.
SUMMARY_KEYS = (("cuts_with_onset", "onset"), ("cuts_with_accent", "accent"), ("cuts_with_downbeat", "downbeat"), ("beats_coverage", "cover"),
                ("beats_hit", "hit"), ("tempo_error", "tempo"), ("key_match", "key"), ("abcm2ps_ok", "m2ps"),
                ("inside_reference_share", "ref"))
FIG_SIZE = (9, 5.5)
FIG_DPI = 72


def fmt(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def to_json(evaluations: list) -> str:
    """One JSON object per run (a list for several), metric keys at the top level."""
    rows = [ev.metrics for ev in evaluations]
    return json.dumps(rows[0] if len(rows) == 1 else rows, indent=2, default=float)


def run_figure(ev) -> str:
    """A base64 PNG: timeline of cuts vs music onsets and downbeats, tempo map, piano roll."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    e = ev.evidence
    fig, (ax1, ax2, ax3) = plt.subplots(3, 1, figsize=FIG_SIZE, sharex=True,
                                        gridspec_kw={"height_ratios": [1.2, 1, 2]})
    # cuts drawn first, wide and pale, so the onsets and downbeats that land on them stay visible
    ax1.vlines(e["cuts_s"], -0.1, 1.7, color="tab:red", lw=4, alpha=0.3, zorder=0, label="cuts")
    ax1.vlines(e["onsets_s"], 0, 1, color="tab:blue", lw=0.8, label="onsets in score.wav")
    ax1.vlines(e["downbeats_s"], 1.1, 1.6, color="tab:green", lw=1.2, label="MIDI downbeats")
    ax1.set_yticks([])
    ax1.legend(loc="upper right", fontsize=7, ncol=3)
    ax1.set_title(f"{ev.label}: cuts vs music", fontsize=9)
    if e.get("midi"):
        import pretty_midi

        pm = pretty_midi.PrettyMIDI(e["midi"])
        times, bpm = pm.get_tempo_changes()
        ax2.step([*times, e["duration_s"]], [*bpm, bpm[-1]], where="post", color="tab:purple")
        for inst in pm.instruments:
            for n in inst.notes:
                ax3.plot([n.start, n.end], [n.pitch, n.pitch], color="grey" if inst.is_drum else "tab:orange",
                         lw=2, solid_capstyle="butt")
    ax2.set_ylabel("BPM", fontsize=8)
    ax3.set_ylabel("pitch", fontsize=8)
    ax3.set_xlabel("seconds", fontsize=8)
    ax3.set_xlim(0, e["duration_s"])
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=FIG_DPI)
    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _ranges() -> dict:
    return load_reference()["ranges"]


def metric_table(evaluations: list) -> str:
    ranges = _ranges()
    head = "".join(f"<th>{html.escape(ev.label)}</th>" for ev in evaluations)
    rows = [f"<tr><th>metric</th>{head}<th>reference (folk / chorales, 5-95%)</th></tr>"]
    for family, keys in TABLE_KEYS:
        rows.append(f'<tr class="family"><td colspan="{len(evaluations) + 2}">{family}</td></tr>')
        for key in keys:
            cells = "".join(f"<td>{html.escape(fmt(ev.metrics.get(key)))}</td>" for ev in evaluations)
            ref = ranges.get(key)
            ref_text = " / ".join(f"{r[0]:.2f}-{r[1]:.2f}" if r else "-" for r in ref.values()) if ref else ""
            rows.append(f"<tr><td>{key}</td>{cells}<td>{ref_text}</td></tr>")
    return '<table class="metrics">' + "\n".join(rows) + "</table>"


def checks_table(checks: list[dict]) -> str:
    rows = ["<tr><th>metric</th><th>system means</th><th>margin over the best baseline</th><th>held</th></tr>"]
    for c in checks:
        means = ", ".join(f"{s} {v:.3f}" for s, v in c["means"].items())
        rows.append(f"<tr><td>{c['metric']}</td><td>{html.escape(means)}</td><td>{fmt(c['margin'])}</td>"
                    f"<td>{fmt(c['passed'])}</td></tr>")
    return '<table class="checks">' + "\n".join(rows) + "</table>"


def write_html(evaluations: list, path: str | Path, checks: list[dict] | None = None, title: str = "v2m eval") -> Path:
    """Write the self-contained HTML report; returns its path."""
    path = Path(path)
    parts = [f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>",
             "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;font-size:12px}"
             "td,th{border:1px solid #ccc;padding:2px 6px}tr.family td{background:#eee;font-weight:bold}</style>",
             f"</head><body><h1>{html.escape(title)}</h1>"]
    if checks:
        parts += ["<h2>Against the baselines</h2>", checks_table(checks)]
    parts += ["<h2>Metrics</h2>", metric_table(evaluations), "<h2>Runs</h2>"]
    for ev in evaluations:
        parts.append(f"<h3>{html.escape(ev.label)}</h3><img alt='{html.escape(ev.label)} plots' "
                     f"src='data:image/png;base64,{run_figure(ev)}'>")
    parts.append("</body></html>")
    path.write_text("\n".join(parts))
    return path


def summary_table(evaluations: list, checks: list[dict] | None = None):
    """A rich renderable: one row per run with the headline metrics, then the suite's expectations."""
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    table = Table(title="v2m eval", box=box.SIMPLE_HEAD, padding=(0, 1), pad_edge=False, collapse_padding=True)
    table.add_column("run", no_wrap=True, max_width=24)
    for _, header in SUMMARY_KEYS:
        table.add_column(header, justify="right", no_wrap=True, min_width=max(4, len(header)))
    for ev in evaluations:
        table.add_row(ev.label, *(fmt(ev.metrics.get(k)) for k, _ in SUMMARY_KEYS))
    lines = [table]
    for c in checks or []:
        verdict = "held" if c["passed"] else "MISSED"
        lines.append(Text(f"{c['system']} on {c['metric']}: "
                          + ", ".join(f"{s} {v:.3f}" for s, v in c["means"].items())
                          + f"; margin over the best baseline {fmt(c['margin'])} ({verdict})"))
    return Group(*lines)
