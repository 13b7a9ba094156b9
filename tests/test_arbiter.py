"""The combination policy of the grammar and the learned intent reader (agent/dialogue/arbiter.py), the
answers to questions about the score, places said the way viewers say them, and tempo edits that are heard."""

from __future__ import annotations

import pytest

from edit_clips import long_clip
from v2m.agent.dialogue.arbiter import choose
from v2m.agent.dialogue.edits import read_request
from v2m.agent.dialogue.intent_model import Prediction
from v2m.agent.dialogue.model_labels import _placed
from v2m.agent.dialogue.talk import remark
from v2m.agent.dialogue.where import Ask
from v2m.agent.planners.rules import RulesPlanner
from v2m.tools.contract import EditIntent
from v2m.tools.music.tempo_map import build_tempo_map
from v2m.tools.style import load_style


def test_the_grammar_keeps_its_reading_when_the_model_agrees_or_is_unsure():
    rules = [EditIntent(what="tempo", direction="down")]
    assert choose(rules, Prediction("tempo_down", 0.99, "none", 0.01), "slower").how == "rules"
    assert choose(rules, Prediction("energy_up", 0.6, "none", 0.2), "slower").how == "rules"


def test_a_sure_opposite_reading_is_a_question_with_both_options():
    c = choose([EditIntent(what="tempo", direction="down")], Prediction("tempo_up", 0.99, "none", 0.0), "x")
    assert c.how == "ask" and "slower" in c.question and "faster" in c.question


def test_a_sure_balance_refines_the_grammars_energy_for_a_named_part():
    c = choose([EditIntent(what="energy", direction="down")], Prediction("balance_down", 0.9, "none", 0.05),
               "the strings are a bit syrupy now, pull them back")
    assert (c.how, c.label) == ("refine", "balance_down")


def test_the_model_reads_what_the_grammar_cannot_and_a_leaning_model_asks():
    assert choose([], Prediction("tempo_up", 0.9, "tempo_down", 0.05), "it plods", guessed=Ask("?")).how == "model"
    c = choose([], Prediction("energy_up", 0.5, "tempo_up", 0.3), "it sags", guessed=Ask("?"))
    assert c.how == "ask" and "more energy" in c.question and "faster" in c.question
    # the grammar's own question (it heard both ways) stands
    assert choose([], Prediction("tempo_up", 0.99, "none", 0.0), "faster and slower", Ask("Faster or slower?")) \
        .question == "Faster or slower?"
    # a whole-score style guessed from a loose word yields to a clear reading
    style = [EditIntent(what="style", direction="set", value="electronic", reason="'much' read as electronic")]
    assert choose([], Prediction("balance_down", 0.6, "balance_up", 0.2), "drums are a bit much",
                  guessed=style).how == "model"
    assert choose([], None, "x", guessed=style).how == "guess"


def test_a_confident_model_acts_and_a_torn_one_asks():
    # the grammar read nothing; the model is confident: act, no question
    c = choose([], Prediction("energy_up", 0.75, "shape_up", 0.1), "this is the payoff, go for broke", guessed=Ask("?"))
    assert (c.how, c.label) == ("model", "energy_up")
    # two readings, neither sure: the question names both
    c = choose([], Prediction("energy_up", 0.45, "shape_up", 0.35), "go for broke", guessed=Ask("?"))
    assert c.how == "ask" and "more energy" in c.question and "growing over time" in c.question


def test_a_sure_overall_level_over_the_grammars_energy_when_no_part_is_named():
    rules = [EditIntent(what="energy", direction="down")]
    said = "the narrator must come through, ease it back"
    assert choose(rules, Prediction("loudness_down", 0.95, "energy_down", 0.04), said).how == "model"
    # an instrument named: that is its balance's business, not the overall level
    assert choose(rules, Prediction("loudness_down", 0.95, "energy_down", 0.04), "ease the piano back").how == "rules"
    # the grammar heard the other way: no override
    up = [EditIntent(what="energy", direction="up")]
    assert choose(up, Prediction("loudness_down", 0.95, "energy_down", 0.04), said).how == "rules"


