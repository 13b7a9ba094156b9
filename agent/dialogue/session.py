"""A scoring conversation: the first score of a video, then one turn per thing the user says.

    from v2m.agent.dialogue.session import Session
    s = Session.open("clip.mp4", request="score this in jazz", workdir="sessions/")
    print(s.say("slower in the second half").reply)   # "Tempo 138 -> 117 BPM in the second half (...)."
    s.undo(); s.redo(); s.history(); s.branch("brighter"); s.plan; s.files["video"]
    s = Session.resume(s.id, workdir="sessions/")     # after a crash, a kill or another day

Each turn: the planner revises the plan -> the composer recomposes -> only sections whose notes changed
are re-rendered (`v2m.tools.audio.stems`), or on the audio and hybrid routes only the changed sections are
generated again by the music model (`v2m.tools.realiser`, the one realisation `v2m score` uses too)
-> the video is re-muxed. Every plan version keeps
its own folder of files (plan.json, score.mid, score.wav, <stem>.scored.mp4); undo moves back to the
previous version and its files, untouched, byte for byte. The store (`v2m.agent.dialogue.store`) records each
completed turn atomically, and the session's options (planner backend options, music backend) so that
`Session.resume` rebuilds the same planner and music model.

    s = Session.open("clip.mp4", "jazz", route="audio", music=MusicOptions(backend="musicgen", model="/models/mg"))
    s.say("another take of shot 2")         # only the section holding shot 2 is generated again
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from dataclasses import replace
from pathlib import Path

from v2m.agent.dialogue.answers import answered, asked_turn, idle_turn, withdrawn
from v2m.agent.dialogue.approval import REPLY as APPROVED
from v2m.agent.dialogue.changes import same_music
from v2m.agent.dialogue.edit_log import DROPPED, NO_CHANGE, NOTHING_BACK, heard_in
from v2m.agent.dialogue.messages import requests_back, withdrawal
from v2m.agent.dialogue.rehearsal import warming
from v2m.agent.dialogue.session_versions import Turn, VersionWriter
from v2m.agent.dialogue.store import Store, TurnRecord
from v2m.agent.planners.base import get_planner
from v2m.agent.planners.llm import PlannerOptions
from v2m.tools.contract import ScorePlan, VideoAnalysis
from v2m.tools.errors import InputError, V2MError
from v2m.tools.musicgen.backends import check_route
from v2m.tools.options import MusicOptions
from v2m.tools.realiser import Realiser
from v2m.tools.video.analyze import analyze

# "nah redo that", "hmm, actually undo": a word of doubt before it is no other request
OPENER = r"^\s*(?:(?:ok|okay|no|nah|nope|hmm+|actually|wait|oh|oops|please|sorry),? )*"
UNDO_RE = re.compile(OPENER + r"(undo|undo that|undo it|go back|revert|revert that|take that back|"
                     r"never ?mind)\W*(?:please|thanks|thank you)?\W*$", re.I)
REDO_RE = re.compile(OPENER + r"(redo|redo that|redo it|put it back)\W*(?:please|thanks|thank you)?\W*$",
                     re.I)


def default_workdir() -> Path:
    """Where sessions live unless told otherwise: $V2M_SESSIONS or ~/.cache/v2m/sessions."""
    return Path(os.environ.get("V2M_SESSIONS") or Path.home() / ".cache" / "v2m" / "sessions")


class Session(VersionWriter):
    """A conversation about one video, persisted in a `Store`."""

    def __init__(self, store: Store, sid: str, *, render: bool = True, soundfont: str | None = None,
                 opening: bool = False):
        row = store.session(sid, opening=opening)
        self.store, self.id = store, sid
        self.video = Path(row["video"])
        self.analysis = VideoAnalysis.model_validate_json(row["analysis"])
        self.planner_name = row["planner"]
        options = json.loads(row["options"] or "{}")
        self.planner_options: dict = options.get("planner", {})
        self.music = MusicOptions.of(options.get("music"))
        if soundfont:  # given again on resume: this run renders with it
            self.music = replace(self.music, soundfont=str(soundfont))
        self.render_audio = render
        self._planner = None
        self._realiser = None
        self._clean_stale()
        warming()   # patterns compiled, a first turn rehearsed, while the first score renders (or the user types): joined by `say`

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, video: str | Path, request: str = "", *, workdir: str | Path | None = None,
             planner: str | PlannerOptions = "rules", planner_options: dict | None = None, route: str = "symbolic",
             music: MusicOptions | dict | None = None, analysis: VideoAnalysis | None = None, render: bool = True,
             soundfont: str | None = None) -> Session:
        """Analyse a video (or take a given analysis), write the first score and start a session.

        Args:
            video: the video or still image.
            request: the first request ("score this in jazz").
            workdir: the session store's folder (default `default_workdir()`).
            planner: PlannerOptions (as `v2m chat` builds them), or a backend name (rules, hf, chat, scripted).
            planner_options: with a backend name, its keyword options (model, device, ...).
            route: symbolic, audio or hybrid; a turn can switch it ("use musicgen", "back to midi").
            music: the MusicOptions (a dict of them is taken too): the soundfont, and the audio routes'
                backend (musicgen, musicgen-melody, audiocraft, debug), model, device, seed ...; stored
                with the session.
            analysis: a ready analysis (skips decoding; tests and benchmarks).
            render: compose, render and mux each version (False keeps plans only).
            soundfont: a .sf2 file for rendering (the same as music.soundfont).
        Returns:
            The open Session; `session.turns[0]`'s reply describes the first score.
        """
        video = Path(video).resolve()
        if route not in ("symbolic", "audio", "hybrid"):
            raise InputError(f"unknown route {route!r}; choose symbolic, audio or hybrid")
        # the planner and the music model come first: a missing model fails before minutes of analysis
        if isinstance(planner, PlannerOptions):
            planner, planner_options = planner.backend, planner.kwargs()
        planner_options, music = dict(planner_options or {}), MusicOptions.of(music)
        if soundfont or music.soundfont:  # stored absolute, so a resumed session finds it from anywhere
            music = replace(music, soundfont=str(Path(soundfont or music.soundfont).resolve()))
        built = get_planner(planner, **planner_options)
        if render:
            check_route(route, music.backend, music.model)
        if analysis is None:
            if not video.exists():
                raise InputError(f"{video}: no such file")
            analysis = analyze(video)
        store = Store(workdir or default_workdir())
        sid = store.create_session(video=str(video), request=request, planner=planner,
                                   analysis_json=analysis.model_dump_json(),
                                   options={"planner": planner_options, "music": music.given()})
        try:
            s = cls(store, sid, render=render, opening=True)
            s._planner = built
            t0 = time.perf_counter()
            result = s.planner.plan(analysis, request)
            plan = result.plan if result.plan.route == route else result.plan.model_copy(update={"route": route})
            s.first = s._commit("open", request, plan, _with_warnings(result), t0)
        except BaseException:  # the session exists only once its first version is committed
            store.delete_session(sid)
            raise
        return s

    @classmethod
    def resume(cls, sid: str, *, workdir: str | Path | None = None, render: bool = True,
               soundfont: str | None = None) -> Session:
        """Continue a stored session (after a crash, a kill, or later)."""
        return cls(Store(workdir or default_workdir()), sid, render=render, soundfont=soundfont)

    @property
    def planner(self):
        if self._planner is None:
            self._planner = get_planner(self.planner_name, **self.planner_options)
        return self._planner

    @property
    def realiser(self) -> Realiser:
        """What makes each version's files (renderer, muxer, music model), kept across turns; its caches
        live in the session's folder."""
        if self._realiser is None:
            self._realiser = Realiser(self.analysis, self.video, self.dir, self.music)
        return self._realiser

    # ------------------------------------------------------------------ state

    @property
    def head(self) -> int | None:
        return self.store.session(self.id, opening=True)["head"]

    @property
    def branch_name(self) -> str:
        return self.store.session(self.id, opening=True)["branch"]

    @property
    def plan(self) -> ScorePlan:
        return ScorePlan.model_validate_json(self.store.version(self.head).plan_json)

    @property
    def version(self) -> int:
        return self.store.version(self.head).n

    @property
    def files(self) -> dict[str, Path]:
        v = self.store.version(self.head)
        return {k: v.dir / name for k, name in v.files.items()}

    @property
    def dir(self) -> Path:
        return self.store.session_dir(self.id)

    def lineage(self) -> list[ScorePlan]:
        """The plans from the first score to the current one along this branch: version N as a user counts
        edits ("back to version 2") is lineage()[N]."""
        plans, vid = [], self.head
        while vid is not None:
            v = self.store.version(vid)
            plans.append(ScorePlan.model_validate_json(v.plan_json))
            vid = v.parent
        return plans[::-1]

    def history(self) -> list[TurnRecord]:
        """Every turn so far, in order (questions and failed undos included)."""
        return self.store.turns(self.id)

    # ------------------------------------------------------------------ turns

    def say(self, text: str) -> Turn:
        """Ask for a change. "undo"/"redo" work here too.

        Returns:
            The Turn; `question` is set when the planner needs more to go on (the plan is unchanged).
        """
        t0 = time.perf_counter()
        warming().join()
        turns = self.store.turns(self.id)   # read once: nothing is written before the answer reads them
        asked, said = asked_turn(turns), text
        if idle_turn(turns) and (rest := withdrawal(text)) is not None:  # what it asked goes unanswered, nothing undone
            if not rest:
                self._record("say", text, DROPPED, t0, no_change=True)
                return Turn(reply=DROPPED, version=self.version, files=self.files, seconds=time.perf_counter() - t0)
            asked, said = None, rest
        if (n := requests_back(said)) and (k := self.store.made_versions(self.id, n)) is not None and k < n:
            if k:  # "undo the last two" when one of them changed nothing: only the other is undone
                return [self.undo() for _ in range(k)][-1]
            self._record("say", text, NOTHING_BACK, t0, no_change=True)
            return Turn(reply=NOTHING_BACK, version=self.version, files=self.files)
        if UNDO_RE.match(said):
            return self.undo()
        if REDO_RE.match(said):
            return self.redo()
        old = self.plan
        with heard_in(self.lineage(), turns, withdrawn(turns, text)) as lineage:   # a turn that changed nothing is still heard; undone, named
            result = self.planner.revise(self.analysis, old, said, history=lineage)
            result = answered(self.planner, self.analysis, old, lineage, asked, text, result, turns)
        question = getattr(result, "question", None)
        approved = question == APPROVED   # a sign-off or approval ("sounds good, everything else stays"): no question
        question = None if approved else question
        if not question and result.plan.route != old.route and self.render_audio:
            try:  # the music model is missing: say so in one line and stay on the route that works
                self.realiser.check(result.plan.route)
            except V2MError as e:
                question = f"{e}. The score stays on the {old.route} route."
        if question or same_music(result.plan, old):   # no version for the same music (a reasoning of its own)
            said_why = approved or result.reply.startswith(NO_CHANGE)   # "...: 0:20 already has a strong crash"
            reply = question or (result.reply if said_why else "That leaves the score as it is; nothing changed.")
            reply = _with_warnings(result, reply)
            self._record("say", text, reply, t0, no_change=True, options=getattr(result, "options", None))
            return Turn(reply=reply, question=question, version=self.version, files=self.files,
                        options=list(getattr(result, "options", None) or []) if question else [],
                        seconds=time.perf_counter() - t0)
        return self._commit("say", text, result.plan, _with_warnings(result), t0)

    def undo(self) -> Turn:
        t0 = time.perf_counter()
        v = self.store.version(self.head)
        if v.parent is None:
            return self._no_move("undo", "Nothing to undo: this is the first score.", t0)
        back = self.store.version(v.parent)
        self.store.commit_turn(self.id, kind="undo", text="undo", reply=f"Back to version {back.n}.",
                               question=False, before=v.id, seconds=time.perf_counter() - t0, move_to=back.id)
        return Turn(reply=f"Back to version {back.n}.", version=back.n, files=self.files, changed=True,
                    seconds=time.perf_counter() - t0)

    def redo(self) -> Turn:
        t0 = time.perf_counter()
        target = self.store.redo_target(self.id, self.head)
        if target is None:
            return self._no_move("redo", "Nothing to redo.", t0)
        v = self.store.version(target)
        self.store.commit_turn(self.id, kind="redo", text="redo", reply=f"Forward to version {v.n}.",
                               question=False, before=self.head, seconds=time.perf_counter() - t0, move_to=v.id)
        return Turn(reply=f"Forward to version {v.n}.", version=v.n, files=self.files, changed=True,
                    seconds=time.perf_counter() - t0)

    def branch(self, name: str | None = None) -> Turn:
        """Start a branch called `name` at the current version, or switch to it if it exists.

        With no name, the reply lists the branches.
        """
        t0 = time.perf_counter()
        branches = self.store.branches(self.id)
        if not name:
            listing = ", ".join(f"{'*' if b == self.branch_name else ''}{b} (v{self.store.version(h).n})"
                                for b, h in branches.items() if h is not None)
            return Turn(reply=f"Branches: {listing}.", version=self.version, files=self.files)
        if not re.fullmatch(r"[\w.-]{1,40}", name):
            raise V2MError(f"branch names are letters, digits, '.', '-' or '_' (up to 40), got {name!r}")
        if name in branches and branches[name] is not None:
            target, reply = branches[name], f"Switched to branch {name} (version {self.store.version(branches[name]).n})."
        else:
            target, reply = self.head, f"New branch {name} from version {self.version}."
        self.store.commit_turn(self.id, kind="branch", text=f"branch {name}", reply=reply, question=False,
                               before=self.head, seconds=time.perf_counter() - t0, move_to=target, branch=name)
        return Turn(reply=reply, version=self.version, files=self.files, changed=target != self.head)

    def export(self, dest: str | Path, *, force: bool = False) -> dict[str, Path]:
        """Copy the current version's files into `dest` (refusing to overwrite unless `force`)."""
        dest = Path(dest)
        dest.mkdir(parents=True, exist_ok=True)
        out = {}
        for key, src in self.files.items():
            target = dest / src.name
            if target.exists() and not force:
                raise V2MError(f"{target} already exists; use another folder or force")
            shutil.copy2(src, target)
            out[key] = target
        return out

    def delete(self) -> None:
        """Forget this session and delete every version's files."""
        self.store.delete_session(self.id)


def _with_warnings(result, reply: str | None = None) -> str:
    """The planner's reply with its warnings (a model that fell back to the rules) visible under it;
    what the reply parser repaired in a model's answer is a note, not a warning."""
    reply = result.reply if reply is None else reply
    return "\n".join([reply, *(f"{'Note' if w.startswith('repaired:') else 'Warning'}: {w}" for w in result.warnings)])
