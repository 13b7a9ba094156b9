"""The web studio served for real (uvicorn on an ephemeral 127.0.0.1 port, in a thread) for tests."""

from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def running_studio(workdir: Path, **options):
    """Yield (base URL, app) of a studio on a free port; stopped on exit."""
    import uvicorn

    from v2m.agent.serve.web import build_app

    app = build_app(workdir, **options)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the studio did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}", app
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
