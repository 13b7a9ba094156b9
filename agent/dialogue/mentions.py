"""How a request names the instrumental parts, clause by clause: the words of every part ("the rhythm
guitar" is the guitar, "the drums, bass and organ" three parts), "it" and "them" as the part named last, a
part named alone before what to do with it ("the strings. less of them."), a part's entry as the silence
before it ("the dhol should start from shot 3"), a place for a change of parts that could not be found, and the
words for a part too loud or too quiet against the others ("lost under", "a bit boomy", "bring out").

    from v2m.agent.dialogue.mentions import Mentions
    parts = Mentions()
    parts.said(" the strings ", final=False)      # (" the strings ", False, True): a part named, more to come
    parts.said(" less of them ", final=True)      # (" less of strings ", False, False)

Used by the rules grammar (`v2m.agent.dialogue.edits`) and its instrument reader (`orchestration`).
"""

from __future__ import annotations

import re
from typing import Callable

from v2m.agent.dialogue import audience, part_words, patterns, vocab
from v2m.agent.dialogue.sounded_parts import BELL_SOUND, TWINKLY, by_sound
from v2m.agent.dialogue.patterns import PLACE_SAID, LazyPattern   # the longest part alternations compile on first use
from v2m.agent.dialogue.place_words import NUMBER_WORD, only_place
from v2m.agent.dialogue.where import Ask, Span, fmt

# a part's name, never inside a word ("keys" in "monkeys", "bass" in "contrabassoon"): the boundary is the name's own
INSTR_ALT = r"\b(?:" + "|".join(r"sub(?!s\b)" if k == "sub" else re.escape(k) for k in sorted({*vocab.INSTRUMENTS, *vocab.ROLE_WORDS} - vocab.ADD_ONLY, key=lambda k: (-len(k), k))) + ")"   # "subs": subtitles
INSTR = rf"(?:the |a |an |some |any |all |more |back |in |that |this |those |these |your )*({INSTR_ALT})(?:s|es)?\b"

# Words that describe how a part plays, said around its name ("the rhythm guitar", "the organ bubble", "a kick pulse"): the part named
DESCRIBING = (r"rhythm|skank|skanking|strummed|strumming|chunky|funky|twangy|jangly|backing|main|little|sustained|held|"
              r"long|airy|lush|ambient|big|warm")   # not "soft", "quiet", "low": "soft drums" asks for a level
PART_NOUNS = r"part|parts|line|lines|tune|melody|sound|tone|bubble|riff|riffs|stabs|comping|chops|pattern|pulse|track|layer"

# Parts listed and what happens to each ("bass and drums out", "add a flute and a cello"), a part gone ("the bass gone
# completely", "the sax should be out"), a new part said to join ("a cello joining in", "stick a trumpet in")
PART = rf"(?:the |a |an |some )?(?:{INSTR_ALT})(?:s|es)?"
LIST_OUT_RE = re.compile(rf"\b({PART}(?:(?:,| and| &| plus)(?: the| a| an)? {PART})+) (out|tacet)\b")
GONE_RE = re.compile(rf"\b({PART}) (?:(?:should|to|must|can|could|will|needs? to) (?:be |go |drop |come |sit |lay )?)?"
                     rf"(?:gone|removed|muted|dropped|silenced|out)\b|\b({PART}) (?:can|could|should|may|might) go(?: away)?"
                     r"(?=\s*(?:$|[,.;!?]|\b(?:in|from|after|before|during|for|at|now|too|please|there|completely|entirely)\b))")   # "the drum machine can go"
COLOURED = rf"(?:the |a |an |some )?(?:(?!(?:and|or|but|no|not|without|then|more|less|fewer|too|much|(?!(?:an)?other|super|silver)[a-z]{{2,}}er)\b)[a-z]+ )?(?:{INSTR_ALT})(?:s|es)?"   # "a soft rhodes", never "quieter drums"
LIST_ADD_RE = re.compile(rf"\b(add|bring in|include|introduce|layer in|throw in|put in)( {COLOURED}(?:(?:,| and| &| plus)"
                         rf"(?: the| a| an| some)? {COLOURED}\b(?! (?:is |are |a bit |a little |much )?(?:louder|softer|quieter|up|"
                         r"down|forward|back|too|more|less)\b))+)")
LISTED_ADD_RE = LazyPattern(LIST_ADD_RE.pattern + r"(?=\s*(?:$|[,.;!?]|(?:in|at|from|for|on|during|until|till|throughout) ))")   # said with commas ("add a flute, a cello and a harp"): joined before commas split it
JOIN_RE = re.compile(rf"\b(?:(?:have|get|let|want|need|could use) )?((?:a|an|some) (?:{INSTR_ALT})(?:s|es)?) (?:(?:could|can|would|might|should|will|may) )?(?:join|joins|joining|"
                     r"come in|comes in|coming in|enter|enters|chime in|chimes in)(?: in)?\b"
                     rf"|\b(?:stick|pop|slot|chuck|bung|tuck(?= in (?:a|an|some) | (?:a|an|some) \w+ in\b))(?: in)? ((?:a|an|some) (?:{INSTR_ALT})(?:s|es)?)(?: in\b)?"
                     rf"|\bwish there (?:is|was|were|would be|could be|'d be) ((?:a|an|some) (?:{INSTR_ALT})(?:s|es)?)"
                     rf"|\b(?:needs?|could use|could do with) ((?:a|an|some) (?:{INSTR_ALT})(?:s|es)?)\b(?! (?:is|are|that|which)\b)")   # "tuck in a
