"""The person approves, thanks or signs off, and asks for nothing: "cheers, that'll do nicely", "you're a star",
"I'm happy with that, we can stop here", "ok cool ty", "haha the bass line is sick, keep it". The one place these are
told apart from a wish said beside them ("perfect, just a bit slower", "nice, but no drums"); the score is left
as it is and `REPLY` says so.

    from v2m.agent.dialogue.approval import approves, hands_off, REPLY
    approves("cheers, that'll do nicely")          # True: a whole turn that only thanks or approves
    hands_off("perfect, leave it like that")        # True: the same, or "leave it as it is" with no change asked
    approves("love it but no drums")               # False: an edit after all

Two readers, each tuned on its own wordings: `signed_off` (thanks, praise and being done, `CLOSING_RE`, with no
word beside them that wishes or names anything) and `approval` (approval of the music as it is now, `APPROVAL_RE`,
where an acknowledgement alone, "ok", must stand alone). The small-talk words a clause of the grammar may hold
besides its edit ("cheers", "legend") are `phrases.PLEASANTRIES`, the grammar's own word list.
"""

from __future__ import annotations

import re
from functools import lru_cache

from v2m.agent.dialogue.mentions import FLAWED, HARSH, named_parts
from v2m.agent.dialogue.patterns import FULL_STOP, SENTENCE_RE
from v2m.agent.dialogue.phrases import REST_STAYS, TOO, beside_change, opening
from v2m.agent.dialogue.verdicts import ABROAD, BEAUTY, COPULA, FAULTS, PRAISE, WISH
from v2m.agent.dialogue.vocab import MOODS
from v2m.tools.style import style_names

REPLY = "Good: I left the score exactly as it is, glad you like it. Nothing changed; tell me if anything should."

# "leave it like that", "this is final": a sign-off, not an edit (nor a lock: nothing was named to keep)
HANDS_OFF_RE = re.compile(
    r"\b(?:leave|keep) (?:it|everything|the rest|that|this|all|things)(?: else| going)?(?: exactly)? (?:as it is|as is|like "
    r"(?:that|this)|the way it is|alone|unchanged)\b|\bdon'?t (?:change|touch) (?:anything|a thing)\b|"
    r"\b(?:this|that)(?: [a-z]+){0,2} is (?:final|it|perfect|the one)\b|\bthat'?s (?:final|perfect)\b|\ball good\b|\bwe'?re done\b", re.I)
# the version just made praised and kept ("the last version is the best, keep it", "newest one's the keeper, leave it"):
# no edit (not "the previous version was the best": that one back, `references.LAST_ONE_OFF`)
KEPT_VERSION_RE = re.compile(r"^\W*(?:(?:the|this|that) )?(?:very )?(?:(?:last|latest|newest|current|new|most recent) )?(?:one|version|"
                             r"mix|take|pass|draft)(?:'s| is) (?:the )?(?:best|keeper|one|winner|perfect|great)\b[^?]*?[,.;!-]?\s*"
                             r"(?:(?:so|and|we|let'?s|just|ok|okay) )*(?:keep|leave) (?:it|this|that)(?: one)?\b[^?]*$", re.I)
# praise and nothing else ("the piano is so much better now", "wow, perfect"): no edit to read into it
PRAISE_RE = re.compile(opening("wow|yes|yeah|nice|great|love it|thanks|thank you") + r"(?:(?:the |that |this )?(?:(?!(?:and|but|then|make|turn|add|more|less)\b)[\w ]){0,50}?(?:^| )(?:is|"
                       r"are|sounds?|feels?) )?(?:so much |much |a lot |way |really |so |very )?(?:better|nicer|great|perfect|lovely|good|"
                       r"spot on)(?: now| already)?\W*$", re.I)
LOCK_WORDS_RE = re.compile(r"\b(?:lock|(?<!the )(?<!a )freeze(?! frame)|protect)\b", re.I)   # "the freeze (frame)": a moment

