"""Part-placement wordings written blind to the code (tests/wordings28): each turn played on the 60 s clip cut every
4 s through a real chat Session with the rules planner; a turn is followed when the role plays exactly in the stretches
it names afterwards (kind D: the role up everywhere it plays and the other role not up), asked when the reply is a
question, wrong otherwise. Speed, energy and shape wordings (tests/wordings29, an item with `changes`): each change
heard in its stretch and the rest of the score unchanged (`shaped`). Balance (tests/wordings31, `balanced`), going
back (tests/wordings30, `went_back`), marks (tests/wordings29h, `marked`), several changes at one place
(tests/wordings32, `scoped`) and a culture read as a style (tests/wordings33, `styled`). Held-out files print totals
only; -v prints every turn of a tune file.

    python tests/bench/bench_wordings.py tests/wordings28/tune.yaml -v
    python tests/bench/bench_wordings.py tests/wordings28/heldout.yaml
    python tests/bench/bench_wordings.py tests/wordings29/tune.yaml -v
    python tests/bench/bench_wordings.py tests/wordings32/heldout.yaml
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from edit_clips import open_long  # noqa: E402

from v2m.agent.dialogue.operations import effective_roles  # noqa: E402


def outcome(item: dict) -> tuple[str, str, bool]:
    """("followed" | "asked" | "wrong", the reply, whether a hits item's marks were all there before the turn) for
    one turn."""
    s = open_long(Path(tempfile.mkdtemp()), item["style"])
    if "like" in item or "take" in item:
        return (*went_back(item, s), False)
    if item.get("before"):
        v = s.version
        t = s.say(item["before"])
        if "up" in item and (t.question or s.version == v):
            return "setup", f"{item['before']!r} -> {t.reply[:120]!r}", False
    before = s.plan
    already = "hits" in item and not _marks_ok(item, before)   # (a cut the style already marks)
    turn = s.say(item["said"])
    if turn.question:
        return "asked", turn.reply, already
    if "styles" in item:
        return (*styled(item, before, s.plan, turn.reply), False)
    if "changes" in item and "where" in item:
        return (*scoped(item, before, s.plan, turn.reply), False)
    if "changes" in item:
        return (*shaped(item, before, s.plan, turn.reply), False)
    if "up" in item:
        return (*balanced(item, before, s.plan, turn.reply), False)
    if "hits" in item:
        return (*marked(item, before, s.plan, turn.reply), already)
    role = item["role"]
    if item["kind"] == "D":
        levels = [x.levels_db.get(role, 0) for x in s.plan.sections]
        down = item.get("down")
        ok = all(role in effective_roles(s.plan, x) for x in s.plan.sections) and max(levels) > 0 and min(levels) >= 0 \
            and not (down and any(x.levels_db.get(down, 0) > 0 for x in s.plan.sections))
        return ("followed" if ok else "wrong"), turn.reply, False
    want = [tuple(p) for p in item["plays"]]
    bad = [x.start_s for x in s.plan.sections
           if (role in effective_roles(s.plan, x)) != any(lo - 0.05 <= x.start_s < hi - 0.05 for lo, hi in want)]
    return ("followed" if not bad else "wrong"), turn.reply + (f"  [wrong from {bad[:6]}]" if bad else ""), False


EDGE = 2.0   # seconds either side of a named edge where a split may land on a bar line, not the exact time
TIMES = [0.25 + 0.5 * i for i in range(120)]


def _heard(plan, t: float) -> tuple:
    """What plays at `t`: tempo, energy, roles, levels, music on."""
    x = plan.sections[plan.section_at(t)]
    return (x.tempo_bpm or plan.tempo_bpm, x.energy, tuple(sorted(effective_roles(plan, x))),
            tuple(sorted((x.levels_db or {}).items())), x.music)


def _inside(spans, t: float, margin: float = 0.0) -> bool:
    return any(lo + min(margin, (hi - lo) / 4) <= t < hi - min(margin, (hi - lo) / 4) for lo, hi in spans)


def _near(spans, t: float) -> bool:
    return any(abs(t - e) < EDGE for lo, hi in spans for e in (lo, hi) if 0 < e < 60)


def _moved(c: dict, where, old, new) -> bool:
    """Whether a tempo / energy change or a rise / fall `c` is heard across `where`."""
    ts = [t for t in TIMES if _inside(where, t, EDGE)]
    was, now = [_heard(old, t) for t in ts], [_heard(new, t) for t in ts]
    if c["what"] in ("rise", "fall"):
        sign = 1 if c["what"] == "rise" else -1
        e = [sign * h[1] for h in now]
        return e[-1] - e[0] >= 0.1 and all(b >= a - 0.01 for a, b in zip(e, e[1:])) and was != now
    dims = c["what"] if isinstance(c["what"], list) else [c["what"]]
    sign = 1 if c["dir"] == "up" else -1
    return any(all(sign * (n[k] - w[k]) > (0.4 if k == 0 else 0.004) for w, n in zip(was, now))
               for k in [{"tempo": 0, "energy": 1}[d] for d in dims])


def shaped(item: dict, old, new, reply: str) -> tuple[str, str]:
    """Kinds T/E/S/M (tests/wordings29): each change heard in its stretch, the rest of the score as it was."""
    bad = []
    every = []
    for c in item["changes"]:
        where = [tuple(w) for w in c["where"]]
        every += where + [tuple(w) for w in c.get("may", [])]
        if not _moved(c, where, old, new):
            bad.append(f"{c['what']} {c.get('dir', '')} not heard in {where}")
    heard = {t: (_heard(old, t), _heard(new, t)) for t in TIMES if not _inside(every, t) and not _near(every, t)}
    moved = [t for t, (w, n) in heard.items() if w[2:] != n[2:] or abs(w[0] - n[0]) > 0.4 or abs(w[1] - n[1]) > 0.004]
    if moved:
        bad.append(f"moved outside at {moved[0]}..{moved[-1]}")
    return ("followed" if not bad else "wrong"), reply + (f"  [{'; '.join(bad)}]" if bad else "")


ADDED = {"strings": ("string",), "brass": ("brass", "trumpet", "trombone", "horn", "tuba"), "flute": ("flute",),
         "choir": ("choir", "voice"), "organ": ("organ",), "shaker": ("shaker", "percussion", "standard")}


def _against(plan, t: float, part: str, roles) -> list[float]:
    return [_level(plan, t, part) - _level(plan, t, r) for r in sorted(roles - {part})]


def scoped(item: dict, old, new, reply: str) -> tuple[str, str]:
    """One place, several changes (tests/wordings32): each change heard in its place (its own `where`, else the
    item's): tempo or energy moved the way asked, a rise or fall across it, a part removed from all of it, a new part
    of the instrument asked playing in all of it, a part at least 1 dB louder / softer against each other part
    playing; inside those places nothing else moved (tempo, energy, which parts play, levels: only where a change of
    that kind was asked), outside them (and `may`, 2 s from the edges aside) nothing at all; style, key and the
    person's marks unchanged."""
    bad, every, kinds = [], [tuple(w) for w in item.get("may", [])], set()
    added = {r: str(n).lower() for r, n in new.instrumentation.items() if r not in old.instrumentation}
    for c in item["changes"]:
        where = [tuple(w) for w in c.get("where") or item["where"]]
        every += where
        ts = [t for t in TIMES if _inside(where, t, EDGE)]
        what = c["what"]
        if what in ("tempo", "energy", "rise", "fall") or isinstance(what, list):
            kinds |= {"tempo", "energy"} & set(what if isinstance(what, list) else [what]) or {"energy"}
            bad += [] if _moved(c, where, old, new) else [f"{what} {c.get('dir', '')} not heard in {where}"]
            continue
        if what == "remove":
            kinds.add("roles")
            on = [t for t in ts if c["part"] in effective_roles(new, new.sections[new.section_at(t)])]
            bad += [f"{c['part']} still plays at {on[0]}..{on[-1]}"] if on else []
        elif what == "add":
            kinds.add("roles")
            mine = [r for r, n in added.items() if any(w in n or w in r for w in ADDED[c["part"]])]
            off = [t for t in ts if not any(r in effective_roles(new, new.sections[new.section_at(t)]) for r in mine)]
            bad += [f"no new {c['part']} part"] if not mine else [f"{c['part']} not playing at {off[0]}..{off[-1]}"] if off else []
        else:
            kinds.add("levels")
            sign = 1 if what == "louder" else -1
            for t in ts:
                roles = set(effective_roles(new, new.sections[new.section_at(t)]))
                low = [d for d in (sign * (a - b) for a, b in zip(_against(new, t, c["part"], roles),
                                                               _against(old, t, c["part"], roles))) if d < 1.0]
                if c["part"] not in roles or low:
                    bad.append(f"{c['part']} not {what} against the others at {t}")
                    break
    for t in [t for t in TIMES if _inside(every, t, EDGE)]:
        w, n = _heard(old, t), _heard(new, t)
        moved = [k for k, i in (("tempo", 0), ("energy", 1), ("roles", 2), ("levels", 3))
                 if (abs(w[i] - n[i]) > (0.4 if i == 0 else 0.004) if i < 2 else w[i] != n[i]) and k not in kinds]
        if moved:
            bad.append(f"{'/'.join(moved)} moved at {t}, not asked")
            break
    moved = [t for t in TIMES if not _inside(every, t) and not _near(every, t) and _heard(old, t) != _heard(new, t)]
    bad += [f"moved outside at {moved[0]}..{moved[-1]}"] if moved else []
    was, now = aspects(old), aspects(new)
    bad += [f"{a} changed" for a in ("style", "key", "hits") if not _same(was[a], now[a])]
    return ("followed" if not bad else "wrong"), reply + (f"  [{'; '.join(bad)}]" if bad else "")


REASON_RE = re.compile(r"\b(why|because|since)\b", re.I)


def styled(item: dict, old, new, reply: str) -> tuple[str, str]:
    """A culture, era, place or purpose (tests/wordings33): the new style one the writer would accept, and the reply
    saying why in words."""
    bad = [] if new.style in item["styles"] else [f"style {new.style}, not one of {item['styles']}"]
    bad += [] if REASON_RE.search(reply) else ["no reason given"]
    return ("followed" if not bad else "wrong"), reply + (f"  [{'; '.join(bad)}]" if bad else "")


NEAR = 0.3   # seconds: a mark this close to the time asked is on it


def _marks_ok(item: dict, plan) -> list[str]:
    """What is wrong with `plan`'s marks for a hits item: a time asked with no mark on it (a stop where asked), a mark
    the person made where none was asked, a mark left where one was to go."""
    bad, user = [], [h for h in plan.hit_points if h.source == "user"]
    for t in item["hits"]:
        on = [h for h in plan.hit_points if abs(h.time_s - t) <= NEAR]
        if not on or item.get("kind") == "stop" and not any(h.kind == "stop" for h in on):
            bad.append(f"no {item.get('kind', 'mark')} at {t}")
    extra = [h.time_s for h in user if not any(abs(h.time_s - t) <= NEAR for t in item["hits"])]
    bad += [f"a mark nobody asked for at {extra}"] if extra else []
    bad += [f"a mark left at {t}" for t in item.get("gone", []) if any(abs(h.time_s - t) <= NEAR for h in plan.hit_points)]
    return bad


def marked(item: dict, old, new, reply: str) -> tuple[str, str]:
    """Hits items (tests/wordings29h): the marks asked, and nothing else in the score moved more than 2 s from them."""
    bad = _marks_ok(item, new)
    near = [*item["hits"], *item.get("gone", [])]
    moved = [t for t in TIMES if all(abs(t - h) >= EDGE for h in near) and _heard(old, t) != _heard(new, t)]
    bad += [f"moved at {moved[0]}..{moved[-1]}"] if moved else []
    return ("followed" if not bad else "wrong"), reply + (f"  [{'; '.join(bad)}]" if bad else "")


SMALL, BIG = 3.0, 6.0   # dB: "a touch" moves a part at most SMALL, "a lot" at least BIG


def _level(plan, t: float, role: str) -> float:
    return (plan.sections[plan.section_at(t)].levels_db or {}).get(role, 0.0)


def balanced(item: dict, old, new, reply: str) -> tuple[str, str]:
    """Balance items (tests/wordings31): in `where` (the whole clip when none), each part in `up` ends at least 1 dB
    louder against each part in `down` (with no `down`: against every other part playing; with no `up`: every other
    part against each in `down`), parts named on neither side unmoved when both sides are named, the amount within
    SMALL / past BIG when the item says so; tempo, energy, the mix loudness, style, key, the person's marks and which
    parts play unchanged everywhere, and levels unchanged outside `where` (2 s from its edges aside)."""
    where = [tuple(w) for w in item.get("where") or [(0, 60)]]
    up, down = item.get("up") or [], item.get("down") or []
    bad, moved_most = [], 0.0
    for t in [t for t in TIMES if _inside(where, t, EDGE)]:
        roles = set(effective_roles(new, new.sections[new.section_at(t)]))
        if not set(up + down) <= roles:
            bad.append(f"{sorted(set(up + down) - roles)} not playing at {t}")
            break
        pairs = ([(a, b) for a in up for b in down] or [(a, b) for a in up for b in sorted(roles - set(up))]
                 or [(a, b) for a in sorted(roles - set(down)) for b in down])
        rise = {p: (_level(new, t, p[0]) - _level(new, t, p[1])) - (_level(old, t, p[0]) - _level(old, t, p[1]))
                for p in pairs}
        low = [f"{a} against {b} {d:+g} dB" for (a, b), d in rise.items() if d < 1.0]
        if low:
            bad.append(f"at {t}: " + ", ".join(low))
            break
        if up and down:
            still = [r for r in roles - set(up + down) if abs(_level(new, t, r) - _level(old, t, r)) > 0.01]
            if still:
                bad.append(f"{sorted(still)} moved at {t}, named on neither side")
                break
        moved_most = max([moved_most] + [abs(_level(new, t, r) - _level(old, t, r)) for r in up + down])
    if not bad and item.get("amount") == "small" and moved_most > SMALL:
        bad.append(f"a small change asked, a part moved {moved_most:g} dB")
    if not bad and item.get("amount") == "big" and moved_most < BIG:
        bad.append(f"a big change asked, no part moved more than {moved_most:g} dB")
    was, now = aspects(old), aspects(new)
    bad += [f"{a} changed" for a in ("tempo", "loudness", "style", "key", "hits") if not _same(was[a], now[a])]
    if was["instruments"][1] != now["instruments"][1] or [h[0] for h in was["instruments"][0]] != [h[0] for h in now["instruments"][0]]:
        bad.append("which parts play changed")
    out = [t for t in TIMES if not _inside(where, t) and not _near(where, t) and _heard(old, t)[3] != _heard(new, t)[3]]
    if out:
        bad.append(f"levels moved outside at {out[0]}..{out[-1]}")
    return ("followed" if not bad else "wrong"), reply + (f"  [{'; '.join(bad)}]" if bad else "")


ASPECTS = ("tempo", "loudness", "instruments", "style", "key", "hits")


def aspects(plan) -> dict:
    """The six aspects tests/wordings30 names, each as something to compare: sampled on the 0.5 s grid where it
    varies in time."""
    heard = [_heard(plan, t) for t in TIMES]
    return {"tempo": [h[0] for h in heard], "loudness": [h[1] for h in heard] + [plan.loudness_lufs],
            "instruments": ([h[2:] for h in heard], sorted(plan.instrumentation.items())), "style": plan.style,
            "key": (plan.key, plan.mode),
            "hits": sorted((round(h.time_s, 2), h.kind) for h in plan.hit_points if h.source == "user")}


def _same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return abs(a - b) <= 0.4 if a > 2 else abs(a - b) <= 0.004
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


def went_back(item: dict, s) -> tuple[str, str]:
    """Items with `like` / `take` (tests/wordings30): after the `before` messages (each must make a new version, else
    the item is a "setup" miss, counted apart), each aspect as in the state the item names (`like`: all of them;
    `take`: those named, `style` carrying its instruments, the rest as after the last earlier message)."""
    states = [aspects(s.plan)]
    for m in item["before"]:
        v = s.version
        t = s.say(m)
        if t.question or s.version == v:
            return "setup", f"{m!r} -> {t.reply[:120]!r}"
        states.append(aspects(s.plan))
    turn = s.say(item["said"])
    if turn.question:
        return "asked", turn.reply
    want = dict.fromkeys(ASPECTS, item["like"] if "like" in item else len(states) - 1)
    want.update(item.get("take") or {})
    if "style" in (item.get("take") or {}) and "instruments" not in item["take"]:
        want["instruments"] = item["take"]["style"]
    now = aspects(s.plan)
    # a style switch that moved the tempo into the style's range (the brief said it keeps it): that tempo goes with
    # the style, so going back to the style may bring it back too
    carried = {a for i, m in enumerate(item["before"], 1) if m.startswith("switch to ")
               for a in ("tempo", "loudness", "key") if not _same(states[i - 1][a], states[i][a])}
    if "style" in (item.get("take") or {}):
        for a in carried - set(item["take"]):
            if _same(states[item["take"]["style"]][a], now[a]):
                want[a] = item["take"]["style"]
    bad = [f"{a} not as in state {n}" + (" (as in " + ", ".join(str(i) for i, st in enumerate(states) if _same(st[a], now[a]))
                                          + ")" if any(_same(st[a], now[a]) for st in states) else " (as in none)")
           for a, n in want.items() if not _same(states[n][a], now[a])]
    return ("followed" if not bad else "wrong"), turn.reply + (f"  [{'; '.join(bad)}]" if bad else "")


def main(path: str, verbose: bool) -> None:
    items = yaml.safe_load(Path(path).read_text())
    verbose = verbose and "heldout" not in path   # the held-out split is counted, never read turn by turn
    tally = {"followed": 0, "asked": 0, "wrong": 0, "setup": 0}
    already = 0   # hits items whose marks were all there before the turn
    for item in items:
        got, reply, was = outcome(item)
        tally[got] += 1
        already += was
        if verbose and got != "followed":
            kind = item.get("kind") or (f"up {item['up']} down {item.get('down')} {item.get('where', '')}"
                                        f" {item.get('amount', '')}" if "up" in item else "hits" if "hits" in item else f"styles {item['styles']}" if "styles" in item else f"like {item['like']}" if "like" in item
                                        else f"take {item['take']}" if "take" in item
                                        else "+".join(str(c["what"]) for c in item["changes"]))
            print(f"{got:6s} {item['id']} {kind} {item['style']}: {item['said']!r}\n       -> {reply[-400:]!r}")
    print(f"{path}: followed {tally['followed']}/{len(items)} ({100 * tally['followed'] / len(items):.1f}%), "
          f"asked {tally['asked']}, wrong {tally['wrong']}"
          + (f", setup failed {tally['setup']}" if tally["setup"] else "")
          + (f"; {already} already so before the turn" if already else ""))


if __name__ == "__main__":
    main(sys.argv[1], "-v" in sys.argv[2:])
