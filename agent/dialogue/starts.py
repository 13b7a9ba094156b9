"""A start said as a verb with how it sounds: "start soft", "begin quietly", "open gently", and a late start ("it
takes ages to get going": more energy at the start). That sound at the start, the rest as it was; read alone, "start
soft" turned the whole mix down. (An ending said so, "could it end gently", is a fade over the ending: `idioms`.)

    from v2m.agent.dialogue.starts import at_the_ends
    at_the_ends("start soft and build")   # "soft at the start and build"

Read by `v2m.agent.dialogue.understanding` before a request is cut into clauses; the late start by `phrases.unfilled`
per clause too.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import patterns
from v2m.agent.dialogue.mentions import INSTR
from v2m.agent.dialogue.operations import effective_roles
from v2m.agent.dialogue.orchestration import role_of
from v2m.agent.dialogue.where import fmt
from v2m.tools.contract import ScorePlan

# "it gets going too late", "can it start straight in", "takes forever to kick in", "slow to get going": the start wants its energy, said before the place
# finder reads the clause so that the start is where it goes.
LATE_START_RE = re.compile(r"\b(?:gets?|getting|got) going (?:too |so |a bit |way )?late\b|\b(?:takes?|taking) (?:too long|ages|a while|"
                           r"forever|a lifetime|so long|way too long) to (?:get going|kick in|get started|get moving|take off|warm up)\b|"
                           r"\b(?:slow|late) to (?:get going|kick in|get started|get moving|take off)\b|"
                           r"\b(?:start|starts|begin|begins|come in|comes in) (?:straight|right) (?:in|away|off)\b", re.I)
# A part said to come in late ("the drums take forever to kick in", "it takes ages for the bass to come in", "the sax
# comes in way too late"): that part earlier, not the whole start livelier (`late_parts`)
LATE = r"(?:too long|ages|a while|forever|a lifetime|so long|way too long|soo+ long)"
LATE_SO = r"(?:(?:way|far|much|so|too|very|really|a bit|a little|kinda|kind of|soo+) )*"   # "comes in way too late"
ENTER = r"(?:kick in|come in|get going|get started|join(?: in)?|show up|enter|arrive|appear|turn up|start)"
LATE_PART_RE = re.compile(rf"{INSTR}(?: (?:always|just|really|still|kinda|kind of))? (?:takes?|taking|took) {LATE} to {ENTER}\b|"
                          rf"\b(?:takes?|taking|took) {LATE} for {INSTR} to {ENTER}\b|"
                          rf"{INSTR} (?:(?:is|are|r|only|just|still) )*(?:comes?|kicks?|came|kicked|coming|kicking) in (?:{LATE_SO})late\b|"
                          rf"{INSTR} (?:(?:is|are|r|only|just|still) )*(?:joins?|joined|joining|shows? up|showing up|showed up|enters?|"
                          rf"entering|starts?|starting|arrives?|arriving|appears?|appearing|turns? up) (?:{LATE_SO})late\b|"
                          rf"{INSTR}(?: (?:is|are|r|seem|seems))? (?:(?:way|far|so|too|really|kinda|soo+) )*(?:slow|late) to {ENTER}\b", re.I)
# how the music sounds, said right after the verb and ending its clause (an adverb as its adjective: "softly" is "soft");
# a start said with its rise ("start quiet and ride the riser", "start soft, then louder") is a build: `idioms.START_RISE_RE`
SOUND = (r"soft|quiet|calm|slow|sparse|sparser|small|low|loud|big|bigger|fast|busy|full|dark|bright|"
         r"softer|quieter|gentler|calmer|slower|louder|faster|busier|fuller|darker|brighter")
ADVERB = {"softly": "soft", "quietly": "quiet", "gently": "soft", "gentle": "soft", "calmly": "calm", "slowly": "slow",
          "loudly": "loud", "tender": "soft", "tenderly": "soft", "quickly": "fast"}
VERBED_RE = re.compile(r"(?<!\bthe )(?<!\ba )(?<!\bits )\b(?P<verb>start|starts|begin|begins|open|opens)(?: (?:it|things|the music|the score|the piece|the song|the track|off|out|up))?"
                       rf"(?: (?:really|very|nice and|nice|super|more|a bit|a little|kind of|pretty|quite))? "
                       rf"(?P<how>{SOUND}|{'|'.join(ADVERB)})\b"
                       r"(?=\s*(?:please|pls|thanks|though)?\s*(?:$|[.!?;]|,(?!\s*(?:and |but )?(?:then|after|afterwards|slowly|"
                       r"gradually|get|go|grow|build|ride|rise|swell|climb|louder|bigger|(?:end|ends|finish|finishes)(?: up)? (?:\w+ )?"
                       rf"(?:{SOUND}|huge|strong|epic|massive|intense|powerful|gentle))\b)))", re.I)   # "begin quiet, end huge": a shape, `idioms`


# a place said before the verb in its sentence ("at 0:33 ... start soft under it", "from there to the end: start low"):
# the start of that place, which the place finders read with it
PLACED_BEFORE_RE = re.compile(r"\d|\b(?:there|here|then|shots?|cuts?|scenes?|sections?|from|after|before|until|till|when|"
                              r"where|once|into|at|in|on)\b", re.I)
# who starts so: the music (or no one: "start soft", "can it start quiet please"); else a part ("the sax should start
# soft": that part) or something of the picture ("the door opens slowly": described, no edit)
MUSIC_SUBJECT = set("ok okay so and but then please pls maybe just also now let's lets let make have can could would will "
                    "should might may must need needs to has ought you we i i'd want like it this that things the music score "
                    "song track piece mix whole thing really".split())
PART_LEAD_RE = re.compile(rf"{INSTR}(?: (?:should|could|can|would|will|must|needs? to|has to|ought to|to|really|just))*\s*$")
CLAUSE_RE = re.compile(r"[,;:]|\b(?:and|but|then|so)\b", re.I)
MORE = {"busy": "busier", "big": "bigger", "sparse": "sparser"}


def first_heard(plan: ScorePlan | None, word: str) -> float | None:
    """Where the part `word` names first plays in `plan` (seconds); None where it plays nowhere or is no part of it."""
    role = role_of(plan, word) if plan is not None else None
    return min((s.start_s for s in plan.sections if role in effective_roles(plan, s)), default=None) if role else None


def late_parts(text: str, plan: ScorePlan | None) -> str:
    """`text` with a part said to come in late said as that part earlier: where it is silent at the start, in from the
    start up to where it plays now ("add the drums from 0:00 to 0:12"); where it plays from the start already, more of
    it there (its level and the start's energy, the rest of the score as it was)."""
    def one(m: re.Match) -> str:
        word = next(g for g in m.groups() if g).lower()
        first = first_heard(plan, word)
        return f"add the {word} from 0:00 to {fmt(first)}" if first is not None and first > 0.05 else f"more {word} at the start"
    return LATE_PART_RE.sub(one, text)


def at_the_ends(text: str, plan: ScorePlan | None = None) -> str:
    """`text` with a start said as a verb and its sound said as that sound at the start, where no place is said before
    it in its sentence; said of a part, that part at the start; said of anything else, as it is. A part said to come in
    late is that part earlier (`late_parts`)."""
    text, out, at = LATE_START_RE.sub(" more energy at the start ", late_parts(text, plan)), [], 0
    for m in VERBED_RE.finditer(text):
        sentence = patterns.sentences(text[:m.start()], "\n")[-1]
        lead = CLAUSE_RE.split(sentence)[-1]   # "louder overall, and it should start soft": who starts, in its clause
        how, said, start = ADVERB.get(m["how"].lower(), m["how"].lower()), m[0], m.start()
        if PLACED_BEFORE_RE.search(sentence):
            pass
        elif PART_LEAD_RE.search(lead.lower()):   # "the piano should start soft": that part softer at the start
            said = f"{MORE.get(how, how if how.endswith('er') else how + 'er')} at the start"
        elif set(re.findall(r"[a-z']+", lead.lower())) <= MUSIC_SUBJECT:   # "can it start quiet please": the music
            said, start = f"{how} at the start", m.start() - len(lead.lstrip())
        out.append(text[at:start] + said)   # else "the door opens slowly": the picture described, no edit
        at = m.end()
    return "".join(out) + text[at:]
