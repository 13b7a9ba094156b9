"""Instrument edits: add, remove, swap and solo ("add strings in the ending", "no drums in the intro",
"replace the sax with a trumpet", "piano solo"), mapping the user's words to the plan's roles.

Used by `v2m.agent.dialogue.edits`; sections outside the addressed span keep exactly the roles they had.
"""

from __future__ import annotations

import re

from v2m.agent.dialogue import behind, operations as ops, part_words, patterns, prohibited, vocab
from v2m.agent.dialogue.mentions import (BALANCE_DOWN, BALANCE_UP, BEING, CUT_VERB, DOWN_VERBS, DRIVE, INSTR, INSTR_ALT, JUST_ADDED_RE, LACK, HEARD, OUT_VERBS,
                                         LISTED_PART, LOST, NO_PART, PART_FLAWED_RE, PART_ORDER_RE, SUGGESTED, UNNEEDED, UP_VERBS,
                                         WHOSE, named_parts, plain_parts)
from v2m.agent.dialogue.where import Ask, Span
from v2m.tools.contract import MAX_LEVEL_DB, MIN_LEVEL_DB, ScorePlan
from v2m.tools.gm import DRUM_KITS, SAME, bell_kin
from v2m.tools.style import load_style


def eat(text: str, m: re.Match) -> str:
    """Blank out what a parser understood so the next parser does not read it again."""
    return text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]


FAMILIES, KIT_PLAYED = vocab.FAMILIES, vocab.KIT_PLAYED   # "the trumpets" are the brass; kits that play timpani
# what is added that is no part ("add some energy", "add more life"): read as energy by `phrases`
QUALITIES = (r"(?:[a-z]+ ){0,3}?(?:energy|life|drive|excitement|intensity|momentum|oomph|power|punch|tension|build(?:[- ]?up)?|swell|crescendo|ramp|"
             r"rise|climb)\b")   # "add a build up in shot 3": a shape, no instrument
FILLER_WORDS = {"it", "the", "a", "an", "some", "more", "bit", "in", "to", "something"}
PARTS = rf"{INSTR}(?:(?:,| and| &| plus| or| with)(?: the| a| an)? {INSTR}){{0,3}}"
# "just the bass out", "drop just the bass", "take only the drums out": "just" picks which one part goes (the rest
# kept), where "just the bass" alone keeps only the bass (`KEEP_ONLY`)
ONE_OUT_RE = patterns.LazyPattern(rf"\b(?:{OUT_VERBS}|take|pull|cut|pull out|leave out) (?P<just>just |only )(?={INSTR})|"
                                  rf"\b(?P<just2>just |only )(?={INSTR}(?: \w+){{0,2}}? (?:out|off)\b(?! front))")
EVERYTHING = r"(?:everything|all|the rest|everyone|the whole band|all the (?:other )?(?:parts|instruments))(?: else)?"
EXCEPT = r"(?:except|but|apart from|other than|save|besides|bar)(?: for)?"
KEEP_ONLY = patterns.Lazy((rf"\b{EVERYTHING}(?: \w+){{0,3}}? {EXCEPT} {PARTS}",   # "everything drops out except the bass"
                           rf"\b(?:drop|lose|mute|cut|kill|strip|remove|silence|take out|pull out)(?: out)? {EVERYTHING}(?: out)? "
                           rf"{EXCEPT} {PARTS}|\b(?:strip|pare|thin|bring|take|cut)(?: it| things| everything| the music)? "
                           rf"(?:down|back) to (?:just |only )?{PARTS}",                 # "strip it down to piano and bass"
                           rf"\b(?:just|only|nothing but) (?:be |have |keep |leave |want |need |like |hear )?(?:a |an )?{PARTS}(?: (?:on (?:its|their) own|"
                           rf"by (?:itself|themselves)|alone))?",
                           rf"(?<!leave )(?<!let )(?<!leave the )(?<!let the ){PARTS} (?:on (?:its|their) own|by (?:itself|themselves)|solo|only(?! (?:in|at|on|for|after|from|during|towards?|around|when|once)\b)|alone)\b(?![^,.;!?]*?\b(?:is|are|was|were|sounds?|feels?|seems?|gets?|looks?)\b)"))   # a complaint's subject
