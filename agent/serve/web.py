"""`v2m ui`: a local web studio over the chat `Session` API: drop a video (or an image), ask for a
score, watch the scored video, read the timeline (shots, cuts, motion, sections, hit points), talk to
the score (edits, undo, redo, branches, another take of one section), download every artefact, resume
any stored session.

    v2m ui                          # http://127.0.0.1:7860, this machine only
    v2m ui --port 8000 --sessions ~/v2m-sessions
    v2m ui --host 0.0.0.0           # other machines too: anyone who reaches the port can use it

Why Starlette and one plain HTML page rather than Gradio: the studio is a handful of JSON endpoints, one
upload and some file downloads over an API that already exists, and Starlette (with uvicorn) is what the
MCP SDK installs anyway, so `v2m[ui]` adds nothing big; a page of plain `fetch()` calls is easy to test
with Selenium (stable element ids, no generated DOM), and every security rule (upload size and type,
which files are served) sits in this file, in code we can read, not in a framework's defaults.

Safety: binds 127.0.0.1 unless told; an upload over `MAX_UPLOAD_BYTES` or that PyAV finds no picture in is
refused with one line and leaves nothing behind; files are served only from inside the session's own
folder (`guard.inside`); every text shown (replies, names) has its control characters stripped, and the
page sets it as text, never as HTML.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import shutil
import threading
from pathlib import Path

from v2m.agent.serve.guard import (
    MAX_UPLOAD_BYTES,
    SESSION_ID_RE,
    UPLOAD_CHUNK_BYTES,
    check_upload,
    inside,
    printable,
    too_big,
)
from v2m.agent.serve.workbench import Workbench
from v2m.tools.errors import MissingDependency, V2MError
from v2m.tools.style import style_names

DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 7860
STATIC = Path(__file__).parent / "static"
ROUTE_PHRASES = {"symbolic": "back to midi", "audio": "use musicgen", "hybrid": "hybrid"}  # the chat's own words
MAX_JOBS_KEPT = 200   # finished jobs remembered for the page to read


class Jobs:
    """Turns running on the workbench, and what the page polls about them (stage, fraction, result)."""

    def __init__(self):
        self._jobs: dict[str, dict] = {}
        self._lock = threading.Lock()

    def start(self, bench: Workbench, fn, *args, with_progress: bool = False, **kwargs) -> str:
        """Queue `fn(*args, **kwargs)` on the workbench (given `progress=` too when `with_progress`)."""
        jid = secrets.token_hex(8)
        job = {"state": "running", "stage": "queued", "fraction": 0.0}
        with self._lock:
            self._jobs[jid] = job
            for old in list(self._jobs)[:-MAX_JOBS_KEPT]:
                del self._jobs[old]

        def progress(stage: str, fraction: float) -> None:
            job.update(stage=stage, fraction=round(fraction, 3))

        def work():
            job["stage"] = "working"
            try:
                result = fn(*args, **kwargs, **({"progress": progress} if with_progress else {}))
                job.update(state="done", fraction=1.0, **_outcome(result))
            except V2MError as e:
                job.update(state="error", error=printable(str(e)))
            except Exception as e:  # a bug: the page says so in one line; the server keeps serving
                job.update(state="error", error=printable(f"internal error: {type(e).__name__}: {e}"))

        bench.run(work)
        return jid

    def get(self, jid: str) -> dict | None:
        with self._lock:
            job = self._jobs.get(jid)
            return dict(job) if job else None


def _outcome(result) -> dict:
    """The job's result as data: a new session's id, or a turn's reply."""
    if hasattr(result, "id"):
        return {"sid": result.id, "reply": printable(result.first.reply)}
    return {"reply": printable(result.reply), "question": bool(result.question), "changed": result.changed}


