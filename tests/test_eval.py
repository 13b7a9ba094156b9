"""`v2m eval` end to end: run folders graded, the HTML report opened, the built-in suite against the baselines."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
import time
from html.parser import HTMLParser

import pytest

from v2m.agent.evaluation.baselines import baseline_plan
from v2m.agent.evaluation.suites import load_suite
from v2m.tools.contract import Shot, VideoAnalysis
from v2m.tools.errors import V2MError

SUITE_LIMIT_S = 600  # the bound for the built-in suite on this 2-core machine


def v2m(*args, timeout=300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "v2m.agent.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout)


class _Page(HTMLParser):
    """Collects <img> sources and the text of table cells."""

    def __init__(self):
        super().__init__()
        self.images, self.cells, self.tables, self._in_cell = [], [], 0, False

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs)["src"])
        self.tables += tag == "table"
        self._in_cell = tag in ("td", "th") or self._in_cell

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self._in_cell = False

    def handle_data(self, data):
        if self._in_cell:
            self.cells.append(data.strip())


def parse_report(path) -> _Page:
    page = _Page()
    page.feed(path.read_text())
    return page


def assert_png_images(page: _Page, at_least: int) -> None:
    assert len(page.images) >= at_least
    for src in page.images:
        head, data = src.split(",", 1)
        assert head == "data:image/png;base64"
        png = base64.b64decode(data)
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000  # a real picture, not an empty canvas


@pytest.fixture(scope="module")
def bikes_run(tmp_path_factory, bikes):
    out = tmp_path_factory.mktemp("eval") / "bikes"
    r = v2m("score", bikes, "score this in jazz", "-o", out)
    assert r.returncode == 0, r.stderr
    return out


@pytest.mark.slow
def test_eval_json_has_every_metric_at_the_top_level_and_html_shows_plots(bikes_run, tmp_path):
    r = v2m("eval", bikes_run, "--json", "--html", tmp_path / "report.html")
    assert r.returncode == 0, r.stderr
    m = json.loads(r.stdout)
    assert isinstance(m, dict)
    for key in ("cuts_with_onset", "cuts_with_downbeat", "cuts_with_accent", "beats_coverage", "beats_hit", "intensity_motion_r",
                "tempo_error", "key_match", "duration_error_s", "loudness_error_db", "contract_valid",
                "abc_music21_ok", "abc2midi_ok", "abcm2ps_ok", "repairs", "pitch_class_entropy", "scale_consistency",
                "stepwise_motion", "leaps", "melody_chord_clashes", "off_meter_bars", "theme_recurrence",
                "groove_consistency", "polyphony", "note_density", "clap_score", "fad"):
        assert key in m, key
    # the composer marks every cut: a downbeat where the meter allows, else a beat or an accent
    assert m["cuts"] == 5 and m["cuts_with_onset"] >= 0.8 and m["cuts_with_accent"] == 1.0
    assert 0 < m["cuts_with_downbeat"] <= 1.0
    assert abs(m["duration_error_s"]) < 0.01 and abs(m["loudness_error_db"]) < 1.0
    assert m["contract_valid"] and m["abc_music21_ok"] and m["abc2midi_ok"]
    assert m["neural"] == "skipped: weights not found"  # no CLAP weights on this machine
    page = parse_report(tmp_path / "report.html")
    assert_png_images(page, 1)
    assert page.tables >= 1 and "cuts_with_onset" in page.cells and "pitch_class_entropy" in page.cells
    two = v2m("eval", bikes_run, bikes_run, "--json")
    assert isinstance(json.loads(two.stdout), list) and len(json.loads(two.stdout)) == 2
    summary = v2m("eval", bikes_run)
    assert summary.returncode == 0 and "onset" in summary.stdout and "bikes" in summary.stdout


def test_bad_inputs_are_one_line_errors(tmp_path, capsys):
    from v2m.agent.cli import main

    empty = tmp_path / "empty"
    empty.mkdir()
    (tmp_path / "taken.html").write_text("keep me")
    cases = [(["eval", tmp_path / "missing"], "does not exist"),
             (["eval", empty], "not a v2m run folder"),
             (["eval"], "give one or more RUN_DIRs"),
             (["eval", empty, "--suite", "builtin"], "not both"),
             (["eval", "--suite", "nosuch"], "unknown suite"),
             (["eval", empty, "--html", tmp_path / "taken.html"], "already exists")]
    for args, words in cases:
        rc = main([str(a) for a in args])
        err = capsys.readouterr().err
        assert rc == 2, (args, err)
        assert err.startswith("v2m: error:") and words in err and len(err.splitlines()) == 1, err
    assert (tmp_path / "taken.html").read_text() == "keep me"


def test_suites_are_data_and_a_bad_suite_is_named(tmp_path):
    suite = load_suite("builtin")
    assert {c.name for c in suite.clips} >= {"bikes"} and len(suite.clips) >= 3
    assert suite.systems == ("v2m", "fixed120", "random_tempo")
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\nclips:\n  - {name: x}\n")
    with pytest.raises(V2MError, match="neither a source nor synthetic"):
        load_suite(str(bad))


def test_baselines_ignore_the_cuts():
    shots = [Shot(index=i, start_s=a, end_s=b, start_frame=int(a * 25), end_frame=int(b * 25))
             for i, (a, b) in enumerate([(0, 1.3), (1.3, 4.4), (4.4, 10.0)])]
    analysis = VideoAnalysis(source="x.mp4", duration_s=10.0, fps=25, width=64, height=64, n_frames=250,
                             shots=shots, motion_hop_s=0.5)
    fixed = baseline_plan("fixed120", analysis)
    assert fixed.tempo_bpm == 120 and len(fixed.sections) == 1 and not fixed.hit_points
    rand = baseline_plan("random_tempo", analysis, seed=3)
    assert not rand.hit_points and len({s.tempo_bpm for s in rand.sections}) == len(rand.sections)
    assert rand.sections[-1].end_s == 10.0
    assert baseline_plan("random_tempo", analysis, seed=3) == rand  # seeded: a rerun is the same score


@pytest.mark.slow
def test_builtin_suite_v2m_beats_both_baselines_on_cut_sync(tmp_path):
    t0 = time.perf_counter()
    r = v2m("eval", "--suite", "builtin", "-o", tmp_path / "suite", timeout=SUITE_LIMIT_S)
    wall = time.perf_counter() - t0
    assert r.returncode == 0, r.stdout + r.stderr
    assert wall < SUITE_LIMIT_S
    rows = json.loads((tmp_path / "suite" / "report.json").read_text())
    suite = load_suite("builtin")
    assert len(rows) == len(suite.clips) * len(suite.systems)
    for row in rows:  # every system's run folder is a real run, graded from its own files
        assert (tmp_path / "suite" / row["label"] / "score.wav").exists()
        assert (tmp_path / "suite" / row["label"] / "score.mid").exists()
    for metric in ("cuts_with_onset", "cuts_with_accent"):
        mean = {s: sum(x[metric] for x in rows if x["label"].endswith("/" + s)) / len(suite.clips)
                for s in suite.systems}
        assert mean["v2m"] > mean["fixed120"] and mean["v2m"] > mean["random_tempo"], (metric, mean)
        said = " ".join(r.stdout.split())  # the terminal wraps lines
        assert f"v2m on {metric}" in said and "margin over the best baseline" in said
    page = parse_report(tmp_path / "suite" / "report.html")
    assert_png_images(page, len(rows))
    assert "margin over the best baseline" in page.cells and "cuts_with_accent" in page.cells
