"""A style asked for without its name: by a culture, an era, a place, an occasion, a film, TV or game genre, or a
described sound ("a rodeo in Texas", "beats to do homework to", "taiko and braams") switches the whole score to
a style that fits, with the reason said; words that only name a part, a feeling or an earlier version do not.
The associations are data (each style YAML's `scenes`, read by `agent/dialogue/cultures.py`). Sentences here are
our own, not the styles bank's."""

from __future__ import annotations

import pytest
import yaml
from edit_clips import long_clip
from pydantic import ValidationError

from v2m.agent.dialogue.cultures import culture, evoked, table
from v2m.agent.planners.base import get_planner
from v2m.tools.style import STYLE_DIR, Scene, load_style, style_names


@pytest.fixture(scope="module")
def clip():
    return long_clip(40.0, 5.0)


@pytest.fixture(scope="module")
def jazz(clip):
    plan = get_planner("rules").plan(clip, "a swing jazz combo with sax").plan
    assert plan.style == "jazz"
    return plan


def say(clip, plan, request):
    from v2m.agent.dialogue.understanding import apply_edit
    return apply_edit(clip, plan, request)


@pytest.mark.parametrize("said,styles", [
    # a place or a culture
    ("think of a rodeo somewhere in texas", {"western"}),
    ("something you'd hear on a caribbean island holiday", {"reggae"}),
    ("like a barn dance in the irish countryside", {"folk"}),
    # an occasion or a purpose
    ("this one is for a mindfulness app, keep it floating", {"ambient"}),
    ("it's for our catwalk show, make it pump", {"electronic"}),
    ("like the band at the homecoming parade", {"marching_band"}),
    ("our parish turns 100, make it sound like the congregation singing on sunday", {"gospel"}),
    # a screen or game genre, an era
    ("like the soundtrack of a pixel art game from the 90s", {"chiptune"}),
    ("should feel like a flickery black and white picture from way back", {"silent_film"}),
    ("as if it were a costume drama on sunday night telly", {"cinematic"}),
    # a described sound
    ("dusty beats to do homework to", {"lofi"}),
    ("give it that neon, 1980s glow", {"synthwave"}),
    ("taiko and braams all the way", {"epic_trailer"}),
    ("like the final battle of a computer game", {"rock", "chiptune"}),   # a game's boss fight, not a film trailer
])
def test_a_style_asked_for_without_its_name_switches_with_the_reason(clip, jazz, said, styles):
    r = say(clip, jazz, said)
    assert r.question is None, r.reply
    assert r.plan.style in styles, r.reply
    assert "Why:" in r.reply and r.plan.style.split("_")[0] in r.reply.lower()


def test_the_style_most_words_point_to_wins_over_the_first_one_said():
    # a memorial (slow classical) said first, but a choir, Sunday and church all say gospel
    found, _ = culture("for my uncle's memorial, he led the choir at church every sunday")
    assert found.style == "gospel"
    # a named genre beside an occasion: the occasion's evidence alone ("a product ad") is outweighed by more
    found, _ = culture("a product ad with boom bap drums and vinyl crackle")
    assert found.style == "lofi"


@pytest.mark.parametrize("said", ["add a choir and an organ", "bring in a tuba", "more french horns please",
                                  "swap the sax for a fiddle"])
def test_sounds_named_to_add_or_change_switch_no_style(clip, jazz, said):
    assert evoked(said) is None
    r = say(clip, jazz, said)
    assert r.plan.style == "jazz", r.reply


@pytest.mark.parametrize("said", ["make it more cinematic in shot 3", "like before please", "make the intro like a western",
                                  "make it all feel like a funeral",
                                  "like a yoga class, not a fairground", "less like a horror film"])
def test_words_that_ask_for_no_new_style_keep_it(clip, jazz, said):
    r = say(clip, jazz, said)
    assert r.plan.style == "jazz", r.reply


def test_every_scene_is_valid_data_and_belongs_to_a_style():
    names = set(style_names())
    assert {c.style for _, c in table()} == names   # every style can be called up, and only those
    for name in names:
        for sc in load_style(name).scenes:
            assert sc.why and not sc.why.endswith(".")   # said after "Why: ", which adds the full stop
        # read by the pure-Python loader too (where libyaml is missing): "[hymns?]" unquoted is an error there
        yaml.load((STYLE_DIR / f"{name}.yaml").read_text(), Loader=yaml.SafeLoader)   # noqa: S506
    with pytest.raises(ValidationError):
        Scene(words=["Cop Show"], why="capitals never match a lower-cased request")
    with pytest.raises(ValidationError):
        Scene(words=["(unclosed"], why="a broken pattern")


@pytest.mark.parametrize("said,style", [
    ("vinyl crackle, tape hiss, lazy drums", "lofi"),                          # sounds in three clauses, no scene
    ("cinematic game reveal with taiko, braams and a string ostinato", "epic_trailer"),   # a name outweighed
    ("a stadium anthem, big distorted guitars", "rock"),                       # words two styles share: the rest decides
    ("old school funk for a shoe commercial", "funk"),                         # a genre named beside an occasion
    ("please sound of an old arcade", "chiptune"),                             # "please sound": a wish
    ("it should feel like a storm is on its way. trailer music, war drums", "epic_trailer"),   # the "is" is
    # the simile's own, not the music's now
    ("like the opening of a cheesy eighties tv show", "synthwave"),           # the show's opening, not the video's
    ("a title screen, press start", "chiptune"),                               # "start" inside the scene's words
    ("sound like the big finale of a spaghetti western", "western"),           # "sound like ...": an order
])
def test_the_whole_request_weighs_the_style(clip, jazz, said, style):
    r = say(clip, jazz, said)
    assert r.question is None and r.plan.style == style, r.reply


@pytest.mark.parametrize("said,style", [
    ("for a spa weekend promo, and no drums at all", "ambient"),        # the new style has no drums: nothing to ask
    ("barn dance video, swap the sax for a banjo", "folk"),             # no sax in folk: the banjo comes in
    ("a warm and chill bedroom producer track", "lofi"),                # two moods describe the style, no question
    ("the homecoming parade is the whole video, tubas and snare cadence", "marching_band"),   # a scene, no moment
])
def test_what_is_said_beside_a_style_is_no_question(clip, jazz, said, style):
    r = say(clip, jazz, said)
    assert r.question is None and r.plan.style == style, r.reply


def test_a_sound_at_a_place_or_named_to_add_is_an_instrument(clip, jazz):
    r = say(clip, jazz, "add some taiko in the last shot")
    assert r.plan.style == "jazz" and "taiko" in r.reply.lower()
    r = say(clip, jazz, "bring in hand claps and a choir")
    assert r.plan.style == "jazz" and "choir" in r.reply.lower()


def test_a_moment_with_a_scene_word_in_it_is_still_asked_where(clip):
    rock = get_planner("rules").plan(clip, "driving rock").plan
    r = say(clip, rock, "the picture of grandpa at the rodeo needs to be the big moment")
    assert r.question and "Where is" in r.reply and r.plan.style == "rock"   # a picture, not a western
    r = say(clip, rock, "smoky and noir, with a sax up front")   # "smoky" is blues' word and jazz's: noir decides
    assert r.question is None and r.plan.style == "jazz", r.reply