TURNED = patterns.Lazy(((PART_FLAWED_RE, "down"), (rf"{INSTR} {BEING}(?:{LACK})\b", "up"),
                        (rf"\b(?:{DOWN_VERBS}) {INSTR}", "down"), (rf"\b(?:{UP_VERBS}) {INSTR}", "up"),
                        (rf"\b(?:take|knock|tone|ease|pull|dial|turn|nudge|bump|notch|drop) {PARTS} (?:\w+ ){{0,2}}?(?:down|back)\b", "down"),
                        (rf"\b(?:bring|calm) {PARTS} down\b", "down"), (rf"\bback {INSTR} off\b", "down"), (rf"\b(?:take away|take out|remove|cut(?: out)?|drop|lose|strip(?: out)?|pull out|thin out) (?:some|a bit|a little|a few|part|a touch) of {INSTR}", "down"),   # "take away some of the drums": fewer, not none
                        (rf"^\s*(?:and |now |then |also )?{INSTR}(?:(?:,| and| &| plus)(?: the)? (?:{INSTR_ALT})(?:s|es)?)* (?:a bit |a little |"
                         rf"a touch |a tad |way |right |much )?(up|down)\b(?! to \d)", ""),   # "slap bass up", "bass and sax down a bit": terse
                        (rf"\b(?:can'?t|cannot|can not|barely|hardly) (?:really |even )?{HEARD} {INSTR}", "up")))


# What "the horn" is in a band with no horn, first found first: a sax, then a trumpet...
HORNS = ("sax", "trumpet", "trombone", "cornet", "clarinet")
# What "the keys" are: the part a keyboard plays (the organ in reggae, where a guitar plays the chords), else the chords
KEY_WORDS, KEYBOARDS = ("keys", "keyboard", "keyboards"), ("piano", "organ", "clavinet", "harpsichord", "celesta")


def role_of(plan: ScorePlan, word: str) -> str | None:
    """The role of the plan that the user's word names ("sax" -> melody in jazz, "drums" -> drums)."""
    inst = {**load_style(plan.style).instruments, **plan.instrumentation}
    if vocab.INSTRUMENTS.get(word, ("", ""))[1] == "percussion" and word != "percussion" or \
            "percussion" in inst and vocab.on_hand_kit(word, inst):
        return "percussion" if "percussion" in inst else None  # "a tambourine", "the tabla" played so: hand percussion
    named = [r for r, n in inst.items() if word in n.lower()]
    if word in KEY_WORDS:
        named = [r for r, n in inst.items() if any(k in n.lower() for k in KEYBOARDS)]
        named = ["harmony"] if "harmony" in named else named[:1]
    if not named and word in vocab.INSTRUMENTS:  # "nylon guitar" -> the role playing that GM instrument
        gm, own = vocab.INSTRUMENTS[word][0].lower(), vocab.INSTRUMENTS[word][1]
        named = ([own] if own in ("bass", "drums") and own in inst else []) or \
            [r for r, n in inst.items() if n.lower() == gm] or \
            [r for r, n in inst.items() if word.split()[-1] in n.lower()] or bell_kin(gm, inst)   # "bass guitar": the bass
    if len(named) == 1:
        return named[0]
    if (role := "melody" if word == "lead" and "lead" not in inst else vocab.ROLE_WORDS.get(word)) in inst:
        return role   # "the lead" where no added lead part plays: the tune
    if not named and vocab.ROLE_WORDS.get(word) == "percussion" and "drums" in inst:
        return "drums"  # "no percussion" where the kit is the only percussion
    if not named and word in KIT_PLAYED and inst.get("drums", "").lower() in KIT_PLAYED[word]:
        return "drums"  # "the timpani" where the orchestral kit plays them
    if not named and FAMILIES.get(word) in inst:  # "the trumpets" in a brass section
        return FAMILIES[word]
    if not named and word in ("horn", "horns"):   # a jazz player's "horn" is the band's wind where no horn or brass plays
        named = [r for w in HORNS for r, n in inst.items() if w in n.lower()][:1]
    return named[0] if named else None


