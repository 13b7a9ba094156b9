"""Where a cue's hit points land on its beats: each hit's grid point (a beat, an offbeat eighth or sixteenth) chosen by
a small dynamic programme so the tempo bends least between hits (`tempo_map._cue` tries beat counts with it).
"""

from __future__ import annotations

import math

SPREAD_WEIGHT = 6.0  # cost of bending the tempo within a cue, per unit of max/min - 1
DOWNBEAT_COST = 0.0  # a hit on a bar line: what the meter allows best


def place_hits(hits: list[float], t0: float, t1: float, n: float, grid, meter: int) -> tuple[list, float, float]:
    """Each hit's (straight beat, sounding beat) from the section start, n beats spanning the section.

    Candidates are the grid points within a beat of where a steady tempo would put the hit; a small
    dynamic programme picks the sequence whose between-hit tempos stray least from the steady one (the
    bend), plus the grid points' own costs. A hit with no candidate left is None (dropped).
    Returns:
        (placements, tempo spread max/min - 1, grid cost).
    """
    spb = (t1 - t0) / n
    steady = 1.0 / spb
    # per hit: [(straight, sounding, own cost)]
    options = []
    for t in hits:
        x = (t - t0) / spb
        base = math.floor(x)
        cands = [(base + k + s, base + k + p, DOWNBEAT_COST if s == 0 and (base + k) % meter == 0 else c)
                 for k in (-1, 0, 1) for s, p, c in grid]
        options.append([c for c in cands if 0.2 < c[1] < n - 0.2])
    # state: sounding beat of the last placed hit -> (score, bend, own, path)
    states = {0.0: (0.0, 0.0, 0.0, [], t0)}
    for t, opts in zip(hits, options):
        nxt: dict = {}
        for prev_b, (_, bend, own, path, prev_t) in states.items():
            if not any(c[1] > prev_b + 0.2 for c in opts):
                key = prev_b
                cand = (SPREAD_WEIGHT * bend + own + 2.0, bend, own + 2.0, path + [None], prev_t)
                if key not in nxt or cand[0] < nxt[key][0]:
                    nxt[key] = cand
                continue
            for s, p, c in opts:
                if p <= prev_b + 0.2:
                    continue
                dev = abs(math.log((p - prev_b) / (t - prev_t) / steady))
                b2 = max(bend, dev)
                cand = (SPREAD_WEIGHT * b2 + own + c, b2, own + c, path + [(s, p)], t)
                if p not in nxt or cand[0] < nxt[p][0]:
                    nxt[p] = cand
        states = nxt
    best = None
    for prev_b, (_, bend, own, path, prev_t) in states.items():
        dev = abs(math.log((n - prev_b) / (t1 - prev_t) / steady)) if t1 > prev_t else 0.0
        b2 = max(bend, dev)
        score = SPREAD_WEIGHT * b2 + own
        if best is None or score < best[0]:
            best = (score, path, own)
    path, own = best[1], best[2]
    pts = [(0.0, t0)] + [(b[1], t) for b, t in zip(path, hits) if b] + [(n, t1)]
    tempos = [(b2 - b1) / (u2 - u1) for (b1, u1), (b2, u2) in zip(pts, pts[1:])]
    return path, max(tempos) / min(tempos) - 1.0, own
