"""The working vocabulary of spotting sessions (music editors, composer's assistants, trailer editors), read as
cue events in the grammar's own words before a request is split into clauses.

    from v2m.agent.dialogue.cues import unlabelled, spoken
    text = spoken(notation(unlabelled(request)), analysis, plan)
    spoken("IN 0:08 on the match strike. Before that: no score.", a, p)
    # "no music before 0:08 on the match strike. before 0:08: no score."

A spotting note places a cue on the timeline and says how it meets the picture:
- its IN and OUT points ("IN 00:00:08", "music in at 0:08", "score out at 0:46", "OUT at 0:46, nothing after"):
  the music is out before the IN (back to where it last stopped) and after the OUT (up to where it starts
  again); an IN where the music is already out just before it is only the moment ("score back in at 0:03");
- source against score ("the radio in shot 2 is source", "keep score out"): music heard in the scene, so
  the score is out there;
- a button (a short, emphatic last chord: "button it on the last frame", "button on the third cut"): a stop
  mark, at the moment or cut said, else where the cue ends; "play through the first cut": no accent on that cut;
  "stay under everything" (underscore): less energy; "pull the percussion": that part out ("pull it back"
  stays less of it, see `orchestration`); "pull the build back": less energy where the last edit built;
- a place glossed with its timecode ("the cut after the sting (0:25)"): the timecode; "before that",
  "after that", "nothing after" and "button it there" after a moment: that moment;
- cue numbers ("1M1", "2M1 spot notes:", "1M1 cont.") are labels, and a sentence about another cue ("D minor
  was for 1M2, not this cue") is no note for this one; a reason given in passing ("let the rain carry
  it", "let the drop land on its own") asks for nothing.
Nothing here changes a plan: the words are rewritten for `v2m.agent.dialogue.edits` to read.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue.buttons import TIME_RE, _buttoned, _last_time, clock, last_frame
from v2m.agent.dialogue.counted import ORD, nth
from v2m.agent.dialogue.mentions import named_parts
from v2m.agent.dialogue.part_words import as_part   # "the bottom end is thin": the bass ("end" is no place)
from v2m.agent.dialogue.place_words import CLOCK, SECONDS, parse_time
from v2m.agent.dialogue.vocab import MUSIC
from v2m.agent.dialogue.where import visible_cuts, visible_shots
from v2m.tools.contract import ScorePlan, VideoAnalysis

# A cue's number as music editors write it: reel, "M", cue ("1M1", "2m03", "1M2A"), with what a heading adds
# to it ("1M1 cont.", "1M1 'Trailer'", "1M1 (bikes)", "2M1 spot notes:").
LABEL = r"(?<![\w:])\d{1,2}[Mm]\d{1,2}[A-Za-z]?(?![\w:])"
HEADING_RE = re.compile(rf"(?:^|(?<=[\n.!?;]))\s*(?:[-–—•*]\s+)?{LABEL}(?:\s+(?:cont(?:inued|'d|d)?\.?|"
                        rf"'[^'\n]{{1,30}}'|\"[^\"\n]{{1,30}}\"|\([^)\n]{{1,30}}\)|(?!(?-i:IN|OUT)\b)[A-Za-z]+(?=\s*:)))?"
                        r"(?:\s+(?:spot(?:ting)? )?notes?)?\s*(?:[-–—:,]+\s*|\s(?=\S))")
# "D minor was for 1M2, not this cue": a note about another cue, not about this one
OTHER_CUE_RE = re.compile(rf"[^.!?\n]*\b(?:was|were|is|are)(?: meant| only)? for {LABEL}[^.!?\n]*[.!?]?")
CUE_VERB_RE = re.compile(r"(?:starts?|begins?|enters?|ends?|finishes|stops?|(?:comes |goes |kicks )?(?:in|out))\b", re.I)
BULLET_RE = re.compile(r"^\s*[-–—•*]\s+(?=\S)")

# The all-capitals IN and OUT of a note are its own events: at a clause's start, after a time or after "cue" ("IN 0:08
# OUT 0:46", "1M1 OUT 0:46"), never after a part ("Drums IN at 0:30") or in a sentence typed in capitals
OWN = r"(?:^|(?<=[.,;:!?\n(/–—-])|(?<=\d)|(?<=\bcue))(?P<sp>\s*)"
# ... and no stretch ("the music in 0:20-0:30") or description ("the score in 1:00 feels slow") after its time
NOT_SAID = (r"(?!\s*(?:-|–|to|until|till|and)\s*\d)(?!\s+(?:is|are|was|were|feels?|sounds?|seems?|gets?|drags?|"
            r"needs?|should|could|can|has|have|keeps?|looks?)\b)")
# A sentence that goes on to ask about it ("the music starts at 0:05, it should start right away", "the music ends
# at 0:50, can it go to the end?") describes the cue as it is: no event
ASKED_RE = re.compile(r"\?|\b(?:should|shouldn't|can|could|would|needs? to|has to|must|want)\b[^.;!\n]*?"
                      r"\b(?:start|begin|come|end|stop|finish|go|run|play|last|kick)", re.I)
# The cue starts: "IN 0:08", "music in at 0:08", "score back in at 0:03", "bring the score in at 0:08"
IN_RE = re.compile(rf"(?:{OWN}(?-i:IN\b)|\b{MUSIC}(?: (?:comes?|goes|kicks?|is|should come))?(?: back)? in\b|"
                   rf"\b(?:start|begin|bring|sneak)(?:s|ing)? {MUSIC}(?: back)?(?: in)?(?= (?:at|on|@) )|"
                   rf"\b{MUSIC} (?:starts?|begins?|enters?|sneaks? in)\b|"
                   rf"\bsegue\w* (?:out of (?:the |a )?[\w' ]{{1,30}}? )?(?:at|on) "
                   rf"(?={CLOCK} into (?:the )?(?:score|underscore)\b))"
                   rf"\s*(?:(?:at|on|@|:)\s*)?(?:the (?:cut|frame|downbeat) (?:at )?)?(?P<t>{CLOCK}){NOT_SAID}", re.I)
# The cue ends: "OUT at 0:46", "score out at 0:46", "the cue ends at 0:46" (not "music out from 0:25 until 0:30")
OUT_RE = re.compile(rf"(?:{OWN}(?-i:OUT\b)|\b(?:hard|cold|dead) out\b|\b(?:let it )?rings? out\b|"
                    rf"\b{MUSIC}(?: (?:goes|comes|cuts|drops|tails|fades|is))? out\b|"
                    rf"\b(?:end|finish)(?:s|ing)? {MUSIC}(?= (?:at|on|@) )|\b{MUSIC} (?:ends?|finishes)\b)"
                    rf"\s*(?:(?:at|on|@|:)\s*)?(?:the (?:cut|frame) (?:at )?)?(?P<t>{CLOCK})"
                    rf"{NOT_SAID}", re.I)
# After a cue's IN in the same note, a bare "out at 0:41" ("cue in at 0:13, out at 0:41") is its OUT
BARE_OUT_RE = re.compile(rf"(?<![\w'])(?:(?:goes|go|going|comes|cuts|drops|tails|fades) )?out (?:at|on|@)\s*(?P<t>{CLOCK})"
                         rf"(?!\s*(?:-|–|to|until|till)\s*\d)", re.I)
# Seconds said with their unit after a place word ("in at 13s", "until 41 seconds"), as the clock the cue words read
SECONDS_RE = re.compile(rf"\b(at|on|from|to|until|till|by|before|after|@) ({SECONDS})", re.I)
# "tacet from 0:24 till 0:30", "everyone tacet in shot 3": nobody plays ("drums tacet" is that part, read elsewhere)
TACET_RE = re.compile(r"(?P<before>[\w']+ )?\btacet\b", re.I)
NOTHING_AFTER_RE = re.compile(r"\b(?:nothing|no (?:music|score)|silence) after(?: (?:that|it|this|there))?\b(?!\s*\d)"
                              r"|\b(?:and )?then nothing\b(?! (?:changes|else))", re.I)
# "before that", "after that", "up to then": the moment said last
DEICTIC_TIME_RE = re.compile(r"\b(before|after|until|till|up to|from) (?:that|then|this|it|there)\b"
                             r"(?! (?:is|was|are|were|cut|shot|one|part|bit|section|change|edit|note)\b)", re.I)
STRETCH_RE = re.compile(rf"({CLOCK})\s*(?:-|–|to|until|till|and|through)\s*({CLOCK})", re.I)
# "button it there", "sting it there": at the moment said last
MARK_THERE_RE = re.compile(r"\b(button|sting|stab|hit|accent|crash|stop)( it| that| this)? there\b", re.I)
# Music heard in the scene, so the score is out there: "the radio in shot 2 is source", "keep score out"
SOURCE_RE = re.compile(r"\b(?:is|are|'s|as) (?:all |just |pure )?source(?: music| cue)?\b|\bsource (?:music|cue)\b|"
                       r"\bkeep (?:the )?(?:score|music) out\b|\b(?:hold|no) (?:the )?score\b", re.I)
HEADING_WORDS_RE = re.compile(r"\bsource (?:vs\.?|versus|v\.?|or|and) score\b\s*:?", re.I)
LAST_FRAME_RE = re.compile(r"\b(?P<to>(?:to|till|until|through|thru|up to) )?(?:on|at|by)? ?(?:the )?(?:very )?(?:last|final) frame\b", re.I)   # "to the last frame": the end
# "catch the cut at 0:07", "catch every cut in the chase", "punctuate the slam at 0:12": a mark there
CATCH_RE = re.compile(r"\bcatch(?:es|ing)? (?=(?:the |that |this |each |every |all the )?(?:\w+ )?(?:cuts?|moment)\b)"
                      r"|\bpunctuate[sd]? |\bsync (?:point|hit)s?\b ?", re.I)
PLAY_THROUGH_RE = re.compile(rf"\bplay(?:s|ing)? (?:straight |right )?through (?=(?:the |a |that |this )?(?:\w+ )?cut\b|"
                             rf"(?:at |on )?{CLOCK})", re.I)
UNDER_RE = re.compile(r"\b(?:stay|stays|staying|sit|sits|sitting|play|plays|keep(?= it| the music| the score)|dip(?:s|ped)?)"
                      r"(?: it| the music| the score| the cue)?(?: down)? (?:right |well |"
                      r"way |low )?under(?:neath)?\b(?P<obj> (?:everything|it all|the (?:dialogue|dialog|vo|voice ?over|"
                      r"narration|scene|lines)))?", re.I)
PULL_RE = re.compile(r"\bpull(?:s|ed|ing)? (?:out )?(?P<obj>(?:the |all the |all |that |those )?(?:[a-z#-]+ ){0,2}?[a-z#-]+)"
                     r"(?P<after> (?:back|down|up|forward|in(?! (?:shots?|the|that|this|\d))|under|over|together|"
                     r"apart)\b)?", re.I)
# What may follow a part pulled out: nothing, "out", or where ("pull the drums between 0:20 and 0:30")
PULL_REST_RE = re.compile(r"\s*(?:out\b)?\s*(?:(?:from|between|at|in|on|for|during|after|before|until|till|through|"
                          rf"throughout|there|here|when|where|while)\b|{CLOCK}|$)", re.I)
# "pull the build back a little", "ease the swell off": less of what the last edit built, where it built
EASE_BUILD_RE = re.compile(r"\b(?:pull|take|tone|ease|bring|knock|dial|rein)(?: back| down)? (?:the|that|this) (?:build|swell|"
                           r"rise|climb|crescendo|ramp|lift)(?: up)?(?: (?:back|down|off|in))?\b", re.I)
# A part's own IN: "percussion back in for 0:05-0:07", "bring the strings back in at the kiss"
PART_BACK_RE = re.compile(rf"\b(?:bring |put |have )?(?P<obj>(?:the )?[a-z#-]+(?: (?!comes?\b|coming\b|goes\b)[a-z#-]+)?) "
                          rf"(?:comes? |coming |goes )?back in\b(?! the mix| the background)(?: (?:at|on|from) (?P<t>{CLOCK}))?", re.I)
# "everything after 0:25 should hit harder": more impact there, not a mark on each cut (a part that hits harder
# is that part louder, read by `orchestration`; "hit the cut harder" names its mark)
HARDER_RE = re.compile(r"(?P<subj>[^,;.!?\n]*?)\b(?:should |to |must |needs to |has to |could |can )?(?:hits?|lands?) (?:a lot |a bit |"
                       r"a little |much |way |even )?harder\b", re.I)
NOTHING_ON_TOP_RE = re.compile(r"\bnothing (?:on top|over the top|up top|above it)\b", re.I)
# "a low pulse", "just a low throb": a steady beat in the low register, the bass and the kit alone ("add a low
# drone" is a part brought in, not this)
LOW_ONLY_RE = re.compile(r"(?<!add )(?<!add in )(?<!bring in )(?<!with )\b(?P<only>just |only )?(?:a |an )?low (?:pulse|throb)\b"
                         r"(?! (?:in|on|from|under) the)", re.I)
# A reason given in passing: "let the rain carry it", "let the silence do the work", "let the drop land on its own"
LET_RE = re.compile(r"\blet (?:the |a |an |his |her |their |our )?(?P<n>[a-z']+)(?: [a-z']+)? (?:carry (?:it|this|that|the "
                    r"scene|the moment)|do the (?:work|talking|heavy lifting)|land on its own|speak(?: for itself)?|"
                    r"tell (?:it|the story)|take over|have the moment|play out)\b[^,;.!?\n]*", re.I)
# Someone's reason for a note: "the director thinks it gives the ending away", "she feels it telegraphs the twist"
OPINION_RE = re.compile(r"\b(?:the |our |my )?(?:director|editor|producer|client|composer|agency|he|she|they) (?:thinks|feels|"
                        r"says|reckons|worries|felt|thought|said)(?: that)? (?:it|this|that|the \w+) (?:gives|makes|spoils|"
                        r"telegraphs|tells|reveals|ruins|kills)\b[^,;.!?\n]*", re.I)
NOT_A_REASON = {"it", "them", "music", "score", "track", "everything", "things", "this", "that", "intro", "ending", "end",
                "start", "middle", "chorus", "verse", "bridge", "outro", "section", "cue"}
# A stretch's far end named by what happens there and its time: "to the title card at 0:38", "till the closet at 0:20"
NAMED_END_RE = re.compile(rf"\b(to|until|till|up to|into) the (?:[a-z'-]+ ){{0,3}}?[a-z'-]+ (?:at|on) ({CLOCK})", re.I)
# ... and its near end by a counted cut or shot: "from the fourth cut to 0:38"
COUNTED_START_RE = re.compile(rf"\bfrom the {ORD} (cut|shot)(?= (?:to|until|till|up to) {CLOCK})", re.I)
GLOSS_RE = re.compile(rf"\(\s*(?P<a>{CLOCK})(?:\s*(?:-|–|to)\s*(?P<b>{CLOCK}))?\s*\)")
PLACE_PREP_RE = re.compile(r"\b(?:from|until|till|to|at|after|before|on|between|and|by)\s*$", re.I)
DETERMINER_RE = re.compile(r"(?:^|(?<=\s))(?:the|a|an|this|that|his|her|their|our)\s", re.I)


def unlabelled(text: str) -> str:
    """`text` without cue numbers: a heading's label ("1M1 - ", "2M1 spot notes: ", "- " of a bullet) goes, a label
    used as a noun ("put 1M1 back") is the cue itself ("it"), and a sentence about another cue goes."""
    text = BULLET_RE.sub("", text)
    text = OTHER_CUE_RE.sub(lambda m: "" if re.search(r"\bnot (?:this|the|our) (?:cue|one)\b|\bnot here\b", m.group(0),
                                                      re.I) else m.group(0), text)
    # the label as the subject of its IN or OUT ("1M2 starts at 0:30", "2M1 out at 0:46") is the cue itself
    text = HEADING_RE.sub(lambda m: re.match(r"\s*", m.group(0)).group(0) + ("the cue " if CUE_VERB_RE.match(m.string, m.end()) else ""), text)
    return re.sub(LABEL, "it", text)


def _silent_before(plan: ScorePlan, t: float) -> float:
    """Where the music last stopped before `t` (0 when it plays from the start): a silent stretch's end or a stop said."""
    return max([s.end_s for s in plan.sections if not s.music and s.end_s <= t + 0.05] +
               [h.time_s for h in plan.hit_points if h.kind == "stop" and h.time_s < t - 0.5], default=0.0)