def subjects(t: str, m: re.Match) -> list[str]:
    """The parts a balance names where its first one is said: one, or a list ("the bass and the drums")."""
    listed = next((x for x in re.finditer(PARTS, t) if x.start() <= m.start(1) < x.end()), None)
    if listed is None or prohibited.negated(t, listed):
        return [m.group(1)]
    added = {p for a in JUST_ADDED_RE.finditer(t[:m.start(1)]) for p in named_parts(a.group(0))}   # "add a flute and the
    return [p for p in dict.fromkeys(named_parts(listed.group(0))) if p not in added] or [m.group(1)]   # drums quieter": drums


def read(t: str, want) -> str:
    """Instrument edits in a clause: `want(what, value=..., target=..., direction=...)` records each
    intent; returns the text with what was understood blanked out."""
    raw, t = t, plain_parts(part_words.KICK_UP_RE.sub("kick it up", t))   # "the horn melody" is the horn, but whose melody moves in a swap
    if (m := re.search(rf"\b(?:no|without) {INSTR} (?:and|but) (?=(?:the )?(?:{INSTR_ALT})(?:s|es)? (?:is |are |a bit |"
                       rf"a little |much )?(?:louder|softer|quieter|up|down|forward|back|too|more|less)\b)", t)):
        want("remove", value=m.group(1))
        t = eat(t, m)
    # "the saxophone should lead", "fiddle on the melody": that instrument plays the tune
    if (m := re.search(rf"\b(?:add|bring in|introduce|include|give me|have|with|put in|layer) {INSTR} "
                       rf"(?:playing|to play|doubling|on|for|that plays) (?:the |a )?(?:melody|tune|lead)\b", t)
            or re.search(rf"\bdouble (?:the )?(?:melody|tune|lead) (?:with|on) {INSTR}", t) or re.search(SUGGESTED, t)
            or re.search(rf"\b(?:a|an|some)(?: (?!bit|little|touch|lot)[a-z]+)? {INSTR} (?:on top|over the top|over everything|"
                         r"over it all|underneath|beneath|behind|below|under(?= everything| it all| the rest|\s*$))", t)) \
            and not prohibited.negated(t, m):   # ("please don't add a cello underneath": none)
        want("add", value=m.group(1))  # "a xylophone playing the tune", "a cello underneath": a new part
        return eat(t, m)
    if (m := re.search(rf"\b(?:the )?{WHOSE}(melody|tune|lead|bass|bassline|chords) (?:should be |could be |to be |is |gets? )?"
                       rf"(?:played|taken|carried) (?:by|on) {INSTR}", raw)
            or re.search(rf"\b(?:give|hand|pass|move|shift) (?:the )?{WHOSE}(melody|tune|lead|bass|chords) (?:over )?to {INSTR}", raw)):
        want("swap", target=m.group(1), value=m.group(2))  # "the tune played by a flute": that part's instrument
        return eat(raw, m)
    if (m := re.search(rf"{INSTR} (?:should |to |can |must |will |could )?(?:lead(?!.*\bfor {INSTR})|take (?:over )?the (?:lead|tune|melody)|"
                       rf"carry the (?:tune|melody))\b", t)) \
            or (m := re.search(rf"{INSTR}(?: sounds?| tone)?(?:,? please| pls)? (?:on|for|plays?|playing) (?:the )?(melody|lead|tune|bass|bassline|chords)\b", t)):
        role, word = (m.group(2), m.group(1)) if m.lastindex == 2 else ("melody", m.group(1))   # a low part or the kit "leads": up front
        want("balance", value=word, direction="up") if m.lastindex != 2 and vocab.ROLE_WORDS.get(word) in part_words.LOW_PARTS else want("swap", target=role, value=word)
        return eat(t, m)
    for pattern in KEEP_ONLY[:2]:  # "everything drops out except the bass", "drop everything but drums and bass"
        if (m := pattern.search(t)):
            want("only", value=",".join(dict.fromkeys(named_parts(m.group(0)))))
            return eat(t, m)
    m = (re.search(rf"\b(?:replace|swap|switch|change|exchange|trade) (?:out )?{INSTR}.*?\b(?:with|for|to|into|by) "
                   rf"{INSTR}", t))
    swap = (m.group(1), m.group(2)) if m else None
    if not m and (m := re.search(rf"{INSTR} (?:instead of|in place of|rather than) {INSTR}", t)):
        swap = (m.group(2), m.group(1))
    if not m and (m := re.search(rf"\b(?:make|turn) the (melody|lead|bass|harmony|chords) (?:into )?{INSTR}", t)
                  or re.search(rf"\b(?:play|put) the (melody|lead|bass|harmony|chords) on {INSTR}|^\W*(?:and |ok |now )?the (melody|lead|bass|harmony|chords) on {INSTR}(?:,? (?:please|pls|instead))?\W*$", t)):
        swap = tuple(g for g in m.groups() if g)[:2]   # the alternative that matched
    if swap:
        want("swap", target=swap[0], value=swap[1])
        return eat(t, m)
    # balance: "the piano is lost under the brass", "can't hear the melody over the dhol": that one up, the other down
    if (m := re.search(rf"{INSTR} (?:is |are |gets |get |getting |feels |sounds |kind of |a bit |a little |way |totally |"
                       rf"completely |really |so |too |being )*{LOST} (?:under|by|beneath|behind|below|underneath|in|"
                       rf"against|with|among) {INSTR}", t)) \
            or (m := re.search(rf"\b(?:can'?t|cannot|can not|barely|hardly|can hardly|can barely) (?:really |even )?{HEARD} "
                               rf"{INSTR} (?:over|under|behind|through|above|for|against) {INSTR}", t)):
        want("balance", value=m.group(1), target=m.group(2), direction="up")
        return eat(t, m)
    if (m := behind.PUT_RE.search(t)):   # "push the piano behind the bass": the one behind down against the other
        want("balance", value=m.group(2), target=m.group(1), direction="up")
        return eat(t, m)
    if (m := behind.FRONT_RE.search(t)):   # "put the piano in front of the drums": the one in front up against the other
        want("balance", value=m.group(1), target=m.group(2), direction="up")
        return eat(t, m)
    # balance: "the sax drowns the piano" (piano up against it), "let the pad rise above the chords" (`behind`)
    for pattern, up, down in behind.BALANCES:
        if (m := pattern.search(t)):
            want("balance", value=m.group(up or 1), target=m.group(down) if down else None, direction="up" if up else "down")
            return read(rest, want) if PART_ORDER_RE.search(rest := eat(t, m)) else rest   # "..., and the strings to step back"
    if (m := behind.ADDED_RE.search(t) or behind.LAID_RE.search(t)) and not prohibited.negated(t, m):   # ("the pad behind everything is too much": a complaint's subject)
        want("add", value=m.group(1))  # "organ pad under everything", "soft strings behind the piano": a part underneath the others ("tuck the bass under": down)
        return eat(t, m)
    # one part too loud or too quiet in words of how it sounds, or a verb that turns it up or down
    for pattern, direction in TURNED:
        if (m := pattern.search(t)) and not prohibited.negated(t, m):
            for word in subjects(t, m):  # "the bass and the drums are too loud": each of them
                want("balance", value=word, direction=direction or m.group(2))
            return read(rest, want) if PART_ORDER_RE.search(rest := eat(t, m)) else rest   # "..., and add congas"
    if (m := re.search(rf"{INSTR}{NO_PART}{{0,24}}?\b(?:{BALANCE_UP})\b", t)) and not prohibited.negated(t, m) \
            or (m := re.search(rf"\b(?:bring|push|turn|nudge|bump|crank|pump|kick|notch|ride) (?:up )?{INSTR} (?:\w+ ){{0,2}}?(?:up|forward|out)\b", t)) \
            or (m := re.search(rf"\b(?:more(?= (?:\w+ ){{0,2}}\w+ in the mix\b)|louder|more {DRIVE} (?:from|out of)) {INSTR}", t)):   # "more energy from the drums": theirs
        for word in subjects(t, m):
            want("balance", value=word, direction="up")
        return read(rest, want) if PART_ORDER_RE.search(rest := eat(t, m)) else rest
    if (m := re.search(rf"{INSTR}{NO_PART}{{0,24}}?\b(?:{BALANCE_DOWN})\b", t)) and not prohibited.negated(t, m) \
            or (m := re.search(rf"\b(?:pull|push|tuck|sit|turn|dial|lay|ease|settle|nudge|knock|roll)(?:ing|ting|ling)? (?:down |back )?{INSTR} (?:back|down|under)\b", t)) \
            or (m := re.search(rf"(?:^\W*|\b(?:and|but) ){INSTR} (?:back|down)\b(?! in\b| on\b| to\b)", t)) \
            or (m := re.search(rf"\b(?:less|quieter|softer|too much|too many)(?: of)?(?: [a-z]+ (?:from|of|on))? {INSTR}\b(?! solo)", t)):
        # "too much crunch from the guitar": too much of what it plays
        for word in subjects(t, m):
            want("balance", value=word, direction="down")
        return read(rest, want) if PART_ORDER_RE.search(rest := eat(t, m)) else rest
    if (m := ONE_OUT_RE.search(t)):   # "just the bass out": the bass out, read by the removals below
        t = t[:m.start(g := 'just' if m.group('just') else 'just2')] + t[m.end(g):]
    if (m := KEEP_ONLY[2].search(t) or KEEP_ONLY[3].search(t)
            or re.search(rf"\b(?:silence|nothing|no music) {EXCEPT} {PARTS}", t)):
        said = list(dict.fromkeys(named_parts(m.group(0))))   # "just the guitar on its own"; the kit's pieces alone ("just
        want("balance", value="drums", direction="down") if set(said) <= vocab.KIT_PIECES else want("only", value=",".join(said))
        return eat(t, m)   # kick and snare basically"): a thinner kit, the band kept
    for m in list(re.finditer(rf"\b(?:{OUT_VERBS}|take off|silence|fewer|"
                              rf"stop|turn off|leave out|cut out|minus|lose the|lay out on|lay out|{prohibited.NEVER}|delete|erase|quit|{CUT_VERB}|axe|nix|"
                              rf"scrap|eliminate|no more(?: of)?(?: that| those| this)?|{UNNEEDED}) {INSTR}"
                              rf"|{INSTR}(?:,? (?:it|they))? (?:is|are|'s|'re)? ?(?:not|n't|no longer) (?:really |even |at all )?"
                              rf"(?:needed|necessary|required|essential|adding anything)\b"
                              rf"|{INSTR} (?:tacet|out|away|sit out|drop out|lay out|stop|stops|on hold|{prohibited.MUST_GO}|(?:should |can |could |must |to |will |"
                              rf"need to |may )?(?:rest|take a (?:rest|break|breather)|have a (?:rest|break)))\b(?! front)"
                              rf"|\b(?:rest|give) {INSTR} (?:a )?(?:rest|break|breather)\b", t)):   # "the drums should rest"
        if m.group(1) is None:
            want("remove", value=m.group(2) or m.group(3) or m.group(4))
            t = eat(t, m)
            continue
        want("remove", value=m.group(1))
        t = eat(t, m)
        # "no bass or drums": each part of the list (not "no drums and the bass louder": no drums, the bass louder)
        end = m.end()
        while (more := LISTED_PART.match(t, end)):
            want("remove", value=more.group(1))
            t, end = eat(t, more), more.end()
    for m in list(re.finditer(rf"\b(?:add|with|bring in|bring back|include|put in|introduce|let the|give me|plus|"
                              rf"layer|more(?: of)?|some|use|put|get|want|need|wants|needs|could use|calls for|i want|have){' (?:in )?'}{INSTR}", t)):
        if m.group(0).startswith("let") and (room := re.compile(rf"(?:(?:,| and| &)(?: the)? (?:{INSTR_ALT})(?:s|es)?)*\s*"
                                                                 r"(?:breathe|rest|settle|sit|be)\b").match(t, m.end())):
            t = eat(t, re.compile(r".+").match(t[:room.end()], m.start()))
            continue   # "let the bass and drums breathe": room for them, nothing added
        more = re.search(r"\bmore\b", m.group(0))
        want("add", value=m.group(1), direction="up" if more else None)
        t, end = eat(t, m), m.end()
        while more and (listed := LISTED_PART.match(t, end)):   # "more violins and cellos": more of each
            want("add", value=listed.group(1), direction="up")
            t, end = eat(t, listed), listed.end()
    if (m := re.fullmatch(rf"(?:\s*(?:(?!keep |leave |not )[a-z']+ ){{0,2}}?|.*\b(?:and|with|plus) (?=(?:a|an) )){INSTR}[\s!]*", t)) \
            or (m := re.fullmatch(rf"\s*(?:and |also |now |then |maybe |perhaps |a |an |some )*{INSTR} (?:in|on|for|"
                                  rf"during|over|across|through|throughout|from|after|before|at|till|until) [a-z0-9:' -]*", t)) \
            or (m := PLACED_ENTRY_RE.fullmatch(t)):
        # "smoky, muted trumpet", "smoke and a muted trumpet": a part named alone; "banjo in the last shot": with its place;
        # "from the second cut on drums in": the place said first
        want("add", value=m.group(1))
        return eat(t, m)
    m = re.search(r"\b(?:add|bring in|introduce|include|layer in|throw in) (?:a |an |some |the )?(?:(?=(?P<whole>[a-z][a-z ]*?)(?: in| to| at| for|$)))?([a-z][a-z ]*?)(?: in| to| at| for| and| plus|$)", t)
    if m and m.group(2).strip() not in FILLER_WORDS and not re.match(QUALITIES, m.group(2)):   # "a zither and more drive": both
        hit = vocab.lookup((name := vocab.whole_name(m.group(2), m.group("whole"))), "instrument")   # "rock and roll guitar"
        if hit is None:
            raise Ask(f"I don't know an instrument called '{name}'. Which one should I add?")
        want("add", value=hit.name, **({} if hit.score >= 1.0 or hit.name in name else {"reason": f"I don't know '{name}', so the nearest I have, {hit.name}, plays it"}))
        t = eat(t, m)
    return t


