"""How people type and talk, read once where a request enters the chat (`v2m.agent.dialogue.plainly`): a request said
with fillers, stretched letters, texting or dictated punctuation changes the plan exactly
as the same request said plainly does, each in several voices (texting, dictation, a learner, a hurried note); and
the words that only look like noise keep their meaning ("like a 70s cop show", "I like the drums", "come to a full
stop", a quoted name, "kinda" as a size)."""

from __future__ import annotations

import pytest
from edit_clips import energy_at, long_clip, open_chat, open_long, tempo_at

from v2m.agent.dialogue.plainly import plain, stretched


def _said(tmp_path, name: str, request: str, long: bool = False):
    chat = open_long(tmp_path / name, "jazz", long_clip(120.0, 8.0)) if long else open_chat(tmp_path / name, "jazz")
    before = chat.plan
    turn = chat.say(request)
    return before, chat.plan, turn


def _same_as_plain(tmp_path, messy: str, plainly_said: str, long: bool = False):
    old, new, turn = _said(tmp_path, "messy", messy, long)
    _, want, _ = _said(tmp_path, "plain", plainly_said, long)
    assert new != old, turn.reply   # it did something
    assert new.model_dump(exclude={"reasoning"}) == want.model_dump(exclude={"reasoning"}), turn.reply


# (before: the ones marked read otherwise than said plainly)
@pytest.mark.parametrize("messy, plainly_said", [
    ("the ending is like super sloooow", "the ending is super slow"),                 # before: slower still
    ("the drums in shot two are sooooo loud", "the drums in shot two are so loud"),   # before: drums louder
    ("its waaay too loud pls turn it dooown", "its way too loud pls turn it down"),   # before: "dooown" unread
    ("the drums are tooo busy in the last shot!!!", "the drums are too busy in the last shot!"),   # before: unread
    ("can u make it sooo much slower", "can u make it much slower"),
])
def test_stretched_letters_and_shouted_marks_read_as_the_word(tmp_path, messy, plainly_said):
    _same_as_plain(tmp_path, messy, plainly_said)


@pytest.mark.parametrize("messy, plainly_said", [
    ("the bass is like really boomy", "the bass is really boomy"),                    # before: the bass louder
    ("can u like turn the drums down in the intro", "can u turn the drums down in the intro"),   # before: everywhere
    ("faster at like um twenty seconds", "faster at twenty seconds"),                 # before: asked where
    ("um the bass is uh too loud in the intro", "the bass is too loud in the intro"),
    ("erm, could you, like, make the intro quieter", "could you make the intro quieter"),
    ("hmm faster after the second cut, you know", "faster after the second cut"),
])
def test_fillers_are_dropped_and_like_set_off_as_a_filler_too(tmp_path, messy, plainly_said):
    _same_as_plain(tmp_path, messy, plainly_said)


@pytest.mark.parametrize("messy, plainly_said", [
    ("drums r way 2 loud n the bass 2", "drums are way too loud and the bass too"),   # before: the drums only
    ("the bass r 2 boomy rly", "the bass is too boomy really"),                       # before: the bass louder
    ("thats 2 slow in the middle, speed it up", "that's too slow in the middle, speed it up"),   # before: asked
    ("quieter in shot 2 & shot 3", "quieter in shot 2 and shot 3"),                   # before: shot 2 only
    ("gonna need it faster after the first cut thx", "going to need it faster after the first cut thx"),
    ("lemme hear more bass in the middle", "let me hear more bass in the middle"),
])
def test_texting_words_read_as_the_words(tmp_path, messy, plainly_said):
    _same_as_plain(tmp_path, messy, plainly_said)


@pytest.mark.parametrize("messy, plainly_said", [
    ("slower in the intro comma louder drums in the last shot", "slower in the intro, louder drums in the last shot"),
    ("more energy in shot two full stop softer piano at the end", "more energy in shot two. softer piano at the end"),
    ("faster in the last shot period", "faster in the last shot."),
])
def test_punctuation_said_aloud_is_the_sign(tmp_path, messy, plainly_said):
    _same_as_plain(tmp_path, messy, plainly_said)


def test_a_pause_said_with_um_between_two_clauses_is_a_comma():
    assert plain("where she is bending over um that is the fourth picture") == \
        "where she is bending over, that is the fourth picture"
    assert plain("can you um make it faster") == "can you make it faster"   # no clause starts after it
    assert plain("the um drums louder") == "the drums louder"


@pytest.mark.parametrize("said", ["make it feel like a 70s cop show", "I like the drums", "so the end is too slow",
                                  'call the second shot "sooo good um" please', "faster at 90",
                                  "let the music come to a full stop at 0:20", "more of a period piece feel",
                                  "for two minutes and ten seconds it should build", "between one minute and one minute thirty", "more r&b drums",
                                  "the drums sound kinda timid", "it's like a funeral", "just 2 hits please",
                                  "louder in shot 2", "jk just last 2", "the ER scene is too loud", "do you like cut 3 or cut 4?"])
def test_words_that_only_look_like_noise_are_kept(said):
    assert plain(said) == said


def test_a_message_of_fillers_alone_stays_as_typed_and_no_said_mark_is_left_at_the_start():
    assert plain("hmm") == "hmm" and plain("um...") == "um..."   # (answered as said: a doubt, no request)
    assert plain("slam on the brakes. full stop") == "slam on the brakes."
    assert plain("new paragraph okay and the last ten seconds should fade out") == \
        "okay and the last ten seconds should fade out"


def test_stretched_words_are_the_words_spelt_right():
    assert [stretched(w) for w in ("sooo", "tooo", "goooood", "sloooow", "fasterrrr", "pleeease", "WAAAY")] == \
        ["so", "too", "good", "slow", "faster", "please", "WAY"]


def test_a_hedge_keeps_its_size_and_a_like_of_comparison_its_style(tmp_path):
    old, new, _ = _said(tmp_path, "kinda", "kinda slower in the last shot")
    _, full, _ = _said(tmp_path, "plain", "slower in the last shot")
    assert tempo_at(full, 25) < tempo_at(new, 25) < tempo_at(old, 25)   # "kinda": a little slower
    old, new, turn = _said(tmp_path, "cop", "um make it feel like a 70s cop show")
    assert new.style != old.style and "funk" in turn.reply.lower()


@pytest.mark.parametrize("request_, answer, at, way", [
    ("when my daughter picks up the ball it should be calmer", "where she is bending over um that is the third shot", 17, -1),
    ("when the dog jumps it needs more energy", "the jump uh it's the second shot", 9, 1),   # before: asked which way
    ("softer when the girl waves", "she waves at the end um thats the last shot", 25, -1),
])
def test_an_answer_where_a_moment_is_said_with_a_pause_is_read_as_said_plainly(jazz_chat, request_, answer, at, way):
    # before: the answer was read raw ("bending over um that is ..."), the cuts listed and nothing changed
    before = jazz_chat.plan
    jazz_chat.say(request_)
    turn = jazz_chat.say(answer)
    moved = [energy_at(jazz_chat.plan, t) - energy_at(before, t) for t in (3, 9, 17, 25)]
    assert way * moved[(3, 9, 17, 25).index(at)] > 0, turn.reply
    assert all(m == 0 for t, m in zip((3, 9, 17, 25), moved) if t != at), turn.reply