def _silent_after(plan: ScorePlan, t: float) -> float:
    """Where the music next stops after `t` (the end of the video when it plays to the end)."""
    return min([s.start_s for s in plan.sections if not s.music and s.start_s >= t - 0.05], default=plan.duration_s)


def _as_said(plan: ScorePlan, m: re.Match) -> str | None:
    """The words of a cue IN or OUT kept as they are, when they are no event: a time past the video's end (said as
    the user said it, by the place finders), or a sentence that goes on to ask about the cue as it is."""
    sentence = re.match(r"[^.;!?\n]*[?]?", m.string[m.end():]).group(0)
    if parse_time(m.group("t")) > plan.duration_s or ASKED_RE.search(sentence):
        return m.group(0)
    return None


def _lead(m: re.Match) -> str:
    """The space before a capitals IN or OUT, as a clause's end when a time is just before it ("IN 0:08 OUT 0:46")."""
    if (sp := m.groupdict().get("sp")) is None:
        return ""
    return "; " if m.start() > 0 and m.string[m.start() - 1].isdigit() else sp


def _cue_in(plan: ScorePlan, m: re.Match) -> str:
    if (kept := _as_said(plan, m)) is not None:
        return kept
    t = parse_time(m.group("t"))
    s = _silent_before(plan, t)
    if t - s < 0.1:   # out just before already ("score back in at 0:03"): only the moment is left
        return f"{_lead(m)}at {m.group('t')}"
    return _lead(m) + (f"no music before {m.group('t')}" if s < 0.05 else f"no music from {clock(s)} to {m.group('t')}")


