"""Realise a plan into files: compose -> render (or generate) -> mux, one way for every caller.

    from v2m.tools.options import MusicOptions
    from v2m.tools.realiser import Realiser, realise
    made = realise(plan, analysis, "clip.mp4", "out/clip")                    # one plan, once
    r = Realiser(analysis, "clip.mp4", cache_dir, MusicOptions(backend="debug"))
    made = r.realise(plan, folder, previous=(old_plan, old_folder))          # a chat turn: only what changed
    made.files, made.rendered                                                # {key: name in folder}, sections made now

The pipeline (`v2m score`), the chat session and the LangChain tools all come here; a caller that runs the
stages one at a time (a tool-calling model) calls `compose`, `render`, `generate` and `mux` in turn.

What lands in `folder` (names as `v2m score` always wrote them):
- score.mid (and with `notation`, score.abc and score.musicxml) from the composer;
- symbolic route: score.wav, the notes rendered section by section with a soundfont (`v2m.tools.audio.stems`:
  a section whose notes did not change since the last version is taken from the cache);
- audio / hybrid: score.symbolic.wav (the MIDI's sound, and the hybrid route's melody conditioning), then
  score.wav and score.seams.npz from the music model (`v2m.tools.musicgen.route`). After an edit only
  `changed_sections(old, new)` are generated again from the previous version's take; every sample outside
  their `regenerated_span` is the previous take's. With no usable previous take (a route switch, moved
  section times, another model) every section is generated;
- <stem>.scored.mp4 (or .mkv/.mov when MP4 cannot hold the codec): the video's packets copied, the music as AAC spliced from cached segments
  (`v2m.tools.audio.remux`), so a turn re-encodes only the seconds around what changed.
The previous version's folder is only read, never written.
"""

from __future__ import annotations

import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from v2m.tools.audio.container import Container, choose_container, reencode_video
from v2m.tools.audio.mux import read_music, still_to_video, with_original
from v2m.tools.audio.remux import SegmentMuxer
from v2m.tools.audio.stems import StemRenderer
from v2m.tools.contract import ScorePlan, VideoAnalysis
from v2m.tools.errors import InputError, V2MError
from v2m.tools.music.compose import compose as compose_plan
from v2m.tools.musicgen.backends import default_backend, load_backend
from v2m.tools.musicgen.prompt import changed_sections
from v2m.tools.musicgen.route import generate_score_audio
from v2m.tools.options import MusicOptions

SEGMENT_S = 2.0  # AAC segment length between section starts (see mux)
AUDIO_ROUTES = ("audio", "hybrid")


@dataclass
class Realisation:
    """What `realise` wrote: file key -> name in the folder, and the sections synthesized or generated now."""

    files: dict[str, str] = field(default_factory=dict)
    rendered: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    timing: list[str] = field(default_factory=list)  # the composer's sync decisions (meter changes and why)


