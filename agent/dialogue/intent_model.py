"""The learned intent reader: all-MiniLM-L6-v2 with a LoRA adapter merged into its attention weights and a
small classification head, run in NumPy by `v2m.agent.dialogue.minilm` (a chat turn never imports torch).

    from v2m.agent.dialogue.intent_model import IntentModel
    IntentModel.load().predict("ease off the speed a touch")    # Prediction("tempo_down", 0.97, ...)
    IntentModel.load().tag_spans("bring the sax forward a bit after 0:12")
    # [Span("instrument", 10, 13, "sax"), Span("direction", 14, 21, "forward"), Span("magnitude", 22, 27, "a bit"),
    #  Span("scope", 28, 38, "after 0:12")]

One encoder pass feeds two heads: the intent label (a linear head over the mean-pooled, unit-length
sentence vector) and the span tagger (a linear head over each token's vector, BIO tags over `SPAN_LABELS`,
read as the best sequence in which every I tag continues its label's span when the head file says
`tag_decode: bio`, else token by token as heads before the nineteenth session were read).

The adapter and head ship as `agent/dialogue/intent_head.npz` (made by `finetune/intent_lora.py`; see
finetune/configs/intent/minilm-lora.yaml for the command). `v2m.agent.dialogue.arbiter` joins its reading
with the rules grammar's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
from v2m.agent.dialogue.minilm import MiniLM, model_dir, pool

HEAD_PATH = Path(__file__).with_name("intent_head.npz")
# Each label: (what, direction, value) of the intent it stands for, and how to say it in a question.
LABELS: dict[str, tuple[str, str | None, str | None, str]] = {
    "tempo_up": ("tempo", "up", None, "faster"), "tempo_down": ("tempo", "down", None, "slower"),
    "energy_up": ("energy", "up", None, "more energy"), "energy_down": ("energy", "down", None, "calmer and sparser"),
    "loudness_up": ("loudness", "up", None, "louder overall"), "loudness_down": ("loudness", "down", None, "quieter overall"),
    "mode_minor": ("mode", "set", "minor", "darker (minor)"), "mode_major": ("mode", "set", "major", "brighter (major)"),
    "shape_up": ("shape", "up", None, "growing over time"), "shape_down": ("shape", "down", None, "fading over time"),
    "balance_up": ("balance", "up", None, "that instrument louder"),
    "balance_down": ("balance", "down", None, "that instrument softer"),
    "add": ("add", None, None, "add an instrument"), "remove": ("remove", None, None, "remove an instrument"),
    "hit": ("hit", None, None, "a hit point"), "revert": ("revert", None, None, "back to the previous version"),
    "style": ("style", "set", None, "another style"), "none": ("none", None, None, "nothing"),
}
# What the tagger marks: the place an edit applies to ("from the second cut on"), an instrument or role
# ("sax"), the words that say which way ("faster", "more", "down") and degree words ("a bit", "way").
SPAN_LABELS = ("scope", "instrument", "direction", "magnitude")
TAGS = ("O", *(f"{bio}-{label}" for label in SPAN_LABELS for bio in "BI"))
MAX_CHARS = 300  # a longer paste is read by its start: the model was trained on short requests
# A place never ends on these words: a scope the tagger stops there ("during the" of "during the vows", an event
# noun it has not seen) runs on over the next word; "from ... onward" keeps its last word.
OPEN_ENDS = frozenset({"the", "a", "an", "this", "that", "of", "to", "my", "our", "his", "her", "their"})
CLOSERS = frozenset({"onward", "onwards"})


class Span(NamedTuple):
    label: str   # one of SPAN_LABELS
    start: int   # character offsets into the text that was tagged
    end: int
    text: str


@dataclass(frozen=True)
class Prediction:
    label: str
    p: float
    runner_up: str
    p2: float
    ranked: tuple[str, ...] = ()   # every label, most likely first (when the model read it)


class IntentModel:
    """MiniLM (with the merged adapter) -> mean pooling -> a linear head over `labels`."""

    def __init__(self, path: Path = HEAD_PATH):
        data = np.load(path, allow_pickle=False)
        self.labels = [str(x) for x in data["labels"]]
        self.encoder = MiniLM(model_dir())
        scale = float(data["lora_scale"])
        for key in [k for k in data.files if k.endswith(".lora_A")]:
            base = key[:-len(".lora_A")]  # e.g. encoder.layer.0.attention.self.query
            self.encoder.w[base + ".weight"] = self.encoder.w[base + ".weight"] + \
                scale * (data[base + ".lora_B"] @ data[key]).astype(np.float32)
        self.w, self.b = data["head_w"].astype(np.float32), data["head_b"].astype(np.float32)
        # a head file from before the tagger has no tag head: the model then tags nothing
        self.tags = [str(x) for x in data["tags"]] if "tags" in data.files else []
        self.tag_w = data["tag_w"].astype(np.float32) if self.tags else None
        self.tag_b = data["tag_b"].astype(np.float32) if self.tags else None
        self.tag_decode = str(data["tag_decode"]) if "tag_decode" in data.files else "argmax"

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> IntentModel | None:
        """The shipped model, once per process; None when the head file or the encoder is missing."""
        if not HEAD_PATH.is_file():
            return None
        try:
            return cls(HEAD_PATH)
        except Exception:  # noqa: BLE001 - no encoder weights: the grammar works alone
            return None

    def run(self, texts: list[str]) -> tuple[np.ndarray, list[np.ndarray], list]:
        """One encoder pass over `texts` for both heads.

        Returns:
            (label probabilities, one row per text; per text the tag index of each token (empty without a
            tag head); the tokenizer's encodings, whose `offsets` point into `text[:MAX_CHARS]`).
        """
        x, mask, encs = self.encoder.hidden([t[:MAX_CHARS] for t in texts])
        z = pool(x, mask) @ self.w.T + self.b
        z = np.exp(z - z.max(1, keepdims=True))
        tags = [decode_tags(x[r, :len(e.ids)] @ self.tag_w.T + self.tag_b, self.tag_decode) if self.tags
                else np.zeros(0, int) for r, e in enumerate(encs)]
        return z / z.sum(1, keepdims=True), tags, encs

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """Label probabilities, one row per text (the encoder's unit-length pooled vectors -> softmax)."""
        return self.run(texts)[0]

    @lru_cache(maxsize=32)
    def read(self, text: str) -> tuple[Prediction, list[Span]]:
        """The label and the spans of one text, from one encoder pass (cached: a turn asks for both)."""
        probs, tags, encs = self.run([text])
        p = probs[0]
        order = np.argsort(-p)
        pred = Prediction(self.labels[order[0]], float(p[order[0]]), self.labels[order[1]], float(p[order[1]]),
                          tuple(self.labels[k] for k in order))
        return pred, spans_from_tags(text[:MAX_CHARS], [self.tags[k] for k in tags[0]], encs[0].offsets)

    def predict(self, text: str) -> Prediction:
        return self.read(text)[0]

    def tag_spans(self, text: str) -> list[Span]:
        """The scope, instrument, direction and magnitude spans of `text`, in order (none without a tag head)."""
        return self.read(text)[1]


# I-X may follow only B-X or I-X (rows: the tag before, the last row the start; 0 allowed, -inf not)
_FOLLOWS = np.array([[0.0 if not t.startswith("I-") or (p[2:] == t[2:] and p != "O") else -np.inf for t in TAGS]
                     for p in (*TAGS, "O")])


def decode_tags(scores: np.ndarray, how: str = "bio") -> np.ndarray:
    """Tag indices (`TAGS`) of one text's tokens from the tag head's scores (tokens x tags).

    "argmax": each token its best tag. "bio": the sequence with the highest sum of per-token log-probabilities
    in which no I tag starts a span or continues another label's (Viterbi), so "during the speech bit" is one
    span even where "speech" alone would score O; the first and last tokens ([CLS], [SEP]) are O.
    """
    if how == "argmax" or len(scores) < 3:
        return np.argmax(scores, 1) if how == "argmax" else np.zeros(len(scores), int)
    z = scores[1:-1] - scores[1:-1].max(1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(1, keepdims=True))
    best, back = _FOLLOWS[-1] + logp[0], []
    for row in logp[1:]:
        step = best[:, None] + _FOLLOWS[:-1]
        back.append(step.argmax(0))
        best = step.max(0) + row
    path = [int(best.argmax())]
    for b in reversed(back):
        path.append(int(b[path[-1]]))
    return np.array([0, *path[::-1], 0])


def _word_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to whole words: a tag on "##ish" or on "0" of "0:12" stands for its word."""
    def inside(k: int) -> bool:
        return 0 <= k < len(text) and (text[k].isalnum() or text[k] in ":'." and k + 1 < len(text)
                                       and text[k + 1].isalnum() and k > 0 and text[k - 1].isalnum())
    while inside(start - 1):
        start -= 1
    while inside(end):
        end += 1
    return start, end


def _close_place(text: str, start: int, end: int) -> int:
    """The end of a place span: over the next word while the span ends on an `OPEN_ENDS` word (at most twice:
    "in front of the"), and over a following "onward(s)" when the span starts with "from"."""
    for _ in range(3):
        words = text[start:end].lower().split()
        rest = text[end:]
        gap = len(rest) - len(rest.lstrip(" "))
        nxt = rest[gap:].split(" ", 1)[0].lower().rstrip(",.;:!?")
        if not nxt or not nxt[0].isalnum():
            break
        if words and (words[-1] in OPEN_ENDS or words[0] == "from" and nxt in CLOSERS):
            end = _word_edges(text, end + gap, end + gap + 1)[1]
        else:
            break
    return end


def spans_from_tags(text: str, tags: list[str], offsets: list[tuple[int, int]]) -> list[Span]:
    """Token tags ("B-scope", "I-scope", "O", ...) and their character offsets -> spans of whole words.

    A span starts at a B tag, or at an I tag that does not continue a span of its label (read leniently,
    as a model may open a span with I); a word piece tagged B inside a word continues its word's span, and
    spans of one label with only spaces between them are one span ("grand piano").
    """
    found: list[list] = []
    prev = None
    for tag, (a, b) in zip(tags, offsets):
        if a == b or tag == "O":  # [CLS], [SEP] or outside
            prev = None
            continue
        bio, label = tag.split("-", 1)
        if prev is not None and prev[0] == label and (bio == "I" or a == prev[2]):
            prev[2] = b
        else:
            prev = [label, a, b]
            found.append(prev)
    out: list[Span] = []
    for label, a, b in found:
        a, b = _word_edges(text, a, b)
        if label == "scope":
            b = _close_place(text, a, b)
        # two pieces of one word, or two words of one name that the model opened twice ("grand" "piano")
        if out and out[-1].label == label and not text[out[-1].end:a].strip():
            a = out.pop().start
        out.append(Span(label, a, b, text[a:b]))
    return out