# a plan to put the video out ("posting at 6", "uploading it to insta tonight", "publishing tomorrow morning"): being done
PUBLISHED = (r"(?:(?:i'?ll|we'?ll|i'?m|we'?re|gonna|going to|will) )?(?:(?:posting|uploading|publishing|sharing|going live)(?![\w-])"
             r"(?: it| this(?: one)?| the (?:video|clip|edit|reel))?|(?:post|upload|publish|share) (?:it|this(?: one)?|the "
             r"(?:video|clip|edit|reel)))(?: (?:on|to) (?:insta\w*|ig|tiktok|youtube|yt|"
             r"facebook|fb|twitter|reels?|the (?:gram|channel|group))| (?:at|by|around) \d{1,2}(?:[:.]\d\d)?(?: ?[ap]\.?m\.?)?|"
             r" (?:tonight|tomorrow(?: morning| night)?|today|later|this (?:evening|afternoon|morning|week(?:end)?)|now|asap)){0,3}")
PUBLISHED_AT_RE = re.compile(rf"\b{PUBLISHED}(?<=\d)(?: ?[ap]\.?m\.?)?\b", re.I)   # the hour it goes out: no place in the video
# thanks, praise, approval and being done ("cheers", "bang on", "you're a star", "approved", "it's a wrap", "I'll take
# it from here", "ttyl"): a turn made of these and of words that wish for nothing is a sign-off
CLOSING_RE = re.compile(
    # what the thanks is for ("thank you all for the quick turnaround": no wish for quick), nothing more asked ("no
    # further changes", "nothing further from us"; with no change named only at a clause's end: "no more crashes" asks),
    # and whose word it is ("from our side", "on our end")
    r"\b(?:(?:thanks|thank (?:you|u|ya)|thx|ty|cheers)(?: (?:you )?(?:all|everyone|guys|so much|a lot|again))* for (?:the|your|all the|this|"
    r"that|such (?:a|an)) (?:(?!(?:but|and|now|then|can|could|would|will|please|pls|make|just|so|also)\b)[a-z'-]+ ?){1,4}|(?:no|nothing) (?:further|more|other|else)(?: changes?| edits?| notes?| tweaks?| requests?"
    r"|(?= (?:needed|required|from (?:us|me))\b|\s*(?:[,.;:!-]|$)))(?: (?:needed|required|from (?:us|me)))?|(?:final )?(?:approval|sign[- ]?off)(?: given| granted| from (?:us|me))?|"
    r"(?:from|on) (?:our|my) (?:side|end)|"
    r"thanks|thank (?:you|u|ya)|thankyou|thx|ty|tysm|ta|cheers|much appreciated|appreciate it|approved|signed off|"
    r"(?:that'?s|this is|this'?s|it'?s|thats) (?:exactly |just )?(?:it|the one|a wrap|what i wanted|fire)|exactly (?:it|right|"
    r"what i wanted)|that'?ll do|that will do|does the job|works for me|good to go|(?:sounds?|looks?|is|'s|feels?) (?:very |"
    r"really |so |super |pretty )?(?:good|great|right)(?: to me| now)?|" + PRAISE + r"|"
    + BEAUTY + r"|" + ABROAD + r"|great|nice one|"
    r"love (?:it|this|that|how|the way)(?! (?:if|to|when|but)\b)|(?:(?:i'?m|i am|we'?re|we are|so|very|really|super) )+"
    r"(?:happy|pleased|glad|thrilled|delighted)\b|(?:happy|pleased|glad) with (?:it|that|this)|chuffed|stoked|"
    r"you'?re (?:a |the )?(?:star|legend|genius|best|champ|hero)|you rock|no worries|no problem|"
    r"(?:we|i) can stop (?:here|there|now)|(?:let'?s )?call it a day|(?:we'?re|i'?m|all) done|take it from here|"
    r"(?:i'?ll|i will|gonna|going to) download(?: it)?|ttyl|bye|see ya|see you|gotta go|good night|"
    # "obsessed. posting at 6", "uploading it tonight": praise, and the video going out as it is
    r"(?:i'?m |we'?re |so |totally )*obsessed(?: with (?:it|this|that))?|" + PUBLISHED + r"|"
    # "we will use this version", "I'm going with that one": the version heard, chosen
    r"(?:we|i)(?:'ll| will| are going to| am going to|'re going to|'m going to|'re gonna|'m gonna| gonna) (?:use|take|go with|"
    r"keep|run with|publish|post|send|show) (?:this|that|it)(?: one| version| mix| take| cut)?)\b", re.I)