def _cue_out(plan: ScorePlan, m: re.Match) -> str:
    if (kept := _as_said(plan, m)) is not None:
        return kept
    t = parse_time(m.group("t"))
    e = _silent_after(plan, t)
    if e - t < 0.1 or t >= plan.duration_s - 0.1:
        return f"{_lead(m)}at {m.group('t')}"
    return _lead(m) + (f"no music after {m.group('t')}" if e >= plan.duration_s - 0.05 else
                       f"no music from {m.group('t')} to {clock(e)}")


def _deictic(m: re.Match) -> str:
    """"before that" as the moment said last; after a stretch ("slower from 0:20 to 0:30 and louder before that"),
    before or up to its start, after or from its end."""
    head = m.string[:m.start()]
    times = list(TIME_RE.finditer(head))
    if not times:
        return m.group(0)
    stretch = [s for s in STRETCH_RE.finditer(head) if s.end() == times[-1].end()]
    t = stretch[-1].group(1) if stretch and m.group(1).lower() in ("before", "until", "till", "up to") else times[-1].group(0)
    return f"{m.group(1)} {t}"


def _glossed(text: str) -> str:
    """"from the cut after the sting (0:25) until 0:30" -> "from 0:25 until 0:30": a place described, then its
    timecode in brackets, is the timecode; the description goes (it names nothing the video measures)."""
    while (m := GLOSS_RE.search(text)):
        start = max(text.rfind(x, 0, m.start()) for x in ",;:.!?\n") + 1
        head = text[start:m.start()]
        d = _described(head)
        place = f"from {m.group('a')} to {m.group('b')}" if m.group("b") else m.group("a")
        if d is None:   # "bring the piano in (0:40)": no description to replace, the time is the place
            text = text[:m.start()] + (f" {place} " if m.group("b") else f" at {place} ") + text[m.end():]
            continue
        before = head[:d.start()]
        if not PLACE_PREP_RE.search(before) and not m.group("b"):
            place = f"at {place}"
        text = text[:start] + before + place + " " + text[m.end():]
    return text