# shaker" ("tuck the shaker in" is down); "I wish there is an organ", "it needs a shaker"

JUST_ADDED_RE = LazyPattern(rf"\b(?:(?:add|bring in|introduce|include) (?:a |an |some )?|(?:needs?|wants?|could use) (?:a |an |some )){INSTR}")   # a part brought in, in a list

# a part named bare beside an edit of its own ("drums and more weight", "the cello and a bit slower"): two edits, the
# part wanted as "drums" alone is (not dropped for the edit beside it)
BARE_AND_RE = LazyPattern(rf"^\s*(?:(?:add|bring in|with) (?!.*\b(?:in|at|from|after|before|during|until|till|over|for) (?:the |shots? |\d)))?({PART})\s+(?:and|plus|&)\s+(?=(?:more|less|a bit|a little|much|way|slightly|a lot|lots|loads|even|a touch)\b(?! (?:more |less )?(?:of )?{PART}\b))", re.I)   # "add a zither and more drive"


def bare_apart(clauses: list[str]) -> list[str]:
    """`clauses` with a part named bare before "and" an edit cut from it ("drums and more weight": the drums brought in
    as "drums" alone is read, and more weight)."""
    out: list[str] = []
    for x in clauses:
        m = BARE_AND_RE.match(x)
        out += [f"bring in {m.group(1)}", x[m.end():]] if m else [x]   # not a topic for the edit beside it
    return out


def _each(m: re.Match, word: str, after: bool) -> str:
    parts = [x for x in re.split(r",| and | & | plus ", m.group(2 if not after else 1)) if x.strip()]
    return " and ".join(f"{x.strip()} {word}" if after else f"{word} {x.strip()}" for x in parts)


# A part, or who plays it, given a rest ("let the drummer have a rest there", "give the sax a break", "the drummer can sit
# out the second shot"): that part out there (was unread, or asked which instrument)
PLAYED_BY = {"drummer": "drums", "pianist": "piano", "guitarist": "guitar", "bassist": "bass", "saxophonist": "sax",
             "violinist": "violin", "trumpeter": "trumpet", "organist": "organ", "percussionist": "percussion"}
_RESTED = rf"(?:the |your |our )?(?P<p>{'|'.join(PLAYED_BY)}|{INSTR_ALT[2:]}(?:s|es)?)"
RESTED_RE = LazyPattern(rf"\b(?:(?:let|have) {_RESTED} (?:have|take|get) a|give {_RESTED.replace('<p>', '<q>')} a|{_RESTED.replace('<p>', '<r>')} "
                        r"(?:can|could|should|may|might|gets? to|to) (?:have|take|get) a) (?:little |bit of a |short |well[- ]earned )?"
                        r"(?:rest|break|breather)\b|"
                        rf"\b{_RESTED.replace('<p>', '<s>')} (?:can |could |should |may |might |gets? to |to )?sits? (?:it |that |this )?out\b", re.I)


def rested(t: str) -> str:
    """`t` with a part given a rest said as that part out (`RESTED_RE`): "let the drummer have a rest" -> "drums out"."""
    def out(m: re.Match) -> str:
        part = next(g for g in (m["p"], m["q"], m["r"], m["s"]) if g)
        return f"{PLAYED_BY.get(part.lower(), part)} out" + (" for" if m["s"] else "")
    return RESTED_RE.sub(out, t)


def plain_parts(t: str) -> str:
    """"the rhythm guitar's too loud" -> "the guitar is too loud": the part's name without what describes it;
    "kick in" as a verb ("the drums kick in at 0:31") is no kick drum; parts listed each with what happens to it."""
    t = LIST_OUT_RE.sub(lambda m: _each(m, "out", True), rested(by_sound(t)))
    t = GONE_RE.sub(lambda m: f"{m[1] or m[2]} out", t)
    t = LIST_ADD_RE.sub(lambda m: _each(m, m.group(1), False), t)
    t = JOIN_RE.sub(lambda m: f"add {m.group(1) or m.group(2) or m.group(3) or m.group(4)}", t)
    t = audience.TUNE_OUT_RE.sub(r"\1 lose interest", re.sub(r"\bkick(s|ed|ing)? (back )?in\b", r"come\1 \2in", t))   # verbs, no kick drum, no tune
    t = re.sub(BELL_SOUND, "bells", re.sub(TWINKLY, "celesta", t))   # "the twinkly thing": the bell-like part (celesta when none plays)
    t = part_words.sounded(re.sub(r"\bhand ?claps?\b", "hand percussion", t))   # claps played by hand, not the kit's clap; "the clapping": the claps
    t = re.sub(r"\bboom(?:[ -]boom)+(?:[ -](?:crash|bang|tss|chick))*\b", "drums", t)   # the kit, said as its sound
    t = re.sub(rf"(?:\b(?:{DESCRIBING})|(?:(?<=\ba )|(?<=\ban ))(?<!\blike a )(?<!\blike an )(?!(?:{INSTR_ALT}|bit|little|lot|touch|tad|few|couple|more|new)\b)[a-z]+) (?=(?:{INSTR_ALT})(?:s|es)?\b)", lambda m: m[0] if m[0].strip() in vocab.style_keywords("") else "", t)   # "a soft rhodes": its colour; no simile's scene ("like a cartoon tune") or style ("a reggae bass")
    t = re.sub(rf"\b((?:{INSTR_ALT})(?:s|es)?) (?:{PART_NOUNS})\b", r"\1", t)
    return re.sub(rf"\b((?:{INSTR_ALT})(?:s|es)?)'s\b", r"\1 is", t)

