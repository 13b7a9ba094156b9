"""How a section's energy is heard where its level alone does not say it: at the piece's ending and at a seam.

A level (the style's intensity step a section's energy picks) sets what each part plays and how hard; two
neighbouring energies often share one. Two places needed more than that to follow a plan's energy over time:

- the ending. A last section at the style's softest level fades (a diminuendo over its last ENDING_BEATS into a
  soft last chord), one at the top level drives (a crescendo into its last strike). Before this a fade drawn over
  the last shot (energies 0.31, 0.21, 0.12: one level) ended on the band's full final chord and weighed more at
  its end than at its start (359 -> 438 note weight per second, o-b-travel-01), and a climb to the end held its
  cadence as at any level, so the rise was not heard (1621 -> 1588, o-c-doc-13). The middle levels end as before.
- a seam. A section's first downbeat is accented where it starts on a cut, and a piece an edit cut from a section at
  no cut of the picture (a shape drawn in even steps over one long shot) starts at a seam with nothing to mark. At
  the softest level no accent is struck there (`seam_at`): a quiet passage goes on across it as the whole section
  did, where a stab at each step of the fade weighed more than the fade took away. Above it the band still marks
  the step: a climb heard as steps up ("start tiny and grow", h-a-director-01) leans on it.

Both read the section alone (its energy's level, whether it ends the piece, where it was cut from), so an edit
elsewhere leaves its notes as they were.

    from v2m.tools.music.dynamics import ending
    notes = ending(notes, level_index, n_levels, first_beat, end_beat)
"""

from __future__ import annotations

from dataclasses import replace

from v2m.tools.contract import ScorePlan
from v2m.tools.music.arrangement import Note

ENDING_BEATS = 8.0  # two bars of 4/4: the stretch of a last section an ending's dynamics shape
FADE_TO = 0.6       # the softest level's last note against the section's own velocity: the fade's depth
DRIVE_TO = 1.2      # the top level's last strike against its own velocity (MIDI's 127 caps it)
SEAM_S = 1e-3       # a piece starting this close to the start of the section it was cut from starts on its cut


def ending(notes: list[Note], level: int, n_levels: int, first_beat: float, end_beat: float) -> list[Note]:
    """The notes of a piece's last section with its ending's dynamics: velocities scaled from 1 at the start of
    the last ENDING_BEATS (or the section's first beat, if later) to FADE_TO at `end_beat` at the softest level
    (`level` 0), to DRIVE_TO at the top (`level` n_levels - 1); unchanged at a level between, or where the style
    has one level only.

    Args:
        notes: the section's notes (beats from the start of the music); level: the index of the section's level
            among the style's `n_levels`; first_beat, end_beat: the section's first beat and the music's last.
    Returns:
        The notes, each velocity kept within 1..127.
    """
    if n_levels < 2 or 0 < level < n_levels - 1:
        return notes
    target = FADE_TO if level == 0 else DRIVE_TO
    start = max(first_beat, end_beat - ENDING_BEATS)
    span = max(1e-6, end_beat - start)

    def scaled(n: Note) -> Note:
        x = min(1.0, max(0.0, (n.start - start) / span))
        return replace(n, vel=int(max(1, min(127, round(n.vel * (1 + (target - 1) * x))))))
    return [scaled(n) for n in notes]


def seam_at(plan: ScorePlan, time_s: float) -> bool:
    """Whether a section starts at `time_s` on a seam: a piece an edit cut from a section (`split_from`), starting after
    that section's start, so at no boundary the plan had before (a cut inside the section is marked as it was before
    the split: by its hit point, where it has one). The whole section's own first bar, which a piece played on its
    grid is written from (`splits.Frame`), is no seam."""
    return any(abs(s.start_s - time_s) < SEAM_S and s.split_from is not None and s.start_s > s.split_from.start_s + SEAM_S
               for s in plan.sections)