# surprise told ("I never thought a computer could do this"): praise, no wish for a change
SURPRISE_RE = re.compile(r"\bi (?:never|didn'?t|did not|had no idea)(?: (?:even|really))? (?:thought|think|knew|know|"
                         r"expected|expect|imagined|imagine)\b[^,.;!?]*", re.I)
# a wish for a change left beside a closing word ("perfect, just a bit slower", "love it but no drums"): an edit after
# all; praise of a likeness ("it sounds like a trailer, perfect") is `similes`'s to answer
WISH_BESIDE_CLOSING_RE = re.compile(
    r"\b(?:like|more|less|fewer|too|not|no|but|though|however|except|instead|only|just a|bit|little|can|could|"
    r"would|should|need|needs|want|wants|wish|make|add|remove|drop|lose|change|swap|switch|turn|bring|"
    r"put|try|back|again|undo|redo|version|faster|slower|louder|quieter|softer|calmer|darker|brighter|reduce|lower|raise|"
    r"increase|decrease|boost|volume|loud|quiet|"
    r"bigger|punchier|busier|shot|cut|section|intro|ending|end|start|tempo|key|style)\b|\d", re.I)

# Approval of what is there now ("perfect", "that's the one", "omg this slaps", "good. locking that in")
APPROVAL_RE = re.compile(rf"\b(?:{PRAISE}|great|good|nice|lovely|beautiful|love (?:it|this|that)(?! if\b)|"
                         r"well done|good job|ideal|ship it|good to go|approved|chef'?s kiss|"
                         r"we'?re there|that'?ll do|that will do|works for me|all set|sorted|exactly|that'?s (?:it|the one)|slaps|(?:this|it|that) (?:goes|go) (?:so |really )?hard|banger|sick|fire|aww+|cute|adorable|"
                         r"happy|thanks|thank you|ty|thx|tq|cheers|works|lock(?:ing|ed)? (?:it|that|this) in|keep it(?=\W*$)|"
                         r"(?:much|so much|way|a lot) better|yes+|yay|ya|yeah|yep|ok|okay|cool|fine|wow|omg)\b", re.I)
# what the music is likened to ("like a nice quilt", "like a good old movie"): its praise is the thing's, not the score's
# ... but not the score said to be a fine one ("sounds like a great soundtrack", "feels like a perfect film score now"):
# praise of the music, said through what it is
_LIKE = r"\blike (?:a|an|the|some|my|our|your) "
LIKENED_RE = re.compile(rf"(?<!sounds )(?<!sound )(?<!feels )(?<!feel )(?<!it's )(?<!its )(?<!is ){_LIKE}[^,;.!?]*|"
                        rf"{_LIKE}(?!(?:[a-z']+ ){{1,3}}?(?:soundtrack|score|ost|theme|track|song|tune|piece)s?\b)[^,;.!?]*")
# a question or a wish anywhere beside the approval ("nice, but slower", "great, now add a flute", "good? what key")
WISH_BESIDE_APPROVAL_RE = re.compile(
    r"\?|^\W*(?:what|which|how|why|where|when|who|did|does|do you|is it|are)\b|\b(?:more|less|too|still|but|again|also|as well|instead|add|remove|take|turn|put|bring|drop|cut|"
    rf"mute|kill|lose|swap|change|try|(?<!to )go|can (?:you|u|we|i)|{WISH}|maybe|only|"
    r"not|no|don'?t|back|up|down|version|v\d+|before|original|earlier|undo|revert)\b", re.I)
# an edit ordered with a verb that needs no particle ("slow it, thanks!", "soften it, cheers", "thanks! calm it"): a wish
# beside the thanks, whichever caller asks (the lists above hear "slow it down", "turn it up", never the bare verb)
ORDERED_RE = re.compile(r"(?:^|[,.;:!?-]\s*|\b(?:and|then|now|just|please|pls|so|ok|okay)\s+)(?:slow|speed|calm|soften|quieten|hush|"
                        r"tone|lift|raise|lower|boost|pump|crank|liven|mellow|beef|thin|darken|brighten|warm|fade|build|swell|"
                        r"tighten|loosen|spice|ramp|push|pull|nudge|bump|ease|settle|simplify|strip|punch|sweeten|smooth|shorten|"
                        r"lengthen|dial|thicken|fill|quicken|sadden|lighten|jazz) (?:it|this|that|things|"
                        r"everything|them|the (?:music|mix|score|track|song|\w+s?))\b", re.I)
