"""Schema check and counts for the persona dialogue sets (issue 11):
tests/dialogues_personas/*.yaml (set b) and tests/dialogues_heldout/*.yaml (set c, frozen).

Written without reference to the edit grammar or the checker's code; it knows only the expectation
format. Run: python tests/dialogue_schema.py  (exit 1 on any error; prints counts per set, persona, kind).

A dialogue: {id, clip, request, persona, turns: [{say, expect: [...]}, ...]}; `clip` is "bikes" or
{duration, cuts: [...]} / {duration, every}. Each expectation is a one-key mapping:
  tempo {in, ratio: [lo, hi]} | {in, bpm}   energy {in, change}   shape {in, rises}
  balance {in, role|instrument, change}     key   mode   style   style_any   loudness
  plays {in, instrument|role, playing}      hit {at, kind?}   no_hit {at}   locked {at, is}
  same_as N   question   refuse   unchanged {outside}   nochange
"""

from __future__ import annotations

import difflib
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

from v2m.finetune.intent_human import SET_FOLDERS

HERE = Path(__file__).resolve().parent
SETS = {k: v for k, v in SET_FOLDERS.items() if k != "a"}  # (a) predates this schema
BIKES = {"duration": 10.0, "cuts": [1.2, 3.04, 5.48, 7.48, 9.68]}
ROLES = {"melody", "harmony", "bass", "drums", "pad"}
MODES = {"major", "minor", "ionian", "dorian", "phrygian", "lydian", "mixolydian", "aeolian", "locrian",
         "harmonic minor", "melodic minor"}
DIRS = {"up", "down"}
HIT_KINDS = {"crash", "stab", "swell", "stop"}
KINDS = {"tempo", "energy", "shape", "balance", "key", "mode", "style", "style_any", "loudness", "plays",
         "hit", "no_hit", "locked", "same_as", "question", "refuse", "unchanged", "nochange"}
SPANNED = {"tempo", "energy", "shape", "balance", "plays"}


