"""`v2m mcp`: v2m's stages as tools for MCP clients (Claude Desktop, IDEs, agent frameworks), over stdio
with the official Python SDK (`mcp`; its `MCPServer` is what SDK 1.x called FastMCP).

    v2m mcp                                   # speak MCP on stdin/stdout
    v2m mcp --sessions ~/v2m-sessions         # where chat sessions are stored
    # a client's config: {"command": "v2m", "args": ["mcp"]}

Tools: analyze (shots, cuts, motion, mood of a video), score (the whole pipeline into a folder),
open_session / say / undo / redo (a scoring conversation, as `v2m chat`), list_sessions, export. Every
result names the files it made by absolute path. A bad input (a missing file, a text file, an unknown
session) comes back as an MCP tool error with v2m's one-line message; nothing a tool does can stop the
server. Each tool calls the stage itself (`v2m.tools.video.analyze.analyze`, `v2m.agent.pipeline.score`,
the chat `Session` through `Workbench`), never a copy of it.
"""

from __future__ import annotations

import asyncio
import secrets
from pathlib import Path
from typing import Literal

from v2m.agent.pipeline import score as score_video
from v2m.agent.serve.guard import printable
from v2m.agent.serve.workbench import Workbench
from v2m.tools.errors import MissingDependency, V2MError
from v2m.tools.video.analyze import analyze as analyze_video

Route = Literal["symbolic", "audio", "hybrid"]
INSTRUCTIONS = ("v2m scores videos with music. Start with analyze to see a video's shots and cuts, then score "
                "it in one go, or open_session and refine it with say ('slower in the second half', 'hit the "
                "cut at 0:07', 'another take of shot 2'), undo and redo. Paths are absolute on this machine.")


def _turn(turn) -> dict:
    return {"reply": printable(turn.reply), "question": printable(turn.question) if turn.question else None,
            "version": turn.version, "changed": turn.changed, "files": {k: str(p) for k, p in turn.files.items()}}


def _analysis(a) -> dict:
    return {"source": printable(a.source), "kind": a.kind, "duration_s": a.duration_s, "fps": a.fps,
            "cuts_s": [t.time_s for t in a.transitions if t.kind == "cut"],
            "transitions": [{"kind": t.kind, "time_s": t.time_s, "start_s": t.start_s, "end_s": t.end_s}
                            for t in a.transitions],
            "shots": [{"start_s": s.start_s, "end_s": s.end_s} for s in a.shots],
            "tempo_candidates_bpm": a.tempo_candidates_bpm, "motion_peaks_s": a.motion_peaks_s,
            "mood": a.mood.words, "warnings": [printable(w) for w in a.warnings]}


