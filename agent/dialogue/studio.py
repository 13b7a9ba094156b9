"""A session's studio: makes the files of one plan version (score.mid, score.wav, the scored video) and
keeps what makes the next version cheap: the per-section stem cache, the AAC segment cache and the music
model, loaded once per session.

    studio = Studio(session_dir, analysis, video, music={"backend": "debug"})
    files, rendered = studio.realise(plan, folder, previous=(old_plan, old_folder))

The plan's route decides what score.wav is:
- symbolic: the composed notes rendered with a soundfont; only sections whose notes changed are
  synthesized again (`v2m.tools.audio.stems`).
- audio / hybrid: the symbolic score is rendered as well (score.symbolic.wav: the hybrid route's melody
  conditioning, and the MIDI's sound), then MusicGen writes score.wav section by section
  (`v2m.tools.musicgen.route`). After an edit only `changed_sections(old, new)` are generated again, from
  the previous version's take; every sample outside their `regenerated_span` is the previous take's, so
  the muxer reuses those AAC segments too. When the previous version has no take on this route (a route
  switch, moved section times, another model) every section is generated.
The previous version's folder is only read, never written: undo gives its files back byte for byte.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from v2m.tools.contract import ScorePlan, VideoAnalysis
from v2m.tools.errors import InputError, V2MError

SEGMENT_S = 2.0  # AAC segment length between section starts (see realise)
MUSIC_OPTIONS = ("device", "dtype", "guidance_scale", "window_s")  # passed to the backend when loading


class Studio:
    """Realises plan versions for one session.

    Args:
        root: the session's folder (caches live in root/stems, root/aac; a still image's clip in root).
        analysis: the video's analysis (duration, kind).
        video: the input video or still image.
        soundfont: a .sf2 for the symbolic score (None: the best one found).
        music: audio-route options: backend, model, device, dtype, seed, ... (see `v2m.tools.musicgen.backends`).
    """

    def __init__(self, root: Path, analysis: VideoAnalysis, video: Path, *, soundfont: str | None = None,
                 music: dict | None = None):
        self.root, self.analysis, self.video = Path(root), analysis, Path(video)
        self.soundfont = soundfont
        self.music = dict(music or {})
        self._renderer = None
        self._muxer = None
        self._backends: dict[str, object] = {}

    # ------------------------------------------------------------------ the audio route's model

    def music_backend(self, route: str):
        """The loaded music backend for `route` (audio or hybrid), loading it on first use.

        Raises:
            V2MError / MissingDependency: unknown backend, weights missing, no melody conditioning for
                the hybrid route (one line; nothing is written).
        """
        from v2m.tools.musicgen.backends import default_backend, load_backend

        name = self.music.get("backend") or default_backend(route)
        if name not in self._backends:

            opts = {k: self.music[k] for k in MUSIC_OPTIONS if self.music.get(k) is not None}
            self._backends[name] = load_backend(name, self.music.get("model"), **opts)
        backend = self._backends[name]
        if route == "hybrid" and not backend.melody:
            raise V2MError(f"the hybrid route needs a melody-conditioned music backend (musicgen-melody), "
                           f"not {name}")
        return backend

    def check(self, route: str) -> None:
        """Fail fast, before any file is made, when `route` cannot be realised here."""
        if route != "symbolic":
            self.music_backend(route)

    # ------------------------------------------------------------------ one version

    def realise(self, plan: ScorePlan, folder: Path, previous: tuple[ScorePlan, Path] | None = None
                ) -> tuple[dict[str, str], list[int]]:
        """Write score.mid, score.wav (and on the audio routes score.symbolic.wav, score.seams.npz) and
        <stem>.scored.mp4 into `folder`.

        Args:
            plan: the version's plan.
            folder: its (empty) folder.
            previous: the plan and folder of the version this one was edited from, or None.
        Returns:
            (file key -> name in folder, indices of the sections synthesized or generated now).
        """
        import numpy as np
        import soundfile as sf

        from v2m.tools.music.compose import compose

        arrangement = compose(plan, self.analysis)
        arrangement.write_midi(folder / "score.mid")
        files = {"midi": "score.mid", "wav": "score.wav"}
        symbolic = folder / ("score.wav" if plan.route == "symbolic" else "score.symbolic.wav")
        stats = self.renderer.render(arrangement, symbolic, duration_s=self.analysis.duration_s,
                                     loudness_lufs=plan.loudness_lufs)
        if plan.route == "symbolic":
            audio, sr, rendered = stats.audio, self.renderer.sample_rate, stats.rendered
        else:
            rendered = self._generate(plan, folder, previous)
            files.update({"symbolic": symbolic.name, "seams": "score.seams.npz"})
            mono, sr = sf.read(str(folder / "score.wav"), dtype="float32", always_2d=True)
            audio = np.repeat(mono[:, :1], 2, axis=1)  # the muxer writes stereo AAC
        out = folder / f"{self.video.stem}.scored.mp4"
        # AAC segments start at section starts and every SEGMENT_S seconds between, so a turn re-encodes
        # only the few seconds around what changed (the changed sections and their release tails)
        grid = [k * SEGMENT_S for k in range(1, int(self.analysis.duration_s / SEGMENT_S) + 1)]
        self.muxer.mux(self.picture(), audio, sr, out, cuts_s=sorted({*grid, *(s.start_s for s in plan.sections[1:])}))
        files["video"] = out.name
        return files, rendered

    def _generate(self, plan: ScorePlan, folder: Path, previous: tuple[ScorePlan, Path] | None) -> list[int]:
        """score.wav on the audio route: only the changed sections when the previous take allows it."""
        from v2m.tools.musicgen.route import generate_score_audio
        from v2m.tools.musicgen.prompt import changed_sections

        wav = folder / "score.wav"
        kw = {"backend": self.music_backend(plan.route), "seed": self.music.get("seed"),
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

    # ------------------------------------------------------------------ caches and the picture

    @property
    def muxer(self):
        if self._muxer is None:
            from v2m.tools.audio.remux import SegmentMuxer

            self._muxer = SegmentMuxer(self.root / "aac")
        return self._muxer

    @property
    def renderer(self):
        if self._renderer is None:
            from v2m.tools.audio.stems import StemRenderer

            self._renderer = StemRenderer(self.root / "stems", soundfont=self.soundfont)
        return self._renderer

    def picture(self) -> Path:
        """The video to mux onto: the input, or (for a still image) a clip made from it once."""
        if self.analysis.kind != "image":
            if not self.video.exists():
                raise InputError(f"{self.video}: the session's video is gone; cannot re-mux")
            return self.video
        clip = self.root / "still.mp4"
        if not clip.exists():
            from v2m.tools.audio.mux import still_to_video

            still_to_video(self.video, clip, self.analysis.duration_s)
        return clip
