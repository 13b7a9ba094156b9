"""Wall time and peak memory of each stage of a run, for config.json and `v2m score --profile`.

    clock = StageClock()
    clock.start("analyse"); ...; clock.start("plan"); ...; clock.stop()
    clock.times_s, clock.peaks_mb        # {"analyse": 1.42, ...}, {"analyse": 131.0, ...}
    print(clock.table())

A stage's peak memory is the process's resident-set high-water mark (VmHWM) while it ran: on Linux
the mark is reset to the current RSS as each stage starts (writing 5 to /proc/self/clear_refs), so
each figure is that stage's own peak, not the run's so far. Elsewhere (or where the reset is refused)
it is getrusage's ru_maxrss, the peak so far, and the table says so. Child processes are not counted
(FluidSynth runs in the process: it is). As each stage starts, the heap the last one freed is given
back to the system (`synth.give_back_memory`), so no stage starts from the holes of the one before.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from v2m.tools.audio.synth import give_back_memory

CLEAR_REFS = Path("/proc/self/clear_refs")
STATUS = Path("/proc/self/status")


def _reset_peak() -> bool:
    """Reset this process's RSS high-water mark; False where the system does not allow it."""
    try:
        CLEAR_REFS.write_text("5")
        return True
    except OSError:
        return False


def _peak_mb() -> float:
    """The RSS high-water mark in MB (VmHWM since the last reset, else the process's ru_maxrss)."""
    try:
        for line in STATUS.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 2**20 if sys.platform == "darwin" else rss / 1024  # bytes on macOS, KiB on Linux


class StageClock:
    """Times stages that follow one another; each `start` ends the stage before it."""

    def __init__(self):
        self.times_s: dict[str, float] = {}
        self.peaks_mb: dict[str, float] = {}
        self.per_stage = True  # False when peaks are the run's so far (no reset available)
        self._name: str | None = None
        self._t0 = 0.0

    def start(self, name: str) -> None:
        """End the running stage (if any) and start `name`."""
        self.stop()
        give_back_memory()
        self.per_stage = _reset_peak() and self.per_stage
        self._name, self._t0 = name, time.perf_counter()

    def stop(self) -> None:
        """End the running stage."""
        if self._name is not None:
            self.times_s[self._name] = round(time.perf_counter() - self._t0, 3)
            self.peaks_mb[self._name] = round(_peak_mb(), 1)
            self._name = None

    def table(self) -> str:
        """One line per stage: seconds and peak MB, then the total time and the highest peak."""
        what = "peak RSS MB" if self.per_stage else "RSS so far MB"
        lines = [f"{'stage':<14}{'seconds':>9}{what:>16}"]
        lines += [f"{name:<14}{t:9.2f}{self.peaks_mb.get(name, 0.0):16.1f}" for name, t in self.times_s.items()]
        lines.append(f"{'total':<14}{sum(self.times_s.values()):9.2f}{max(self.peaks_mb.values(), default=0.0):16.1f}")
        return "\n".join(lines)
