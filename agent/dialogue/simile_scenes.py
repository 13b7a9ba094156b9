"""Everyday scenes and feelings a simile names ("like a funeral", "cosy", "too sweet") and how each feels (`Feel`): a mood
to move toward or away from, the grammar's words for either way, or, for a word that goes more than one way ("cold",
"flat"), the question to ask and the answers it offers. Read by `v2m.agent.dialogue.similes`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Feel:
    mood: str | None = None   # a `vocab.MOODS` key the scene feels like
    toward: str = ""          # the grammar's words for moving toward it, when not the mood itself
    away: str = ""            # ... and away from it, when not the mood's opposite
    ask: str = ""             # which way to move is not said by the words ("cold"): this question, with ...
    answers: tuple[str, ...] = ()   # ... the answers it offers (an answer is read with the question's request)

    @property
    def unclear(self) -> bool:
        return bool(self.ask)


COLD = Feel(ask="'{w}' can go more than one way: softer and slower, or fuller and richer with more instruments "
                "(strings, pads)? Say which, and where.",
            answers=("softer", "slower", "calmer", "warmer", "cosier", "cosy", "homey", "homely", "snug", "fuller", "richer", "bigger"))


SWEET = Feel(ask="Less '{w}': fewer strings, a darker (minor) key, or calmer and sparser? Say which.",
             answers=("fewer strings", "less strings", "darker", "minor", "calmer", "sparser", "simpler"))


# Everyday scenes and feelings -> how they feel, in one place (the cultures that name a style stay in `cultures`).
SCENES: tuple[tuple[str, Feel], ...] = (
    # low and mournful
    (r"funerals?|memorial(?: service)?|graveyard|cemetery|hearse|some(?:body|one)(?: has|'s)? died|(?:a )?sad (?:film|movie|song|"
     r"documentary)|tear ?jerker|make (?:people|you|everyone|them|us|me|the audience|viewers) (?:cry|weep|tear up)"
     r"|bring (?:a )?tears?|break (?:your|their|people'?s) hearts?|heart ?break|weep|sob|in tears|tearful", Feel("sad")),
    (r"horror (?:film|movie)|scary (?:film|movie)|haunted house|ghost (?:story|train)", Feel("mysterious")),
    (r"(?:the )?party'?s over|party is over|every(?:one|body)(?: has)?(?: already)? (?:gone|went) home|morning after|end of the (?:day|night)|deflated|(?:a )?let ?down",
     Feel(toward="less energy", away="more energy")),
    # soft, warm and slow
    (r"cos(?:y|ier)|coz(?:y|ier)|snug(?:gly)?|homely|homel(?:ier)|homey|homier|(?:a |the )?blankets?|duvet|fireplace|log fire|"
     r"(?:grandma|granny|nan|nana|nanna|nanny|gran|grandmother|grandparents)'?s (?:house|kitchen|place)|coming home|home ?coming|"
     r"cup of (?:tea|cocoa)|hot chocolate|lullaby|bedtime|tucked in|"
     r"glass of wine|sit(?:ting)? outside|(?:put|with) (?:your|their|my) feet up|lazy (?:sunday|afternoon|day)|"
     r"sunday morning|hammock|spa\b|massage|yoga|meditation|library|(?:lift|elevator) music|"
     r"(?:in|like) (?:a|the|being in a) lift\b|elevators?|waiting room|hold music|on hold|"
     r"(?:fancy|nice) restaurant", Feel("calm")),
    (r"warmer|warm (?:sound|tone|timbre|feel|mix)|more warmth|(?<=too )warm|(?<=overly )warm",
     Feel(toward="a little softer with a warm balance", away="a little more energy with a cool balance")),
    (r"fairy ?tales?|(?:a |in a )?dream(?:land)?|floating|on (?:a )?cloud", Feel("dreamy")),
    # high, busy and bright
    (r"supermarkets?|shopping (?:centre|center|mall)|(?:a |the )?mall\b|game ?shows?|infomercials?|"
     r"(?:tv|telly) (?:advert|ad)s?|theme park|holiday camp", Feel("happy")),
    (r"circus(?:es)?|clowns?|fun ?fair|fairground|carnival|kids'? (?:tv|show)|bouncy castle", Feel("playful")),
    (r"car chases?|chase scene|bank robbery|robbery|rob\w* (?:a |the )?bank|heist|getaway|shoot ?out|bomb (?:squad|disposal)|crime scene|disaster (?:movie|film)|"
     r"ticking (?:clock|bomb)|police raid|[a-z]+ (?:(?:is|are) )?(?:chasing|running after|racing|fleeing(?: from)?|escaping from|pursuing|hunting down) (?:a |an |the |other |another )?[a-z]+", Feel("tense")),   # one after another, as seen: "dog running after a cat"
    (r"the olympics|olympics|world cup|stadium|blockbuster|superhero|battle ?field|war (?:film|movie)|"
     r"action (?:film|movie)|trailer", Feel("epic")),
    (r"special|(?:the |a )?(?:star|champion|winner)\b(?! (?:arrives?|walks?|enters?|appears?|comes?|runs?|shows? up|steps?|turns? up|jumps?|falls?|dies|leaves?|gets? (?:in|here|there))\b)|(?:the )?hero\b(?! (?:arrives?|walks?|enters?|appears?|comes?|runs?|shows? up|steps?|turns? up|jumps?|falls?|dies|leaves?|gets? (?:in|here|there))\b)|centre stage|center stage|spotlight|limelight|proud|sparkl\w*|"
     r"stand out|shine|blossom(?:ing)?|bloom(?:ing)?", Feel(toward="more energy", away="less energy")),   # opens up now; "the hero arrives at 0:20": a person on screen, no simile
    # a shape, a tempo, an instrument
    (r"(?:a |the )?doors? opening|opening (?:a|the) door|curtains? (?:going|coming) up|taking off|take ?off|"
     r"(?:the )?sun (?:coming|breaking) (?:out|through)|dawn",
     Feel(toward="gradually build", away="gradually softer")),
    (r"magic(?:al)?|a (?:sense of )?wonder", Feel(toward="gradually build", away="less energy")),
    (r"slow[- ]?(?:motion|mo)\b", Feel(toward="slower", away="faster")),
    (r"(?:the )?future|futuristic|sci[- ]?fi|space ?ships?|space age|neon|cyber ?punk",
     Feel(toward="more energy and add synth", away="less energy")),
    # the way is not said: softer and slower, or fuller and richer?
    (r"cold(?! out)|chilly|icy|clinical|sterile|(?:hospitals?|dentists?|doctors?)(?:'s? (?:waiting room|surgery|office))?|morgue|(?:an |the )?office\b|robotic", COLD),
    # rich or spare? ("expensive": lush strings, or a few unhurried notes)
    (r"expensive|classy|luxur(?:y|ious)|five[- ]star|posh|upmarket|(?:fancy )?hotel lobby|elegant", COLD),
    # too sweet: strings, key or energy?
    (r"sugary|syrupy|saccharine|schmaltzy|twee|corny|soppy|mushy|cheesy|cheesey|sappy|sickly(?: sweet)?|"
     r"over[- ]?sweet|too sweet", SWEET),
    (r"(?:(?<=too )|(?<=so )|(?<=bit )|(?<=feels )|(?<=sounds )|(?<=is )|(?<='s ))flat(?! out| chat)", Feel(ask="'{w}' as in "
     "dull, too little going on, or as in out of tune? Say which.", answers=("more energy", "more going on", "dull", "boring"))),
)


SCENE_RES = tuple((re.compile(rf"\b(?:{p})\b", re.I), f) for p, f in SCENES)   # whole words: "sob" is no "sober"
