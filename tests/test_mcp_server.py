"""`v2m mcp` through the MCP SDK's own stdio client: the tools are listed, a real clip is analysed (its
cuts come back), scored, edited and the edit undone; bad inputs are MCP errors and the server goes on."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

pytest.importorskip("mcp")

from conftest import BIKES_CUT_FRAMES, BIKES_FPS  # noqa: E402

TOOLS = {"analyze", "score", "open_session", "say", "undo", "redo", "list_sessions", "export"}


def _data(result) -> dict | list:
    """A tool result's payload: the structured content, or the JSON text the SDK sent."""
    if result.structured_content is not None:
        data = result.structured_content
        return data["result"] if set(data) == {"result"} else data
    return json.loads(result.content[0].text)


async def _conversation(bikes: Path, tmp: Path) -> dict:
    from mcp import ClientSession
    from mcp.client.stdio import StdioServerParameters, stdio_client

    params = StdioServerParameters(command=sys.executable, args=["-m", "v2m.agent.cli", "mcp", "--sessions",
                                                                 str(tmp / "sessions")],
                                   env={"OMP_NUM_THREADS": "1", "HF_HUB_OFFLINE": "1"}, cwd=str(tmp))
    seen: dict = {}
    with open(tmp / "server.log", "w") as log:
        async with stdio_client(params, errlog=log) as (read, write), ClientSession(read, write) as client:
            await client.initialize()
            tools = (await client.list_tools()).tools
            seen["tools"] = {t.name: t for t in tools}
            seen["missing"] = await client.call_tool("analyze", {"video": str(tmp / "nope.mp4")})
            (tmp / "notes.mp4").write_text("just some words\n" * 50)
            seen["text"] = await client.call_tool("analyze", {"video": str(tmp / "notes.mp4")})
            seen["analysis"] = _data(await client.call_tool("analyze", {"video": str(bikes)}))
            seen["score"] = _data(await client.call_tool("score", {"video": str(bikes), "request": "in jazz",
                                                                    "output_dir": str(tmp / "out")}))
            opened = _data(await client.call_tool("open_session", {"video": str(bikes), "request": "in jazz"}))
            seen["open"] = opened
            sid = opened["session_id"]
            seen["edit"] = _data(await client.call_tool("say", {"session_id": sid, "text": "slower in the second half"}))
            seen["undo"] = _data(await client.call_tool("undo", {"session_id": sid}))
            seen["bad_session"] = await client.call_tool("say", {"session_id": "0123456789", "text": "faster"})
            seen["sessions"] = _data(await client.call_tool("list_sessions", {}))
            seen["export"] = _data(await client.call_tool("export", {"session_id": sid, "dest": str(tmp / "exp")}))
    return seen


@pytest.mark.slow
def test_mcp_client_lists_analyzes_scores_edits_and_undoes_over_stdio(bikes, tmp_path):
    import anyio
    import mido

    seen = anyio.run(_conversation, bikes, tmp_path)
    tools = seen["tools"]
    assert TOOLS <= set(tools)
    assert "cuts" in tools["analyze"].description and tools["say"].input_schema["required"] == ["session_id", "text"]
    assert tools["score"].input_schema["properties"]["route"]["enum"] == ["symbolic", "audio", "hybrid"]

    # bad inputs: MCP error results with v2m's one line, and the server answered every later call
    assert seen["missing"].is_error and "no such file" in seen["missing"].content[0].text
    assert seen["text"].is_error and "not a readable video" in seen["text"].content[0].text
    assert seen["bad_session"].is_error and "no session" in seen["bad_session"].content[0].text

    cuts = seen["analysis"]["cuts_s"]
    assert [round(c * BIKES_FPS) for c in cuts] == list(BIKES_CUT_FRAMES)

    files = seen["score"]["files"]
    assert Path(files["video"]).stat().st_size > 100_000 and Path(seen["score"]["output_dir"]) == tmp_path / "out"
    assert seen["score"]["plan"]["style"] == "jazz"
    assert mido.MidiFile(files["score.mid"]).length == pytest.approx(10.0, abs=1.0)

    first, edit, undo = seen["open"], seen["edit"], seen["undo"]
    assert first["version"] == 1 and edit["version"] == 2 and edit["changed"] and "BPM" in edit["reply"]
    assert undo["version"] == 1
    assert Path(undo["files"]["midi"]).read_bytes() == Path(first["files"]["midi"]).read_bytes()
    assert Path(edit["files"]["midi"]).read_bytes() != Path(first["files"]["midi"]).read_bytes()
    assert [s["id"] for s in seen["sessions"]] == [first["session_id"]] and seen["sessions"][0]["turns"] == 3
    exported = seen["export"]["files"]
    assert Path(exported["midi"]).read_bytes() == Path(first["files"]["midi"]).read_bytes()