# a part said to come in, after a place said first ("from the second cut on drums in", "after 0:16 bring the drums in")
PLACED_ENTRY_RE = re.compile(rf"\s*(?:(?:from|after|starting (?:at|from)|once) [a-z0-9:' -]*?(?:\b(?:on|onwards?)|\d)\s+)?(?:(?:bring|let|have) )?"
                             rf"(?:the |some )?{INSTR} (?:in|come in|comes in|kick in|kicks in)\s*")


# ----------------------------------------------------------------------------- applying


def swap(e, old: str, new: str) -> None:
    """Every part the old instrument plays ("swap the piano for a harpsichord": its bass, chords and tune)."""
    p = e.plan
    role = role_of(p, old) or role_of(p, old.split()[-1]) if " " in old else role_of(p, old)   # "the synth lead": the lead
    if role is None:
        raise Ask(f"There is no {old} in the score to replace. Should I add the {new} instead?")
    roles = [r for r, name in p.instrumentation.items() if name == p.instrumentation.get(role) and r != "drums"] or [role]
    if not e.whole:   # "could a xylophone play the tune in shot 3": the new part in there, that one part out there
        if role_of(p, new) or role == "drums" or len(roles) > 1 and old not in vocab.ROLE_WORDS:
            raise Ask(f"I can swap an instrument only for the whole score; say 'add {new} in {e.span.label}' and 'no {old} there'.")
        return (add(e, new), ops.set_roles(p, e.idx, remove=role))[0]
    if any(s.locked and r in ops.effective_roles(p, s) for s in p.sections for r in roles):  # a locked part must sound as it did
        raise Ask(f"The {old} plays in a locked part, and a swap would change it there too. Unlock it first?")
    gm = vocab.INSTRUMENTS[new][0] if new in vocab.INSTRUMENTS else None
    if gm is None or (role == "drums") != (vocab.INSTRUMENTS[new][1] == "drums"):   # a kit for a kit only ("brush kit")
        raise Ask(f"I can't play the {role} part on '{new}'. Which instrument should it be?")
    p.instrumentation = {**p.instrumentation, **dict.fromkeys(roles, gm)}