def _counted(analysis: VideoAnalysis, m: re.Match) -> str:
    """"from the fourth cut" as its time, when a stretch runs from there to a time ("... to 0:38")."""
    starts = visible_cuts(analysis) if m.group(2).lower() == "cut" else [a for a, _ in visible_shots(analysis)]
    return m.group(0) if (i := nth(m.group(1), len(starts))) is None else f"from {clock(starts[i])}"


def _described(head: str) -> re.Match | None:
    """Where the description a timecode glosses begins in `head` (the clause up to the bracket): the first noun
    phrase after a place word ("a stab on [the doorbell]", "music out from [the cut after the sting]"), grown
    back over the cut or shot it is counted from ("hit [the cut after the goal]"); else the clause's own first
    one ("[the string quartet in the church]"); None when no noun phrase is there to replace."""
    found = list(DETERMINER_RE.finditer(head))
    placed = [d for d in found if PLACE_PREP_RE.search(head[:d.start()])]
    if not placed:
        return found[0] if found and not head[:found[0].start()].strip() else None
    d = placed[0]
    counted = re.search(r"(?:^|\s)(?:the|a|an|this|that) (?:cut|shot|moment|beat|frame|bit) (?:after|before|on|at) $",
                        head[:d.start()], re.I)
    return DETERMINER_RE.search(head, counted.start()) if counted else d