# a comparative said of the music as it is ("that's a much softer way in", "much better"), no wish
COMPARED_RE = re.compile(r"\b(?:that'?s|it'?s|this is|it is|sounds|feels|much|so much|way|a lot)\b(?: a| so| really| much)* "
                         r"[a-z]+er\b")
COMPARATIVE_RE = re.compile(r"\b(?:faster|slower|louder|quieter|softer|calmer|bigger|busier|darker|brighter|higher|lower|"
                            r"heavier|lighter|warmer|punchier|sparser|fuller|richer|harder)\b")
COPULA_RE = re.compile(rf"\b(?:{COPULA}|'s)\b")
# approval that is no more than an acknowledgement ("ok", "yes"): the message must say nothing else
WEAK = set("ok okay yes yess yesss ya yeah yep cool fine wow omg".split())
FILLER = WEAK | set("oh ah ahh lol haha hehe and so well alright right very really so now then".split())
PLACE_RE = re.compile(r"\d|\b(?:shots?|cuts?|intro|ending|end|outro|start|beginning|opening|middle|first|last|second|third)\b")


# The music described as it is now, approved ("the intro is not slow anymore, good", "pretty slow in the intro, love
# it", "the ending is the same speed as the intro, which is good", "the bass is loud enough now"): a clause that
# praises what the clause beside it tells, or a part said to be enough; nothing is asked.
PRAISED_RE = re.compile(r"^(?:and |so )?(?:(?:which|that|this|it)(?:'s| is| was| sounds| feels)? )?(?:(?:really|so|very|"
                        rf"just|exactly|actually|all) )*(?:good|great|{PRAISE}|nice|lovely|fine|right|ideal|"
                        r"what (?:we|i) (?:want|wanted|need|needed|like|were after|was after|had in mind)|"
                        r"(?:i |we )?(?:love|like|dig) (?:it|that|this)|love it|good stuff|nice one|works(?: for me)?)"
                        r"(?: now| already| to me)?\W*$", re.I)
# a change made, liked ("ok louder is good", "love the extra weight", "the slower tempo is nice"): no edit beside another
CHANGE_PRAISED = (r"(?:(?:ok|okay|yeah|yes|so|and|but|alright)\W+)*(?:(?:i |we )?(?:really )?(?:love|like|dig) (?:the )?"
                  r"(?:extra|added|new|bigger|louder|quieter|softer|slower|faster|darker|brighter|heavier|lighter) [a-z]+"
                  r"|(?:the )?(?:louder|quieter|softer|slower|faster|darker|brighter|heavier|lighter|bigger|calmer|"
                  r"(?:extra|added|new) [a-z]+)(?: one| version| mix| bit| part| tempo| level| volume)? (?:is|was|'s|sounds|"
                  r"feels) (?:really |so |very |much )?(?:good|great|fine|ok|okay|nice|nicer|better|perfect|right|lovely)|"
                  r"(?:the )?(?:louder|quieter|softer|slower|faster|darker|brighter|heavier|calmer)(?: one| version| mix)? works)")
CHANGE_PRAISED_RE = re.compile(rf"^{CHANGE_PRAISED}\W*$", re.I)
# ... a part praised or said changed, then "but" ("the strings are lovely but from 0:12 on they drown the celesta", "ok
# piano is calmer now but ..."): the praise no edit, and the "they" after it that part
PART_PRAISED = (r"(?:(?:ok|okay|yeah|yes|so|nice|alright)\W+)*(?:the )?(?P<part>[a-z]+(?: [a-z]+)?)(?: (?:you|we) added)? "
                r"(?:is|are|sounds?|has|have) (?:really |so |very |now |got )*(?:lovely|great|nice|gorgeous|beautiful|fine|good|"
                r"calmer|quieter|softer|louder|better|some snap|more punch|more weight)(?: now)?")
CHANGE_BUT_RE = re.compile(rf"^(\W*(?:{CHANGE_PRAISED}|{PART_PRAISED}))\s*,?\s+(?=but\b)", re.I)   # "ok louder is good but ...": a
# clause of its own
THEY_RE = re.compile(r"(?<!make )(?<!get )(?<!turn )(?<!have )(?<!keep )(?<!leave )(?<!bring )(?<!push )(?<!put )(?<!take )"
                     r"(?<!let )\b(?:they're|they are|they|it's|it is|it)\b", re.I)   # the subject, not "make it faster"
