"""How people say things the edit grammar reads plainly: idioms ("ease off the speed a touch" = a little
slower), "too X" (move away from X), shapes over time ("start soft and grow"), references to earlier
versions ("like it was before", "the original tempo", "version 2") and culture, era or purpose ("a 70s cop
show", "a wedding video") read as a style and its instruments, with the reason in words.

    from v2m.agent.dialogue.phrases import plain, culture
    plain("that's a bit too busy")       # " a bit  less busy "  (the grammar's own words)
    culture("like a 70s cop show")       # (Culture(style="funk", adds=("brass",), reason="..."), text left)

Used by `v2m.agent.dialogue.edits` before its parsers read a clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from v2m.agent.dialogue.minilm import model_dir
from v2m.agent.dialogue.vocab import INSTRUMENTS, MOODS, ROLE_WORDS
from v2m.tools.style import load_style, style_names

# Idioms for dimensions the grammar knows, rewritten to its own words. Order matters: longer first.
IDIOMS: tuple[tuple[str, str], ...] = (
    (r"\b(?:ease|back) off (?:the )?(?:speed|pace|tempo)\b|\bease (?:the )?(?:pace|speed|tempo) off\b"
     r"|\b(?:it'?s )?rushing\b|\bless rushed\b|\bbring (?:the )?(?:tempo|pace|speed) down\b", "slower"),
    (r"\bpush it along\b|\bpick up the (?:tempo|pace|speed)\b|\bmove it along\b|\bmore fast\b|\bspeed it up\b"
     r"|\b(?:it'?s |is )?dragging\b|\btake the tempo up\b|\btempo up\b|\bquicken\b|\bquicker\b", "faster"),
    (r"\ba hair\b|\ba smidge\b|\ba notch\b|\ba tiny bit\b|\bjust a bit\b|\bslightly\b|\ba little\b", "a little"),
    (r"\bwake it up\b|\bmore punch\b|\bpunch it up\b|\bmore oomph\b|\bmore life\b|\bliven it up\b|\blift (?:it|them)\b"
     r"|\bopen it up\b|\bmore power\b|\bmore strong\b|\bmake it pop\b|\bkick it up\b|\bgive it some (?:energy|life)\b"
     r"|\bsoar\b|\blift again\b|\bmore drive\b|\bmore tension\b|\bbusier\b|\bmore hype\b|\bhype it\b"
     r"|\bhyped\b|\btoe[- ]tapping\b|\bgroovier\b|\bmore groove\b|\bbouncier\b|\bmore bounce\b", "more energy"),
    (r"\bbig moment\b|\bgo (?:all out|big)\b|\b(?:the )?full works\b|\ball guns blazing\b|\bpull out all the stops\b"
     r"|\beverything (?:it'?s|you'?ve) got\b|\bmake it (?:huge|massive)\b", "much more energy"),
    (r"\b(?:kind of |a bit )?(?:sags?|sagging|loses? (?:steam|momentum)|runs? out of steam|(?:goes|falls?) flat)\b"
     r"|\bkeep (?:the energy|the momentum|the pace) (?:going|up)\b", "more energy"),
    (r"\bfewer (?:instruments|parts|layers)\b|\bless instruments\b|\bpull (?:it|things|everything|them) (?:back|down)\b(?! to \d)|\bback it off\b(?! to \d)|\bthin (?:it|things) out\b|\bthin it\b"
     r"|\bcalm it down\b|\bsoften it\b|\btake it down\b|\bdial it back\b|\bstrip it back\b|\bless going on\b"
     r"|\btoo much (?=now|here|there)\b|\bkeep it minimal\b|\btoo much (?:going on|happening)\b|\brein it in\b|\bsettle it\b|\bground it\b|\bless busy\b", "less energy"),
    (r"\b(?:go|goes|going|be|keep (?:it|the music)|very|music) (?:very |really |a bit )?(?:quiet|low|soft|down)\b",
     "quieter"),
    (r"\bturn it down\b|\bthe volume of all\b|\blower the whole mix\b|\bwhole mix (?:down|lower)\b", "quieter"),
    (r"\bturn it up\b|\braise the whole mix\b", "louder"),
)

# "too X" -> the grammar's words for moving away from X.
TOO: dict[str, str] = {}
for words, away in (
    ("fast quick rushed hurried frantic speedy", "slower"),
    ("slow sluggish draggy", "faster"),
    ("busy cluttered crowded full dense intense aggressive hectic chaotic heavy pompous big energetic "
     "bombastic overpowering hot", "less energy"),
    ("sleepy drowsy dull flat boring weak thin empty sparse quiet soft static lifeless timid chill calm mellow "
     "relaxed tame polite", "more energy"),
    ("dark gloomy sad moody minor", "brighter"),
    ("happy bright cheerful sunny sweet cheesy major", "darker"),
    ("high loud noisy", "quieter"),
):
    for w in words.split():
        TOO[w] = away
# "not so loud", "not as busy", "less sluggish": the same move away as "too loud", "too busy", "too slow"
NOT_SO_RE = re.compile(r"\b(?:not (?:quite |nearly )?(?:so|as|that|too)|less) (?:much )?("
                       + "|".join(sorted(TOO, key=len, reverse=True)) + r")\b")
TOO_ANY_RE = re.compile(r"\btoo (?:much )?(?!(?:now|here|there|then|for|and|but|with|at|in|on|so)\b)([a-z]{3,})\b")
TOO_RE = re.compile(r"\b(?:is |it'?s |that'?s |sounds |feels |a bit |a little |way |much |kind of |slightly )*"
                    r"too (?:much )?(?:bit )?(" + "|".join(sorted(TOO, key=len, reverse=True)) + r")\b")

# Shapes over time: (pattern, levels across the scope).
SHAPES: tuple[tuple[str, tuple[float, ...]], ...] = (
    (r"\b(?:start|begin|open)\w* (?:\w+ ){0,4}?(?:soft|quiet|silent|small|gentle|nothing|low|sparse|calm)\w*"
     r"(?: \w+){0,6}? (?:and |then |after )?(?:\w+ ){0,3}?(?:grow|build|swell|rise|climb|creep|become big|get bigger|lift)\w*",
     (0.15, 0.9)),
    (r"\bgrow\w* from (?:nothing|silence)|\bbuild\w* (?:it )?from\b|\bcreep up\b|\bcrescendo\b|\bsunrise\b"
     r"|\bswell\w* into\b|\bgradually (?:louder|bigger|build|grow)\w*|\bbuild\w* (?:up )?(?:to|into|towards) the end"
     r"|\bramp\w* up\b|\bgrow\w* (?:all the way|towards|to the end|into)\b|\blike it'?s going somewhere\b", (0.15, 0.9)),
    (r"\b(?:more and more|bigger and bigger|louder and louder|busier and busier|keeps? building)\b", (0.15, 0.9)),
    (r"\b(?:less and less|quieter and quieter|softer and softer|smaller and smaller)\b", (0.8, 0.15)),
    (r"\b(?:fade|fades|fading|faded)(?: it)?(?: out)?\b|\bdie away\b|\bwind\w* down\b|\btaper\w* off\b|\bdecrescendo\b"
     r"|\bgo down slowly\b|\bgradually (?:quieter|softer|smaller)", (0.8, 0.15)),
)

NOT_READ_RE = re.compile(r"[^a-z0-9#:.%' -]+")   # characters no parser reads


def words(text: str) -> str:
    """`text` as the parsers read it: lower-cased, other characters as spaces, single-spaced, one space around."""
    return " " + re.sub(r"\s+", " ", NOT_READ_RE.sub(" ", text.lower())).strip() + " "


# The grammar's words for size, tempo, energy and loudness (read by `v2m.agent.dialogue.edits`).
SMALL = r"\b(?:a (?:little )?bit|slightly|a little|a touch|somewhat|a tad|marginally)\b"
BIG = (r"\b(?:much|a lot|far|lots|really|very|significantly|drastically|dramatically|considerably)\b"
       r"|\bway (?=more|less|too|\w+er\b)")  # "way faster", not "is there a way to"
SLOW_RE = (r"\b(?:slower|slow(?: it| things)? down|slow|less fast|more slowly|lower tempo|reduce the tempo|"
           r"drop the tempo|decrease the tempo|lower the tempo|relax the pace|ease off the tempo)\b")
FAST_RE = (r"\b(?:faster|speed(?: it| things)? up|fast|quicker|quick|more quickly|higher tempo|up the tempo|"
           r"raise the tempo|increase the tempo|pick up the pace|more tempo|hurry)\b")
MORE_RE = (r"\b(?:more energy|more energetic|energetic|busier|denser|fuller|more intense|intense|livelier|"
           r"more lively|punchier|bigger|stronger|more driving|build(?: it)? up|more power|more powerful|"
           r"more action|more exciting|exciting|more impact|more dense|richer|thicker|wilder)\b")
LESS_RE = (r"\b(?:less energy|less energetic|sparser|sparse|thinner|less busy|simpler|lighter|softer|gentler|"
           r"more minimal|minimal|stripped[- ]down|strip it down|tone it down|less intense|more subtle|subtler|"
           r"smaller|quieter|more delicate|less dense|emptier|barer)\b")
LOUD_RE = r"\b(?:louder|turn (?:it |the music )?up|more volume|raise the volume|increase the volume|volume up)\b"
QUIET_RE = (r"\b(?:turn (?:it |the music )?down|less volume|lower the volume|reduce the volume|volume down|"
            r"too loud|quieter overall|quieter)\b")

# References to earlier versions.
PREVIOUS_RE = re.compile(r"\b(?:like|as|how|the way) (?:it|they) (?:was|were|is|sounded)(?: just)? before\b"
                         r"|\bput it back how it was\b|\bback (?:to )?how it was\b|\bprevious version\b"
                         r"|\bbetter (?:like|as) before\b|\bbefore that(?: last)? change\b|\bundo (?:that|the last)\b"
                         r"|\bput that back\b|\brevert(?: that| it| this)?\b|\bscrap that\b|\bforget that\b|\breturn please\b|^\s*return\b|^\s*undo\b")
LAST_N_RE = re.compile(r"\bundo (?:the )?last (two|three|four|2|3|4)\b|\bgo back (two|three|2|3) (?:steps|versions|edits)\b")
ORIGINAL_RE = re.compile(r"\boriginal\b|\b(?:first|starting|initial) (?:one|version|score|plan|take)\b"
                         r"|\bwhere it (?:began|started)\b|\bwe started with\b|\bat the start(?:ed)? with\b"
                         r"|\bfrom the start\b")
# Before every change so far: "before all the changes", "undo everything", "start over"; said first, as these
# also contain the words of PREVIOUS_RE ("put it back how it was ..., before all the changes").
EVERY_CHANGE_RE = re.compile(r"\bbefore (?:all|any|every)(?: of)?(?: the| my| our| your)? (?:changes?|edits?|tweaks?)\b"
                             r"|\bundo (?:all|everything|every (?:change|edit))\b|\b(?:start|begin) (?:over|again|afresh)\b"
                             r"|\bfrom scratch\b|\breset (?:it|everything|the (?:score|music|plan))\b|\bthe very first (?:version|one|score|take)\b"
                             r"|\b(?:was|were|sounded) (?:at|in) the (?:very )?(?:beginning|start)\b")
VERSION_RE = re.compile(r"\bversion (?:number )?(\d{1,2})\b|\bv(\d{1,2})\b")
BACK_RE = re.compile(r"\b(?:back|return|revert|go back|bring|restore|put|as in|like in|how is in|same as|again|"
                     r"hear|listen to)\b")
ATTRIBUTES = {"tempo": "tempo", "speed": "tempo", "pace": "tempo", "bpm": "tempo", "key": "key", "mode": "mode",
              "style": "style", "genre": "style", "instruments": "instruments", "instrumentation": "instruments",
              "energy": "energy", "volume": "loudness", "loudness": "loudness"}


@dataclass(frozen=True)
class Culture:
    style: str
    adds: tuple[str, ...]
    reason: str
    mode: str | None = None


# Culture, era and purpose -> a style and instruments, with the reason said to the user.
CULTURES: tuple[tuple[str, Culture], ...] = (
    (r"\b(?:70s|seventies|1970s) (?:cop|police|detective|crime)|\bcop show\b|\bblaxploitation\b",
     Culture("funk", ("brass",), "70s cop shows ran on funk: wah guitar, slap bass and brass hits")),
    (r"\bhollywood epic\b|\bsword and sandal|\bsandals\b|\bchariots?\b|\bbiblical\b|\bben[- ]hur\b|\bgladiator",
     Culture("cinematic", ("brass",), "old Hollywood epics are full orchestra with brass fanfares")),
    (r"\bwedding\b|\bbridal\b|\bfirst dance\b",
     Culture("classical", ("strings",), "wedding films lean on warm piano and strings in a major key", "major")),
    (r"\b(?:old|classic|vintage|saturday morning) cartoon|\bcartoon chase\b",
     Culture("jazz", ("xylophone",), "old cartoon chases were fast big-band jazz with xylophone runs")),
    (r"\b(?:80s|eighties|1980s) (?:action|movie|film|cop|tv)|\b(?:80s|eighties) (?:\w+ )?movie\b",
     Culture("synthwave", ("drums",), "80s action films ran on synths and gated drums")),
    (r"\bsmoky bar\b|\blate[- ]night (?:\w+ )?bar\b|\bspeakeasy\b|\bnoir\b|\bdetective\b",
     Culture("jazz", ("sax",), "a smoky late-night bar is small-group jazz with a saxophone")),
    (r"\bitalian (?:restaurant|trattoria|cafe)|\btrattoria\b",
     Culture("folk", ("accordion",), "an Italian restaurant suggests accordion and acoustic guitar")),
    (r"\b(?:old|traditional|ancient|feudal) japan\w*|\bjapanese (?:traditional|temple|garden)|\bsamurai\b",
     Culture("ambient", ("koto",), "traditional Japan suggests koto and a spare, slow texture")),
    (r"\bwestern\b|\bcowboy\b|\bspaghetti\b|\bsaloon\b",
     Culture("western", ("harmonica",), "westerns call for acoustic guitar, fiddle and harmonica")),
    (r"\bcorporate\b|\bexplainer\b|\bproduct (?:video|launch|demo)\b|\bcommercial\b|\bad\b",
     Culture("electronic", ("piano",), "corporate and product videos use light, clean electronic pop")),
    (r"\bhorror\b|\bhaunted\b|\bthriller\b",
     Culture("ambient", ("strings",), "horror scores are dark drones with unsettled strings")),
    (r"\bdocumentary\b|\bnature (?:film|doc)",
     Culture("cinematic", ("strings",), "documentaries favour understated orchestral strings")),
    (r"\btravel (?:vlog|video)\b|\bvlog\b|\bsummer (?:trip|holiday)\b|\bbeach (?:party|holiday)\b",
     Culture("bossa", ("guitar",), "travel vlogs sound sunny: light latin guitar grooves")),
    (r"\bsilent (?:movie|film)\b|\bslapstick\b|\bragtime\b|\bvaudeville\b|\bsaloon piano\b|\bhonky[- ]tonk\b",
     Culture("silent_film", (), "silent films were scored by a lone piano playing ragtime and stride")),
    (r"\bboss (?:fight|battle)\b|\bfinal boss\b",
     Culture("rock", ("drums",), "a boss fight wants driving rock drums and guitars")),
    (r"\bvideo ?game\b|\bretro game\b|\barcade\b|\b8[- ]?bit\b|\bchiptune\b",
     Culture("chiptune", (), "retro games mean square-wave chip leads and arpeggios")),
    (r"\bchurch\b|\bhymn\b|\bfuneral\b|\bmemorial\b",
     Culture("classical", ("church organ",), "a church or a memorial suggests organ and slow harmony")),
    (r"\bbirthday\b|\bkids'? party\b|\bchildren'?s\b",
     Culture("folk", ("glockenspiel",), "a children's party wants bright, bouncy folk with glockenspiel")),
    (r"\bsports? (?:highlight|montage|promo)|\bworkout\b|\bgym\b|\btraining montage\b",
     Culture("rock", ("drums",), "sports montages drive with rock drums and guitars")),
    (r"\bstudy(?:ing)? (?:music|session)\b|\bcoffee ?shop\b|\bcafe\b|\brainy day\b",
     Culture("lofi", ("electric piano",), "study and cafe scenes suit mellow lo-fi with electric piano")),
    (r"\bspy (?:movie|film|thriller)\b|\bbond film\b|\b(?:60s|sixties) spy\b",
     Culture("jazz", ("brass", "electric guitar"), "60s spy films mean brassy jazz with a twangy guitar")),
    (r"\bbollywood\b|\bindian (?:wedding|film)\b",
     Culture("electronic", ("sitar",), "Bollywood scores mix dance beats with sitar")),
)


# Phone typing: shorthand, then words written without their vowels ("slwr", "drms") or with one letter
# dropped ("evrything"), matched against the words the grammar reads.
SHORTHAND = ((r"^\s*2 (?=[a-z])", "too "), (r"@", " at "), (r"\bnvm\b", "never mind"), (r"\bpls\b|\bplz\b", "please"),
             (r"\bu\b", "you"), (r"\bw/o\b", "without"), (r"\bw/", "with "), (r"\bthx\b", "thanks"))
KNOWN = set("""slower faster louder quieter softer more less after before from until everything drums drum bass strings
piano guitar melody shot shots cut cuts ending intro outro start end energy tempo bigger smaller busier calmer darker
brighter happier sadder fade hit crash lock unlock undo redo minor major key please again remove without add
add back version original second third first last louder quieter volume sparser fuller quicker slow fast music
beat percussion synth organ flute violin cello trumpet brass horns sax saxophone keys kick snare choir pad lead
through everywhere whole thing instead swap replace only just every each all cut""".split())


def _skeleton(w: str) -> str:
    return w[0] + re.sub(r"[aeiou]", "", w[1:])


@lru_cache(maxsize=1)
def _known() -> tuple[frozenset[str], dict[str, str]]:
    """The words the grammar reads (its own, instruments, moods, styles) and their vowel-less skeletons."""
    words = set(KNOWN) | {w for k in INSTRUMENTS for w in k.split()} | set(ROLE_WORDS) | \
        {w for m in MOODS.values() for p in m.words for w in p.split()} | \
        {w for n in style_names() for k in [n, *load_style(n).keywords] for w in re.findall(r"[a-z]+", k)}
    skeletons: dict[str, str] = {}
    for w in sorted(words, key=lambda x: (len(x), x)):
        if len(w) >= 3:
            skeletons.setdefault(_skeleton(w), w)
    return frozenset(words), skeletons


@lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    """Whole words of the MiniLM tokenizer's vocabulary (30k WordPieces): words that are spelt right."""
    try:
        return frozenset(w for w in (model_dir() / "vocab.txt").read_text().split() if w.isalpha())
    except Exception:  # noqa: BLE001 - no encoder installed: correct only what is clearly shorthand
        return frozenset()


