"""Honesty of the "I did not act on 'X'" note: how many replies name as unread words that the turn's edit used.

    python tests/bench/bench_unread_notes.py                       # the tune sets (a, b, d-tune .. p-tune)
    python tests/bench/bench_unread_notes.py --sets p-tune -v      # one set, every note with its verdict

Each dialogue runs through a real Session (as `bench_dialogues`). For every reply with an unread note (the pieces
`unread.noted` was given), each quoted piece is checked against the intents the turn applied (`apply_intents`' own
argument): a piece overlaps when a stretch of its words names (`name_places.placed`, with the last edit's place for
"the shot straight after") the span an applied intent changed, when a time said in it is an end of that span or one
of its moments, when it names a part an applied intent changed, when it says an applied amount, or when all its
words lie inside the clause an applied intent was read from (an intent's own `text`, not the whole request). An
overlapping piece is a dishonest note: it says words were not acted on that were. The last kind ("read clause") is
an upper bound: an intent's `text` is the grammar's whole clause, unknown words it skipped included ("a bit more happy
and glimmery please" has the text "a bit happier and glimmery please"), so it also counts words truly not acted on.
Tune sets only (never the val halves, set c or the banks' val halves).

Measured (unread24, tune sets, 1851 turns): before the place fix 70 of 323 noted replies overlapped (75 pieces: 40
places, 5 times, 9 parts, 29 read clause); after it 38 of 308 (39 pieces: 3 places, 0 times, 6 parts, 30 read clause).
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dialogue_check import clip_analysis  # noqa: E402

from v2m.agent.dialogue import understanding, unread  # noqa: E402
from v2m.agent.dialogue.mentions import named_parts  # noqa: E402
from v2m.agent.dialogue.name_places import placed  # noqa: E402
from v2m.agent.dialogue.names import earlier  # noqa: E402
from v2m.agent.dialogue.phrases import words  # noqa: E402
from v2m.agent.dialogue.place_words import parse_time  # noqa: E402
from v2m.agent.dialogue.session import Session  # noqa: E402
from v2m.agent.dialogue.where import Ask, Unknown  # noqa: E402
from v2m.finetune.intent_human import load_set  # noqa: E402

TUNE = "a,b,d-tune,e-tune,f-tune,g-tune,h-tune,i-tune,j-tune,k-tune,l-tune,m-tune,n-tune,o-tune,p-tune"
CLOCK_RE = re.compile(r"\b\d{1,2}:\d{2}(?:\.\d+)?\b")
NUMBER_RE = re.compile(r"[-+]?\d+(?:\.\d+)?")
TOL_S = 0.6   # a place's ends against a changed span's (both snapped to cuts)
PART_EDITS = ("add", "remove", "swap", "only", "balance")


def _spans(intents) -> list[tuple[float, float]]:
    out = [(it.scope.start_s, it.scope.end_s) for it in intents if it.scope.kind != "whole"]
    return out + [(t, t) for it in intents for t in it.scope.times_s]


def _same(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[0] - b[0]) <= TOL_S and abs(a[1] - b[1]) <= TOL_S


def overlaps(piece: str, call: dict) -> list[str]:
    """The ways `piece` (quoted in the note) overlaps what the turn's applied intents used; [] when it does not."""
    intents, analysis, plan = call["intents"], call["analysis"], call["plan"]
    spans, why = _spans(intents), []
    toks = piece.split()
    for i in range(len(toks)):   # a stretch of its words naming a changed span
        for j in range(i + 1, len(toks) + 1):
            text = words(" ".join(toks[i:j]).lower())
            try:
                span = placed(text, analysis, plan, dict(call["known"]), None, call["last_span"], text)[1]
            except (Ask, Unknown, ValueError, IndexError):
                span = None
            if span is not None and any(_same((span.start_s, span.end_s), s) for s in spans):
                why.append(f"place '{' '.join(toks[i:j])}'")
                break
        if why:
            break
    ends = {round(x, 1) for s in spans for x in s}
    if not why and any(any(abs(parse_time(m) - e) <= 0.3 for e in ends) for m in CLOCK_RE.findall(piece)):
        why.append("time")
    acted_parts = {w for it in intents if it.what in PART_EDITS for w in (it.value, it.target) if w}
    if set(named_parts(piece.lower())) & acted_parts:
        why.append("part")
    amounts = {it.amount for it in intents if it.amount is not None}
    if any(float(n) in amounts for n in NUMBER_RE.findall(CLOCK_RE.sub(" ", piece))):
        why.append("amount")
    said = set(words(piece.lower()).split())
    if any(it.text and words(it.text.lower()) != words(call["request"].lower()) and said
           and said <= set(words(it.text.lower()).split()) for it in intents):
        why.append("read clause")
    return why