# A place said in words the grammar could not find ("on the third one", "for that shot"): a change of parts
# there is asked about, never made to the whole score instead.
UNPLACED_RE = re.compile(r"\b(?:on|in|at|for|after|before|from|during|till|until) (?:the|that|this|those|these) "
                         r"(?:[a-z0-9]+ )?(?:one|ones|bit|part|moment|shot|shots|cut|cuts|section|scene|frame|point|spot)\b")
PART_EDITS = ("add", "remove", "only")

ENTRY_RE = re.compile(rf"\b({INSTR_ALT})(?:s|es)? (?:should |will |can |must |has to |needs to |to )?(?:only )?"
                      r"(?:come in|comes in|start|starts|enter|enters|kick in|kicks in|begin|begins|join|joins)"
                      rf"(?: playing)?(?: well| right| (?P<full>properly|fully|full|strong|strongly))? (?:at|on|from|after|with) (?:the )?(?P<at>{PLACE_SAID})(?: onwards?| on)?(?: only)?\s*$")
OPENING_RE = re.compile(r"(?:very )?(?:beginning|start|top|opening|0:00)")   # an entry there: the part plays from the start
# "start them at the next cut", "begin the strings from shot 3", "bring in a cello at the third shot": the part, then where it enters
START_RE = re.compile(rf"\b(?:start|begin|(?<!gradually )bring(?: in)?) (?:the |a |an )?({INSTR_ALT})(?:s|es)? (?:playing |coming in |in )?"
                      rf"(?:only )?(?:at|on|from|after) (?:the )?(?P<at>{PLACE_SAID})(?: onwards?| on)?(?: only)?\s*$")


def _opening(word: str, heard: Callable[[str], float | None] | None) -> str:
    """A part said to enter from the top ("bring the drums in from the top"): it plays from 0:00 on. Where it plays nowhere,
    throughout; where it comes in later, from 0:00 up to there (before: the intro alone, the stretch up to its entry
    left without it); where it plays from the start already, fuller there (its level and the opening's energy)."""
    first = heard(word) if heard is not None else 0.0
    if first is None:
        return f" add the {word} "
    return f" add the {word} from 0:00 to {fmt(first)} " if first > 0.05 else f" add the {word} at the start "


def entry(clause: str, heard: Callable[[str], float | None] | None = None) -> tuple[str, bool]:
    """"the dhol should start from the 3rd shot", "drums come in on the cut": the part is silent before that place; said
    in full ("the drums come in strong at shot 5"), more of it from there (in, if out); from the top, in from 0:00 on
    (`_opening`; `heard` says where a part first plays now). Returns the clause said so."""
    said = clause
    for pattern in (ENTRY_RE, START_RE):
        said = pattern.sub(lambda m: _opening(m[1], heard) if OPENING_RE.fullmatch(m["at"].strip()) else f" {'more' if (full := m.groupdict().get('full')) else 'no'} {m.group(1)} {'from' if full else 'before'} "
                                     f"{'' if m['at'][0].isdigit() or patterns.compiled(NUMBER_WORD).fullmatch(m['at'].strip()) else 'the '}{m['at'].strip()}{' on' if full else ''} ", said)
    if said == clause:
        said = re.sub(r"\b(\w+) comes? in (at|on|after) (the [\w ]+?)(?: not before)?\s*$", r"no \1 before \3", clause)
    return said, said != clause and (" more " not in f" {said} " or " more " in f" {clause} ")   # in full: from there, not before

# A level said on its own right after a part was named ("the sleigh bells, in the first shot. quieter").
BARE_LEVEL_RE = re.compile(r"^\s*(?:(?:a |a bit |a little |a touch |much |way |bit )?(?:quieter|softer|louder|lower|higher|"
                           r"less loud|down|up|forward|too loud|too quiet|too soft)\b(?!.*\b(?:overall|everything|all|"
                           r"music|mix|version|tempo|speed|key)\b)[a-z ]*)$")

# How a level is asked for, said before it ("is it possible to make it louder", "could you make them quieter"):
# nothing of its own, so a level asked for this way right after a part was named is that part's
FRAME_RE = re.compile(r"^\s*(?:(?:is it|is|it is|it's|would it be|will it be)? ?(?:possible|ok|okay) (?:to )?|(?:can|could|would|"
                      r"will) (?:you|we|i|it|they) (?:please )?|please |maybe |just )*(?:(?:make|get|have) (?:it |them |that |"
                      r"those |this )?|(?:be|go|sound) )?")