def only(e, words: str) -> None:
    roles = [role_of(e.plan, w) or add_role(e, w) for w in words.split(",")]
    ops.set_roles(e.plan, e.idx, only=roles[0])
    for r in roles[1:]:
        ops.set_roles(e.plan, e.idx, add=r)


def remove(e, word: str, text: str = "") -> None:
    p, are = e.plan, 'are' if word.endswith('s') and not word.endswith('ss') else 'is'
    if prohibited.absent(e, role := role_of(p, word) or role_of(p, SAME.get(word, word)), word, text):   # "no violin": the fiddle
        return   # "never add strings, just the piano louder": kept already, the rest made
    if role is None:
        raise ops.AtLimit(str(prohibited.not_there(p, word)), f"Not changed: there {are} no {word} in the score.")   # asked alone ("no sax": the vibraphone plays the tune); beside another change, said
    if not any(role in ops.effective_roles(p, p.sections[i]) for i in e.idx):
        # at its limit: passed over beside another change ("drums out in shot 1, add them back in shot 2": out already)
        raise ops.AtLimit(f"The {word} {are} already silent there. Did you mean another part?",
                          f"Not changed: the {word} {are} already silent there.")
    ops.set_roles(p, e.idx, remove=role)
    ops.drop_role(p, role)   # "lose the accordion again": a part an edit brought, now heard nowhere, leaves the plan


