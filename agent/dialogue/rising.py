"""Growing "into" a place happens before it: the place is where the growth arrives ("swell into the last shot", "ramp
it up heading into the last shot", "a crescendo that carries us into the last cut", "more and more energy toward the
final shot", "gradually get bigger going into the closing shot"). One reading for every reader of a place
(`where`, `names`, `sides`): a growth, then up to four words that carry it and start no other order, then
"into" / "towards" / "up to"; or a state of more ("bigger", "louder") said as going there ("going into").

    from v2m.agent.dialogue.rising import INTO_RE
    INTO_RE.search("ramp it up heading into the last shot")   # a match
    INTO_RE.search("put more energy into the last shot")      # None: more there, not a rise arriving there
"""

from __future__ import annotations

import re

# what grows by itself (a process, not a state): the verbs of a rise, a crescendo, more said twice, growth said slowly
GROWTH = (r"(?:swell|grow|build|rise|rising|climb|ramp|crescendo|lift)\w*|more and more|(?:bigger|louder|busier|fuller) and "
          r"(?:bigger|louder|busier|fuller)|(?:gradually|steadily|progressively|slowly)")
# a state of more, arriving: only with a word of going ("bigger going into", "louder heading towards")
MORE = r"(?:bigger|louder|busier|fuller|stronger|more intense|more energy|more energetic)"
GOING = r"(?:going|heading|leading|moving|carrying us|taking us|that (?:carries|takes|leads|brings) us)"
# a word between a growth and its place: not one that starts another order or names another place
CARRIER = r"(?!(?:and|then|but|or|also|plus|while|when|before|after|in|at|on|from|into|to|until|till)\b)[a-z']+"
ARRIVES = r"(?:right )?(?:into|in to|towards?|up to)\b"
# the end said after words between ("let it swell gently up to the end in the last part") lasts until the end, over
# the place said; arriving at the end is read close up only ("build up to the end": over the whole score, `where`)
NOT_END = r"(?! (?:the )?(?:very )?end(?:ing)?\b)"
INTO_RE = re.compile(rf"\b(?:(?:{GROWTH})(?: it| up| the music){{0,2}}(?: going| heading| leading)? {ARRIVES}|lead\w*(?: up| it| the music)? {ARRIVES}"
                     rf"|(?:{GROWTH})(?: {CARRIER}){{1,4}}? {ARRIVES}{NOT_END}|{MORE}(?: {CARRIER}){{0,2}}? {GOING} {ARRIVES}{NOT_END})")