DIMENSION_RE = re.compile(r"\s*(?:the )?(?:overall |general |whole )?(?:level|volume|loudness|tempo|pace|speed|energy|intensity)\s*")
BARE_OUT_RE = re.compile(r"^\s*(?:out|gone|tacet|off)\b")

# A part's level complained of, so that a level said alone next is about that part ("the strings are too much, softer")
LEVELED_RE = re.compile(r"\b(?:too|way too|far too) (?:loud|much|quiet|soft|low|weak)\b|\bneeds? more (?:power|punch|presence)\b")

# "slow the beat down", "speed the groove up": the beat is the tempo there, no part for "it" in the next clause
TEMPO_OBJECT_RE = re.compile(r"\b(?:slow|speed) (?:the |this |that )?(?:beat|groove) (?:down|up)\b")
INSTEAD_OF_RE = LazyPattern(rf"\s*(?:and |but )?(?:instead of|in place of|rather than) {INSTR}\s*")   # "instead of the sax, ..."


class Mentions:
    """The instrument a request named last, read clause by clause, for "it", "them" and a level said alone."""

    def __init__(self, heard: Callable[[str], float | None] | None = None) -> None:
        self.heard = heard   # where a part first plays now (`starts.first_heard`), for an entry from the top
        self.last: str | None = None
        self.topic = False   # the last clause with a part only named it ("the strings.")
        self.instead: str | None = None   # "instead of the sax, a trumpet": the part the next one replaces
        self.gone = False   # the part named last was taken out ("remove the bass, and a guitar instead": no swap)
        self.leveled = False   # the last clause said a part was too loud or too soft ("the strings are too much, softer")
        self.dimension: str | None = None   # a clause only named what changes ("Overall level: lower", "Tempo: up")
        self.named: list[str] = []   # the part each earlier clause named first, in order

    def said(self, clause: str, final: bool) -> tuple[str, bool, bool]:
        """The clause with its parts made plain: "it" as the part named last, an entry as the silence before it.

        Returns:
            The clause, whether it was an entry, and whether it only names a part that a later clause says
            what to do with ("the strings. less of them").
        """
        # "let the bass walk, brushes on the kit, and bring it down a notch": after two clauses naming two parts, "it" is
        # neither (the music); after one ("the sax is too loud, bring it down"), that part
        two = len(set(self.named[-2:])) == 2 and not PART_SAID_RE.search(plain_parts(clause))
        clause, entered = entry(refer(clause, None if two and IT_RE.search(clause) else self.last, self.gone), self.heard)
        if self.gone and (m := ALSO_OUT_RE.fullmatch(clause)) and only_place(m.group(2)):
            clause = f" remove the {m.group(1)}{m.group(2)} "
        dimension, self.dimension = self.dimension, None
        if not final and DIMENSION_RE.fullmatch(clause):
            self.dimension = clause.strip()
            return clause, entered, True
        if dimension and BARE_LEVEL_RE.match(clause):
            return f" {dimension} {clause.strip()} ", entered, False
        if not final and (m := INSTEAD_OF_RE.fullmatch(clause)):
            self.last, self.instead = m.group(1), m.group(1)
            return clause, entered, True
        if self.instead and re.search(rf"\b({INSTR_ALT})", clause) and "instead" not in clause:
            clause, self.instead = f"{clause.rstrip()} instead of the {self.instead} ", None
        if not final and (doubting := doubt(clause)):   # "not keen on the drums (in shot 3), pull them back"
            self.last, self.topic = doubting[0], True      # the part, and the place said with it, for what follows
            return doubting[1], entered, not doubting[1].strip()
        if not final and (part := topic(clause)):
            self.last, self.topic = part, True
            return clause, entered, True
        m = re.search(rf"\b({INSTR_ALT})(?:s|es)?\b", plain_parts(TEMPO_OBJECT_RE.sub(" ", clause)))   # "the wailing guitar": the lead guitar
        leveled, self.leveled = self.leveled, bool(m and LEVELED_RE.search(clause))
        if m:
            self.last, self.topic, self.gone = m.group(1), False, bool(TAKEN_OUT_RE.search(m.string[:m.start()]))
            self.named += named_parts(m.string) if LISTED_PARTS_RE.search(m.string) else [m.group(1)]   # "walking bass and brushes": both
        elif (self.topic or leveled) and (BARE_LEVEL_RE.match(asked := FRAME_RE.sub(" ", clause)) or self.topic and
                                          BARE_OUT_RE.match(clause)) and not UNPLACED_RE.search(clause):
            clause = f" {self.last} {asked.strip()} "   # "the sleigh bells ... quieter", "the pad, is possible to make
            # louder?", "sax: out from 0:25"
        return clause, entered, False

