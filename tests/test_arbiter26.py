"""A sure "that part louder" from the head is no refinement of the grammar's energy when the grammar brings that part in
in the same request ("from there onward bring in percussion and give it more weight"): the head's label is its word for
the part coming in, and the music's weight is the music's (a head trained on every tune half read m director-02 t2 as
the drums -5 dB then +7 dB, no energy: session 26)."""

from __future__ import annotations

import pytest

from v2m.agent.dialogue.arbiter import choose
from v2m.agent.dialogue.intent_model import Prediction
from v2m.tools.contract import EditIntent


@pytest.mark.parametrize("request_, part, add_said, energy_said", [
    ("The storm arrives in shot five. Up to there keep it lean; from there onward bring in percussion and give it "
     "more weight.", "percussion", "bring in percussion", "give it more weight"),
    ("after the drop bring in strings and make it bigger", "strings", "bring in strings", "make it bigger"),
    ("from 0:30 add a piano and give it more body", "piano", "add a piano", "give it more body"),
])
def test_a_part_brought_in_keeps_the_energy_beside_it(request_, part, add_said, energy_said):
    rules = [EditIntent(what="add", value=part, text=add_said), EditIntent(what="energy", direction="up", text=energy_said)]
    c = choose(rules, Prediction("balance_up", 0.9, "energy_up", 0.05), request_)
    assert c.how == "rules", c


def test_a_part_not_brought_in_is_still_refined():
    rules = [EditIntent(what="energy", direction="up", text="give them more weight")]
    c = choose(rules, Prediction("balance_up", 0.9, "energy_up", 0.05), "the strings are too thin, give them more weight")
    assert (c.how, c.label) == ("refine", "balance_up")
