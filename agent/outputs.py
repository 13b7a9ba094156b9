"""A run's output folder: nothing the user had is lost, nothing half-written is left, one writer at a time.

    from v2m.agent.outputs import RunFolder
    with RunFolder(video, Path("out/clip"), force=True, inputs=[video, plan_file]) as run:
        write_everything_into(run.work)      # a fresh hidden folder inside out/clip
    # success: the new run replaced the old one as a whole; failure: out/clip is as it was

Rules, in order:
- an input (the video, a --plan file) is never written over: a run whose outputs would land on an
  input stops before any work and says so;
- without --force an existing output stops the run; with it the new run is written into a fresh
  hidden work folder and swapped in at the end, and every file of the previous run (keyframes,
  transcript, an older scored video) goes, while files v2m did not make stay;
- a full disk or a permission error at any stage is one line, and the work folder is removed;
- one writer per folder: `folder_lock` holds an exclusive lock naming the process that has it.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import sys
import uuid
from contextlib import contextmanager
from pathlib import Path

from v2m.tools.errors import V2MError
from v2m.tools.video.sequence import sequence_name

OUTPUT_NAMES = ("analysis.json", "plan.json", "reasoning.md", "score.abc", "score.mid", "score.musicxml",
                "score.wav", "config.json")
OPTIONAL_OUTPUTS = ("transcript.json", "score.symbolic.wav", "score.seams.npz", "keyframes", "agent_transcript.json")
SCORED_EXTS = (".mp4", ".mkv", ".mov")
WORK_PREFIX = ".v2m-run-"
LOCK_NAME = ".v2m.lock"   # who holds the lock (the lock itself is on the folder)
LOW_SPACE_BYTES = 4 << 20  # a run that failed with less free space than this ran out of disk
WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EFBIG, errno.EIO}


def output_paths(video: Path, outdir: Path, ext: str = ".mp4") -> dict[str, Path]:
    """Every file a run writes, by name ("video" is `<name>.scored<ext>`, `sequence_name`: the stem of a
    file, an image sequence's name)."""
    files = {name: outdir / name for name in OUTPUT_NAMES}
    files["video"] = outdir / f"{sequence_name(video)}.scored{ext}"
    return files


def previous_run(video: Path, outdir: Path) -> list[Path]:
    """What an earlier run into `outdir` left (any of its outputs, whatever the scored video's container)."""
    names = [*OUTPUT_NAMES, *OPTIONAL_OUTPUTS, *(f"{sequence_name(video)}.scored{e}" for e in SCORED_EXTS)]
    return [outdir / n for n in names if (outdir / n).exists() or (outdir / n).is_symlink()]


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def check_not_input(outputs: list[Path], inputs: list[Path]) -> None:
    """Raise if any output (or a file inside an output folder) is one of the inputs."""
    for src in [p for p in inputs if p is not None]:
        for out in outputs:
            if _same(src, out) or out.is_dir() and _inside(src, out):
                raise V2MError(f"{src} is an input and would be overwritten by this run's {out.name}; "
                               "move it or choose another -o folder")


def _low_space(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE_BYTES
    except OSError:
        return False


def write_error(e: OSError, where: Path) -> V2MError:
    """One line for a failed write: the disk is full, the folder is read-only, ..."""
    what = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is exceeded",
            errno.EROFS: "the file system is read-only", errno.EACCES: "permission denied",
            errno.EPERM: "permission denied"}.get(e.errno, e.strerror or str(e))
    return V2MError(f"cannot write {e.filename or where}: {what}; nothing was changed in {where}")


class RunFolder:
    """Context manager: `work` is written; on success it replaces the previous run in `outdir`."""

    def __init__(self, video: Path, outdir: Path, *, force: bool, inputs: list[Path], ext: str = ".mp4"):
        self.video, self.outdir, self.force, self.ext = video, outdir, force, ext
        self.inputs = [p for p in inputs if p is not None]
        self.created = False
        self.work = outdir / f"{WORK_PREFIX}{uuid.uuid4().hex[:8]}"
        self._lock = None

    # the checks, before any work
    def open(self) -> dict[str, Path]:
        outdir = self.outdir
        if outdir.exists() and not outdir.is_dir():
            raise V2MError(f"output folder {outdir} is a file")
        finals = list(output_paths(self.video, outdir, self.ext).values()) + previous_run(self.video, outdir) \
            + [outdir / n for n in OPTIONAL_OUTPUTS]
        check_not_input(finals, self.inputs)
        if not self.force:
            taken = [p for p in [*output_paths(self.video, outdir, self.ext).values(),
                                 *previous_run(self.video, outdir)] if p.exists() or p.is_symlink()]
            if taken:
                raise V2MError(f"{taken[0]} already exists ({len(taken)} output files would be "
                               "overwritten); use --force or another -o folder")
        self.created = not outdir.exists()
        try:
            outdir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise V2MError(f"cannot create output folder {outdir}: {e.strerror}") from None
        if not os.access(outdir, os.W_OK | os.X_OK):
            self._drop_created()
            raise V2MError(f"output folder {outdir} is not writable")
        try:
            self._lock = folder_lock(outdir)
            self._lock.__enter__()
            self._sweep()
            self.work.mkdir()
        except BaseException:
            self.close(ok=False)
            raise
        return output_paths(self.video, self.work, self.ext)

    def __enter__(self) -> RunFolder:
        self.files = self.open()
        return self

    def __exit__(self, kind, exc, tb) -> bool:
        if kind is None:
            try:
                self.commit()
            except OSError as e:
                self.close(ok=False)
                raise write_error(e, self.outdir) from None
            self.close(ok=True)
            return False
        # A full disk surfaces from deep inside libraries (libsndfile "System error", FFmpeg, FluidSynth):
        # look at the disk itself before cleaning up, so the user hears the cause, not its symptom.
        full = isinstance(exc, Exception) and not isinstance(exc, V2MError) and _low_space(self.outdir)
        self.close(ok=False)
        if isinstance(exc, OSError) and exc.errno in WRITE_ERRNOS:
            raise write_error(exc, self.outdir) from None
        if full:
            raise write_error(OSError(errno.ENOSPC, "No space left on device"), self.outdir) from None
        return False

    def final(self, path: Path) -> Path:
        """Where a file written into the work folder ends up."""
        return self.outdir / Path(path).relative_to(self.work)

    def relocate(self, analysis):
        """A copy of the analysis whose keyframe paths point where they will be after the swap (the
        run itself keeps reading them in the work folder)."""
        moved = analysis.model_copy(deep=True)
        for shot in moved.shots:
            if shot.keyframe:
                shot.keyframe = str(self.final(Path(shot.keyframe)))
        return moved

    def commit(self) -> None:
        """Swap: the previous run's files go to a trash folder, the new ones move in, the trash goes.
        A failure half-way puts the previous files back."""
        trash = self.outdir / f"{WORK_PREFIX}old-{uuid.uuid4().hex[:8]}"
        trash.mkdir()
        moved_old, moved_new = [], []
        try:
            for old in previous_run(self.video, self.outdir):
                os.replace(old, trash / old.name)
                moved_old.append(old.name)
            for new in sorted(self.work.iterdir()):
                os.replace(new, self.outdir / new.name)
                moved_new.append(new.name)
        except OSError:
            for name in moved_new:
                os.replace(self.outdir / name, self.work / name)
            for name in moved_old:
                os.replace(trash / name, self.outdir / name)
            shutil.rmtree(trash, ignore_errors=True)
            raise
        shutil.rmtree(trash, ignore_errors=True)

    def close(self, ok: bool) -> None:
        shutil.rmtree(self.work, ignore_errors=True)
        if self._lock is not None:
            self._lock.__exit__(None, None, None)
            self._lock = None
        if not ok:
            self._drop_created()

    def _drop_created(self) -> None:
        if self.created:  # the folder is ours alone: leave nothing half-made behind
            shutil.rmtree(self.outdir, ignore_errors=True)

    def _sweep(self) -> None:
        """Work folders of runs that were killed (we hold the lock, so none is alive)."""
        for p in self.outdir.glob(f"{WORK_PREFIX}*"):
            shutil.rmtree(p, ignore_errors=True)


@contextmanager
def folder_lock(folder: Path, what: str = "output folder"):
    """Hold an exclusive lock on `folder` (flock on the folder itself, so the lock dies with its process);
    `.v2m.lock` inside says who holds it, for the message another process gets.

    Raises:
        V2MError: another process holds it; the message names that process.
    """
    fd = os.open(folder, os.O_RDONLY)
    info = folder / LOCK_NAME
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        try:
            holder = info.read_text().strip()
        except OSError:
            holder = ""
        raise V2MError(f"{what} {folder} is in use by {holder or 'another v2m process'}; wait for it to "
                       "finish or use another folder") from None
    try:
        try:
            info.write_text(f"process {os.getpid()} ({' '.join(sys.argv[:3])[-80:]})\n")
        except OSError:
            pass  # a read-only or full folder fails later, with its own message
        yield folder
    finally:
        info.unlink(missing_ok=True)
        os.close(fd)