def test_a_mood_and_the_key_it_brings_said_together_change_the_key_once(jazz30):
    from v2m.agent.dialogue.intents import apply_intents

    analysis, plan = jazz30
    assert plan.mode == "major"
    for said in ("make it mournful, in a minor key", "sadder - minor"):
        intents = read_request(analysis, plan, said)
        assert [it.what for it in intents] == ["mood"], said
        assert apply_intents(analysis, plan, intents, [plan]).mode == "minor"


def test_the_model_asks_where_when_its_tagger_hears_a_place_the_grammar_cannot_find(jazz30):
    analysis, plan = jazz30
    with pytest.raises(Ask, match="the garage"):
        _placed("energy_up", 0.8, analysis, plan, "the garage is the best part, lift it", read_request,
                places=("the garage",))
    its = _placed("energy_up", 0.8, analysis, plan, "lift it in shot 2", read_request, places=("in shot 2",))
    assert its and all(it.scope.kind != "whole" and it.scope.start_s == 5.0 for it in its)
    # a whole-score word is no place to ask about; an overall level takes no place
    assert _placed("energy_up", 0.8, analysis, plan, "lift it throughout", read_request, places=("throughout",))
    assert _placed("loudness_down", 0.8, analysis, plan, "the garage bit, ease it off", read_request,
                   places=("the garage bit",))


def test_questions_about_the_score_are_answered_from_the_plan(jazz30):
    _, plan = jazz30
    assert f"{plan.tempo_bpm:g} BPM" in remark("whats the bpm", plan, [plan])
    assert f"{plan.key} {plan.mode}" in remark("what key are we in?", plan, [plan])
    assert "left the score exactly as it is" in remark("Perfect, leave it like that.", plan, [plan])
    assert remark("is there a way to make it faster?", plan, [plan]) is None
    assert remark("keep the intro as it is", plan, [plan]) is None


def test_places_as_viewers_say_them(jazz30):
    analysis, plan = jazz30
    it, = read_request(analysis, plan, "No drums for the first two photos pls", guess=False)
    assert (it.what, it.scope.start_s, it.scope.end_s) == ("remove", 0.0, 10.0)
    it, = read_request(analysis, plan, "no drums under the interview, that's shots two and three", guess=False)
    assert (it.what, it.scope.start_s, it.scope.end_s) == ("remove", 5.0, 15.0)
    it, = read_request(analysis, plan, "swell into the last shot", guess=False)
    assert (it.what, it.direction, it.scope.start_s, it.scope.end_s) == ("shape", "up", 20.0, 25.0)
    it, = read_request(analysis, plan, "end on a stop, right on the logo, which is the last cut", guess=False)
    assert (it.what, it.value, it.scope.times_s) == ("hit", "stop", [25.0])


def test_a_wanted_tempo_is_heard_within_eight_percent_in_short_cuts():
    analysis = long_clip(60.0, 4.0)
    for request, bpm in (("jazz", None), ("jazz", 111.5), ("jazz", 160.3)):
        plan = RulesPlanner().plan(analysis, request).plan
        if bpm:
            plan.tempo_bpm = bpm
        tmap = build_tempo_map(plan, load_style(plan.style))
        heard = 60 * tmap.s_to_beat(56.0) / 56.0  # whole sections, the free last one aside
        assert abs(heard / plan.tempo_bpm - 1) < 0.085, (plan.tempo_bpm, heard)


def test_same_again_repeats_the_last_edit_at_the_new_place_and_too_x_is_no_wish_for_x():
    from v2m.agent.dialogue.understanding import apply_edit

    analysis = long_clip(60.0, 4.0)
    first = RulesPlanner().plan(analysis, "lofi").plan
    one = apply_edit(analysis, first, "first goal at 0:22, massive crash there", [first])
    assert one.question is None and any(abs(h.time_s - 22) < 0.05 and h.kind == "crash" for h in one.plan.hit_points)
    two = apply_edit(analysis, one.plan, "second goal's round about 41 seconds, same again", [first, one.plan])
    assert any(abs(h.time_s - 41) < 0.05 and h.kind == "crash" for h in two.plan.hit_points)
    calmer = apply_edit(analysis, first, "bit too epic now mate, tone it down a notch", [first])
    assert all(b.energy <= a.energy for a, b in zip(first.sections, calmer.plan.sections))
    assert any(b.energy < a.energy for a, b in zip(first.sections, calmer.plan.sections))