def spelled(text: str) -> str:
    """`text` with shorthand expanded and misspelt grammar words corrected (lower-case input)."""
    import difflib

    for pat, rep in SHORTHAND:
        text = re.sub(pat, rep, text)
    english = _english()
    known, skeletons = _known()

    def fix(m: re.Match) -> str:
        w = m.group(0)
        if w in known or len(w) < 3 or w in english:
            return w
        if _skeleton(w) in skeletons:  # "slwr", "drms", "minr": the vowels left out
            return skeletons[_skeleton(w)]
        if len(w) >= 5:
            close = difflib.get_close_matches(w, known, n=1, cutoff=0.86)
            if close:
                return close[0]
        return w
    return re.sub(r"[a-z]+", fix, text)


# Words that carry no edit: dictation fillers, hedges and politeness ("um, can you like make it ...", "pull
# it right back", "a wee bit", "at like 0:09"), dropped before the grammar reads a clause.
FILLERS = ((r"\b(?:um+|uh+|erm|er|hmm+|you know|i guess|basically|literally|honestly|tbh|mate|kindly)\b", " "),
           (r"\b(?:sort|kind) of\b(?= \w)", " "), (r"\blike(?= \d| about| around|,)", " "),
           (r"\bright(?= (?:back|on|at|into|in|there|before|after|up|down|from|till|until|to the)\b)", " "),
           (r"\ba wee\b", "a"), (r"\bround about\b", "around"), (r"\bdo the needful\b", " "))