def add(e, word: str, *, quiet: bool = False, more: bool = False, back: bool = False) -> None:
    """Bring `word`'s instrument in where the edit points; "more strings" when they play raises their level. `quiet`:
    part of a style change, so an instrument already there is no question; `more`: asked as "more of" a part ("more
    bass"), its level only; `back`: asked back ("add them back in shot 2"): where it plays already, nothing louder."""
    p, role = e.plan, role_of(e.plan, word)
    inst = {**load_style(p.style).instruments, **p.instrumentation}
    kin = [r for r, n in inst.items() if word.rstrip("s") in n.lower()]   # "the guitar back in" where the score's two
    if len(kin) > 1 and all(any(r not in ops.effective_roles(p, p.sections[i]) for i in e.idx) for r in kin):   # guitars
        for r in kin:   # (chords and lead) were both taken out there: both, not the first named
            ops.set_roles(p, e.idx, add=r)
        return
    if word in ("horn", "horns") and role and not (more or back) and role == role_of(p, "sax"):
        word, role = ("trumpet" if word == "horn" else "horns"), None   # "add a horn" beside a sax: a brass horn
    if role and not (quiet or more or back) and vocab.another_sound(word, inst.get(role, "")):
        role = None   # "add a didgeridoo" beside an acoustic bass: a part of its own (`add_role`), not the bass louder
    if role and all(role in ops.effective_roles(p, p.sections[i]) for i in e.idx):
        if quiet or back and not more:
            return
        # "more bass" where it plays: that part louder against the others, and nothing else, since the energy is
        # every part's; a part asked to play ("let the bass walk") and the kit's groove ("more drums") play fuller, unless
        # the request lowers the energy there itself ("let the bass walk ... and bring it down a notch": down, as said)
        if (role == "drums" or not more) and not e.energy_lowered:
            try:
                ops.add_energy(p, e.idx, 0.1)
            except Ask:
                pass
        balance(e, word, 2.0)
        return
    role = role or add_role(e, word)
    ops.set_roles(p, e.idx, add=role)