IT_RE = re.compile(r"\bit\b")
PART_SAID_RE = re.compile(rf"\b(?:{INSTR_ALT})")   # the clause names a part of its own
LISTED_PARTS_RE = re.compile(rf"{INSTR_ALT}(?:s|es)? (?:and|&) (?:the |some )?(?:\w+ )?{INSTR_ALT}")   # parts listed, not one against another
# a part only named after one taken out ("take out the strings, and the drums in shot 3"): out too, there
ALSO_OUT_RE = re.compile(rf"\s*(?:and |also |plus |then )*(?:the |that |those |these |your )?({INSTR_ALT})(?:s|es)?((?: (?!(?:too|also)\b)[\w:.-]+)*?)(?: too| as well| also)?\s*")
BARE_INSTEAD_RE = re.compile(rf"\b(?:{INSTR_ALT})(?:s|es)? (instead)\b(?! of)")   # "use a flute instead": of the part named before
OUT_VERBS = "no|without|remove|drop|lose|mute|kill|ditch|take out|take away|get rid of|strip out|strip away|rather not hear"   # a part taken out: here, PART_ORDER_RE, `orchestration`
NEVER = r"(?:shouldn't|should not|don't|do not|doesn't|never|won't|will not|not going to)(?: ever)? (?:have|use|play|want|need|add|bring in|put in|include|(?:bring|put|let)(?= (?:the |any |some |a |an )?[a-z]+ in\b))(?: any)?"   # "don't add drums"
TAKEN_OUT_RE = re.compile(rf"\b(?:{OUT_VERBS}|cut|scrap|pull out|{NEVER})(?: (?:the|a|an|any|that|this|those|these|your|all))?\s*$")   # just before a part: it goes
ONLY_INSTEAD_RE = re.compile(rf"^\W*(?:and |but |then )?(?:maybe |perhaps )?{INSTR} instead\W*$")   # "lose the sax. a flute instead": it comes in (`refer`)


def refer(clause: str, last: str | None, gone: bool = False) -> str:
    """"harp's too cheesy, replace it with guitar", "the strings. less of them", "the cymbals are harsh, take those out": "it" is
    the part just named, in this clause or the one before, unless it went ("no drums and make it louder": the mix louder);
    a bare "instead" after it was taken out (`gone`: "remove the bass and put a guitar instead") adds the new part, no swap."""
    def part(m: re.Match, leveled: bool = False) -> str:
        named = named_parts(before := plain_parts(clause[:m.start()])) or [last]
        went = leveled and named[-1] and (TAKEN_OUT_RE.search(before.split(named[-1])[0]) if named[-1] in before else gone)
        return f"{m.group(1)} {named[-1]}{m.group(2) or ''}" if named[-1] and not went else m.group(0)
    clause = re.sub(r"\b(love|like|want|need|make|have) (?:it|them)( (?:a (?:bit|touch|little|tad) |much |way )?(?:louder|softer|quieter))\b", lambda m: part(m, True), clause)   # "the sax is great but I'd love it louder": the sax louder
    if last and gone and ONLY_INSTEAD_RE.match(clause):
        clause = f" add {clause.strip()} "   # "lose the sax, a flute instead": the flute added where the sax went
    if last and not gone and (m := BARE_INSTEAD_RE.search(clause)) and last not in (new := named_parts(plain_parts(clause[:m.end(1)]))) and new:
        clause = f"{clause[:m.start(1)]}instead of the {last} {clause[m.end(1):]}"   # "the harp is too much, use a flute instead"
    return re.sub(r"\b(replace|swap|less of|more of|too much of|too many of|lose|drop|mute|remove|ditch|lower|raise|tuck|pull|push|bring|"
                  r"turn|dial|sit|ease|knock|calm|tone|boost|soften|quieten|duck|feature|take|get|kill|cut|nix|axe|bin|start|back|"
                  r"begin|add|restore|reinstate|get rid of|strip out) (?:it|them|that|those)\b( out| off| away)?", part, clause)


def complaint(clause: str, after: str) -> bool:
    """Whether a clause (as `phrases.words` gives it) names one part and no place, and the clause after it that
    part again ("the brass needs to be bigger, turn it up", "the brass is weak, more trumpets"): a complaint about
    the part, then its change (`edits.read_request` makes the change once)."""
    named = named_parts(plain_parts(clause))
    if len(set(named)) != 1 or re.search(r"\d|\b(?:shots?|cuts?|scenes?|intro|outro|ending|end|start|beginning|moments?|"
                                         r"seconds?|minutes?)\b", clause):   # not "section": a part's too
        return False
    if TAKEN_OUT_RE.search(plain_parts(clause).split(named[-1])[0]):
        return False   # a part taken out is a change of its own ("lose the sax, a flute instead"): both are made
    family = {vocab.FAMILIES.get(w, w) for w in named_parts(plain_parts(after))}
    return refer(after, named[-1]) != after or vocab.FAMILIES.get(named[-1], named[-1]) in family


def check_placed(span: Span | None, rest: str, intents: list) -> None:
    """Ask when a change of parts names a place the grammar could not find, rather than make it everywhere."""
    if span is None and (m := UNPLACED_RE.search(rest)) and any(it.what in PART_EDITS for it in intents):
        raise Ask(f"Which part of the video is '{m.group(0).strip()}'? Name the shot, cut or time (e.g. 'in shot 3' "
                  "or 'from 0:20'), and I'll change the instruments only there.")


TOPIC_RE = LazyPattern(rf"\s*(?:and |so |now |ok |okay |right |no (?=the |that |those |this |these |i )|sorry )?(?:i mean |i meant |i'?m talking about "
                       rf"|talking about )?(?:the |that |those |this |these |your )?({INSTR_ALT})(?:s|es)?(?: (?:again|now|though|there))?\s*")


