"""`v2m chat`: a terminal conversation about one video, a plain loop over a `Session`.

    v2m chat clip.mp4 "score this in jazz" -o out/      # first score, then talk: "slower after 0:05"
    v2m chat --resume 3f2a9c01d4                        # continue after a crash, a kill or another day
    v2m chat --list | --delete ID                       # the stored sessions; delete one and its files
    v2m chat clip.mp4 "in jazz" --backend chat --model ollama:llama3.2   # a language model plans and revises
    v2m chat clip.mp4 "in jazz" --route audio --music-model /models/musicgen-small   # MusicGen per section

Lines are edited with readline (arrows, history kept between runs). Besides requests, the loop knows:
undo, redo, history, show plan, export [DIR], play, branch [NAME], help, quit. With -o DIR the current
version's files (scored MP4, WAV, MIDI, plan) are kept in DIR after every turn. The planner flags
(--backend, --model, ...) and the music flags are stored with the session, so --resume rebuilds them.
"""

from __future__ import annotations

import argparse
import contextlib
import shutil
import subprocess
import sys
from pathlib import Path

from v2m.agent.dialogue.session import Session, default_workdir
from v2m.agent.dialogue.store import Store
from v2m.agent.dialogue.where import fmt
from v2m.agent.options import given_music_flags, music_from_args
from v2m.agent.outputs import folder_lock
from v2m.agent.planners.llm import PlannerOptions
from v2m.agent.terminal import clean
from v2m.tools.errors import V2MError

PROMPT = "you> "
COMMANDS = ("undo, redo, history, show plan, export [DIR], play, branch [NAME], help, quit; "
            "anything else is a request, e.g. 'slower in the second half'")


def _check_resume_flags(args: argparse.Namespace) -> None:
    """A resumed session keeps the planner and music model it was opened with."""
    given = [flag for flag, value in (("--backend", args.backend != "rules"), ("--model", args.model),
                                      ("--adapter", args.adapter), ("--base-url", args.base_url),
                                      ("--route", args.route != "symbolic"))
             if value] + given_music_flags(args)
    if given:
        raise V2MError(f"--resume continues with the session's own planner and music options; drop {', '.join(given)}")


def _say(text: str) -> None:
    for line in clean(text).strip("\n").rstrip().splitlines() or [""]:
        print(f"v2m> {line}", flush=True)


def _read(interactive: bool) -> str | None:
    """One line from the user, or None at end of input."""
    if interactive:
        try:
            return input(PROMPT)
        except EOFError:
            print()
            return None
    line = sys.stdin.readline()
    if not line:
        return None
    print(f"{PROMPT}{line.rstrip()}", flush=True)  # scripted input: echo it so the transcript reads whole
    return line.rstrip("\n")


def _history_file(session) -> Path:
    return session.store.root / "chat_history"


def _setup_readline(session) -> None:
    try:
        import readline
    except ImportError:  # not on every platform; the loop works without it
        return
    path = _history_file(session)
    try:
        readline.read_history_file(str(path))
    except OSError:
        pass
    readline.set_history_length(1000)
    import atexit

    atexit.register(lambda: _save_history(readline, path))


def _save_history(readline, path: Path) -> None:
    try:
        readline.write_history_file(str(path))
    except OSError:
        pass


def show_plan(plan) -> str:
    """The plan in a few lines: globals, then one line per section."""
    lines = [f"{plan.style} at {plan.tempo_bpm:g} BPM in {plan.key} {plan.mode}, {plan.meter}, "
             f"{plan.loudness_lufs:g} LUFS; instruments: "
             + ", ".join(f"{r}={n}" for r, n in plan.instrumentation.items())]
    for i, s in enumerate(plan.sections):
        extra = [f"{s.tempo_bpm:g} BPM"] if s.tempo_bpm else []
        extra += [f"only {'+'.join(s.instruments)}"] if s.instruments else []
        extra += ["locked"] if s.locked else []
        lines.append(f"  {i + 1}. {s.name:<10} {fmt(s.start_s)}-{fmt(s.end_s)}  energy {s.energy:.2f}  "
                     f"{' '.join(s.chords[:4])}" + (f"  ({', '.join(extra)})" if extra else ""))
    if plan.hit_points:
        lines.append("  hits: " + ", ".join(f"{fmt(h.time_s)} {h.kind}" for h in plan.hit_points))
    return "\n".join(lines)


def _sync_output(session, outdir: Path | None) -> None:
    if outdir is not None:
        session.export(outdir, force=True)


def _play(session) -> str:
    video = session.files.get("video")
    if video is None:
        return "No video in this version (plans only)."
    player = shutil.which("ffplay") or shutil.which("xdg-open") or shutil.which("open")
    if player and sys.stdout.isatty():
        args = [player, "-autoexit", "-loglevel", "quiet", str(video)] if player.endswith("ffplay") else [player, str(video)]
        subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return f"Playing {video}"
    return f"The current score: {video}"


