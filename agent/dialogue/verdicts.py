"""The words a person judges the music with, one list each, read by every reader that needs them: praise ("perfect",
"spot on"), a wish for a change ("should", "please", "make"), the verb that tells how something is ("is", "sounds",
"feels"), and a quality nobody asks for ("sluggish", "boring").

    from v2m.agent.dialogue.verdicts import COPULA, FINE, PRAISE, WISH
    re.compile(rf"\\b(?:{PRAISE})\\b")   # "that's spot on", "brilliant"

`approval` (thanks, praise and states approved), `talk` (questions and information told) and `similes` (a likeness
approved or complained of) build their patterns from these, so a word added here is heard by all of them.
"""

from __future__ import annotations

from v2m.agent.dialogue.phrases import TOO

# praise that is praise wherever it is said ("perfect", "nailed it", "brilliant"); "good", "nice", "great" and
# "love it" are praise only in some places, so each reader says them its own way
PRAISE = r"perfect|spot on|bang on|nailed it|just right|brilliant|amazing|awesome|wonderful|fantastic|excellent|superb"
# praise of how it sounds ("lovely", "gorgeous"), and a place or the music said to be as it should be with it ("the
# intro is fine", "the end is lovely", "the drop is brilliant": `kept.FINE`, read by kept, messages and names)
BEAUTY = r"lovely|beautiful|stunning|gorgeous"
# thanks and praise in the languages people slip into ("Prachtig, dank je wel!", "merci beaucoup", "danke schön",
# "muchas gracias", "grazie mille"): a sign-off as "thanks, lovely" is (`approval.CLOSING_RE`), never a wish
ABROAD = (r"dank ?je(?: wel)?|dank u(?: wel)?|bedankt|prachtig|heel mooi|merci(?: beaucoup| bien)?|très bien|parfait|"
          r"magnifique|génial|danke(?: schön| schoen| sehr)?|vielen dank|wunderbar|perfekt|sehr gut|gracias|muchas gracias|"
          r"perfecto|precioso|muy bien|grazie(?: mille)?|perfetto|bellissimo|obrigad[oa]|muito bem|tack(?: så mycket)?|takk|"
          r"kiitos|dziękuję|dzięki|spasibo|arigato|arigatou|xie xie|shukran|asante|teşekkürler")
FINE = rf"fine|ok|okay|good|great|nice|{BEAUTY}|{PRAISE}"
# a wish for a change ("should", "could we", "let's", "please", "make it"); "can" and "will" are also questions about
# the music ("can you hear the bass?", "will it be quieter?"), so each reader says them its own way
WISH = r"should|shall|could|would|need|needs|want|wants|wanna|let'?s|please|pls|plz|make"
# the verb that tells how something is ("the intro is", "it sounds", "the drums got"), after what it is said of
COPULA = r"is|are|was|were|sounds?|feels?|seems?|looks?|gets?|got"
# The music said to be in a state the grammar moves away from as from "too X": "everything is a bit sleepy now",
# "it's getting kind of busy"; hedged, or a word that is a complaint on its own ("it feels rushed")
COMPLAINTS = set("sleepy drowsy dull boring lifeless sluggish draggy rushed hurried frantic cluttered chaotic hectic "
                 "gloomy tame timid weak static pompous bombastic overpowering noisy snoozy dreary lacklustre lackluster bleak dismal "
                 "depressing miserable grim morose".split()) & set(TOO)
# qualities nobody praises, "flat" (also out of tune), "thin", "empty" and "abrupt" with them: a state told with one is
# never a state approved ("love it, the end feels flat")
FAULTS = COMPLAINTS | {"flat", "thin", "empty", "abrupt", "hollow"}