def topic(clause: str) -> str | None:
    """The instrument a clause only names ("the strings."), said before what should happen to it (`TOPIC_RE`)."""
    m = TOPIC_RE.fullmatch(plain_parts(clause))
    return m.group(1) if m else None

# Doubt or dislike of a part that says no way to go ("not sure about the drums", "I don't love the bass", "not
# sold on the strings"): no wish for more of it, so never read as the part asked for
DOUBT = (r"(?:not (?:so |too |really |quite |entirely |totally |100% |a )?(?:sure|certain|convinced|sold|keen|happy|"
         r"crazy|mad|thrilled|big fan|fan|loving|feeling|digging|liking|into)|unsure|uncertain|unconvinced|iffy|"
         r"on the fence|(?:have|got|having) (?:some |my |a few )?(?:doubts|reservations)|dislike|"
         r"(?:don'?t|do not|dont) (?:really |quite |much |totally |particularly )?(?:like|love|dig|rate|buy|care for|"
         r"know about))(?: (?:about|of|by|on|with|over|regarding))?")
DOUBT_RE = re.compile(rf"\s*(?:(?:hmm+|um+|honestly|tbh|so|but|and|ok|okay|i'?m|i am|im|i|still|just|yeah) )*{DOUBT} "
                      rf"(?:the |that |those |this |these |your )?({INSTR_ALT})(?:s|es)?\b")


def doubt(clause: str) -> tuple[str, str] | None:
    """The part a clause only doubts ("not sure about the drums in shot 3") and the place said with it ("in shot
    3"), or None."""
    said = plain_parts(clause)
    m = DOUBT_RE.match(said)
    place = re.sub(r"\b(?:at all|tbh|to be honest|honestly|though|really|much|anymore|yet|either|if i'?m honest)\b", " ",
                   said[m.end():]) if m else ""
    return (m.group(1), place) if m and only_place(place) else None


def doubted(clause: str) -> tuple[str, tuple[str, str]] | None:
    """The question for a clause that only doubts a part ("not sure about the drums"), with the readings it
    offers as requests ("less drums", "no drums"), or None. A doubt says something is wrong with the part but
    not which way to go; quieter and out are what a part can do without a new direction, so both are offered
    and nothing changes until one is picked."""
    if not (found := doubt(clause)):
        return None
    part = found[0]
    return (f"What should the {part} do: less {part}, or no {part}? I left the score as it is; say which, or put it "
            f"another way (e.g. 'simpler {part} in shot 2').", (f"less {part}", f"no {part}"))


# a part said too fast or too slow ("the hats are way too fast"): a part has no tempo of its own, so tempo or its notes? Asked
PART_PACE_RE = re.compile(rf"\b(?:the |those |these |your )?((?:{INSTR_ALT})(?:s|es)?) (?:is |are |r |'re |'s |sound |sounds |feel |"
                          r"feels |seem |seems )?(?:way |a bit |kinda |so |much |far |a little )?too (fast|quick|slow)\b")


def paced(clause: str) -> tuple[str, tuple[str, str]] | None:
    """The question for a part said to be too fast or too slow, with the two readings it offers as requests."""
    if not (m := PART_PACE_RE.search(clause)) or m.group(1) in ("beat", "beats", "groove", "grooves"):
        return None   # "the beat is too slow": the whole track, its tempo
    part, fast = m.group(1), m.group(2) != "slow"
    tempo, notes = ("slower", f"less {part}") if fast else ("faster", f"more {part}")
    return (f"Do you mean the whole tempo {tempo}, or the {part} playing {'fewer' if fast else 'more'} notes at this tempo? "
            "I left the score as it is; say which.", (tempo, notes))


def named_parts(phrase: str) -> list[str]:
    """The instrument words of a list ("the drums, bass and organ"), in order."""
    return [m.group(1) for m in re.finditer(rf"\b({INSTR_ALT})(?:s|es)?\b", phrase)]


# A list of parts going on ("no bass, drums or organ"), not a part whose level is said next ("no drums and the bass
# louder"); and any character that does not start another part's name
NOT_LEVEL = r"(?! (?:is |are |a bit |a little |much )?(?:louder|softer|quieter|up|down|forward|back|too|more|less)\b)"
LISTED_PART = re.compile(rf"(?:,| and| &| or| nor)(?: the| any| a| an)? ({INSTR_ALT})(?:s|es)?\b{NOT_LEVEL}")
NO_PART = rf"(?:(?!\b(?:{INSTR_ALT})\b).)"

# How a part's level against the others is said, read by `orchestration` (a part lost under another, too loud or
# too quiet, turned up or down).
LOST = (r"(?:lost|buried|drowned(?: out)?|drowning|hidden|swamped|masked|smothered|covered|suppressed|overpowered|"
        r"overwhelmed|squashed|stepped on|eaten|washed out|vanish(?:es|ed|ing)?|disappear(?:s|ed|ing)?)")

# Hearing a part, as a complaint that it cannot be: "can't hear the piano", "can barely make out the bass"
HEARD = r"(?:hear|make out|pick out|distinguish|tell apart)"

