"""Reference ranges for the symbolic measures, computed from a real corpus (music21's bundled one).

    python -m v2m.tools.metrics.reference            # recompute reference_ranges.json (about 2 minutes)

    from v2m.tools.metrics.reference import load_reference, inside_ranges
    inside_ranges(metrics, load_reference())        # {"pitch_class_entropy": True, ...}

Two corpora, both shipped with music21: German folk tunes from the Essen collection (ABC, monophonic)
and Bach's four-part chorales (the soprano is the melody). A range is the 5th to 95th percentile of a
measure over the corpus's pieces; a value is "inside" when it falls in the range of either corpus.
The pieces used are named in the JSON, so others can be held out for testing. The JSON's `command`
field is the command that wrote it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from v2m.tools.metrics.symbolic import from_music21, symbolic_metrics

REFERENCE_PATH = Path(__file__).with_name("reference_ranges.json")
COMMAND = "python -m v2m.tools.metrics.reference"
FOLK_FILES = ("essenFolksong/altdeu10.abc", "essenFolksong/altdeu20.abc")
FOLK_PER_FILE = 80
N_CHORALES = 60
PERCENTILES = (5, 95)


def folk_scores(files=FOLK_FILES, per_file: int = FOLK_PER_FILE):
    """(name, score) of the first `per_file` tunes of each Essen file."""
    from music21 import corpus

    for f in files:
        opus = corpus.parse(f)
        for k, sc in enumerate(list(opus.scores)[:per_file]):
            yield f"{f}#{k}", sc


def chorale_scores(n: int = N_CHORALES):
    """(name, score) of the first n Bach chorales in BWV order."""
    from music21 import corpus

    for name in list(corpus.chorales.Iterator(numberingSystem="bwv", returnType="filename"))[:n]:
        yield name, corpus.parse(name)


def ranges_of(rows: list[dict]) -> dict[str, list[float] | None]:
    out = {}
    for key in rows[0]:
        vals = np.array([r[key] for r in rows if r[key] is not None], dtype=float)
        out[key] = [round(float(v), 4) for v in np.percentile(vals, PERCENTILES)] if len(vals) >= 5 else None
    return out


def compute_reference(progress=None) -> dict:
    """Measure every piece of both corpora and return the JSON-ready reference."""
    corpora = {"folk": folk_scores(), "chorales": chorale_scores()}
    result: dict = {"command": COMMAND, "percentiles": list(PERCENTILES), "corpora": {}, "ranges": {}}
    per_corpus = {}
    for name, pieces in corpora.items():
        rows, names = [], []
        for piece, sc in pieces:
            rows.append(symbolic_metrics(from_music21(sc)))
            names.append(piece)
            if progress:
                progress(name, piece)
        per_corpus[name] = ranges_of(rows)
        result["corpora"][name] = {"pieces": len(names), "first": names[0], "last": names[-1]}
    for metric in per_corpus["folk"]:
        result["ranges"][metric] = {c: per_corpus[c][metric] for c in per_corpus}
    return result


def load_reference(path: str | Path = REFERENCE_PATH) -> dict:
    return json.loads(Path(path).read_text())


def inside_ranges(metrics: dict, reference: dict) -> dict[str, bool | None]:
    """Per measure: inside some corpus's range (True), outside all (False), or not comparable (None)."""
    out = {}
    for key, by_corpus in reference["ranges"].items():
        value = metrics.get(key)
        spans = [r for r in by_corpus.values() if r]
        out[key] = None if value is None or not spans else any(lo <= value <= hi for lo, hi in spans)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("-o", "--output", default=str(REFERENCE_PATH), help="where to write the JSON")
    args = p.parse_args(argv)
    ref = compute_reference(progress=lambda c, piece: print(f"{c}: {piece}", file=sys.stderr))
    Path(args.output).write_text(json.dumps(ref, indent=2) + "\n")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