def unfilled(text: str) -> str:
    """Lower-case `text` without the fillers that carry no edit."""
    for pat, rep in FILLERS:
        text = re.sub(pat, rep, text)
    return text


def plain(text: str) -> str:
    """`text` with idioms and "too X" rewritten into the grammar's words."""
    t = re.sub(r"\s+", " ", text)
    for pat, words in IDIOMS:
        t = re.sub(pat, f" {words} ", t)
    t = TOO_RE.sub(lambda m: f" {TOO[m.group(1)]} ", t)
    t = NOT_SO_RE.sub(lambda m: f" {TOO[m.group(1)]} ", t)
    # "too epic" is no wish for more epic: an X the grammar cannot move away from is not read as asked for
    # ("too corporate" is kept: a culture moved away from, see `shunned`)
    t = TOO_ANY_RE.sub(lambda m: m.group(0) if m.group(1) in ("much", "many", "long", "short") or shunned(m.group(0))
                       else " ", t)
    return re.sub(r"\s+", " ", t)


def too_question(text: str) -> str | None:
    """The question for "too X" with an X the grammar cannot move away from on its own ("too epic"), asked
    only when nothing else in the clause was read ("too epic, tone it down" is read as less energy)."""
    m = TOO_ANY_RE.search(plain(text))
    if m and m.group(1) not in ("much", "many", "long", "short"):
        return (f"Less {m.group(1)}: should it be more energetic, faster, brighter (major), or another style? "
                "Pick one, or say it another way.")
    return None