# How a part sounds when it is too loud or too quiet against the others ("a bit boomy", "too far forward").
# the size words a phone note says them with too ("the beat kinda loud", "drums pretty loud"); a part plainly "loud"
# or "noisy" ("the drums are loud") is a complaint with no size, "quiet" or "faint" likewise
# (muddy in its other words, "the pad is mushy", "murky", "woolly": a sound smeared by too much of it, that part back)
HEDGES = r"a (?:little |tiny |wee )?bit|a little|a touch|a tad|slightly|somewhat|kind of|kinda|sort of|sorta"   # the one list: similes, followups
SAID_SO = rf"(?:too|way too|far too|{HEDGES}|pretty|very|super|rather|bit|really|so|overly|quite)"
EXCESS = (rf"(?:(?<=is )|(?<=are ))(?:{SAID_SO} )*(?:loud|noisy)(?! enough)|(?:(?:{SAID_SO}|that) )+(?:loud|hot|strong|prominent|"
          r"present|bright|harsh|shrill|boomy|muddy|mushy|murky|woolly|wooly|tinny|piercing|brash|heavy|busy|cluttered|much(?! better| nicer| more| clearer| hidden| buried| lost| covered| masked| drowned| in the background| behind| under| quiet| soft)|far forward|forward|"
          r"up front|out front|syrupy|sugary|cheesy|schmaltzy|sappy|saccharine|in (?:your|my|the) face)")
HARSH = r"shrill|harsh|piercing|deafening|screeching|overbearing|boomy|muddy|mushy|murky|woolly|wooly|tinny|overpowering|too loud|(?:com(?:es|ing) in|(?!(?:is|are|was|were|be|been|not|so|also|just)\b)[a-z]+) (?:(?:way|far|much|a bit|a little|just|kind of|a tad) )?too (?:hard|heavy|heavily|loud|loudly|strong|much|aggressive(?:ly)?|forcefully)"   # "the drums hit too hard", "are smacking way too hard": played too hard, whatever the verb
# a part said to sound poor ("the strings feel cheesy", "the piano sounds cheap"): a complaint, that part down, never added
FLAWED = (r"(?:(?:is|are|sounds?|feels?|seems?|comes? across(?: as)?) )+(?:(?:so|really|very|kind of|a bit|a little|pretty|super|"
          r"way|just) )*(?:cheesy|corny|cheap|tacky|naff|cringe|cringy|cringey|clunky|plasticky|plastic|fake|annoying|"
          r"grating|lame|syrupy|sugary|schmaltzy|sappy|saccharine|cheap sounding)")
LACK = (rf"(?:(?<=is )|(?<=are ))(?:{SAID_SO} )*(?:quiet|faint)(?! enough)|(?:{SAID_SO} )+(?:quiet|soft|low|weak|faint|thin|far back|"
        r"distant|timid|buried|lost|hidden)|not loud enough|not (?:coming|cutting) through|barely audible")
BEING = r"(?:is |are |sounds? |feels? |seems? |gets? |getting |sits? |sitting |comes? across |still )*"
# how a part sounds, no mood of the music ("the strings feel cheesy", "the hats in shot 2 are too busy"): that part down
PART_FLAWED_RE = re.compile(rf"{INSTR}(?: part| line)?(?: (?:in|during|over|around|for|at) (?:the |that |this )?[\w:.-]+(?: [\w:.-]+){{0,2}}?)? "
                            rf"(?:{BEING}(?:{EXCESS}|{HARSH})|{FLAWED})\b", re.I)   # "the sax part at 0:40-0:50 is cringe"
UP_VERBS = (r"turn up|turning up|bring up|bringing up|bring forward|push forward|move forward|boost|boosting|raise|raising|lift|lifting|push up|pump up|crank(?: up)?|push(?!(?: the| that| those| this| your)?(?: \w+){1,2} (?:back|down|under|aside|away)\b)|bump up|beef up|bring out|feature|highlight|"
            r"emphasi[sz]e|accentuate|more of")
# the part a line belongs to, said before it ("give the horn melody to the strings", "the sax's tune played by a flute")
WHOSE = rf"(?:(?:{INSTR_ALT})(?:s|es)?(?:'s|s')? )?"
# "cut" as a verb, not the picture's cut named ("after the first cut the drums lower", "from the 3rd cut the bass")
CUT_VERB = r"(?<!the )(?<!first )(?<!second )(?<!third )(?<!fourth )(?<!fifth )(?<!last )(?<!next )(?<!\d(?:st|nd|rd|th) )cut"
DOWN_VERBS = (r"turn down|bring down|lower|reduce|pull back(?: on)?|pull down|dial down|dial back(?: on)?|tone down|soften|quieten|duck|"
              r"take down|knock back|back off(?: on)?|ease off(?: on)?|ease back(?: on)?|less of|go easy on|hold back on|cut back on|rein in|tuck(?: away| back| in)?")