def _reason(m: re.Match) -> str:
    noun = m.group("n").lower()
    return m.group(0) if noun in NOT_A_REASON or named_parts(noun) else " "


def _pulled(m: re.Match) -> str:
    """"pull the percussion", "pull the drums out", "pull the drums between 0:20 and 0:30": that part out; "pull
    the piano to the front" (louder) and "pull the strings back" (less of them) are read elsewhere."""
    obj, after = m.group("obj"), m.group("after")
    rest = re.match(r"[^,;.!?\n]*", m.string[m.end():]).group(0)
    if after or not named_parts(obj.lower()) or not PULL_REST_RE.match(rest):
        return m.group(0)
    return "no " + re.sub(r"^(?:the|all the|all|that|those) ", "", obj, flags=re.I)


def _under(m: re.Match) -> str:
    """Underscore ("stay under everything"): less energy; not a part under another ("the bass should stay under
    the melody", a balance) or a number ("keep it under 100 bpm")."""
    clause = m.string[max(m.string.rfind(x, 0, m.start()) for x in ",;.!?\n") + 1:m.start()]
    nxt = m.string[m.end():m.end() + 30]
    if named_parts(clause.lower()) or re.match(r"\s*\d", nxt) or (not m.group("obj") and named_parts(nxt.lower())):
        return m.group(0)
    return " less energy "