def build_server(workdir: str | Path | None = None, *, soundfont: str | None = None):
    """The MCP server (not yet running).

    Args:
        workdir: the session store's folder (default: $V2M_SESSIONS or ~/.cache/v2m/sessions); `score`
            writes under `<workdir>/scores/` when given no output folder.
        soundfont: a .sf2 to render with.
    Returns:
        An `mcp.server.mcpserver.MCPServer`; `.run("stdio")` serves it.
    """
    try:
        from mcp.server.mcpserver import MCPServer
        from mcp.server.mcpserver.exceptions import ToolError
    except ImportError:
        raise MissingDependency("the MCP server needs the MCP SDK 2: pip install 'v2m[mcp]'") from None

    bench = Workbench(workdir, soundfont=soundfont)
    server = MCPServer("v2m", instructions=INSTRUCTIONS)

    async def work(fn, *args, on_bench: bool = False, **kwargs):
        """Run a stage off the event loop; any failure is a ToolError (an MCP error result), never a crash."""
        try:
            if on_bench:
                return await asyncio.wrap_future(bench.run(fn, *args, **kwargs))
            return await asyncio.to_thread(fn, *args, **kwargs)
        except V2MError as e:
            raise ToolError(f"v2m: error: {printable(str(e))}") from None
        except Exception as e:  # a bug in a stage: said in one line, and the server goes on serving
            raise ToolError(f"v2m: internal error: {type(e).__name__}: {printable(str(e))}") from None

    @server.tool()
    async def analyze(video: str, still_seconds: float = 10.0) -> dict:
        """Measure a video or still image: duration, shots, cuts and other transitions (seconds), the
        motion peaks, visual tempo candidates and mood words. Nothing is written.

        Args:
            video: absolute path of a video (anything FFmpeg reads) or an image.
            still_seconds: how long a still image lasts as a clip.
        """
        return _analysis(await work(analyze_video, video, still_seconds=still_seconds))

    @server.tool()
    async def score(video: str, request: str = "", output_dir: str | None = None, route: Route = "symbolic",
                    force: bool = False) -> dict:
        """Score a video end to end (analyse, plan, compose, render, mux) and write every artefact: the
        scored MP4, score.wav, score.mid, score.abc, score.musicxml, plan.json, analysis.json, reasoning.md.

        Args:
            video: absolute path of the video or image to score.
            request: what the music should be, e.g. "in jazz", "calm piano, slower after the second cut".
            output_dir: folder for the files (default: a new folder under the session store's scores/).
            route: symbolic (MIDI rendered with a soundfont), audio (MusicGen) or hybrid.
            force: overwrite files already in output_dir.
        """
        out = Path(output_dir) if output_dir else bench.root / "scores" / f"{Path(video).stem}-{secrets.token_hex(3)}"
        r = await work(score_video, video, request, out, route=route, force=force)
        p = r.plan
        return {"output_dir": str(r.outdir.resolve()), "files": {k: str(v.resolve()) for k, v in r.files.items()},
                "reply": printable(r.reply), "warnings": [printable(w) for w in r.warnings],
                "plan": {"style": p.style, "tempo_bpm": p.tempo_bpm, "meter": p.meter, "key": f"{p.key} {p.mode}",
                         "sections": [{"name": s.name, "start_s": s.start_s, "end_s": s.end_s} for s in p.sections],
                         "hit_points_s": [h.time_s for h in p.hit_points]}}

    @server.tool()
    async def open_session(video: str, request: str = "", route: Route = "symbolic") -> dict:
        """Start a scoring conversation: analyse the video and write its first score. Returns the session
        id for say, undo, redo and export, the reply, and the version's files (scored MP4, WAV, MIDI, plan).

        Args:
            video: absolute path of the video or image.
            request: the first request, e.g. "score this in jazz".
            route: symbolic, audio or hybrid.
        """
        s = await work(bench.open, video, request, route=route, on_bench=True)
        return {"session_id": s.id, **_turn(s.first)}

    @server.tool()
    async def say(session_id: str, text: str) -> dict:
        """One chat turn on a session: an edit in plain words ("slower in the second half", "hit the cut at
        0:07", "another take of shot 2", "use musicgen"). A new plan version and its files are made;
        `question` is set instead when v2m needs more to go on (nothing changes then).

        Args:
            session_id: from open_session or list_sessions.
            text: the request.
        """
        return _turn(await work(bench.say, session_id, text, on_bench=True))

    @server.tool()
    async def undo(session_id: str) -> dict:
        """Go back to the previous plan version of a session; its files come back byte for byte."""
        return _turn(await work(bench.undo, session_id, on_bench=True))

    @server.tool()
    async def redo(session_id: str) -> dict:
        """Go forward again to the version the last undo left."""
        return _turn(await work(bench.redo, session_id, on_bench=True))

    @server.tool()
    async def list_sessions() -> list[dict]:
        """Every stored session, newest first: id, video name, first request, number of turns, when made."""
        return await work(bench.sessions, on_bench=True)

    @server.tool()
    async def export(session_id: str, dest: str, force: bool = False) -> dict:
        """Copy the current version's files (scored MP4, WAV, MIDI, plan.json) of a session into a folder.

        Args:
            session_id: the session.
            dest: the folder (made if missing).
            force: overwrite files of the same name there.
        """
        files = await work(bench.export, session_id, dest, force, on_bench=True)
        return {"files": {k: str(Path(p).resolve()) for k, p in files.items()}}

    server.bench = bench
    return server


def serve(workdir: str | Path | None = None, *, soundfont: str | None = None) -> None:
    """Serve over stdio until the client closes the pipe."""
    server = build_server(workdir, soundfont=soundfont)
    try:
        server.run("stdio")
    finally:
        server.bench.close()