def build_app(workdir: str | Path | None = None, *, max_upload_bytes: int = MAX_UPLOAD_BYTES,
              soundfont: str | None = None):
    """The studio as an ASGI app.

    Args:
        workdir: the session store's folder (default: $V2M_SESSIONS or ~/.cache/v2m/sessions).
        max_upload_bytes: the largest upload accepted.
        soundfont: a .sf2 to render with.
    Returns:
        A Starlette app; `app.state.bench` is its `Workbench`.
    """
    try:
        from starlette.applications import Starlette
    except ImportError:
        raise MissingDependency("the studio needs starlette and uvicorn: pip install 'v2m[ui]'") from None
    from starlette.requests import Request
    from starlette.responses import FileResponse, JSONResponse
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles

    bench, jobs = Workbench(workdir, soundfont=soundfont), Jobs()
    uploads = bench.root / "uploads"

    def error(message: str, status: int = 400) -> JSONResponse:
        return JSONResponse({"error": printable(message)}, status_code=status)

    async def on_bench(fn, *args):
        """Run `fn` on the session thread without blocking the server; V2MError becomes a 400."""
        try:
            return await asyncio.wrap_future(bench.run(fn, *args))
        except V2MError as e:
            raise _Refused(str(e)) from None

    async def page(request: Request):
        return FileResponse(STATIC / "studio.html", headers={"Cache-Control": "no-store"})

    async def config(request: Request):
        return JSONResponse({"styles": list(style_names()), "routes": list(ROUTE_PHRASES),
                             "max_upload_bytes": max_upload_bytes})

    async def sessions(request: Request):
        return JSONResponse(await on_bench(bench.sessions))

    async def upload(request: Request):
        """A video and the first request: checked, stored, then scored as a job."""
        size = int(request.headers.get("content-length") or 0)
        if size > max_upload_bytes + UPLOAD_CHUNK_BYTES:  # the form's own fields are small; refuse unread
            return error(too_big(size, max_upload_bytes), 413)
        form = await request.form(max_files=1, max_fields=8)
        file = form.get("file")
        if file is None or not hasattr(file, "read"):
            return error("choose a video or image file to upload")
        folder = uploads / secrets.token_hex(6)
        folder.mkdir(parents=True)
        name = "".join(c if c.isalnum() or c in "._-" else "_" for c in Path(file.filename or "").name)[-80:]
        path = folder / (name.lstrip(".") or "upload")
        try:
            written = 0
            with path.open("wb") as out:
                while chunk := await file.read(UPLOAD_CHUNK_BYTES):
                    written += len(chunk)
                    if written > max_upload_bytes:
                        raise V2MError(too_big(written, max_upload_bytes))
                    out.write(chunk)
            await asyncio.to_thread(check_upload, path, max_upload_bytes)
        except V2MError as e:  # nothing of a refused upload stays
            shutil.rmtree(folder, ignore_errors=True)
            return error(f"{printable(file.filename or 'the upload')}: {e}", 413 if "limit" in str(e) else 400)
        finally:
            await form.close()
        style = str(form.get("style") or "")
        text = " ".join(x for x in (str(form.get("request") or "").strip(), f"in {style}" if style else "") if x)
        route = str(form.get("route") or "symbolic")
        if route not in ROUTE_PHRASES:
            shutil.rmtree(folder, ignore_errors=True)
            return error(f"unknown route {route!r}; choose one of {', '.join(ROUTE_PHRASES)}")
        return JSONResponse({"job": jobs.start(bench, bench.open, path, printable(text), route=route,
                                                with_progress=True)})

    async def job(request: Request):
        found = jobs.get(request.path_params["jid"])
        return JSONResponse(found) if found else error("no such job", 404)

    async def state(request: Request):
        return JSONResponse(await on_bench(bench.state, request.path_params["sid"]))

    async def turn(request: Request):
        """say / undo / redo / branch / take / route, as a job the page polls."""
        sid = request.path_params["sid"]
        if not SESSION_ID_RE.fullmatch(sid):
            return error("no such session", 404)
        try:
            body = await request.json()
        except ValueError:
            return error("send JSON: {action, text, name, section, route}")
        action = body.get("action")
        if action in ("undo", "redo"):
            return JSONResponse({"job": jobs.start(bench, getattr(bench, action), sid)})
        if action == "branch":
            return JSONResponse({"job": jobs.start(bench, bench.branch, sid, str(body.get("name") or ""))})
        if action == "say":
            text = str(body.get("text") or "")
        elif action == "take":
            text = await on_bench(_take_phrase, bench, sid, body.get("section"))
        elif action == "route" and body.get("route") in ROUTE_PHRASES:
            text = ROUTE_PHRASES[body["route"]]
        else:
            return error(f"unknown action {action!r}")
        return JSONResponse({"job": jobs.start(bench, bench.say, sid, text)})

    async def session_file(request: Request):
        """A file of the session's own folder (a version's MP4, WAV, MIDI, plan), nothing outside it."""
        sid = request.path_params["sid"]
        target = inside(bench.root / sid, request.path_params["path"]) if SESSION_ID_RE.fullmatch(sid) else None
        if target is None:
            return error("no such file in this session", 404)
        return FileResponse(target, filename=target.name if request.query_params.get("download") else None)

    async def notation(request: Request):
        kind = request.path_params["kind"]
        if kind not in ("abc", "musicxml"):
            return error("notation is abc or musicxml", 404)
        files = await on_bench(bench.notation, request.path_params["sid"], request.path_params["n"])
        return FileResponse(files[kind], filename=files[kind].name)

    async def timeline(request: Request):
        path = await on_bench(bench.timeline, request.path_params["sid"], request.path_params["n"])
        return FileResponse(path)

    async def refused(request: Request, exc: Exception):
        return error(str(exc))

    routes = [Route("/", page), Route("/api/config", config), Route("/api/sessions", sessions),
              Route("/api/sessions", upload, methods=["POST"]), Route("/api/jobs/{jid}", job),
              Route("/api/sessions/{sid}", state), Route("/api/sessions/{sid}/turn", turn, methods=["POST"]),
              Route("/api/sessions/{sid}/notation/{n:int}/{kind}", notation),
              Route("/api/sessions/{sid}/timeline/{n:int}.png", timeline),
              Route("/files/{sid}/{path:path}", session_file), Mount("/static", StaticFiles(directory=STATIC))]
    @contextlib.asynccontextmanager
    async def lifespan(app):
        yield
        bench.close()

    app = Starlette(routes=routes, exception_handlers={_Refused: refused}, lifespan=lifespan)
    app.state.bench = bench
    return app