class Realiser:
    """Realises plan versions of one video, keeping what makes the next version cheap: the per-section
    stem cache, the AAC segment cache and the music model, each made on first use.

    Args:
        analysis: the video's analysis (duration, kind).
        video: the input video or still image.
        cache_dir: where the caches live (cache_dir/stems, cache_dir/aac; a still image's clip).
        music: the MusicOptions.
        keep_audio: mix the video's own sound under the music.
        container: the output container when the caller has decided it already (`choose_container`
            probes the input; the pipeline decides before any work), else decided here on first use.
    """

    def __init__(self, analysis: VideoAnalysis, video: str | Path, cache_dir: str | Path,
                 music: MusicOptions | None = None, *, keep_audio: bool = False, container: Container | None = None):
        self.analysis, self.video, self.root = analysis, Path(video), Path(cache_dir)
        self.music = music or MusicOptions()
        self.keep_audio = keep_audio
        self._renderer = None
        self._muxer = None
        self._backends: dict[str, object] = {}
        self._container = container

    # ------------------------------------------------------------------ the audio routes' model

    def music_backend(self, route: str):
        """The loaded music backend for `route` (audio or hybrid), loading it on first use.

        Raises:
            V2MError / MissingDependency: unknown backend, weights missing, no melody conditioning for
                the hybrid route (one line; nothing is written).
        """
        name = self.music.backend or default_backend(route)
        if name not in self._backends:
            self._backends[name] = load_backend(name, self.music.model, **self.music.backend_options())
        backend = self._backends[name]
        if route == "hybrid" and not backend.melody:
            raise V2MError(f"the hybrid route needs a melody-conditioned music backend (musicgen-melody), "
                           f"not {name}")
        return backend

    def check(self, route: str) -> None:
        """Fail fast, before any file is made, when `route` cannot be realised here (loads the model)."""
        if route in AUDIO_ROUTES:
            self.music_backend(route)

    # ------------------------------------------------------------------ the stages

    def compose(self, plan: ScorePlan, folder: Path, *, notation: bool = False):
        """Compose the plan; write score.mid (and with `notation` score.abc and score.musicxml).

        Returns:
            The Arrangement (its warnings and melody repairs are the caller's to report).
        """
        folder = Path(folder)
        arrangement = compose_plan(plan, self.analysis)
        arrangement.write_midi(folder / "score.mid")
        if notation:
            self.write_notation(arrangement, folder)
        return arrangement

    @staticmethod
    def write_notation(arrangement, folder: Path) -> None:
        """score.abc and score.musicxml (for notation editors: MuseScore, Sibelius) of a composed arrangement."""
        arrangement.write_abc(Path(folder) / "score.abc")
        arrangement.write_musicxml(Path(folder) / "score.musicxml")

    def render(self, plan: ScorePlan, arrangement, wav: Path):
        """Render the composed notes to `wav` (44.1 kHz stereo, exactly the video's length, at the plan's
        loudness), synthesizing only the sections not in the cache.

        Returns:
            The stem renderer's RenderStats (rendered, reused).
        """
        return self.renderer.render(arrangement, wav, duration_s=self.analysis.duration_s,
                                    loudness_lufs=plan.loudness_lufs)

    def generate(self, plan: ScorePlan, folder: Path, previous: tuple[ScorePlan, Path] | None = None) -> list[int]:
        """score.wav (and score.seams.npz) from the music model on the plan's audio route; the hybrid route
        reads folder/score.symbolic.wav. Only the changed sections when the previous take allows it.

        Returns:
            Indices of the sections generated now.
        """
        folder = Path(folder)
        wav = folder / "score.wav"
        kw = {"backend": self.music_backend(plan.route), "seed": self.music.seed,
              "symbolic_wav": folder / "score.symbolic.wav" if plan.route == "hybrid" else None}
        todo = None
        if previous is not None and previous[0].route == plan.route \
                and (previous[1] / "score.seams.npz").is_file() and (previous[1] / "score.wav").is_file():
            todo = changed_sections(previous[0], plan)
        if todo == []:  # nothing the audio model hears changed: the previous take, as it was
            shutil.copy2(previous[1] / "score.wav", wav)
            shutil.copy2(previous[1] / "score.seams.npz", folder / "score.seams.npz")
            return []
        if todo is not None:
            try:
                generate_score_audio(plan, wav, sections=todo, previous_wav=previous[1] / "score.wav", **kw)
                return todo
            except V2MError:  # the previous take does not fit (another model or sample rate): a full take
                pass
        generate_score_audio(plan, wav, **kw)
        return list(range(len(plan.sections)))

    def mux(self, plan: ScorePlan, folder: Path, *, keep_audio: bool | None = None) -> Path:
        """Put folder/score.wav on the picture: writes folder/<stem>.scored.<ext> and returns it (the
        container is the one the input's codec allows: see `v2m.tools.audio.container`).

        Args:
            plan: the plan (its section starts are where AAC segments begin).
            folder: the version's folder.
            keep_audio: mix the video's own sound under the music (None: as the Realiser was made).
        """
        folder = Path(folder)
        wav = folder / "score.wav"
        if not wav.is_file():
            raise InputError(f"no music to mux: {wav} does not exist")
        keep = self.keep_audio if keep_audio is None else keep_audio
        audio, sr = wav, None  # read from disk a segment at a time, as it is encoded
        if keep and self.analysis.kind != "image":
            audio, sr = read_music(wav)
            audio = with_original(self.video, audio, sr)
        out = folder / f"{self.video.stem}.scored{self.container.ext}"
        # AAC segments start at section starts and every SEGMENT_S seconds between, so a turn re-encodes
        # only the few seconds around what changed (the changed sections and their release tails)
        grid = [k * SEGMENT_S for k in range(1, int(self.analysis.duration_s / SEGMENT_S) + 1)]
        self.muxer.mux(self.picture(), audio, sr, out, cuts_s=sorted({*grid, *(s.start_s for s in plan.sections[1:])}))
        return out

    # ------------------------------------------------------------------ one version, whole

    def realise(self, plan: ScorePlan, folder: str | Path, previous: tuple[ScorePlan, Path] | None = None, *,
                notation: bool = False, progress: Callable[[str], None] | None = None) -> Realisation:
        """Write every file of `plan` into `folder` (see the module docstring).

        Args:
            plan: the plan; its route decides what score.wav is.
            folder: an existing folder.
            previous: the plan and folder of the version this one was edited from, or None.
            notation: also write score.abc and score.musicxml.
            progress: called with "compose", "render" and "mux" as each stage starts.
        Returns:
            The Realisation.
        """
        folder = Path(folder)
        step = progress or (lambda stage: None)
        step("compose")
        arrangement = self.compose(plan, folder)
        files = {"midi": "score.mid", "wav": "score.wav"}
        # The notation (music21: about a second per minute of music) is written while the music renders
        # and muxes, in a thread (FluidSynth and FFmpeg work outside Python's lock): nothing waits for it.
        with ThreadPoolExecutor(max_workers=1) as pool:
            notes = pool.submit(self.write_notation, arrangement, folder) if notation else None
            step("render")
            if plan.route in AUDIO_ROUTES:
                self.render(plan, arrangement, folder / "score.symbolic.wav")
                rendered = self.generate(plan, folder, previous)
                files.update({"symbolic": "score.symbolic.wav", "seams": "score.seams.npz"})
            else:
                rendered = self.render(plan, arrangement, folder / "score.wav").rendered
            step("mux")
            files["video"] = self.mux(plan, folder).name
            if notes is not None:
                notes.result()
                files.update({"abc": "score.abc", "musicxml": "score.musicxml"})
        warnings = list(arrangement.warnings) + [f"melody repaired: {r}" for r in arrangement.repairs]
        return Realisation(files=files, rendered=rendered, warnings=warnings, timing=list(arrangement.sync_notes))

    # ------------------------------------------------------------------ caches and the picture

    @property
    def muxer(self):
        if self._muxer is None:
            self._muxer = SegmentMuxer(self.root / "aac")
        return self._muxer

    @property
    def renderer(self):
        if self._renderer is None:
            self._renderer = StemRenderer(self.root / "stems", soundfont=self.music.soundfont)
        return self._renderer

    @property
    def container(self) -> Container:
        """The scored video's container, decided once from the input's codec."""
        if self._container is None:
            self._container = Container(".mp4") if self.analysis.kind == "image" else choose_container(self.video)
        return self._container

    def picture(self) -> Path:
        """The video to mux onto: the input; for a codec no container can copy (a GIF, raw video, ...)
        the input encoded as H.264 once; for a still image a clip made from it once."""
        if self.analysis.kind != "image":
            if not self.video.exists():
                raise InputError(f"{self.video}: the video is gone; cannot mux")
            if not self.container.reencode:
                return self.video
            clip = self.root / "picture.mp4"  # every later version copies these packets: encoded once
            if not clip.exists():
                self.root.mkdir(parents=True, exist_ok=True)
                reencode_video(self.video, clip)
            return clip
        clip = self.root / "still.mp4"
        if not clip.exists():
            self.root.mkdir(parents=True, exist_ok=True)
            still_to_video(self.video, clip, self.analysis.duration_s)
        return clip


def realise(plan: ScorePlan, analysis: VideoAnalysis, video: str | Path, folder: str | Path,
            music: MusicOptions | None = None, *, previous: tuple[ScorePlan, Path] | None = None,
            notation: bool = True, keep_audio: bool = False, container: Container | None = None,
            progress: Callable[[str], None] | None = None) -> Realisation:
    """Realise one plan into `folder` with caches that live only for this call (see `Realiser.realise`).

    Args:
        plan: the plan; analysis: its video's analysis; video: the video or still image.
        folder: the output folder (exists). music: the MusicOptions.
        previous: the plan and folder of a version to reuse the take of, or None.
        notation: also write score.abc and score.musicxml.
        keep_audio: mix the video's own sound under the music.
        container: the output container, when the caller has decided it (saves probing the input again).
        progress: called with each stage's name as it starts.
    Returns:
        The Realisation.
    """
    with tempfile.TemporaryDirectory(dir=folder, prefix=".v2m-cache-") as tmp:
        realiser = Realiser(analysis, video, tmp, music, keep_audio=keep_audio, container=container)
        return realiser.realise(plan, folder, previous, notation=notation, progress=progress)