# a state told: a copula after what it is said of ("the intro is", "there's", "it sounds"), a degree word before how
# it is ("pretty slow in the intro"), or how it is first ("slow in the intro"), never that word as a verb on the music
# ("slow it, thanks!", "quiet things down")
TOLD_RE = re.compile(rf"^(?:[\w']+ ){{0,4}}?(?:[a-z]+'s|'s|{COPULA}|has|have)(?:n'?t)?\b|"
                     r"^(?:pretty|quite|really|very|nice and|nicely|fairly|rather|kinda|kind of|sort of|super|so|properly) "
                     r"[a-z]+\b|^(?:" + "|".join(TOO) + r")\b(?! (?:it|things|everything|this|that|them|the|down|up)\b)", re.I)
# a wish or a complaint in a clause that tells a state ("still too slow", "not loud enough", "it doesn't sound painful
# enough", "a bit slow", "can it ..."): no state approved
WISHED_RE = re.compile(rf"\?|\b(?:{WISH}|can|will|"
                       r"add|remove|drop|bring|turn|put|try|change|swap|keep|leave|too|but|though|however|still|only|"
                       r"instead|(?:not|[a-z]*n't|(?:does|do|is|are|was|were|did|ca|wo|ai|has|have)nt)"
                       r"(?!(?: \w+){1,2} (?:anymore|any more|any longer)\b)|"
                       r"never|no|a bit|a little|a tad|a touch|bit|slightly|somewhat|maybe|if|wish|hope|rather than)\b|"
                       r"^\W*(?:more|less|fewer)\b", re.I)
# a state said to be over or reached ("not slow anymore", "loud enough", "the same speed as the intro"): approved as told
SETTLED_RE = re.compile(r"(?:\bnot|n'?t)(?: \w+){1,2} (?:anymore|any more|any longer)\b|\bno longer\b|\benough\b|\bsame\b", re.I)
# a quality nobody praises ("the end feels flat", "the piano sounds thin", "the ending is abrupt", "the bass is muddy",
# "the strings sound cheap"): a complaint beside praise, never a state approved
COMPLAINT_RE = re.compile(rf"\b(?:{HARSH}|" + "|".join(sorted(FAULTS)) + rf")\b|{FLAWED}", re.I)
# a quality the music can have too much of ("loud", "slow", "busy": `phrases.TOO`): approved only when praise follows it
# ("pretty slow in the intro, love it"); after praise it is a complaint ("it's fine, the drums are loud")
QUALITY_RE = re.compile(r"\b(?:" + "|".join(TOO) + r")\b", re.I)
ENOUGH_RE = re.compile(r"\b[a-z]+ enough\b(?: now| already)?", re.I)
CLAUSES_RE = re.compile(rf"\s*(?:(?:[,;!]|{FULL_STOP})+|\s-\s|\s(?=which\b))\s*")
# a part said enough, then another part said with the verb left out ("the drums are loud enough but the bass isn't",
# "the drums are loud enough now, the bass too"): the second said in full (`elided`)
ENOUGH_ELIDED_RE = re.compile(r"^(?P<told>.*?\b(?P<q>[a-z]+) enough\b(?: now| already)?)\s*(?:,|;|\bbut\b|, but\b|,? and\b)+ "
                              r"(?P<part>(?:the |my |our )?[a-z ]+?) "
                              r"(?:(?P<neg>isn'?t|aren'?t|is not|are not)|(?:too|as well))\W*$", re.I)
# a part praised by name, and nothing asked of it ("love the piano", "I really like the sax"): no edit beside another
LOVED_PART_RE = re.compile(r"^(?:and |but |oh )?(?:(?:i|we|really|just|so|totally|absolutely|do) )*(?:love|loving|like|dig|"
                           r"adore|enjoy)s? (?:the|that|this|your) (?:[a-z]+ ){0,2}[a-z]+$")
CLAUSE_RE = re.compile(rf"(.*?)(\s*(?:(?:[,;!]|{FULL_STOP})+|\s-\s|\s(?=which\b))\s*|$)", re.S)   # a clause and what ends it