class _Refused(Exception):
    """A V2MError from the workbench, answered as a 400 with its one line."""


def _take_phrase(bench: Workbench, sid: str, section) -> str:
    """"another take of shots 2 to 3": the chat's words for redrawing section `section` alone."""
    sections = bench.session(sid).plan.sections
    if not isinstance(section, int) or not 0 <= section < len(sections):
        raise V2MError(f"no section {section!r}; the plan has {len(sections)} (0 to {len(sections) - 1})")
    s = sections[section]
    if s.shots:
        a, b = min(s.shots) + 1, max(s.shots) + 1
        return f"another take of shot {a}" if a == b else f"another take of shots {a} to {b}"
    return f"another take from {s.start_s:.2f} s to {s.end_s:.2f} s"


def serve(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, workdir: str | Path | None = None, *,
          soundfont: str | None = None) -> None:
    """Run the studio until Ctrl-C."""
    import socket

    try:
        import uvicorn
    except ImportError:
        raise MissingDependency("the studio needs starlette and uvicorn: pip install 'v2m[ui]'") from None

    try:  # a port in use or an address not on this machine: one line, before anything starts
        with socket.create_server((host, port)):
            pass
    except OSError as e:
        raise V2MError(f"cannot listen on {host}:{port}: {e.strerror or e}; choose another --port or --host") from None
    app = build_app(workdir, soundfont=soundfont)
    print(f"v2m> Studio on http://{host}:{port}/ (sessions in {app.state.bench.root}); Ctrl-C to stop",
          flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