# "the guitar could come up a bit": a part coming up or down by a degree is its level ("when it comes up" is not)
DEGREE = r"(?:a (?:little |tiny |wee |lil )?(?:bit|touch|little|tad|notch|hair|smidge|smidgen|fraction|whisker|shade)|slightly|some|a few db)"
STATED = r"(?:(?<=is )|(?<=are )|(?<='s )|(?<=sits )|(?<=sit )|(?<=sitting )|(?<=sounds )|(?<=sound ))"   # "the sax is way out front" is a complaint, "put the sax far out front" a wish
# what a part gives the music ("more energy from the drums", "the bass needs more drive"): more of that part, its level
# up, never the whole score's energy (a part's "more energy in" is `add`'s, where it plays: fuller there)
DRIVE = r"(?:energy|drive|life|oomph|intensity|power|punch)"
BALANCE_UP = rf"(?:needs? |could use |wants? )?more (?:presence|power|punch|weight|volume|level)|(?:needs? |could use |wants? )more {DRIVE}(?! overall\b| in general\b)|(?:should |could |to |must |needs to )?be heard more|heard more|more audible|(?:slap|hit|punch|play|land|go|pound|bang)(?:s|es)? (?:way |much |a lot |a bit |really |so |very |nice and |extra )?hard(?:er)?(?! to\b)|punchier|drives?|carr(?:y|ies|ying) (?:it|the groove|the song)|(?:is |are )?buried|(?:is |are )?lost|can'?t hear|cannot hear|inaudible|hidden|(?<!too )(?<!far )(?<!way )(?:up front|out front|forward)|(?<!too )(?!{STATED})(?:way|far) (?:up|out) front|to the front|(?:come|comes|coming|bring|brings|push|pushes|put|move)(?: (?:it|them|the \w+))?(?: a (?:bit|touch|little))? (?:forward|to the front|up front|out|front)|louder|more loud|more present|more prominent|(?:turned|pushed|brought) up|stand out|cut through|up in the mix|higher in the mix|(?:come|comes|coming) up {DEGREE}"
BALANCE_DOWN = (rf"(?:too (?:hot|strong|prominent|bright|harsh|shrill|far forward|up front|forward|much(?! (?:hidden|buried|lost|covered|masked|drowned|in the background|behind|under|quiet|soft)))|too (?:far )?(?:out|up) front|{STATED}(?:way|far) (?:out|up) front|in (?:your|my|our|the) face|shouting|shrill|overbearing|dominat(?:es|ing)|(?:sticks?|sticking|pokes?|poking|jumps?|jumping) out(?: (?:too much|so much|way too much|a lot|a bit|a little))?|further back|to the back|down in the mix|lower in the mix|quieter|softer|less loud|less (?:prominent|present|upfront|up front|forward|dominant|overpowering)|more quiet|(?:turned|pulled|brought|dialled|dialed|toned) (?:down|back)|(?:sits?|sitting|steps?|stepping) back|(?:a bit |a little |a touch |much )?less(?= *$| in | there| here| for)|too loud|too much(?! (?:hidden|buried|lost|covered|masked|drowned|in the background|behind|under|quiet|soft))|too present|in the background|under(?:neath)?|tuck(?:ed|s)? (?:\w+ )?(?:behind|back|away|under)|behind (?:everything|the rest|the others|me|us|my voice|the voice)|(?:compet(?:es|ing)|fights?|fighting|clash(?:es|ing)) with (?:me|us|my voice|our voices|the (?:voice|voices|voiceover|voice-over|narration|narrator|dialogue|talking|speaker|presenter))|drowns?|drowning|buries|burying|swamps?|covers?|on top of everything|sits on top|(?:screaming|screams?|yelling|yells?|blaring|blares?|blasting|blasts?|booming|booms?|thundering|thunders?|roaring|roars?|belting|belts?|shouting|shouts?) (?:out )?(?:over|above)|overpowers?|overpowering|louder than|shyer|subtler|more (?:shy|subtle|discreet|reserved|restrained|modest|in the background)|(?:come|comes|coming) down {DEGREE}|(?<!octave )(?<!octaves )lower(?! (?:octaves?|pitch|register|key|notes?|range|half|third|part|end|voice|the|a|an|its|their|it|them|everything|all|"
                rf"volume|tempo|energy|level)\b))")
# An order of its own for a part, or another part's level, left in a clause after a part's level was read ("add congas
# and the sax louder", "the sax back a bit and the keys forward"); never a part only named
PART_ORDER_RE = LazyPattern(rf"\b(?:add|bring in|include|introduce|{OUT_VERBS}|"
                           rf"cut out)\b|{INSTR}{NO_PART}{{0,24}}?\b(?:{BALANCE_UP}|{BALANCE_DOWN})\b|(?:^\W*|\b(?:and|but) ){INSTR} (?:a bit |a little |way |much )?(?:up|down|back(?! in\b| on\b| to\b))\b|^\W*(?:and |but )?(?:more|less) {INSTR}")   # "bring the drums down and the bass up"; "less keys more guitar"

# A part questioned as needless ("do we even need the organ?", "is the cello really necessary"): it goes out
UNNEEDED = r"(?:do|does|did) (?:we|you|i|it|this|the \w+) (?:even |really |actually |still |truly )?need"


# A part said to be what would help ("a string section would make it warmer", "tambourine would be fun"): asked for
SUGGESTED = rf"{INSTR}(?= (?:would|could|might|may|will|'d) (?:(?:really|also|maybe|probably|definitely) )?(?:make|be|sound|"\
            rf"feel|help|add|work|fit|go|give|bring|suit|lift)\b)(?!.*\b(?:{BALANCE_UP}|{BALANCE_DOWN})\b)"   # not its level