def shape(text: str) -> tuple[tuple[float, ...], re.Match] | None:
    """The energy levels a shape-over-time phrase asks for, and the match."""
    for pat, levels in SHAPES:
        if (m := re.search(pat, text)):
            return levels, m
    return None


# Words before a culture that turn it away: "less corporate", "not so corporate", "too corporate now".
AWAY_RE = re.compile(r"\b(?:less|not(?: so| as| that| too| very)?|too|no more|nothing|away from|un)"
                     r"(?: (?:of|an?|the|so|like|as|much|more))*(?: \w+)?\s*-?$")


def _cultures(text: str) -> list[tuple[Culture, re.Match]]:
    found = ((c, re.search(pat, text)) for pat, c in CULTURES)
    return sorted(((c, m) for c, m in found if m), key=lambda cm: cm[1].start())


def _blank(text: str, a: int, b: int) -> str:
    return text[:a] + " " * (b - a) + text[b:]


def culture(text: str) -> tuple[Culture, str] | None:
    """The style a culture, era or purpose names ("like a 70s cop show") and the text with it blanked out, or
    None; not one said to move away from ("less corporate": see `shunned`)."""
    return next(((c, _blank(text, *m.span())) for c, m in _cultures(text) if not AWAY_RE.search(text[:m.start()])),
                None)