# a place praised by name ("love the opening", "I really like the last shot"): approval of it as it is, as of a part
LOVED_PLACE_RE = re.compile(r"^(?:and |but |oh )?(?:(?:i|we|really|just|so|totally|absolutely|do) )*(?:love|loving|like|dig|adore|"
                            r"enjoy)s? (?:the|that|this|your) (?:very )?(?:intro|opening|beginning|start|ending|end|outro|finale|"
                            r"middle|(?:(?:first|last|final|opening|closing) )?(?:shot|cut|bit|part|section)(?: \d+)?)\W*$")

# a place of its own in the clause after a place praised ("... but it's too bouncy when he runs", "..., the end is too slow")
PLACE_SAID_RE = re.compile(r"\b(?:when|where|while|as soon as|in|at|on|during|from|after|before|until|till|towards?|around|"
                           r"intro|opening|beginning|start|ending|end|outro|finale|middle|shots?|cuts?|sections?|"
                           r"everywhere|overall|throughout|whole|rest)\b|\d")


# a thanks at a turn's start or end ("energy up, thanks!", "thanks, slow it", "speed it up thx"): `thanked`
THANKS = r"(?:thanks|thank (?:you|u|ya)|thankyou|thx|ty|tysm|ta|cheers)(?: (?:so much|a lot|very much|again))?"
# at the end, "cheers" and "ta" only after a mark: "louder when the crowd cheers" is the picture
THANKED_RE = re.compile(rf"^\W*{THANKS}\W+|[\s,;.!-]+{THANKS.replace('|ta|cheers', '')}\W*$|\s*[,;.!-]\W*(?:cheers|ta)\W*$", re.I)
# a state told that is a complaint ("the drums are a bit much for a wedding", "the piano is a bit lost under the drums"):
# the thanks is said beside a wish, never a state approved
SAID_WRONG_RE = re.compile(rf"\b(?:too|a bit much|(?:way |far )?too much|lost|buried|drowned|drowning|swamped|"
                           rf"{HARSH}|" + "|".join(sorted(FAULTS)) + rf")\b|{FLAWED}", re.I)
JOINED_RE = re.compile(r"\b(?:and|but|so|&)\W*$", re.I)   # "night night, and thank you": the thanks in the goodbye


def thanked(request: str) -> str:
    """The words a thanks at the start or the end of a turn is said beside, when they may ask for something rather than
    tell how the music is: "energy up, thanks!" -> "energy up", "bass is buried. fix it, ty" -> "bass is buried. fix it";
    "" for "it's calmer now, thanks" (its last sentence a state told, no complaint: `SAID_WRONG_RE`), "yes. that's the one. ty" (a sentence approves),
    "night night, and thank you", "thanks" alone, or no thanks. The chat asks the grammar whether they ask for an edit
    (`understanding.apply_edit`)."""
    said = request.strip(" ,.;!-")
    rest = THANKED_RE.sub("", said).strip(" ,.;!-")
    sentences = [x.strip(" ,.;!?") for x in SENTENCE_RE.findall(rest) if x.strip(" ,.;!?")]
    told = TOLD_RE.match(sentences[-1].lower()) and not SAID_WRONG_RE.search(sentences[-1]) if sentences else False
    if rest == said or not sentences or JOINED_RE.search(rest) or told or \
            any(approves(x) for x in sentences):
        return ""
    return rest


def approves(request: str) -> bool:
    """Whether a whole turn only thanks, praises, approves or signs off (`signed_off`, `approval` or `described`)."""
    return signed_off(request) or approval(request) or described(request) or loved(request) or bool(KEPT_VERSION_RE.match(request))


def loved(request: str) -> bool:
    """Whether a turn only praises a part by name ("love the piano", "I really like the sax, great"): approval of
    the part as it plays, no wish for more of it (`LOVED_PART_RE`, nothing compared or wished beside it)."""
    clauses = _clauses(request)
    return "?" not in request and any(LOVED_PART_RE.match(c) and named_parts(c) or LOVED_PLACE_RE.match(c) for c in clauses) and \
        all((LOVED_PART_RE.match(c) or LOVED_PLACE_RE.match(c) or PRAISED_RE.match(c) or signed_off(c)) and not COMPARATIVE_RE.search(c) and
            not WISHED_RE.search(c) for c in clauses)


