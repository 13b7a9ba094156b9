"""General MIDI program names and drum notes: the instrument vocabulary plans may use.

Names match case-insensitively; a plan says "Acoustic Bass", the MIDI file gets program 32.
"""

from __future__ import annotations

GM_PROGRAMS = (
    'Acoustic Grand Piano', 'Bright Acoustic Piano', 'Electric Grand Piano', 'Honky-tonk Piano',
    'Electric Piano 1', 'Electric Piano 2', 'Harpsichord', 'Clavinet',
    'Celesta', 'Glockenspiel', 'Music Box', 'Vibraphone',
    'Marimba', 'Xylophone', 'Tubular Bells', 'Dulcimer',
    'Drawbar Organ', 'Percussive Organ', 'Rock Organ', 'Church Organ',
    'Reed Organ', 'Accordion', 'Harmonica', 'Tango Accordion',
    'Acoustic Guitar (nylon)', 'Acoustic Guitar (steel)', 'Electric Guitar (jazz)', 'Electric Guitar (clean)',
    'Electric Guitar (muted)', 'Overdriven Guitar', 'Distortion Guitar', 'Guitar Harmonics',
    'Acoustic Bass', 'Electric Bass (finger)', 'Electric Bass (pick)', 'Fretless Bass',
    'Slap Bass 1', 'Slap Bass 2', 'Synth Bass 1', 'Synth Bass 2',
    'Violin', 'Viola', 'Cello', 'Contrabass',
    'Tremolo Strings', 'Pizzicato Strings', 'Orchestral Harp', 'Timpani',
    'String Ensemble 1', 'String Ensemble 2', 'Synth Strings 1', 'Synth Strings 2',
    'Choir Aahs', 'Voice Oohs', 'Synth Choir', 'Orchestra Hit',
    'Trumpet', 'Trombone', 'Tuba', 'Muted Trumpet',
    'French Horn', 'Brass Section', 'Synth Brass 1', 'Synth Brass 2',
    'Soprano Sax', 'Alto Sax', 'Tenor Sax', 'Baritone Sax',
    'Oboe', 'English Horn', 'Bassoon', 'Clarinet',
    'Piccolo', 'Flute', 'Recorder', 'Pan Flute',
    'Blown bottle', 'Shakuhachi', 'Whistle', 'Ocarina',
    'Lead 1 (square)', 'Lead 2 (sawtooth)', 'Lead 3 (calliope)', 'Lead 4 chiff',
    'Lead 5 (charang)', 'Lead 6 (voice)', 'Lead 7 (fifths)', 'Lead 8 (bass + lead)',
    'Pad 1 (new age)', 'Pad 2 (warm)', 'Pad 3 (polysynth)', 'Pad 4 (choir)',
    'Pad 5 (bowed)', 'Pad 6 (metallic)', 'Pad 7 (halo)', 'Pad 8 (sweep)',
    'FX 1 (rain)', 'FX 2 (soundtrack)', 'FX 3 (crystal)', 'FX 4 (atmosphere)',
    'FX 5 (brightness)', 'FX 6 (goblins)', 'FX 7 (echoes)', 'FX 8 (sci-fi)',
    'Sitar', 'Banjo', 'Shamisen', 'Koto',
    'Kalimba', 'Bagpipe', 'Fiddle', 'Shanai',
    'Tinkle Bell', 'Agogo', 'Steel Drums', 'Woodblock',
    'Taiko Drum', 'Melodic Tom', 'Synth Drum', 'Reverse Cymbal',
    'Guitar Fret Noise', 'Breath Noise', 'Seashore', 'Bird Tweet',
    'Telephone Ring', 'Helicopter', 'Applause', 'Gunshot',
)
_INDEX = {n.lower(): i for i, n in enumerate(GM_PROGRAMS)}

# General MIDI percussion key map (channel 10), the notes the drum grooves use.
DRUMS = {
    "kick": 36, "side_stick": 37, "snare": 38, "clap": 39, "snare2": 40, "tom_low": 41,
    "hat_closed": 42, "tom_mid": 45, "hat_pedal": 44, "hat_open": 46, "tom_high": 48,
    "crash": 49, "ride": 51, "ride_bell": 53, "tambourine": 54, "splash": 55, "cowbell": 56,
    "crash2": 57, "shaker": 70, "conga_high": 62, "conga_low": 64, "claves": 75, "cabasa": 69,
}
DRUM_CHANNEL = 9  # channel 10 counted from one


def program_number(name: str) -> int:
    """GM program (0-127) of an instrument name.

    Args:
        name: a General MIDI name such as "Acoustic Bass" (any case).
    Returns:
        The program number.
    Raises:
        ValueError: naming the unknown instrument.
    """
    try:
        return _INDEX[name.strip().lower()]
    except KeyError:
        raise ValueError(f"unknown General MIDI instrument {name!r}") from None


def program_name(number: int) -> str:
    return GM_PROGRAMS[number]


# Drum kits on channel 10 (GS numbering, which GM soundfonts such as FluidR3_GM follow).
DRUM_KITS = {"standard": 0, "room": 8, "power": 16, "electronic": 24, "tr-808": 25, "jazz": 32,
             "brush": 40, "orchestra": 48}


def drum_kit_number(name: str) -> int:
    """Program number of a drum kit name ("Standard", "Jazz", "Brush", "TR-808" ...)."""
    try:
        return DRUM_KITS[name.strip().lower()]
    except KeyError:
        raise ValueError(f"unknown drum kit {name!r}; choose from {sorted(DRUM_KITS)}") from None


def instrument_number(role: str, name: str) -> int:
    """Program number for a role's instrument: a drum kit for `drums`, a GM program otherwise."""
    return drum_kit_number(name) if role in ("drums", "percussion") else program_number(name)


# General MIDI's chromatic percussion (programs 8-15: celesta, glockenspiel, music box, vibraphone, marimba,
# xylophone, tubular bells, dulcimer): "the bells" to a listener, whichever plays
BELLS = range(8, 16)


SAME = {"violin": "fiddle", "fiddle": "violin"}   # one instrument under two General MIDI programs (40 and 110)


def bell_kin(name: str, playing: dict[str, str]) -> list[str]:
    """The roles of `playing` (role -> GM name) that play a bell-like instrument, when `name` is "Tubular Bells"
    (what "the bells" name): the part a listener means by "the bells" when the score's bells are a celesta. An
    instrument named outright ("a xylophone") is that one, never a kin already playing."""
    if name.strip().lower() != "tubular bells":
        return []
    return [r for r, n in playing.items() if r != "drums" and _INDEX.get(n.strip().lower()) in BELLS]
