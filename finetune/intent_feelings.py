"""The lay-feelings register for the intent model's training sentences: clients who say only how the music
feels against the picture, in everyday similes. `intent_data` draws some of its sentences from here.

    from v2m.finetune.intent_feelings import feeling
    feeling("energy_up", rng)   # e.g. "honestly it sounds like a yoga retreat and they're only racing go-karts"

The rule it teaches is the one `v2m.agent.dialogue.similes` reads by hand: a simile of the music as it is now
("it sounds like a spa", "it's turned into a rave") means move AWAY from that scene; a simile of a wish ("it
should feel like a victory lap", "make it feel like curling up by the fire") means move TOWARD it; "X, not Y"
toward X. The scenes, the picture said against the music and the frames are this recipe's own words (the
dialogue sets grade the model and are not copied). Approval said with a simile ("it feels like home now,
love it") is "none". The same inline marks as `intent_data`: [s:...] scope.
"""

from __future__ import annotations

import random

# Scenes by how they feel: low and sad, low and calm, high and busy; a rising shape; time slowing down.
SAD = ["a memorial service", "a rainy graveside", "a hospital drama", "a breakup ballad", "a war widow's letter",
       "the last day of summer camp", "a tragic opera", "a sinking ship", "a lost-dog poster", "a goodbye at the station"]
CALM = ["a spa", "a yoga retreat", "a dentist's waiting room", "an elevator", "a lullaby", "an airport lounge",
        "a Sunday nap", "a library", "a meditation app", "hold music", "a bedtime story", "a slow Sunday brunch"]
BUSY = ["a rave", "a fairground", "a police chase", "a heist film", "a boxing match", "a monster truck rally",
        "a game show", "rush hour", "a stampede", "a fire drill", "a toddler's birthday", "an opening ceremony",
        "a superhero trailer", "a casino floor", "a Formula 1 race", "a pillow fight"]
# What the picture shows, said against the music
QUIET_PICTURE = ["they're only folding laundry", "it's just a cat asleep on the sofa", "she's only watering plants",
                 "it's a quiet walk by the river", "they're just chatting over tea", "it's a knitting tutorial",
                 "he's only reading the paper"]
LIVELY_PICTURE = ["they're racing go-karts", "it's a birthday party", "the kids are jumping in puddles",
                  "it's a product launch", "they're dancing at the wedding", "it's a street festival",
                  "the dog is chasing a ball"]
COSY = ["a warm bath", "curling up by the fire", "a Sunday morning in bed", "sinking into a sofa", "a cup of cocoa",
        "being tucked in", "a slow dance in the kitchen", "a hammock in the shade"]
BIG = ["a victory lap", "fireworks", "the crowd going wild", "the hero arriving", "a big deal",
       "she's the star of the show", "a coronation", "the final whistle of a cup final"]
RISE = ["a curtain rising", "the sun coming up", "a plane taking off", "a flower opening", "something about to happen",
        "a balloon lifting off", "the lights coming up"]
SLOW = ["slow motion", "time standing still", "moving through honey", "a replay in slow-mo"]

NOW = ["it sounds like {x}", "it feels like {x}", "honestly it's like {x}", "right now it's {x}", "it's turned into {x}",
       "this sounds like {x} to me", "feels a bit like {x}", "it's giving {x}", "the music is like {x}",
       "it's way too much like {x}", "it kind of sounds like {x}", "now it's like {x}", "everything sounds like {x}"]
WISH = ["it should feel like {x}", "make it feel like {x}", "i want it to feel like {x}", "can it feel more like {x}",
        "it needs to feel like {x}", "it ought to feel like {x}", "let it feel like {x}", "more like {x} please",
        "i'd love it to feel like {x}", "could it be more like {x}", "like {x}, that's the feeling we want"]
CONTRAST = ["like {x}, not {y}", "{x}, not {y}", "more like {x}, less like {y}", "it should be {x} rather than {y}",
            "we want {x}, it sounds like {y}"]
APPROVAL = ["it feels like {x} now, love it", "yes! that's {x}, perfect", "now it really sounds like {x}, thank you",
            "that's exactly {x}, keep it"]
PLACES = ["in the opening", "at the end", "in the middle", "for the last shot", "in shot 2", "after 0:20",
          "from the third cut", "for the first few seconds"]


def _scene(rng: random.Random, pool: list[str]) -> str:
    return rng.choice(pool)


def _now(x: str, rng: random.Random, picture: list[str]) -> str:
    s = rng.choice(NOW).format(x=x)
    if rng.random() < 0.4:   # the picture said against the music
        s += rng.choice([" when {p}", " and {p}", " but {p}", ", {p}"]).format(p=rng.choice(picture))
    return s


def feeling(label: str, rng: random.Random) -> str | None:
    """One marked sentence in the lay-feelings register for `label`, or None when the register has none."""
    if label == "energy_up":
        choices = [lambda: _now(_scene(rng, CALM), rng, LIVELY_PICTURE), lambda: rng.choice(WISH).format(x=_scene(rng, BIG)),
                   lambda: rng.choice(CONTRAST).format(x=_scene(rng, BIG), y=_scene(rng, CALM))]
    elif label == "energy_down":
        choices = [lambda: _now(_scene(rng, BUSY), rng, QUIET_PICTURE), lambda: rng.choice(WISH).format(x=_scene(rng, COSY)),
                   lambda: rng.choice(CONTRAST).format(x=_scene(rng, COSY), y=_scene(rng, BUSY))]
    elif label == "mode_major":
        choices = [lambda: _now(_scene(rng, SAD), rng, LIVELY_PICTURE)]
    elif label == "mode_minor":
        choices = [lambda: rng.choice(WISH).format(x=_scene(rng, SAD))]
    elif label == "shape_up":
        choices = [lambda: rng.choice(WISH).format(x=_scene(rng, RISE))]
    elif label == "tempo_down":
        choices = [lambda: rng.choice(WISH).format(x=_scene(rng, SLOW))]
    elif label == "none":
        choices = [lambda: rng.choice(APPROVAL).format(x=_scene(rng, COSY + BIG + RISE))]
    else:
        return None
    s = rng.choice(choices)()
    if label != "none" and rng.random() < 0.35:
        place = f"[s:{rng.choice(PLACES)}]"
        s = f"{place}, {s}" if rng.random() < 0.5 else f"{s} {place}"
    return s