def described(request: str) -> bool:
    """Whether a turn tells how the music is now and approves of it ("the intro is not slow anymore, good", "the bass
    is loud enough now"): every clause praises (`PRAISED_RE`) or tells a state approved (`_approved`), and one praises
    or says a part is enough. A complaint beside praise ("it's fine, the drums are loud", "love it, the end feels
    flat") is no approval."""
    clauses = _clauses(elided(_set_apart(request)))   # "ok good", "thanks" beside what is heard: praise ("... now, thanks")
    praised = [k for k, c in enumerate(clauses) if PRAISED_RE.match(c) or signed_off(c) or _ack(c)]
    told = [(k, c) for k, c in enumerate(clauses) if k not in praised]
    if "?" in request or not told or not all(_approved(c, any(p > k for p in praised)) for k, c in told):
        return False
    return bool(praised) or all(ENOUGH_RE.search(c) for _, c in told)


# a word of praise or a thanks said with no comma before or after what is heard ("nice the ending is calmer now thank you")
PRAISE_FIRST_RE = re.compile(r"^\W*((?:(?:ok|okay|nice|great|good|perfect|lovely|cool|awesome|brilliant|yes|yeah)\W+)+)(?=(?:the|it|this|that)\b)",
                             re.I)


def _ack(clause: str) -> bool:
    """Whether a clause is approval words alone ("ok good", "great"): not "give it the full works" (a wish, "works")."""
    return approval(clause) and not set(re.findall(r"[a-z']+", APPROVAL_RE.sub(" ", clause))) - FILLER


def _set_apart(request: str) -> str:
    """`request` with a praise word said first and a thanks said last each set apart by a comma, as a clause of its own."""
    request = PRAISE_FIRST_RE.sub(lambda m: m[1].rstrip() + ", ", request)
    return THANKED_RE.sub(lambda m: ", " + m[0].strip(" ,;.!-") + " " if m.start() else m[0], request)


def unpraised(request: str) -> str:
    """`request` without a state told and praised, or said to be enough, beside the edit it asks for ("slow in the
    intro, love it, but make the end faster" -> "but make the end faster"; "the drums are loud enough but the bass
    isn't" -> "the bass is not loud enough"): the state approved is no edit. The request as it is when nothing is left."""
    if (unposted := PUBLISHED_AT_RE.sub("", request)).strip(" ,.;!?"):   # "posting at 6 but make the drums quieter":
        request = unposted   # no 0:06
    if (but := CHANGE_BUT_RE.match(request)) and but["part"] and (parts := named_parts(but["part"].lower())) and \
            (THEY_RE.search(rest := request[but.end():]) or named_parts(rest.lower())):   # ("the strings are nice but too
        # forward": the complaint's subject, kept)
        verb = {"they're": " are", "they are": " are", "it's": " is", "it is": " is"}
        return THEY_RE.sub(lambda m: f"the {parts[0]}{verb.get(m[0].lower(), '')}", rest, 1)   # the praise of a part, no
        # edit; its "they" that part
    said_in_full = elided(CHANGE_BUT_RE.sub(r"\1, ", request))
    pieces = [(m.group(1), m.group(2)) for m in CLAUSE_RE.finditer(said_in_full) if m.group(1).strip()]
    said = [" ".join(c.lower().split()) for c, _ in pieces]
    drop = {x for k in range(1, len(said)) if PRAISED_RE.match(said[k]) and not PRAISED_RE.match(said[k - 1]) and
            _approved(said[k - 1], True) for x in (k - 1, k)}
    drop |= {k for k, c in enumerate(said) if ENOUGH_RE.search(c) and _approved(c, False) or CHANGE_PRAISED_RE.match(c)}
    # "the drums are loud enough"; "ok louder is good, but ...", "love the extra weight, but ...": the last change liked
    drop |= {k for k, c in enumerate(said[:-1]) if LOVED_PART_RE.match(c) and named_parts(c) and   # "love the piano, the
             named_parts(said[k + 1]) and not set(named_parts(c)) & set(named_parts(said[k + 1]))}   # drums are too loud"
    drop |= {k for k, c in enumerate(said[:-1]) if LOVED_PLACE_RE.match(c) and   # "love the opening! but it's too bouncy
             any(PLACE_SAID_RE.search(d) for d in said[k + 1:])}   # when ...": the place praised is no place of the edit after
    # it; "love the intro! make it slower" (no place of its own): the intro is where the edit goes
    kept = "".join(c + sep for k, (c, sep) in enumerate(pieces) if k not in drop).strip()
    return kept if drop and kept else request


