"""Culture, era and purpose read as a style and its instruments ("a 70s cop show" is funk with brass, "a wedding
video" classical strings in a major key), with the reason said to the user; a culture moved away from ("less
corporate"); and a piece only the speaker knows ("like the one at Tunde's wedding"), which is asked about.

    from v2m.agent.dialogue.cultures import culture
    culture(" like a 70s cop show ")     # (Culture(style="funk", adds=("brass",), reason="..."), text left)

Used by the rules grammar (`v2m.agent.dialogue.edits`) and its phrase rewriting (`phrases`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


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
    (r"\bchampions league\b|\b(?:football|soccer|stadium|sports?) anthem\b|\bolympics?\b",
     Culture("cinematic", ("choir",), "the Champions League anthem and Olympic themes are full orchestra and choir")),
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
    (r"\bnight ?clubs?\b|\bclub night\b|\bdance ?floor\b|\braves?\b|\bdiscos?\b|\bdj set\b",
     Culture("electronic", (), "a club night means four-on-the-floor electronic dance music")),
    (r"\bbollywood\b|\bindian (?:wedding|film)\b",
     Culture("electronic", ("sitar",), "Bollywood scores mix dance beats with sitar")),
)


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


# A piece only the speaker knows ("like the one at Tunde's wedding", "like the hymn we sing every Sunday", "our
# song"): nothing in the words says how it sounds, so it is asked about, never guessed from "wedding" or "hymn".
PRIVATE_RE = re.compile(
    r"\b(?:like|as|of|same as) (?:the|that|our|his|her|their|my|your) (?:one|song|tune|track|piece|hymn|music|number|"
    r"anthem|carol|band|record|mix)s? (?:(?:at|from|in|on) (?:[a-z]+'s|(?:our|my|his|her|their|your) [a-z]+)\b|"
    r"(?:that |which )?(?:we|they|he|she|you|i|everyone|everybody|people|the \w+|our \w+|my \w+) (?:always |all |usually |"
    r"used to )?(?:sing|sang|play|played|hear|heard|use|used|love|loved|had|danced|know|knew|like|liked)s?\b)"
    r"|\bour song\b|\byou know the one\b|\bdo you know (?:which|what) (?:one|song|tune|piece|hymn)\b")


def private(text: str) -> str | None:
    """The words naming a piece only the speaker knows, or None."""
    m = PRIVATE_RE.search(text)
    if m and re.match(r"\s*(?:in|at|on|during) (?:a|an|any|every|most|some) ", text[m.end():]) and culture(text[m.end():]):
        return None   # "the music they play in an Italian trattoria": any such place, which says how it sounds
    return m.group(0).strip() if m else None