def _section(word: str, said: str) -> bool:
    """Whether `word` was said in the plural of a section's player ("the violins are a bit much", "the trumpets"): a
    section (the strings, the brass) the score lacks is no solo part's role, so the sax does not stand in for it."""
    return word in FAMILIES and patterns.compiled(rf"\b{re.escape(word)}e?s\b", re.I).search(said or "") is not None


def balance(e, word: str, step_db: float, against: str | None = None, said: str = "") -> None:
    """One part louder or softer against the others (Section.levels_db), never the whole mix (`said`: the words as
    said, where a plural names a section: "the violins" are the strings, no soloist)."""
    p = e.plan
    if not word:  # a reader knew a part should move but not which one
        raise Ask(f"Which instrument should be {'louder' if step_db > 0 else 'softer'}?")
    role = role_of(p, word)
    if role is None or not any(role in ops.effective_roles(p, p.sections[i]) for i in e.idx):
        if against and step_db > 0 and role_of(p, against):  # "the guitar is lost under the choir", no guitar
            return balance(e, against, -step_db)               # there: the one on top steps back
        if step_db < 0 and role is not None and (entry := _entering(e, role)) is not None:
            e.move(entry)   # "the strings coming in here are a bit much": where they come in
            return balance(e, word, step_db, against, said)
        if step_db < 0 and role is None and not _section(word, said) and \
                (own := vocab.INSTRUMENTS.get(word, ("", ""))[1]) in vocab.ROLE_WORDS and \
                any(own in ops.effective_roles(p, p.sections[i]) for i in e.idx):   # "the sax is too loud", none: the part
            name = {**load_style(p.style).instruments, **p.instrumentation}.get(own, own).split("(")[0].strip().lower()
            e.said.append(f"There is no {word} in the score: the {name} plays {prohibited.TUNE_WORDS.get(own, 'its part')}, "
                          "so it is softer.")   # playing its role
            return balance(e, own, step_db)
        if step_db < 0:
            raise ops.AtLimit(f"The {word} {(v := 'are' if word.endswith('s') and not word.endswith('ss') else 'is')} not playing there. Did you mean another instrument?", f"The {word} {v} not playing there, so no quieter.")
        add(e, word)  # "bring the strings forward", "let the strings carry it": brought in, and over the others
        return balance(e, word, step_db) if any(role_of(p, word) in ops.effective_roles(p, p.sections[i]) for i in e.idx) else None
    other = role_of(p, against) if against else None
    changed = False
    for r, db in ((role, step_db), *(((other, -step_db),) if other and other != role else ())):
        for i in e.idx:
            s = p.sections[i]
            if r not in ops.effective_roles(p, s):
                continue
            old = s.levels_db.get(r, 0.0)
            lv = round(min(MAX_LEVEL_DB, max(MIN_LEVEL_DB, old + db)), 1)
            if lv != old:
                p.sections[i] = s.model_copy(update={"levels_db": {**s.levels_db, r: lv}})
                changed = True
    if not changed:
        raise Ask(f"The {word} is already as {'loud' if step_db > 0 else 'soft'} as I can make it against the "
                  "others. Change the whole mix instead?")


