"""Culture, era, place and purpose read as a style, with the reason said (session 32; the blind data is
tests/wordings33): a style's own word that is not its name says why ("Jamaican"), a purpose or a description of the
video in longer words ("it's my niece's dance recital", "it's for our school project on the ..."), "the feel of" as a
wish, a scene beside a mood word of another style, the score already in the style asked for, and references the scenes
lacked. Each message is played on the 60 s clip and judged by the wordings bench's own checker (`styled`: the new
style one of those listed, and a reason in words). The phrasings are this file's own, not the blind writers'."""

import pytest

from bench.bench_wordings import outcome
from edit_clips import open_long


@pytest.mark.parametrize("style, said, styles", [
    ("lofi", "give it a bit of a Jamaican flavour", ["reggae"]),
    ("rock", "It's my niece's first dance recital.", ["classical"]),
    ("rock", "It's for our school project on the Roaring Twenties", ["jazz"]),
    ("folk", "I want it sound like a techno club at 4am", ["electronic"]),
    ("folk", "We need the feel of a medieval battle, knights charging", ["cinematic", "epic_trailer"]),
    ("lofi", "can it be like a smoky Buenos Aires dance hall", ["tango"]),
    ("jazz", "make it feel like a superhero teaser", ["epic_trailer"]),
    ("jazz", "like a superhero teaser, heroes lining up while the city burns", ["epic_trailer"]),   # no place asked
    ("folk", "this is for our phone company's keynote reveal", ["electronic"]),
    ("cinematic", "it's gameplay from our cozy farming sim", ["folk"]),
    ("folk", "like a cheesy Las Vegas magic act", ["jazz"]),
    ("lofi", "it's a promo for my barber shop", ["funk"]),
    ("lofi", "sounds like it should be in an Oktoberfest beer tent", ["marching_band"]),
    ("jazz", "a time-lapse for my biology class", ["cinematic"]),
])
def test_culture_is_a_style_with_its_reason(style, said, styles):
    got, reply, _ = outcome({"id": "t", "style": style, "said": said, "styles": styles})
    assert got == "followed", reply


def test_the_style_it_already_is_said_with_why(tmp_path):
    s = open_long(tmp_path, "ambient")
    v = s.version
    turn = s.say("make it feel like a spa")
    assert not turn.question and s.version == v and s.plan.style == "ambient"
    assert "already ambient" in turn.reply and "Why:" in turn.reply, turn.reply


def test_a_memorial_video_is_not_cheered_up(tmp_path):
    s = open_long(tmp_path, "ambient")
    old = [x.energy for x in s.plan.sections]
    turn = s.say("It's the memorial video for my grandfather.")
    assert not turn.question, turn.reply
    assert all(b <= a + 1e-9 for a, b in zip(old, [x.energy for x in s.plan.sections])), turn.reply   # (it was "more energy")