def _low_only(m: re.Match) -> str:
    """"just a low pulse", "a low pulse and nothing on top": the bass and the kit alone ("give it a low pulse" adds
    nothing, and strips nothing)."""
    sentence = re.match(r"[^;.!?\n]*", m.string[m.end():]).group(0)
    if m.group("only") or re.search(r"\bnothing (?:else|but)\b", sentence, re.I) or NOTHING_ON_TOP_RE.search(sentence):
        return " only the bass and drums "
    return m.group(0)


def _harder(m: re.Match) -> str:
    """A subject that should hit harder: a part is louder (left to `orchestration`), a cut its mark, a crash ("the
    third cut should hit harder"), and a stretch more energy ("everything after the second cut")."""
    subj = m.group("subj")
    if named_parts(subj.lower()):
        return m.group(0)
    stretch = re.search(r"\b(?:after|before|from|until|till|between|everything)\b", subj, re.I)
    if re.search(r"\bcut\b", subj, re.I) and not stretch:
        return f"a crash on {subj}"
    return f"{subj} more energy"


def spoken(text: str, analysis: VideoAnalysis, plan: ScorePlan) -> str:
    """A note's spotting words rewritten as the grammar reads them (see the module docstring); `text` is the
    request after `review_notation.notation` (times as m:ss, case kept)."""
    text = HEADING_WORDS_RE.sub(" ", text)
    text = re.sub(r"\s+(?:[-–—]+|/(?=\s*(?-i:IN|OUT)\b))\s+", lambda m: m.group(0) if re.search(r"\d$", text[:m.start()]) and
                  re.match(r"\d", text[m.end():]) else "; ", text)   # "OUT at 0:46 - button it", "IN 0:13 / OUT 0:41": two notes
    text = _glossed(text)
    text = NAMED_END_RE.sub(lambda m: f"{m.group(1)} {m.group(2)}", text)
    text = COUNTED_START_RE.sub(lambda m: _counted(analysis, m), text)
    text = OPINION_RE.sub(" ", LET_RE.sub(_reason, text))
    text = LAST_FRAME_RE.sub(lambda m: f"{m['to']}the end" if m["to"] else f" at {clock(last_frame(analysis))}", text)
    text = SECONDS_RE.sub(lambda m: f"{m.group(1)} {clock(parse_time(m.group(2)))}", text)
    cued = bool(IN_RE.search(text))
    text = IN_RE.sub(lambda m: _cue_in(plan, m), text)
    outs: set[str] = set()

    def out(m: re.Match) -> str:
        said = _cue_out(plan, m)
        outs.add(m.group("t"))
        return said
    text = OUT_RE.sub(out, text)
    if cued:
        text = BARE_OUT_RE.sub(out, text)
    text = TACET_RE.sub(lambda m: m.group(0) if m.group("before") and named_parts(m.group("before").lower()) else
                        f"{m.group('before') or ''}no music", text)
    text = NOTHING_AFTER_RE.sub(lambda m: "" if (t := _last_time(text, m.start())) in outs else
                                f"; no music after {t}" if t else m.group(0), text)
    text = DEICTIC_TIME_RE.sub(_deictic, text)
    text = MARK_THERE_RE.sub(lambda m: f"{m.group(1)}{m.group(2) or ''} at {t}" if (t := _last_time(text, m.start()))
                             else m.group(0), text)
    text = SOURCE_RE.sub(" no music ", text)
    text = PLAY_THROUGH_RE.sub("no accent on ", text)
    text = CATCH_RE.sub("hit ", text)
    text = UNDER_RE.sub(_under, text)
    text = EASE_BUILD_RE.sub(" less energy there ", text)
    text = LOW_ONLY_RE.sub(_low_only, text)
    text = NOTHING_ON_TOP_RE.sub(" no melody ", text)
    text = as_part(text, named_parts)
    text = HARDER_RE.sub(_harder, text)
    text = PULL_RE.sub(_pulled, text)
    text = PART_BACK_RE.sub(lambda m: m.group(0) if not named_parts(m.group("obj").lower()) else
                            f"add {m.group('obj')}" + (f" from {m.group('t')}" if m.group("t") else ""), text)
    return _buttoned(text, analysis, plan, outs)
