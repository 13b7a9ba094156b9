"""How a plan becomes sound, as one frozen object built once at the edge (CLI flags, a stored session, a
UI form) and passed down unchanged to `v2m.tools.realiser`. Light on purpose: the command line imports it
to declare its flags without loading the stages.

    from v2m.tools.options import MusicOptions
    MusicOptions(backend="debug", seed=3)          # or MusicOptions.of({"backend": "debug"})
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from v2m.tools.errors import InputError


@dataclass(frozen=True)
class MusicOptions:
    """How a plan becomes sound: the soundfont of the symbolic score and the audio routes' music model.

    None means the default: the best soundfont installed; the route's default backend (musicgen, or
    musicgen-melody for hybrid) with its default weights, on the CPU in float32, the plan's seed.
    """

    backend: str | None = None          # musicgen, musicgen-melody, audiocraft or debug
    model: str | None = None            # hub id in the local cache, or a folder of weights
    device: str | None = None           # cpu, cuda or auto
    dtype: str | None = None            # float32, float16, bfloat16
    seed: int | None = None             # another seed gives another take
    guidance_scale: float | None = None
    window_s: float | None = None       # longest audio one model call makes
    soundfont: str | None = None        # a General MIDI .sf2/.sf3

    @classmethod
    def of(cls, value: MusicOptions | dict | None) -> MusicOptions:
        """Options from a MusicOptions, a plain dict (a stored session, older callers) or None.

        Raises:
            InputError: a key that is not an option.
        """
        if isinstance(value, cls):
            return value
        value = dict(value or {})
        unknown = sorted(set(value) - {f.name for f in fields(cls)})
        if unknown:
            raise InputError(f"unknown music options {unknown}; known: {[f.name for f in fields(cls)]}")
        return cls(**value)

    def given(self) -> dict:
        """The options set (not None): what a session stores and config.json shows."""
        return {k: v for k, v in asdict(self).items() if v is not None}

    def backend_options(self) -> dict:
        """Keyword options for `load_backend`."""
        keys = ("device", "dtype", "guidance_scale", "window_s")
        return {k: getattr(self, k) for k in keys if getattr(self, k) is not None}