def _jazz_chat(tmp_path):
    """A chat on a 30 s clip cut every 5 s, scored in jazz (the offers' tests)."""
    from v2m.agent.dialogue.session import Session

    analysis = long_clip(30.0, 5.0)
    return Session.open(analysis.source, "jazz", workdir=tmp_path / "w", analysis=analysis, render=False)


def test_words_the_grammar_cannot_read_become_a_concrete_offer_of_the_models_readings():
    from v2m.agent.dialogue.arbiter import Offer, sharpened
    from v2m.agent.dialogue.where import Unknown

    unknown = Unknown("I'm not sure what 'swooshier' means for the music.", "swooshier")
    q = sharpened(unknown, Prediction("energy_up", 0.2, "tempo_up", 0.15), "make it swooshier")
    assert isinstance(q, Offer) and q.options == ("more energy", "faster") and "swooshier" in str(q)
    assert "not sure" not in str(q)
    # no part named: a part's balance is not offered; nothing left to offer: the grammar's question stands
    q = sharpened(unknown, Prediction("balance_up", 0.2, "tempo_down", 0.1), "make it swooshier")
    assert q.options == ("slower",)
    assert sharpened(unknown, Prediction("style", 0.2, "none", 0.1), "make it swooshier") is unknown
    assert sharpened(unknown, None, "make it swooshier") is unknown
    # another question of the grammar's is never replaced
    other = Ask("Faster or slower?")
    assert sharpened(other, Prediction("tempo_up", 0.2, "none", 0.1), "x") is other


def test_a_yes_takes_the_one_reading_a_question_offered():
    from v2m.agent.dialogue.messages import picks

    for said in ("yes", "Yes please.", "sure, do that", "ok go ahead", "yep"):
        assert picks(["more energy"], said) == "more energy", said
    assert picks(["more energy", "faster"], "yes") is None   # two readings: a yes does not say which
    assert picks(["more energy"], "yes but slower too") is None


def test_when_the_models_two_best_are_no_edit_the_best_edits_below_them_are_offered():
    from v2m.agent.dialogue.arbiter import Offer, sharpened
    from v2m.agent.dialogue.where import Unknown

    asked = Unknown("I'm not sure what 'whooshy' means.", "whooshy")
    ranked = ("style", "hit", "add", "energy_up", "none", "mode_major", "tempo_up")
    q = sharpened(asked, Prediction("style", 0.6, "hit", 0.1, ranked), "make it whooshy")
    assert isinstance(q, Offer) and q.options == ("more energy", "brighter (major)")   # no part named: no "add"
    assert sharpened(asked, Prediction("style", 0.6, "hit", 0.1), "make it whooshy") is asked   # nothing ranked


def test_an_unread_word_is_asked_about_concretely_and_a_yes_applies_it(tmp_path):
    s = _jazz_chat(tmp_path)
    before = s.plan
    r = s.say("make it swooshier")
    assert r.options and "not sure what" not in r.reply and s.plan == before
    r = s.say("yes" if len(r.options) == 1 else "the first one")
    assert not r.options and s.plan != before


def test_a_new_request_after_an_offer_is_not_put_at_the_offers_place(tmp_path):
    from v2m.agent.dialogue.operations import effective_roles
    s = _jazz_chat(tmp_path)
    assert s.say("make shot 4 swooshier").options   # offered readings for shot 4 (15-20 s)
    s.say("please add a xylophone")
    plan = s.plan
    role = next(r for r, name in plan.instrumentation.items() if "xylophone" in name.lower())
    assert role in effective_roles(plan, plan.sections[plan.section_at(2.0)])   # everywhere, not only in shot 4


def test_a_long_request_that_happens_to_name_an_offered_reading_is_no_answer():
    from v2m.agent.dialogue.messages import picks

    assert picks(["more energy", "faster"], "ok faster then please") == "faster"
    assert picks(["more energy", "faster"], "make the drums a lot faster after the second cut please") is None


def test_a_reading_given_back_in_a_few_words_lands_where_the_offer_was_about(tmp_path):
    s = _jazz_chat(tmp_path)
    r = s.say("shot 3 feels a bit wonky")
    assert r.options
    before = s.plan
    s.say("calmer please")
    after = s.plan
    assert after.sections[after.section_at(12.0)].energy < before.sections[before.section_at(12.0)].energy
    assert after.sections[after.section_at(2.0)].energy == before.sections[before.section_at(2.0)].energy
