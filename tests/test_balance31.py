"""Balance between parts as other people say it (session 31; the blind data is tests/wordings31): a part over
another in more verbs, a part let through, "it"/"they" after a part's level said, a size said in another clause,
the last change approved beside a balance, praise before "but". Each test plays at most one earlier message on the 60 s
clip (`edit_clips.open_long`), then one message, and measures the parts' levels against each other in the plan after
it, with the tempo, energy, loudness and the parts that play unchanged. The phrasings are this file's own, not the
blind writers'."""

import pytest

from edit_clips import open_long
from v2m.agent.dialogue.operations import effective_roles

TIMES = [1.0 + 2.0 * i for i in range(30)]


def _level(plan, t: float, role: str) -> float:
    return (plan.sections[plan.section_at(t)].levels_db or {}).get(role, 0.0)


def _rest(plan) -> list:
    """What must not move: tempo, energy and the parts playing at each time, and the mix loudness."""
    secs = [plan.sections[plan.section_at(t)] for t in TIMES]
    return [plan.loudness_lufs, plan.style, [(round(x.tempo_bpm or plan.tempo_bpm, 1), round(x.energy, 3),
                                              sorted(effective_roles(plan, x))) for x in secs]]


@pytest.mark.parametrize("style, before, said, up, down, where, most", [
    # a part over another, in verbs the grammar lacked
    ("jazz", None, "the tenor is masking the keys", "harmony", "melody", (0, 60), None),
    ("rock", None, "the rhythm guitar keeps trampling over the lead", "melody", "harmony", (0, 60), None),
    ("folk", None, "the brushes are swallowing the fiddle after 0:30", "melody", "drums", (30, 60), None),
    ("cinematic", None, "the brass is sitting way over the strings", "strings", "brass", (0, 60), None),
    ("jazz", None, "it sounds like all drums and no sax", "melody", "drums", (0, 60), None),
    ("cinematic", None, "tuck the percussion under the horn", "melody", "drums", (0, 60), None),
    # a part let through, said lost, or dropped by a size
    ("lofi", None, "let the vibraphone float above the keys in the last 20 seconds", "melody", "harmony", (40, 60), None),
    ("folk", None, "honestly I keep losing the fiddle", "melody", None, (0, 60), None),
    ("electronic", None, "I can barely hear the pad under everything else", "pad", None, (0, 60), None),
    ("rock", None, "drop the drums a touch", None, "drums", (0, 60), 3.0),
    ("rock", None, "the lead guitar should be less dominant", None, "melody", (0, 60), None),
    # "it"/"they" after a part's level said
    ("ambient", None, "the celesta is totally lost, can you make it stronger", "melody", None, (0, 60), None),
    ("jazz", None, "the ride cymbal pokes out. pull it back a hair", None, "drums", (0, 60), 3.0),
    # a size said in the other clause of a pair
    ("cinematic", None, "the harp gets buried by the strings, raise it slightly", "harmony", "strings", (0, 60), 3.0),
    # the last change approved beside a balance, praise before "but"
    ("jazz", "make it louder", "louder is great, but the bass now covers the piano", "harmony", "bass", (0, 60), None),
    ("ambient", "add strings", "the strings sound beautiful but they bury the piano", "harmony", "strings", (0, 60), None),
])
def test_balance_moves_the_parts_said_and_nothing_else(tmp_path, style, before, said, up, down, where, most):
    s = open_long(tmp_path, style)
    if before:
        v = s.version
        s.say(before)
        assert s.version != v, before
    old = s.plan
    turn = s.say(said)
    assert not turn.question, turn.reply
    new = s.plan
    inside = [t for t in TIMES if where[0] + 2 <= t < where[1] - 2]
    outside = [t for t in TIMES if t < where[0] - 2 or t >= where[1] + 2]
    for t in inside:
        roles = effective_roles(new, new.sections[new.section_at(t)])
        others = [r for r in roles if r not in (up, down)]
        pairs = [(up, down)] if up and down else [(up, r) for r in others] if up else [(r, down) for r in others]
        for a, b in pairs:
            rise = (_level(new, t, a) - _level(new, t, b)) - (_level(old, t, a) - _level(old, t, b))
            assert rise >= 1.0, (t, a, b, rise, turn.reply)
        if most is not None:
            assert max(abs(_level(new, t, r) - _level(old, t, r)) for r in roles) <= most, turn.reply
    assert all((new.sections[new.section_at(t)].levels_db or {}) == (old.sections[old.section_at(t)].levels_db or {})
               for t in outside), turn.reply
    assert _rest(new) == _rest(old), turn.reply