def _num(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def clip_info(clip) -> tuple[float, list[float]]:
    if clip == "bikes":
        return BIKES["duration"], list(BIKES["cuts"])
    if not isinstance(clip, dict) or not _num(clip.get("duration")):
        raise ValueError(f"bad clip {clip!r}")
    d = float(clip["duration"])
    if set(clip) == {"duration", "cuts"}:
        cuts = clip["cuts"]
        if not (isinstance(cuts, list) and all(_num(c) and 0 < c < d for c in cuts)
                and cuts == sorted(cuts) and len(set(cuts)) == len(cuts)):
            raise ValueError(f"bad cuts {cuts!r}")
        return d, [float(c) for c in cuts]
    if set(clip) == {"duration", "every"}:
        e = clip["every"]
        if not (_num(e) and 0 < e < d):
            raise ValueError(f"bad every {e!r}")
        n = int(d // e)
        return d, [e * k for k in range(1, n + 1) if e * k < d]
    raise ValueError(f"bad clip keys {sorted(clip)}")


class Checker:
    def __init__(self):
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def err(self, where: str, msg: str) -> None:
        self.errors.append(f"{where}: {msg}")

    def span(self, where, s, dur) -> bool:
        if not (isinstance(s, list) and len(s) == 2 and all(_num(x) for x in s) and 0 <= s[0] < s[1] <= dur + 1e-9):
            self.err(where, f"bad span {s!r} (clip is {dur} s)")
            return False
        return True

    def time(self, where, t, dur) -> None:
        if not (_num(t) and 0 <= t <= dur):
            self.err(where, f"bad time {t!r}")

    def fields(self, where, body, required: set, optional: set = frozenset()) -> bool:
        if not isinstance(body, dict):
            self.err(where, f"expected a mapping, got {body!r}")
            return False
        missing, extra = required - set(body), set(body) - required - set(optional)
        if missing or extra:
            self.err(where, f"fields: missing {sorted(missing)} extra {sorted(extra)}")
            return False
        return True

    def one_of(self, where, body, names: set) -> str | None:
        have = names & set(body)
        if len(have) != 1:
            self.err(where, f"exactly one of {sorted(names)} needed")
            return None
        return have.pop()

    def expectation(self, where, e, dur, turn_no) -> str | None:
        if not (isinstance(e, dict) and len(e) == 1):
            self.err(where, f"expectation must be a one-key mapping: {e!r}")
            return None
        (kind, body), = e.items()
        if kind not in KINDS:
            self.err(where, f"unknown kind {kind!r}")
            return None
        w = f"{where} {kind}"
        if kind == "tempo":
            if isinstance(body, dict) and self.span(w, body.get("in"), dur):
                k = self.one_of(w, body, {"ratio", "bpm"})
                if k and self.fields(w, body, {"in", k}):
                    v = body[k]
                    if k == "ratio" and not (isinstance(v, list) and len(v) == 2 and all(_num(x) for x in v)
                                             and 0 < v[0] < v[1] <= 3):
                        self.err(w, f"bad ratio {v!r}")
                    if k == "bpm" and not (_num(v) and 30 <= v <= 300):
                        self.err(w, f"bad bpm {v!r}")
            else:
                self.err(w, "needs in")
        elif kind == "energy":
            if self.fields(w, body, {"in", "change"}) and self.span(w, body["in"], dur):
                if body["change"] not in DIRS:
                    self.err(w, "change must be up|down")
        elif kind == "shape":
            if self.fields(w, body, {"in", "rises"}) and self.span(w, body["in"], dur):
                if not isinstance(body["rises"], bool):
                    self.err(w, "rises must be a bool")
        elif kind == "balance":
            if isinstance(body, dict):
                k = self.one_of(w, body, {"role", "instrument"})
                if k and self.fields(w, body, {"in", k, "change"}) and self.span(w, body["in"], dur):
                    if body["change"] not in DIRS:
                        self.err(w, "change must be up|down")
                    if k == "role" and body[k] not in ROLES:
                        self.err(w, f"bad role {body[k]!r}")
                    if k == "instrument" and not (isinstance(body[k], str) and body[k].strip()):
                        self.err(w, "bad instrument")
            else:
                self.err(w, "needs a mapping")
        elif kind == "plays":
            if isinstance(body, dict):
                k = self.one_of(w, body, {"role", "instrument"})
                if k and self.fields(w, body, {"in", k, "playing"}) and self.span(w, body["in"], dur):
                    if not isinstance(body["playing"], bool):
                        self.err(w, "playing must be a bool")
                    if k == "role" and body[k] not in ROLES:
                        self.err(w, f"bad role {body[k]!r}")
            else:
                self.err(w, "needs a mapping")
        elif kind == "key":
            if not (isinstance(body, str) and re.fullmatch(r"[A-G][b#]?", body)):
                self.err(w, f"bad key {body!r}")
        elif kind == "mode":
            if body not in MODES:
                self.err(w, f"bad mode {body!r}")
        elif kind == "style":
            if not (isinstance(body, str) and body.strip()):
                self.err(w, "bad style")
        elif kind == "style_any":
            if not (isinstance(body, list) and body and all(isinstance(s, str) and s.strip() for s in body)):
                self.err(w, "style_any must be a non-empty list of names")
        elif kind == "loudness":
            if body not in DIRS:
                self.err(w, "loudness must be up|down")
        elif kind in ("hit", "no_hit"):
            opt = {"kind"} if kind == "hit" else set()
            if self.fields(w, body, {"at"}, opt):
                self.time(w, body["at"], dur)
                if "kind" in body and body["kind"] not in HIT_KINDS:
                    self.err(w, f"bad hit kind {body['kind']!r}")
        elif kind == "locked":
            if self.fields(w, body, {"at", "is"}):
                self.time(w, body["at"], dur)
                if not isinstance(body["is"], bool):
                    self.err(w, "is must be a bool")
        elif kind == "same_as":
            if not (isinstance(body, int) and not isinstance(body, bool) and 0 <= body < turn_no):
                self.err(w, f"same_as must be 0..{turn_no - 1}")
        elif kind in ("question", "refuse", "nochange"):
            if body is not True:
                self.err(w, "must be true")
        elif kind == "unchanged":
            if self.fields(w, body, {"outside"}):
                self.span(w, body["outside"], dur)
        return kind

    def dialogue(self, f: str, d) -> list[tuple[str, str]]:
        """Returns [(persona, kind), ...] for each expectation, and [(persona, None)] per turn via counts."""
        out = []
        if not isinstance(d, dict):
            self.err(f, "dialogue must be a mapping")
            return out
        did = d.get("id", "?")
        where = f"{f}:{did}"
        if set(d) != {"id", "clip", "request", "persona", "turns"}:
            self.err(where, f"dialogue keys {sorted(d)}")
        for k in ("id", "request", "persona"):
            if not (isinstance(d.get(k), str) and d[k].strip()):
                self.err(where, f"{k} must be a non-empty string")
        try:
            dur, _cuts = clip_info(d.get("clip"))
        except ValueError as e:
            self.err(where, str(e))
            return out
        turns = d.get("turns")
        if not (isinstance(turns, list) and turns):
            self.err(where, "turns must be a non-empty list")
            return out
        for i, t in enumerate(turns, 1):
            w = f"{where} turn {i}"
            if not (isinstance(t, dict) and set(t) == {"say", "expect"} and isinstance(t["say"], str)):
                self.err(w, "turn must be {say: str, expect: [...]}")
                continue
            exp = t["expect"]
            if not (isinstance(exp, list) and exp):
                self.err(w, "expect must be a non-empty list")
                continue
            kinds = [self.expectation(w, e, dur, i) for e in exp]
            ks = set(k for k in kinds if k)
            if ks & {"question", "refuse"} and ks - {"question", "refuse", "same_as", "nochange"}:
                self.err(w, "a question/refusal turn must not expect a change")
            # nochange may come with checks of state (style, key, ...) but not with expected changes
            if "nochange" in ks and ks & {"tempo", "energy", "shape", "balance", "loudness", "unchanged"}:
                self.err(w, "nochange with change expectations")
            if "same_as" in ks and ks & {"question", "refuse"}:
                (n,) = [e["same_as"] for e in exp if "same_as" in e]
                if n != i - 1:
                    self.err(w, f"a question/refusal keeps the plan: same_as should be {i - 1}")
            if "unchanged" not in ks:
                for e in exp:
                    (k, b), = e.items()
                    if k in SPANNED and isinstance(b, dict) and isinstance(b.get("in"), list) \
                            and (b["in"][0] > 0.05 or b["in"][1] < dur - 0.05):
                        self.warnings.append(f"{w}: partial-span {k} without unchanged")
                        break
            out.append((d["persona"], sorted(ks)))
        return out


def load_set(path: Path):
    return {str(f.relative_to(HERE.parent)): yaml.safe_load(f.read_text(encoding="utf-8"))
            for f in sorted(path.glob("*.yaml"))}


def main() -> int:
    ck = Checker()
    ids: Counter = Counter()
    says: dict[str, list[str]] = {}
    report = []
    for name, path in SETS.items():
        files = load_set(path)
        turns_by_persona: Counter = Counter()
        kinds: Counter = Counter()
        n_turns = n_dialogues = 0
        says[name] = []
        for f, data in files.items():
            if not isinstance(data, list):
                ck.err(f, "file must hold a YAML list of dialogues")
                continue
            for d in data:
                n_dialogues += 1
                ids[d.get("id")] += 1
                for persona, ks in ck.dialogue(f, d):
                    n_turns += 1
                    turns_by_persona[persona] += 1
                    kinds.update(ks)
                says[name] += [t.get("say", "") for t in d.get("turns", []) if isinstance(t, dict)]
        report.append((name, path.name, n_dialogues, n_turns, turns_by_persona, kinds))
    for i, n in ids.items():
        if n > 1:
            ck.err("ids", f"duplicate id {i!r}")
    # near-duplicate phrasings between set b and the held-out set c
    norm = lambda s: re.sub(r"[^a-z0-9 ]", "", s.lower()).strip()
    b_says = {norm(s) for s in says.get("b", []) if len(norm(s)) > 12}
    for s in says.get("c", []):
        ns = norm(s)
        if len(ns) <= 12:
            continue
        for o in b_says:
            if difflib.SequenceMatcher(None, ns, o).ratio() > 0.85:
                ck.err("near-duplicate", f"set c {s[:60]!r} ~ set b {o[:60]!r}")
    for name, folder, nd, nt, per, kinds in report:
        print(f"set {name} ({folder}): {nd} dialogues, {nt} turns")
        print("  per persona: " + ", ".join(f"{p} {n}" for p, n in sorted(per.items())))
        print("  turns per kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
        missing = KINDS - set(kinds)
        if missing:
            print(f"  kinds not used: {sorted(missing)}")
    for w in ck.warnings:
        print("warning:", w)
    for e in ck.errors:
        print("ERROR:", e)
    print("OK" if not ck.errors else f"{len(ck.errors)} errors")
    return 1 if ck.errors else 0


if __name__ == "__main__":
    sys.exit(main())
