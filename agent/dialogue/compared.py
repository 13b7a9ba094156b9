"""A level said against one part with no part of its own ("quieter than the drums", "louder than the piano", "more
bass than the drums"): the rest of the mix against that part, so the part named after "than" moves the other way.
The grammar read the part after "than" as the thing to change ("louder than the piano": the piano +2 dB, more energy
everywhere), and a quieter request played louder. The rest of the band said against a part ("the others quieter than
the drums", "everything but the drums quieter"): every other part playing moves, the part named is kept (the grammar
turned the drums down, or kept only the drums; "everything softer except the drums" too). A limit said between two parts ("the drums shouldn't be louder than
the piano", "keep the drums under the piano"): the first part steps back under the second (it read "louder").

    from v2m.agent.dialogue.compared import against
    against("quieter than the drums")       # "the drums louder"
    against("more bass than the drums")     # "the bass louder than the drums"
    against("the others quieter than the drums", plan)   # "the bass quieter, the harmony quieter and the melody quieter"
    against("the drums shouldn't be louder than the piano")   # "the drums quieter than the piano"
    against("the music is louder than the narrator, lower it")   # "quieter"

Read by `v2m.agent.dialogue.understanding`, after the spelling is mended ("then" said for "than").
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.mentions import INSTR_ALT
from v2m.agent.dialogue.patterns import LazyPattern   # the part alternations compile on first use (`v2m --help` stays light)
from v2m.agent.dialogue.operations import AtLimit, effective_roles
from v2m.agent.dialogue.orchestration import role_of
from v2m.tools.contract import ScorePlan

DET_RE = re.compile(r"^(?:the|a|an|my|your|our) ")
PART = rf"(?:the |a |an |my |your |our )?(?:{INSTR_ALT})(?:s|es)?\b"
OPPOSITE = {"louder": "quieter", "stronger": "quieter", "quieter": "louder", "softer": "louder"}
CLAUSE_END = r"(?=\s*(?:$|[,;.!?]|\b(?:and|but|in|at|on|from|during|after|before|until|till|for|please|pls)\b))"
# the comparative first in its clause (no part said before it), the part compared with last
ALONE_RE = LazyPattern(rf"(?:^|(?<=[,;.!?])|(?<=\band )|(?<=\bbut ))\s*(?:make (?:it|everything|the music) |(?:it|everything) )?"
                      rf"(?P<how>(?:a bit |a little |a lot |much |way |slightly )?)(?P<cmp>louder|stronger|quieter|softer) than "
                      rf"(?P<part>{PART}){CLAUSE_END}", re.I)
EARLIER = r"(?:before|earlier|it (?:was|used)|last|that|this|the (?:last|previous|old|original|earlier|first|second|other|one|version)|version|v\d)\b"
# the music as a whole said against something not a part, a voice or a noise ("the music is louder than the narrator",
# "song more loud than my voice", "the track is quieter than the crowd"): how it is, so it moves the other way, and a
# bare verb after it ("lower it please", "turn it up") is that move, said once
MUSIC_VS_RE = LazyPattern(rf"(?<!make )(?<!keep )(?<!have )(?<!get )\b(?:(?:the |this |our |my )?(?:music|song|track|soundtrack|score|"
                          rf"bed|tune)(?:'s|s)?(?: (?:is|are|sounds?|gets|goes|feels|seems|was))?|it(?:'s| is| sounds| gets| goes))"
                          rf" (?P<how>(?:a bit |a little |a lot |much |way |far |so |slightly )?)"
                          rf"(?P<cmp>louder|more loud|quieter|softer|more quiet) than (?!{PART}|{EARLIER})[^,;.!?]*?"
                          rf"(?=\s*(?:$|[,;.!?]|\b(?:and|but|in|at|on|from|during|after|before|until|till|when|please|pls|so)\b))"
                          rf"(?:[,;.!?]*\s*(?:(?:so|please|pls|can you|could you) )*(?:lower|raise|reduce|decrease|increase|bring|turn|drop|"
                          rf"boost|put)(?: it| the music| that| the volume)?(?: down| up)?(?: a (?:bit|little|notch|touch))?(?: please| pls)?\b)?", re.I)


# the words before a state said against something that make it the order ("make the music louder than the narrator",
# "make sure the drums are louder than the crowd", "I want it faster than the dancers"): said as it should be, read as
# asked (`ordered`; the patterns' own look-behinds miss "make the music ...", matched from "music")
ORDERED_RE = re.compile(r"\b(?:make(?: sure)?|ensure|keep|have|get|want|need|let|like|would like)\s+(?:(?:that|the|this|our|my)\s+)?$", re.I)


def ordered(m: re.Match) -> bool:
    """Whether the words before `m` order what it says as a state (`ORDERED_RE`)."""
    return bool(ORDERED_RE.search(m.string, 0, m.start()))


def _music_vs(m: re.Match) -> str:
    if ordered(m):
        return m[0]
    down = m["cmp"].lower() in ("louder", "more loud")
    return f" {m['how']}{'quieter' if down else 'louder'}"


# "more bass than the drums": the first part louder than the second
MORE_PART_RE = LazyPattern(rf"\b(?P<more>more|less) (?P<part>(?:{INSTR_ALT})(?:s|es)?) than (?={PART})", re.I)
# the rest of the band against one part: "the others quieter than the drums", "everything except the bass louder"
OTHERS = r"(?:the others|the other (?:parts|instruments|players)|the rest(?: of (?:the band|the mix|it|them))?|everything else|" \
         r"everyone else|all the others|every other (?:part|instrument))"
VERB = r"(?:(?:make|turn|bring|have|get|keep|put) |(?:can|could) you (?:make|turn|bring) )?"
LEVEL = r"(?:a bit |a little |a lot |much |way |slightly )?(?P<cmp>louder|stronger|quieter|softer)"
# the level said first: "everything softer except the drums", "turn everything down but the bass", "all instruments
# more soft apart from the sax" (the grammar kept only the drums)
WHOLE = r"(?:everything|it all|every (?:part|instrument)|the (?:whole )?band|all(?: of)?(?: the)? (?:parts|instruments))"
LEVEL3 = r"(?:a bit |a little |a lot |much |way |slightly )?(?P<cmp3>louder|stronger|quieter|softer|more (?:soft|quiet|loud)|down|up)"
SAID_AS = {"more soft": "softer", "more quiet": "quieter", "more loud": "louder", "down": "quieter", "up": "louder"}
OTHERS_RE = LazyPattern(rf"\b{VERB}(?:{OTHERS} (?:(?:are|is|should be|to be|must be) )?{LEVEL} than (?P<part>{PART})|"
                       rf"(?:everything|every part|the (?:whole )?band|all the parts) (?:but|except(?: for)?|apart from|other than|"
                       rf"besides) (?P<part2>{PART}),? (?:(?:is|are|should be|to be) )?{LEVEL.replace('cmp', 'cmp2')}|"
                       rf"{WHOLE} {LEVEL3} (?:but|except(?: for)?|apart from|other than|besides|save for) (?P<part3>{PART})){CLAUSE_END}", re.I)
# a place said after the rest of the band's clause ("... than the drums in shot 3"): every part's clause carries it
PLACE_AFTER_RE = re.compile(r"\s+(?:in|at|on|from|during|after|before|until|till|for)\b[^,;.!?]*?(?=\s*(?:$|[,;.!?]|\b(?:and|but)\b))", re.I)
# a limit between two parts: "the drums shouldn't be louder than the piano", "never let the drums get louder than the
# piano", "keep the drums below the piano": the first part under the second
NOT = r"(?:shouldn'?t|should not|mustn'?t|must not|can'?t|cannot|can not|may not|never|must never|should never)"
LIMIT_RE = LazyPattern(rf"\b(?:(?:don'?t|do not|never) let (?P<a1>{PART}) (?:get|be|go|become) |(?P<a2>{PART}) {NOT} (?:be|get|go|become) )"
                      rf"(?:any )?(?P<cmp>louder|stronger|quieter|softer) than (?P<b>{PART})|"
                      rf"\bkeep (?P<a3>{PART}) (?P<where>below|under|underneath|beneath|quieter than|softer than|"
                      rf"above|over|louder than) (?P<b3>{PART}){CLAUSE_END}", re.I)

# a part said to be louder than something that is no part ("that fiddle's hollerin' louder'n a mule in a hailstorm", "the
# bass is quieter than a whisper"): how it is now, a part too loud (or too quiet), not an order to make it louder
STATE_RE = LazyPattern(rf"(?P<part>{PART})(?:'s|'re| is| are)(?: (?:just |way |so |much |a lot )?[a-z]+in[g']?)?(?: (?:way|much|a lot|so|even))? "
                       rf"(?P<cmp>louder|stronger|quieter|softer)(?: than|'n|'and| then) (?!{PART})", re.I)
TOO = {"louder": "too loud", "stronger": "too loud", "quieter": "too quiet", "softer": "too quiet"}

HELD_DB = 3.0   # a limit between two parts holds when the first is this far under (or over) the second where both play
ONLY_LIMIT_RE = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|and|but|also|remember|just|please|pls),?\s+)*\x00\W*(?:(?:please|pls|ok|thanks)\W*)*$", re.I)


def _limited(m: re.Match) -> str:
    if m["a3"]:
        return f"{m['a3']} {'louder' if m['where'].lower() in ('above', 'over', 'louder than') else 'quieter'} than {m['b3']}"
    return f"{m['a1'] or m['a2']} {OPPOSITE[m['cmp'].lower()]} than {m['b']}"


def _held(m: re.Match, plan: ScorePlan) -> str | None:
    """How a limit between two parts already holds in `plan` ("the drums are already under the piano"): the first part
    at least HELD_DB under (or over) the second wherever both play; None when it does not, or they never play together."""
    a, b = (DET_RE.sub("", (m[k] or "").lower()) for k in (("a3", "b3") if m["a3"] else ("a1", "b")))
    a = a or DET_RE.sub("", (m["a2"] or "").lower())
    under = _limited(m).split(" than ")[0].endswith("quieter")
    ra, rb = role_of(plan, a), role_of(plan, b)
    gaps = [s.levels_db.get(ra, 0.0) - s.levels_db.get(rb, 0.0) for s in plan.sections
            if s.music and {ra, rb} <= set(effective_roles(plan, s))] if ra and rb and ra != rb else []
    if not gaps or not all((-g if under else g) >= HELD_DB for g in gaps):
        return None
    return f"the {a} {'are' if a.endswith('s') and not a.endswith('ss') else 'is'} already {'under' if under else 'over'} the {b} everywhere"


def _limit(text: str, plan: ScorePlan | None) -> str:
    """`text` with its limits between parts said as moves; a limit that already holds, said alone, is no move: it is
    said to hold (as `operations.AtLimit`, the question whether to go further)."""
    if plan is not None and (m := LIMIT_RE.search(text)) and ONLY_LIMIT_RE.match(text[:m.start()] + "\x00" + text[m.end():]) \
            and (held := _held(m, plan)):
        q = AtLimit(f"Nothing changed: {held}. Make {(move := _limited(m).split(' than ')[0].strip())} still?", f"Not changed: {held}.")
        q.options = (move,)   # a yes takes that move, not the limit again
        raise q
    return LIMIT_RE.sub(_limited, text)


def _others(m: re.Match, plan: ScorePlan | None) -> str:
    kept = role_of(plan, DET_RE.sub("", (m["part"] or m["part2"] or m["part3"]).lower())) if plan else None
    rest = sorted({r for s in plan.sections for r in effective_roles(plan, s)} - {kept}) if plan and kept else []
    if not rest:
        return m[0]
    how = SAID_AS.get(how := (m["cmp"] or m["cmp2"] or m["cmp3"]).lower(), how)
    place = PLACE_AFTER_RE.match(m.string, m.end())
    said = [f"the {r} {how}{place[0] if place and k < len(rest) - 1 else ''}" for k, r in enumerate(rest)]
    return said[0] if len(said) == 1 else f"{', '.join(said[:-1])} and {said[-1]}"


def against(text: str, plan: ScorePlan | None = None) -> str:
    """`text` with a level said against a part alone said as that part's own move, the other way; the rest of the
    band said against a part as each other part's own move (`plan`'s parts); a limit between two parts as the first
    one's move under (or over) the second."""
    text = STATE_RE.sub(lambda m: m[0] if ordered(m) else f"{m['part']} is {TOO[m['cmp'].lower()]}, like ", text)
    text = _limit(OTHERS_RE.sub(lambda m: _others(m, plan), text), plan)
    text = MORE_PART_RE.sub(lambda m: f"the {m['part']} {'louder' if m['more'].lower() == 'more' else 'quieter'} than ", text)
    text = MUSIC_VS_RE.sub(_music_vs, text)
    return ALONE_RE.sub(lambda m: f" {m['part']} {m['how']}{OPPOSITE[m['cmp'].lower()]}", text)
