"""How the two readers of a request are joined: the rules grammar (`v2m.agent.dialogue.edits`) and the learned
intent model (`v2m.agent.dialogue.intent_model`, MiniLM + a LoRA-tuned head).

    from v2m.agent.dialogue.arbiter import combine, choose
    intents = combine(analysis, plan, "it kind of plods, could it move a bit", read_request)

The grammar knows places, sizes and instruments exactly but only the phrasings it was written for; the model
generalises to new phrasings but only names the kind of edit (a label such as tempo_up). So the model
decides *what* when the grammar is silent or reads a near kind, and the grammar fills in *where* and *how
much*: the request is read again by the grammar with the model's label said in the grammar's own words
("... could it move a bit" + "faster"), and only the intents of that label are kept. In order:

1. the grammar read something the model agrees with (or the model is unsure): the grammar's intents;
2. the model is sure of the opposite direction: one question with both options, unless the request complains
   ("too slow now": the grammar reads which way away from the word, the model the word's own way);
3. the grammar read energy or loudness where the model is sure it is one instrument's balance and the request names
   one ("the strings are a bit syrupy, pull them back"): that balance, the grammar's way ("the brass is a bit weak":
   up, whatever way the model leans); energy where the model is sure of the overall level that way, no instrument
   named ("it has to sit under the narrator, pull it right back"): that level; a mood of the harmony: `trust`;
   else, where the grammar read one edit one way and the head names another kind (or the same kind the other way),
   the reading that was right more often on tune data at the head's probability (`join`, its counts in
   join_table.json): a build over time or a hit over the grammar's energy, a named part's balance; a balance's or a
   tempo's way stays the grammar's;
4. the grammar asked a question (it heard "faster and slower", or a place it cannot find): that question;
5. the grammar read only unknown words: their word-embedding guess when the model agrees or is unsure,
   the model's label when it is sure (or clear, against a guessed whole-score style);
6. the grammar read nothing: the model's label when it is confident (ACT_P; SURE_P when the request holds a
   word nobody can read, "make it more tuesday", or less where `join`'s table says the head reads that label
   well there: a removal, a revert, a level), a question offering the
   model's two best readings when it only leans (never one that needs a part when none is named); else the
   grammar's own question.

Acting on the model's label, the grammar places it; when the model's tagger heard a place that the grammar
cannot find ("the kitchen ..., give it a lift there"), the turn asks where instead of editing the whole score.
Thresholds were set on sets a, b and d-tune, ACT_P checked on d-val totals (the model trains on b and d-tune, so is
over-sure there; finetune/results/intent-lora.md), again on b, d-tune and e-tune only (0.5: 193/126/52 turns, 0.6:
193/126/53, 0.7: 193/126/53, 0.8: 194/124/53): 0.7 kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

from v2m.agent.dialogue import feeling_ways, join, tagged_places, trust
from v2m.agent.dialogue.amounts import unitless
from v2m.agent.dialogue.intent_model import LABELS, IntentModel, Prediction
from v2m.agent.dialogue.mentions import IT_RE, named_parts
from v2m.agent.dialogue.model_labels import _instrument, _placed, label_of, unfound
from v2m.agent.dialogue.phrases import FAST_RE, LESS_RE, LOUD_RE, MORE_RE, NOT_SO_RE, QUIET_RE, SLOW_RE, TOO_ANY_RE, TOO_RE, words
from v2m.agent.dialogue.spelling import spelled
from v2m.agent.dialogue.vocab import MOODS
from v2m.agent.dialogue.where import Ask, Unknown
from v2m.tools.contract import EditIntent

SURE_P = 0.85      # the model's label over the grammar's word-embedding guess
ACT_P = 0.7        # the model's label over the grammar's silence: act, no question
LEVEL_P = 0.9      # the model's overall loudness over the grammar's energy (same direction, no instrument named)
USE_P = 0.5        # a clear reading (this probability, MARGIN over the runner-up) over a guessed style ...
MARGIN = 0.2
ASK_P = 0.3        # a leaning this strong, short of SURE_P: a question with the model's two best readings
REFINE_P = 0.75    # the model's balance over the grammar's energy for a named instrument
DISAGREE_P = 0.97  # the model this sure of the opposite direction: a question with both options
OPPOSITE = {"up": "down", "down": "up"}
NEEDS_INSTRUMENT = ("balance_up", "balance_down", "add", "remove")


@dataclass(frozen=True)
class Choice:
    """Which reading a turn takes: "rules", "model" (the label, placed by the grammar), "refine" (the
    model's balance over the grammar's energy), "ask" (a question), or "guess" (the grammar's embeddings)."""

    how: str
    label: str = "none"
    question: str = ""
    options: tuple[str, ...] = ()   # the readings the question offers, each said as a request
    joined: bool = False            # "model" by `join`'s counts over a grammar reading: that reading if it cannot be placed


class Offer(Ask):
    """A question that offers readings: `options` are the requests each stands for ("more energy"), so the
    next turn's answer is matched against them, not against the question's wording."""

    def __init__(self, question: str, options: tuple[str, ...] = ()):
        super().__init__(question)
        self.options = tuple(options)


class Unclear(Offer):
    """An `Offer` about a word that goes more than one way ("cold", "too sweet", "flat": dull or out of tune), asked
    even right after an edit: "too flat now" is no sure step back from that edit."""


def _offered(asked: Ask) -> tuple[str, ...]:
    """The readings a grammar's question offers (an `Offer` raised by the grammar: "softer, or fuller?")."""
    return tuple(getattr(asked, "options", ()))


def _say(label: str) -> str:
    return LABELS[label][3]


def choose(rules: list[EditIntent], pred: Prediction | None, request: str, asked: Ask | None = None,
           guessed: list[EditIntent] | Ask | None = None) -> Choice:
    """The combination policy on its own (no plan change): which reading the turn takes.

    Args:
        rules: the grammar's intents from the words it knows; [] when it read nothing.
        pred: the model's prediction, or None when no model is installed.
        request: the user's words.
        asked: the grammar's question, when it found the words ambiguous instead of reading them.
        guessed: when `rules` is empty, the grammar's reading with unknown words mapped through word
            embeddings (intents), or its question when even that fails.
    Returns:
        The Choice.
    """
    if pred is None:
        return Choice("rules") if rules else Choice("ask", question=str(asked), options=_offered(asked)) if asked \
            else Choice("guess")
    label, read = pred.label, {label_of(it) for it in rules}
    if rules:
        if mine := trust.key_over_mood(rules, pred, request) or label not in read and trust.over_style(rules, pred):
            return _model(mine, request)   # "happier chords please": the key alone (a keyed mood agrees); "for church"
        if label in read or label == "none":
            return Choice("rules")
        what, direction, _, _ = LABELS[label]
        clash = any(it.what == what and direction in OPPOSITE and it.direction == OPPOSITE[direction] and
                    _one_part(it, request) for it in rules) or (label.startswith("mode_") and any(x.startswith("mode_") for x in read))
        if pred.p >= DISAGREE_P and clash and not _complained(request):
            return _both(read, label)
        if pred.p >= REFINE_P and label.startswith("balance_") and _instrument(request) and \
                any(it.what in ("energy", "loudness", "mood") and _named_with(it, request) and
                    label_of(it).endswith(("_up", "_down")) for it in rules) and \
                not any(it.what == "remove" and it.value == _instrument(request) for it in rules) and \
                not _before_added(rules, request):   # "no drums and make it louder", "make it louder and add strings": the mix
            return Choice("refine", label)
        if pred.p >= LEVEL_P and label.startswith("loudness_") and not _instrument(request) and \
                read <= {f"energy_{direction}"} and all(it.scope.kind == "whole" for it in rules):
            # "pull it right back" under a voice: the level, not the notes (at a place, the level there is its energy)
            return Choice("model", label)
        side = _joined("read", rules, pred, request)   # which reader was right more often there (join_table.json)
        return replace(_model(label, request), joined=True) if side == "head" else \
            _both(read, label) if side == "ask" else Choice("rules")
    if asked is not None:  # the grammar heard the words and found them ambiguous: its question stands
        return Choice("ask", label, str(asked), _offered(asked))
    clear = label != "none" and pred.p >= USE_P and pred.p - pred.p2 >= MARGIN
    if isinstance(guessed, list) and guessed:  # the embeddings mapped words the grammar does not know
        labels = {label_of(it) for it in guessed}
        if label in labels or label == "none":
            return Choice("guess")
        if pred.p >= SURE_P or (clear and labels == {"style"}):  # a whole-score style from a loose word
            return _model(label, request)                          # yields to a clear reading of the words
        return Choice("guess")
    if label != "none" and pred.p >= (SURE_P if isinstance(guessed, Unknown) else ACT_P) or \
            isinstance(guessed, Unknown) and _joined("unknown", [], pred, request) == "head":
        return _model(label, request)   # a word nobody can read beside it ("make it more tuesday"): sure, or ask
    label = (pred := possible(pred, request)).label
    if label != "none" and pred.p >= ASK_P and label not in ("style", "hit", "revert"):
        both = pred.runner_up not in ("none", label) and pred.p2 >= 0.1
        options = (_say(label), _say(pred.runner_up)) if both else (_say(label),)
        return Choice("ask", label, f"Do you mean {', or '.join(options)}? Or would you put it another way (e.g. "
                                    "'a little slower in shot 2')?", options)
    return Choice("guess")


def possible(pred: Prediction, request: str) -> Prediction:
    """A leaning prediction without the readings the words rule out: one part's balance, an added or a removed
    part when no part is named ("music could lift a little here" is never "that instrument louder")."""
    if _instrument(request):
        return pred
    if pred.runner_up in NEEDS_INSTRUMENT:
        pred = Prediction(pred.label, pred.p, "none", 0.0)
    if pred.label in NEEDS_INSTRUMENT and pred.runner_up != "none":
        pred = Prediction(pred.runner_up, pred.p2, "none", 0.0)
    return pred


def sharpened(asked: Ask, pred: Prediction | None, request: str) -> Ask:
    """The grammar's "I'm not sure what 'X' means" as one concrete question: the model's two best readings that
    the words allow (a part's balance, an added or a removed part only when a part is named), however weakly
    it leans, so the answer can be one word. The grammar's own question when there is no model, when the
    question is another one, or when the model offers nothing to pick anywhere in its ranking. When its two best
    readings are no edit (a style, a hit: "make it swooshier"), the two best edits further down are offered."""
    if not isinstance(asked, Unknown) or pred is None:
        return asked
    ranked, pred = pred.ranked, possible(pred, request)
    named = _instrument(request)

    def usable(labels) -> tuple[str, ...]:
        return tuple(_say(x) for x in dict.fromkeys(labels)
                     if x not in ("none", "style", "hit") and (named or x not in NEEDS_INSTRUMENT))
    options = usable((pred.label, pred.runner_up)) or usable(ranked)[:2]
    if not options:
        return asked
    return Offer(f"I didn't follow '{asked.phrase}'. Do you mean {', or '.join(options)}? Or would you put it another "
                 "way (e.g. 'a little slower in shot 2')?", options)


# a level asked to stay ("go full band and stay big to the end"): no build or fade over time (l-tune, join18)
HELD_RE = re.compile(r"\b(?:stay|stays|remain|remains|hold it|keep it) (?:big|loud|full|up|down|high|low|quiet|there)\b")
# a way said in its own plain word ("cut 1 louder", "slower in shot 2"): the head's reading of the same kind the other way
# is no second reading of it (it read "cut ... louder" as loudness down at 0.85: readback18)
PLAIN_WAY = {label: re.compile(pat) for label, pat in (("loudness_up", LOUD_RE), ("loudness_down", QUIET_RE), ("energy_up", MORE_RE),
                                                       ("energy_down", LESS_RE), ("tempo_up", FAST_RE), ("tempo_down", SLOW_RE))}
# a frame that gives the way, which the grammar reads and the head does not: "too laid back", "not loud enough", "the
# melody is not high enough", "louder than the narrator" (mend18b: the join's counts are by label, not by frame)
FRAMED_RE = re.compile(r"(?:\bnot|n'?t)(?: \w+){1,3}? enough\b|\b(?:\w+er|more \w+|less \w+) than\b")
# a question about what differs between versions ("how does this compare to the original?", "walk me through what's
# different"): the head reads "the original" as going back to it (talk bank, tune half: two answers became an undo)
DIFF_ASKED_RE = re.compile(r"\b(?:compare[sd]?|comparison|differen(?:t|ce|ces)|differ|altered|walk me through)\b")


def _joined(where: str, rules: list[EditIntent], pred: Prediction, request: str) -> str:
    """`join.verdict` where the readers differ ("head", "ask" or "grammar"): never where the grammar read more than one
    edit or one both ways ("hush before it and bloom after": its places are the request), or a mood whose key is the
    head's label ("more tense": a minor key with more energy and pace; `trust.key_over_mood` decides about the key
    alone), where the request complains and the head names a way (it reads the word's own way: "too slow now"), or
    where its label needs a part that is not named (it could only ask which), a build where a level is held, a hit where
    the grammar read less energy (an accent is no calmer place: "a hushed second shot"), or a hit or a style for a word
    nobody reads (no edit until a moment or a style is named: `sharpened` offers edits instead). A complaint is any "too
    X", "not X enough", or a comparison ("louder than the narrator"): the frame gives the way, the head reads the word's."""
    read, label = {label_of(it) for it in rules}, pred.label
    keys = {f"mode_{MOODS[it.value].mode}" for it in rules if it.what == "mood" and it.value in MOODS}
    if label == "none" or label in read or len(read) > 1 or label in keys or \
            label.startswith("shape_") and HELD_RE.search(request.lower()) or not rules and label in ("hit", "style") or \
            label == "hit" and read == {"energy_down"} or label.endswith(("_up", "_down")) and _framed(request) or \
            label in NEEDS_INSTRUMENT and not _instrument(request) or \
            _said_plainly(label_of(rules[0]) if rules else "", label, request) or \
            label == "revert" and "?" in request and DIFF_ASKED_RE.search(request.lower()) or \
            label.startswith("balance_") and any(_it_the_music(it, request) for it in rules):
        return "grammar"
    return join.verdict(where, label_of(rules[0]) if rules else "ask", label, pred.p)


def _said_plainly(mine: str, label: str, request: str) -> bool:
    """Whether the grammar's way (`mine`) is said in its own plain word and the head's (`label`, the same kind the other
    way) is not ("cut 1 louder": louder, whatever the head makes of "cut")."""
    if mine not in PLAIN_WAY or label not in PLAIN_WAY or join.kind(mine) != join.kind(label):
        return False
    said = words(spelled(request.lower()))
    return bool(PLAIN_WAY[mine].search(said)) and not PLAIN_WAY[label].search(said)


def _framed(request: str) -> bool:
    """Whether the request gives its way by a frame the grammar reads: a complaint (`_complained`, or "too" before any
    word: "too laid back"), a lack ("not loud enough"), or a comparison ("louder than the narrator")."""
    said = words(spelled(request.lower()))
    return _complained(request) or bool(TOO_ANY_RE.search(said) or FRAMED_RE.search(said))


def _both(read: set[str], label: str) -> Choice:
    """One question with the grammar's reading and the head's as its two options."""
    mine = ", ".join(_say(x) if x in LABELS else x for x in sorted(read))
    return Choice("ask", label, f"I read that as {mine}, but it could also mean {_say(label)}. "
                                f"Which one: {mine}, or {_say(label)}?", (mine, _say(label)))


def _model(label: str, request: str) -> Choice:
    if label == "style":  # which style: the grammar's word embeddings name one
        return Choice("guess", label)
    if label in NEEDS_INSTRUMENT and not _instrument(request):
        return Choice("ask", label, f"Do you mean {_say(label)}? Which instrument?", (_say(label),))
    return Choice("model", label)


def _named_with(it: EditIntent, request: str) -> bool:
    """Whether the clause an intent was read from names the instrument, or points back to it ("..., lift it"), or is
    the whole request: "drop the bass and take the whole thing down" is no balance of the bass."""
    if not it.text or it.text.strip() == request.strip() or _instrument(it.text):
        return True
    return bool(re.search(r"\b(?:it|its|them|they|those|these|that|this)\b", it.text.lower())) and not _it_the_music(it, request)


def _it_the_music(it: EditIntent, request: str) -> bool:
    """Whether the intent's clause says "it" after two parts were named ("let the bass walk, brushes on the kit, and
    bring it down", "walking bass and brushes, and take it down a notch"): the music, as `mentions` reads it."""
    low, said = request.lower(), (it.text or "").lower().strip()
    return bool(said and IT_RE.search(said) and low.find(said) > 0 and len(set(named_parts(low[:low.find(said)]))) > 1)


def _complained(request: str) -> bool:
    """Whether the request says the music is too something, or not so ("too slow now", "2 sad", "not so fast"): the
    grammar reads the way away from the word; a model sure of the word's own way is no second reading to offer."""
    said = words(spelled(request.lower()))
    return bool(TOO_RE.search(said) or NOT_SO_RE.search(said))


def _one_part(it: EditIntent, request: str) -> bool:
    """Whether an edit and the model's label of the other direction are about one thing: any edit but a part's balance,
    or a balance when the request names no other part ("the drums are drowning out the tune": the tune up and the
    drums down are one request, not two readings to choose between)."""
    return it.what != "balance" or set(named_parts(request.lower())) <= {it.value}


def _before_added(rules: list[EditIntent], request: str) -> bool:
    """Whether every energy or loudness clause comes before the part is brought in by a later clause ("from 0:20
    make it louder and add strings till 0:40"): its "it" is the music, not the part not yet said."""
    low, adds = request.lower(), [it for it in rules if it.what == "add" and it.text]
    at = [low.find(it.text.lower().strip()) for it in rules if it.what in ("energy", "loudness", "mood") and it.text]
    added = [low.find(it.text.lower().strip()) for it in adds]
    return bool(at and added) and min(added) >= 0 and all(0 <= a < min(added) for a in at)


def _refined(label: str, p: float, rules: list[EditIntent], request: str) -> list[EditIntent]:
    """The grammar's energy or loudness intents as the balance of the instrument named, same place, size and way."""
    instrument = _instrument(request)
    out = []
    for it in rules:   # the model says what (that part's balance), the grammar which way ("a bit weak": up; "overpowering": down)
        if it.what in ("energy", "loudness", "mood") and _named_with(it, request) and label_of(it).endswith(("_up", "_down")):
            it = EditIntent(what="balance", direction=label_of(it).rsplit("_", 1)[1], value=instrument, magnitude=it.magnitude,
                            scope=it.scope, source="model", confidence=round(p, 3), text=it.text)
            if any(o.what == "balance" and o.scope == it.scope for o in out):
                continue
        out.append(it)
    return out


def combine(analysis, plan, request: str, read: Callable, unread: Callable | None = None) -> list[EditIntent]:
    """The intents of `request` from the grammar (`read`, as `edits.read_request`) and the model together (`unread`,
    as `unread.unread`: the pieces no reader reads, whose places are their own).

    Raises:
        Ask: the readers disagree, or neither understood; the message offers concrete options.
    """
    try:
        rules, asked = read(analysis, plan, request, guess=False), None
    except Ask as q:
        rules, asked = [], q
    guessed: list[EditIntent] | Ask | None = None
    if not rules and asked is None:
        try:
            guessed = read(analysis, plan, request, guess=True)
        except Ask as q:
            guessed = q
    model = IntentModel.load()
    text = spelled(request.lower())
    pred = model.predict(text) if model is not None else None
    choice = choose(rules, pred, request, asked, guessed)
    if asked is None and (odd := feeling_ways.character(rules or (guessed if isinstance(guessed, list) else []), request,
                                                       plan) or feeling_ways.opposed(rules)) is not None:   # "calm yet energetic"
        raise Unclear(*odd)   # "make it kind of funny", "a bit more drama": faster, a major key or livelier?
    if (how := trust.kept(choice.how, choice.label, rules, guessed, plan.mode)) != choice.how:
        choice = Choice(how)   # "make it joyous" in a major score: the key it has already; the word's own reading
    said = unitless(text)   # "by five beats per minute" names no minute
    # the places the tagger hears (its own adapter when it ships: a second pass, ~50 ms; else the intent head's tags)
    tagged = model.tag_spans(text) if model is not None else []
    places = tuple(s.text for s in tagged if s.label == "scope" and s.text in said)
    if choice.how == "model":
        try:
            return _placed(choice.label, pred.p, analysis, plan, request, read, places)
        except Ask:
            if not choice.joined:   # the join trades a kind of edit, never the grammar's reading for a question
                raise
        choice = Choice("rules")
    if choice.how == "rules":
        unfound(rules, (*places, request), lambda: unread(analysis, plan, request, read, rules) if unread else [])
        return tagged_places.placed(rules, places, analysis, plan, request, read)   # "less busy towards the back end"
    if choice.how == "ask":   # the grammar's own question about a word that goes two ways, as it was raised
        raise asked if isinstance(asked, Unclear) and str(asked) == choice.question else Offer(choice.question, choice.options)
    if choice.how == "refine":
        return _refined(choice.label, pred.p, rules, request)
    if isinstance(guessed, Ask):
        raise sharpened(guessed, pred, request)
    guessed = guessed if guessed is not None else read(analysis, plan, request, guess=True)
    unfound(guessed, (*places, request))
    if (loose := feeling_ways.asked(guessed, plan)) is not None:   # "more comedic": faster, a major key or livelier?
        raise Unclear(*loose)
    return guessed