def run(sets: str, verbose: bool) -> int:
    calls: list[dict] = []
    notes: list[list[str]] = []
    applied: dict = {}
    orig_unread, orig_noted, orig_apply = unread.unread, unread.noted, understanding.apply_intents

    def spy_unread(analysis, plan, request, read, intents=None, history=None):
        out = orig_unread(analysis, plan, request, read, intents, history)
        kw = getattr(read, "keywords", {})
        calls.append(dict(analysis=analysis, plan=plan, request=request, intents=list(intents or []), out=out,
                          last_span=kw.get("last_span"), known=earlier(history) if history else {}))
        return out

    def spy_noted(phrases):
        notes.append(list(phrases))
        return orig_noted(phrases)

    def spy_apply(analysis, plan, intents, *a, **k):
        applied["intents"] = list(intents)
        return orig_apply(analysis, plan, intents, *a, **k)

    unread.unread, unread.noted, understanding.apply_intents = spy_unread, spy_noted, spy_apply
    total_turns = noted_turns = bad_turns = bad_pieces = 0
    examples, kinds = [], {}
    try:
        for name in sets.split(","):
            with tempfile.TemporaryDirectory() as tmp:
                for d in load_set(name):
                    analysis = clip_analysis(d["clip"])
                    s = Session.open(analysis.source, d.get("request", ""), workdir=Path(tmp) / "store",
                                     analysis=analysis, render=False)
                    for n, turn in enumerate(d["turns"], 1):
                        calls.clear(), notes.clear(), applied.clear()
                        try:
                            t = s.say(turn["say"])
                        except Exception as e:  # noqa: BLE001 - a crash is counted by bench_dialogues, not here
                            print(f"CRASH {d['id']} turn {n}: {type(e).__name__}: {e}")
                            continue
                        total_turns += 1
                        said = [p for ps in notes for p in ps]
                        if not said or "I did not act on" not in t.reply:
                            continue
                        noted_turns += 1
                        call = next((c for c in reversed(calls) if c["out"] and set(c["out"]) <= set(said)), None)
                        if call is None:
                            continue
                        call["intents"] = applied.get("intents", call["intents"])
                        bad = [(p, why) for p in said if (why := overlaps(p, call))]
                        bad_pieces += len(bad)
                        bad_turns += bool(bad)
                        for p, why in bad:
                            for k in why:
                                kinds[k.split(" '")[0]] = kinds.get(k.split(" '")[0], 0) + 1
                            examples.append(f"  {d['id']} turn {n} '{turn['say']}'\n      quoted '{p}': {', '.join(why)}")
                        if verbose and not bad:
                            print(f"  ok {d['id']} turn {n}: {said}")
    finally:
        unread.unread, unread.noted, understanding.apply_intents = orig_unread, orig_noted, orig_apply
    print(f"sets {sets}: {total_turns} turns, {noted_turns} replies with an unread note, "
          f"{bad_turns} of them name words the edit used ({bad_pieces} pieces)")
    print("  by kind (a piece may be of several): " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    print("\n".join(examples))
    return bad_turns


def main(argv: list[str]) -> int:
    sets = argv[argv.index("--sets") + 1] if "--sets" in argv else TUNE
    if any("val" in s or s == "c" for s in sets.split(",")):
        print("tune sets only: this bench is for choosing, the val halves and set c are not")
        return 2
    run(sets, "-v" in argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
