"""Where the span tagger could place an edit the grammar left on the whole score: over tune turns only, each chat turn
is run as the dialogue benches run it, and every time the arbiter joins the readers its inputs are recorded: the
grammar's reading (the scope of each intent, or its question), the tagger's scope spans (`IntentModel.read`, the
pass the turn makes anyway) and what the turn returned; then the turn's outcome (followed or failed).

    python tests/bench/bench_tagged.py --sets o-tune,a,b,d-tune            # counts per set
    python tests/bench/bench_tagged.py --sets o-tune --places -v           # and the places bank's tune half, each turn

A turn is "tagged, unused" when the tagger marks a scope that is no whole-score phrase ("the whole thing") and no
bare preposition, and the grammar's reading is edits that all cover the whole score (`whole`), or placed elsewhere
than the span's own words place (`elsewhere`: read by `place_finders.locate` on the span's words alone). Val halves
are refused by name (`dialogue_check.load_set` and `intent_human.bank_items` refuse nothing themselves).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

CURRENT: list[dict] = []   # the records of the turn being said
# kinds of edit whose place is no stretch of the score (a hit's times, a style, an undo): never "whole" here
PLACED_OTHERWISE = ("hit", "no_hit", "style", "key", "revert", "undo", "lock", "unlock", "take", "route")


def _record() -> None:
    """Wrap `arbiter.combine` (and the grammar's `read` it is given) to record each join's inputs into CURRENT."""
    from v2m.agent.dialogue import arbiter
    from v2m.agent.dialogue.intent_model import IntentModel
    from v2m.agent.dialogue.tagged_places import BARE_WORD_RE
    from v2m.agent.dialogue.place_finders import locate
    from v2m.agent.dialogue.spelling import spelled
    from v2m.agent.dialogue.where import WHOLE_RE, Ask

    combine = arbiter.combine

    def recorded(analysis, plan, request, read, unread=None):
        rec = {"request": request, "rules": None, "asked": None}

        def reading(a, p, text, guess=False, **kw):
            try:
                got = read(a, p, text, guess=guess, **kw)
            except Ask as q:
                if text == request and not guess and rec["asked"] is None and rec["rules"] is None:
                    rec["asked"] = str(q)[:80]
                raise
            if text == request and not guess and rec["rules"] is None:   # a hit's times, a style, an undo: placed otherwise
                rec["rules"] = [(it.what, it.scope.kind, it.scope.start_s, it.scope.end_s) for it in got
                                if it.what not in PLACED_OTHERWISE and not it.scope.times_s]
            return got
        model = IntentModel.load()
        spans = model.read(spelled(request.lower()))[1] if model else []
        rec["scopes"] = [s.text for s in spans if s.label == "scope" and not WHOLE_RE.search(s.text.lower())
                         and not BARE_WORD_RE.fullmatch(s.text)]
        rec["span_places"] = []
        for w in rec["scopes"]:
            try:
                sp = locate(w, analysis, plan)
            except Ask:
                sp = "ask"
            rec["span_places"].append(None if sp is None else sp if sp == "ask" else (round(sp.start_s, 2), round(sp.end_s, 2)))
        try:
            out = combine(analysis, plan, request, reading, unread)
            rec["out"] = [(it.what, it.scope.kind, it.scope.start_s, it.scope.end_s) for it in out]
            return out
        except Ask as q:
            rec["out"] = f"ask: {str(q)[:70]}"
            raise
        finally:
            CURRENT.append(rec)
    arbiter.combine = recorded


def kind(recs: list[dict]) -> str:
    """"whole", "elsewhere", "tagged" (the grammar placed it where the span says, asked or read nothing) or "" (no
    scope tagged) for one turn's joins."""
    tagged = [r for r in recs if r["scopes"]]
    if not tagged:
        return ""
    for r in tagged:
        rules = r["rules"] or []
        if rules and all(k == "whole" for _, k, _, _ in rules):
            return "whole"
        placed = {(a, b) for _, k, a, b in rules if k != "whole"}
        spans = {p for p in r["span_places"] if isinstance(p, tuple)}
        if placed and spans and not any(abs(a - x) < 0.8 and abs(b - y) < 0.8 for a, b in placed for x, y in spans):
            return "elsewhere"
    return "tagged"


def dialogue_turns(name: str) -> list[tuple[str, bool, list[dict]]]:
    from dialogue_check import load_set, run_dialogue

    from v2m.agent.dialogue.session import Session

    assert name in ("a", "b") or name.endswith("-tune"), f"tune halves only: {name}"
    say, per = Session.say, []

    def said(self, text):
        CURRENT.clear()
        try:
            return say(self, text)
        finally:
            per.append(list(CURRENT))
    Session.say = said
    out = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for d in load_set(name):
                per.clear()
                for o, recs in zip(run_dialogue(d, Path(tmp) / "store"), list(per)):
                    out.append((f"{o.dialogue} turn {o.n} {o.say!r}", o.ok, recs))
    finally:
        Session.say = say
    return out


def place_turns() -> list[tuple[str, bool, list[dict]]]:
    from bench_places import items, judge

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for k, x in enumerate(items("tune")):
            CURRENT.clear()
            ok = judge(x, Path(tmp) / f"s{k}")[0] == "ok"
            out.append((f"places [{x['clip']}] {x['text']!r}", ok, list(CURRENT)))
    return out


def main(argv: list[str]) -> int:
    _record()
    sets = argv[argv.index("--sets") + 1].split(",") if "--sets" in argv else ["o-tune"]
    runs = [(n, dialogue_turns(n)) for n in sets] + ([("places-tune", place_turns())] if "--places" in argv else [])
    for name, turns in runs:
        counts: dict[str, list[int]] = {}
        for what, ok, recs in turns:
            k = kind(recs)
            c = counts.setdefault(k or "none", [0, 0])
            c[0], c[1] = c[0] + 1, c[1] + (not ok)
            if "-v" in argv and not k and not ok:
                print(f"  {'NONE':9} FAIL {what}")
            if "-v" in argv and k:
                last = [r for r in recs if r["scopes"]][-1]
                print(f"  {k.upper():9} {'ok  ' if ok else 'FAIL'} {what}\n      tagged {last['scopes']} -> "
                      f"{last['span_places']}; grammar {last['rules'] or last['asked']}; out {last.get('out')}")
        print(f"{name}: {len(turns)} turns; " + ", ".join(f"{k} {n} ({f} failing)" for k, (n, f) in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