def elided(request: str) -> str:
    """`request` with a part said after another part's "X enough" in full ("the drums are loud enough but the bass
    isn't" -> "the drums are loud enough, the bass is not loud enough"; "..., the bass too" -> "..., the bass is loud
    enough")."""
    m = ENOUGH_ELIDED_RE.match(" ".join(request.split()))
    if not m:
        return request
    neg = m.group("neg") or ""
    plural = m.group("part").endswith("s") and not m.group("part").endswith("ss")
    verb = "are" if neg.startswith("are") or plural and not neg.startswith("is") else "is"
    return f"{m.group('told')}, {m.group('part')} {verb}{' not' if neg else ''} {m.group('q')} enough"


def _clauses(request: str) -> list[str]:
    """The clauses of a turn, lower case."""
    return [c for c in CLAUSES_RE.split(" ".join(request.lower().split())) if c.strip()]


def _approved(clause: str, praised_after: bool) -> bool:
    """Whether a told clause says a state the person approves of: nothing wished (`WISHED_RE`), and said to be over or
    reached (`SETTLED_RE`), or with no complaint in it (`COMPLAINT_RE`) and a quality only when praise follows it."""
    if not TOLD_RE.match(clause) or WISHED_RE.search(clause):
        return False
    return bool(SETTLED_RE.search(clause)) or not COMPLAINT_RE.search(clause) and \
        (praised_after or not QUALITY_RE.search(clause))


def hands_off(request: str) -> bool:
    """Whether a turn signs off or says to leave the score as it is ("perfect, leave it like that", "this is final",
    "lovely. leave everything else exactly as it is"), with nothing locked and no change asked beside it."""
    return bool(HANDS_OFF_RE.search(request) or re.search(REST_STAYS, request, re.I) or PRAISE_RE.match(request) or
                signed_off(request)) and not LOCK_WORDS_RE.search(request) and not beside_change(request)


def signed_off(request: str) -> bool:
    """Whether a turn only thanks, praises or signs off ("cheers, that'll do nicely", "played it twice already, love
    how it sits under the dialogue"): a closing word and, beside it, no question and nothing wished or named."""
    if "?" in request or not CLOSING_RE.search(request) or ORDERED_RE.search(request):
        return False
    rest = SURPRISE_RE.sub(" ", CLOSING_RE.sub(" ", request))
    return not WISH_BESIDE_CLOSING_RE.search(rest) and not named_parts(rest.lower()) and \
        not set(re.findall(r"[a-z]+", rest.lower())) & _qualities()


@lru_cache(maxsize=1)
def _qualities() -> set[str]:
    """Words that say how the music should be ("sad", "busy", "jazz"): beside praise, still a wish ("gorgeous, sadder")."""
    return {w for m in MOODS.values() for w in m.words if " " not in w} | set(TOO) | \
        {w for n in style_names() for w in n.split("_")}


def approval(request: str) -> bool:
    """Whether the message only approves of the score as it is ("ok cool ty", "haha the bass line is sick, keep it",
    "lol my kid says it sounds like a movie now. we're happy"): no wish, no comparative asked for, a part named only
    as what it is."""
    low = " ".join(request.lower().split())
    if not APPROVAL_RE.search(LIKENED_RE.sub(" ", low)) or WISH_BESIDE_APPROVAL_RE.search(low) or ORDERED_RE.search(low):
        return False   # "warm and snug like a nice quilt": the quilt is nice, the music is wished so
    if COMPARATIVE_RE.search(COMPARED_RE.sub(" ", low)) or PLACE_RE.search(low) or COMPLAINT_RE.search(low):
        return False   # "nice, the bass is muddy": a complaint beside the praise
    said = set(re.findall(r"[a-z']+", low))
    if not {m.group(0) for m in APPROVAL_RE.finditer(low)} - WEAK and said - FILLER:
        return False   # "ok, jazz": an acknowledgement and a wish
    return not named_parts(low) or bool(COPULA_RE.search(low))
