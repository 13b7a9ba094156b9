"""The audience said to drift away ("people will tune out", "viewers might zone out"), in one place: who drifts, how
soon, and the ways they drift. `character.WORRY_RE` reads the worry; `mentions.plain_parts` reads "tune out" as no
tune taken out."""

from __future__ import annotations

import re

# who drifts away, and when ("people", "the client", "our followers"; "'ll", "are gonna")
AUDIENCE = (r"(?:people|viewers|the (?:audience|viewers?|client|kids|guests)|audiences|audience|everyone|folks|they|kids|"
            r"users|our (?:viewers|audience|followers)|nobody|no one)")
LATER = r"(?:'ll| will| would| might| may| could| are going to| are gonna| gonna| just)"
DRIFT = (r"(?:tune out|zone out|switch off|get bored|lose interest|stop watching|scroll (?:past|away|on)|skip (?:it|ahead)|"
         r"fall asleep|drift off|click away|check out)")
# "they'll tune out", "people will tune out", "we don't want them to tune out": a verb, no tune
TUNE_OUT_RE = re.compile(rf"((?:\b(?:{AUDIENCE}{LATER}?|we|to|will|would|could|might|may|gonna)|'ll|n't)) tune(?:s|d)? out\b")