ENTRY_NEAR_S = 5.0   # a part that comes in this soon after the place said is the part the listener heard there


def _entering(e, role: str):
    """The section where `role` comes in just after the edit's place (within ENTRY_NEAR_S), as a Span, or None."""
    if e.span is None:
        return None
    p = e.plan
    end = p.sections[e.idx[-1]].end_s
    s = next((s for s in p.sections if s.start_s >= end - 0.05 and role in ops.effective_roles(p, s)), None)
    if s is None or s.start_s - end > ENTRY_NEAR_S or s.locked:
        return None
    return Span(s.start_s, s.end_s, f"where the {role} come in", snap=False)


def add_role(e, word: str) -> str:
    """Give `word`'s instrument a free role in the plan's instrumentation and return that role."""
    gm, preferred = vocab.INSTRUMENTS.get(word, (None, vocab.ROLE_WORDS.get(word, "lead")))
    if gm is None and preferred == "drums":
        gm = "Standard"  # "a kick", "a snare": the standard kit
    if gm is None and (gm := load_style(e.plan.style).instruments.get(preferred)) is None:
        raise Ask(f"Which instrument should play the {word}?")
    role = preferred if preferred in ("drums", "bass", "percussion") and \
        preferred not in {**load_style(e.plan.style).instruments, **e.plan.instrumentation} \
        else ops.free_role(e.plan, preferred, kit=gm.lower() in DRUM_KITS)
    role, gm = vocab.fit_stand_in(word, role, gm, {**load_style(e.plan.style).instruments, **e.plan.instrumentation})
    if e.span is not None or any(s.locked for s in e.plan.sections):
        # Sections outside the span play all roles: pin their current roles so the new one stays out.
        idx = e.idx  # splits the addressed sections first: the loop must see the new list
        for i, s in enumerate(e.plan.sections):
            if i not in idx and not s.instruments:
                e.plan.sections[i] = s.model_copy(update={"instruments": ops.effective_roles(e.plan, s)})
    e.plan.instrumentation = {**e.plan.instrumentation, role: gm}
    return role