def _command(session, line: str, outdir: Path | None) -> bool:
    """Handle one line; return False when the user is done."""
    word, _, rest = line.strip().partition(" ")
    cmd = word.lower()
    if cmd in ("quit", "exit", "q", "bye"):
        return False
    if cmd in ("help", "?"):
        _say(f"Commands: {COMMANDS}.")
    elif cmd == "history" and not rest:
        for h in session.history():
            mark = "?" if h.asked else " "   # a turn that changed nothing and asked nothing is no question
            _say(f"{h.n:>3}{mark} [{h.branch}] {h.text or '(first score)'} -> {h.reply.splitlines()[0]}")
    elif line.strip().lower() in ("show plan", "show", "plan"):
        _say(f"version {session.version} on branch {session.branch_name}:\n" + show_plan(session.plan))
    elif cmd == "export":
        dest = Path(rest.strip()) if rest.strip() else outdir
        if dest is None:
            _say("Export where? Say 'export DIR' (or start with -o DIR).")
        else:
            files = session.export(dest, force=dest == outdir)
            _say("Exported " + ", ".join(str(p) for p in files.values()))
    elif cmd == "play" and not rest:
        _say(_play(session))
    elif cmd == "branch":
        _say(session.branch(rest.strip() or None).reply)
        _sync_output(session, outdir)
    elif cmd in ("undo", "redo") and not rest:
        _say((session.undo() if cmd == "undo" else session.redo()).reply)
        _sync_output(session, outdir)
    else:
        turn = session.say(line.strip())
        _say(turn.reply)
        if turn.changed:
            _sync_output(session, outdir)
    return True


def _manage(args: argparse.Namespace) -> int:
    """--list and --delete: the store's sessions, without starting a conversation."""
    import time

    store = Store(args.sessions or default_workdir())
    if args.delete:
        store.delete_session(args.delete)
        print(f"v2m> Deleted session {args.delete} and its files.")
        return 0
    for row in store.sessions():
        turns = store.turns(row["id"])
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(row["created"]))
        print(clean(f"{row['id']}  {when}  {Path(row['video']).name}  {len(turns)} turns  \"{row['request']}\""))
    return 0


def run_chat(args: argparse.Namespace) -> int:
    """The chat loop. Returns the exit status."""
    if args.list or args.delete:
        return _manage(args)
    render = not args.no_render
    outdir = Path(args.output) if args.output else None
    with contextlib.ExitStack() as stack:
        if outdir is not None:  # one chat per output folder: two would mix their files
            if outdir.exists() and not outdir.is_dir():
                raise V2MError(f"output folder {outdir} is a file")
            empty = not outdir.exists() or not any(outdir.iterdir())
            outdir.mkdir(parents=True, exist_ok=True)
            stack.enter_context(folder_lock(outdir))
            if not empty and not args.resume:
                raise V2MError(f"output folder {outdir} is not empty; choose another -o folder")
        return _chat(args, render, outdir)


def _chat(args: argparse.Namespace, render: bool, outdir: Path | None) -> int:
    if args.resume:
        _check_resume_flags(args)
        session = Session.resume(args.resume, workdir=args.sessions, render=render, soundfont=args.soundfont)
        _say(f"Resumed session {session.id} on {session.video.name}, version {session.version} "
             f"({len(session.history())} turns so far).")
    else:
        if not args.video:
            raise V2MError("chat needs a VIDEO (or --resume ID)")
        planner = PlannerOptions.from_args(args)  # checked here, before any work
        print(f"v2m> Scoring {Path(args.video).name} ...", flush=True)
        session = Session.open(args.video, args.request, workdir=args.sessions, planner=planner, route=args.route,
                               music=music_from_args(args), render=render)
        _say(f"Session {session.id}. " + session.first.reply)
    _sync_output(session, outdir)
    interactive = sys.stdin.isatty()
    if interactive:
        _setup_readline(session)
        _say(f"Say what to change, or: {COMMANDS}.")
    while True:
        try:
            line = _read(interactive)
        except KeyboardInterrupt:  # Ctrl-C at the prompt clears the line, as in a shell
            print()
            continue
        if line is None:
            break
        if not line.strip():
            continue
        try:
            if not _command(session, line, outdir):
                break
        except V2MError as e:  # one bad turn does not end the conversation
            print(f"v2m: error: {clean(e)}", file=sys.stderr, flush=True)
        except KeyboardInterrupt:  # a turn stopped half-way is simply not recorded
            print("\nv2m> Stopped; that turn was not kept.", flush=True)
    _say(f"Saved. Resume with: v2m chat --resume {session.id}")
    return 0