def shunned(text: str) -> tuple[Culture, str, str] | None:
    """A culture the words move away from ("less corporate", "too corporate now"), the text with that blanked
    out (the turning words too), and the culture's own words."""
    return next(((c, _blank(text, a.start(), m.end()), m.group(0).strip()) for c, m in _cultures(text)
                 if (a := AWAY_RE.search(text[:m.start()]))), None)


def reference(text: str) -> tuple[int, str | None] | None:
    """An earlier version the clause points back to: (version, attribute or None for everything).
    version >= 0 counts edits (0 = the first score); -1 is the version before the last change."""
    attr = next((a for w, a in ATTRIBUTES.items() if re.search(rf"\b{w}\b", text)), None)
    if (m := VERSION_RE.search(text)) and BACK_RE.search(text):
        return int(m.group(1) or m.group(2)), attr
    if (m := re.search(r"\bafter the (?:very )?(first|second|third|1st|2nd|3rd) (?:change|edit)\b", text)):
        return {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}[m.group(1)], attr
    if (m := LAST_N_RE.search(text)):
        return -{"two": 2, "three": 3, "four": 4}.get(m.group(1) or m.group(2), int((m.group(1) or m.group(2))
                                                                                  if (m.group(1) or m.group(2)).isdigit() else 1)), attr
    if EVERY_CHANGE_RE.search(text):
        return 0, attr
    if PREVIOUS_RE.search(text):
        return -1, attr
    if ORIGINAL_RE.search(text) and (attr or (BACK_RE.search(text) or re.search(r"\b(?:still|should be|as)\b", text))
                                     and re.search(r"\b(?:version|score|plan|one|original)\b", text)):
        return 0, attr
    return None
