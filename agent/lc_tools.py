"""v2m's stages as LangChain tools, so a tool-calling chat model can drive a scoring run step by step.

The model chooses which tool to call and writes plan JSON; it never names files, paths or commands.
Each tool is a thin wrapper over a stage of `v2m.tools.realiser.Realiser` (compose, render, generate, mux),
the same stages `v2m score` and `v2m chat` run, so the files are the same.
The input video and the output folder are fixed by the user when the `Workbench` is made, every
plan the model writes is validated against the contract (errors come back as the tool's answer,
so the model can fix them), and tool results are plain text. Files land where `v2m score` puts them,
the same way: the tools write into a fresh work folder (`v2m.agent.outputs.RunFolder`) that is swapped in
whole when the Workbench closes, so an input is never written over, --force replaces a previous run as a
whole, and a failed run leaves the folder as it was.

    from v2m.agent.lc_tools import run_agent
    out = run_agent("ollama:qwen2.5:7b", "clip.mp4", "score this in jazz", "out/clip")

    with Workbench("clip.mp4", "out/clip", "jazz") as bench:    # the tools one by one, without a model
        bench.analyse_video(); bench.plan_with_rules(); bench.compose_score(); bench.render_audio(); bench.mux_video()
"""

from __future__ import annotations

import json
import logging
import tempfile
from pathlib import Path

from v2m.agent.outputs import RunFolder
from v2m.agent.planners.base import get_planner
from v2m.agent.planners.chat import content_text, load_chat_model
from v2m.agent.planners.facts import facts_sheet
from v2m.agent.planners.reply import parse_reply
from v2m.prompts.templates import render
from v2m.tools.audio.container import choose_container
from v2m.tools.contract import ScorePlan, VideoAnalysis
from v2m.tools.errors import InputError, V2MError
from v2m.tools.options import MusicOptions
from v2m.tools.realiser import Realiser
from v2m.tools.video.analyze import analyze, check_input

log = logging.getLogger(__name__)
MAX_STEPS = 24  # model turns + tool calls before the run is stopped; a full score needs about 12


class Workbench:
    """What the tools share: one input, one output folder, the current analysis, plan and files.

    A context manager: the tools write into `work` (`files` names every output there); leaving the `with`
    block swaps the work folder in as the run in `outdir` (after an exception: drops it) and `files` then
    names the final places.

    Args:
        video: the input video or image.
        outdir: where every artefact ends up.
        request: the user's words (recorded in plans).
        analysis: a ready analysis (skips decoding; for tests and re-runs).
        force: overwrite outputs that exist.
        music: the MusicOptions (soundfont; generate_audio's backend, model, device, seed ...).
    """

    def __init__(self, video: str | Path, outdir: str | Path, request: str = "", *,
                 analysis: VideoAnalysis | None = None, force: bool = False, music: MusicOptions | None = None):
        self.video, self.outdir, self.request = Path(video), Path(outdir), request
        check_input(self.video)  # before any folder is made: the checks `v2m score` makes, in its order
        self.container = choose_container(self.video)
        self._folder = RunFolder(self.video, self.outdir, force=force, inputs=[self.video], ext=self.container.ext)
        self.files = self._folder.open()
        self.work = self._folder.work
        self.analysis, self.plan, self.arrangement = analysis, None, None
        self.music = music or MusicOptions()
        self._realiser = None
        self._caches = tempfile.TemporaryDirectory(prefix="v2m-workbench-")  # removed with the Workbench
        self.log: list[str] = []

    def __enter__(self) -> Workbench:
        return self

    def __exit__(self, kind, exc, tb) -> bool:
        done = {k: p for k, p in self.files.items() if p.exists()}
        try:
            return self._folder.__exit__(kind, exc, tb)  # swaps the run in, or drops it
        finally:
            self._caches.cleanup()
            if kind is None:
                self.files = {k: self._folder.final(p) for k, p in done.items()}

    @property
    def realiser(self) -> Realiser:
        """The stages every caller shares; made once the video is analysed."""
        self._need("analysis")
        if self._realiser is None:
            self._realiser = Realiser(self.analysis, self.video, self._caches.name, self.music,
                                      container=self.container)
        return self._realiser

    def _save(self, name: str, text: str) -> None:
        self.files[name].write_text(text, encoding="utf-8")

    def _need(self, what: str) -> None:
        if what == "analysis" and self.analysis is None:
            raise InputError("no analysis yet: call analyse_video first")
        if what == "plan" and self.plan is None:
            raise InputError("no plan yet: call write_plan or plan_with_rules first")
        if what == "midi" and (self.arrangement is None or not self.files["score.mid"].exists()):
            raise InputError("no score yet: call compose_score first")
        if what == "wav" and not self.files["score.wav"].exists():
            raise InputError("no audio yet: call render_audio first")

    # ------------------------------------------------------------------ the tools' bodies
    def analyse_video(self) -> str:
        """Measure the video (shots, cuts, motion, mood) and return the facts sheet."""
        if self.analysis is None:
            self.analysis = analyze(self.video, keyframe_dir=self.work / "keyframes")
        self._save("analysis.json", self._folder.relocate(self.analysis).model_dump_json(indent=2))
        return facts_sheet(self.analysis)

    def plan_with_rules(self) -> str:
        """Make a plan with the offline rules planner; returns it as JSON (edit it with edit_plan)."""
        self._need("analysis")
        res = get_planner("rules").plan(self.analysis, self.request)
        return self._accept(res.plan, res.reasoning, [])

    def write_plan(self, plan_json: str) -> str:
        """Validate a whole ScorePlan written as JSON and make it the current plan."""
        return self._parse(plan_json, base=None)

    def edit_plan(self, patch_json: str) -> str:
        """Change the current plan: a JSON object of the top-level fields to replace ("sections" whole)."""
        self._need("plan")
        return self._parse(patch_json, base=self.plan)

    def _parse(self, text: str, base: ScorePlan | None) -> str:
        self._need("analysis")
        parsed = parse_reply(text, self.analysis, self.request, base)
        if parsed.plan is None:
            return "error: the plan was not accepted:\n" + "\n".join(f"- {e}" for e in parsed.errors)
        return self._accept(parsed.plan, parsed.reasoning, parsed.repairs)

    def _accept(self, plan: ScorePlan, reasoning: str, repairs: list[str]) -> str:
        self.plan = plan
        self._save("plan.json", plan.model_dump_json(indent=2))
        self._save("reasoning.md", (reasoning or plan.reasoning or "(no reasoning given)") + "\n")
        fixed = "".join(f"\nrepaired: {r}" for r in repairs)
        return f"ok: plan saved ({plan.style}, {plan.tempo_bpm:g} bpm, {len(plan.sections)} sections){fixed}\n" + \
            plan.model_dump_json(exclude_defaults=True, exclude={"reasoning"})

    def show_plan(self) -> str:
        """Return the current plan as JSON."""
        self._need("plan")
        return self.plan.model_dump_json(exclude_defaults=True, exclude={"reasoning"})

    def compose_score(self) -> str:
        """Compose the current plan into notes: writes score.mid, score.abc and score.musicxml."""
        self._need("plan")
        self.arrangement = self.realiser.compose(self.plan, self.work, notation=True)
        return f"ok: composed {len(self.plan.sections)} sections into score.mid, score.abc and score.musicxml"

    def render_audio(self) -> str:
        """Render the composed notes to score.wav with the General MIDI synthesizer, exactly as long as the video."""
        self._need("midi")
        self.realiser.render(self.plan, self.arrangement, self.files["score.wav"])
        return f"ok: rendered score.wav ({self.analysis.duration_s:.2f} s, {self.plan.loudness_lufs:g} LUFS)"

    def generate_audio(self) -> str:
        """Generate score.wav with MusicGen from the plan's musicgen prompts (the audio route; a hybrid plan
        is conditioned on the composed notes)."""
        self._need("plan")
        plan = self.plan if self.plan.route != "symbolic" else self.plan.model_copy(update={"route": "audio"})
        if plan.route == "hybrid":  # the melody the model follows: the composed notes, rendered
            self._need("midi")
            self.files["score.symbolic.wav"] = self.work / "score.symbolic.wav"
            self.realiser.render(plan, self.arrangement, self.files["score.symbolic.wav"])
        made = self.realiser.generate(plan, self.work)
        self.files["score.seams.npz"] = self.work / "score.seams.npz"
        return f"ok: generated score.wav ({len(made)} sections, {plan.route} route)"

    def mux_video(self, keep_audio: bool = False) -> str:
        """Put score.wav on the video: writes <name>.scored.mp4 (keep_audio mixes the original sound under it)."""
        self._need("wav")
        self._need("plan")
        out = self.realiser.mux(self.plan, self.work, keep_audio=keep_audio)
        return f"ok: wrote {out.name}"


# name -> the arguments the model may give: (type, default, description). No tool takes a path.
TOOL_ARGS: dict[str, dict[str, tuple]] = {
    "analyse_video": {}, "plan_with_rules": {}, "show_plan": {}, "compose_score": {}, "render_audio": {},
    "generate_audio": {},
    "write_plan": {"plan_json": (str, ..., "one ScorePlan as a JSON object")},
    "edit_plan": {"patch_json": (str, ..., "JSON object of the top-level plan fields to replace")},
    "mux_video": {"keep_audio": (bool, False, "mix the video's own sound under the music")},
}
TOOL_NAMES = tuple(TOOL_ARGS)


def _guarded(bench: Workbench, name: str):
    """Wrap a tool body so every failure becomes an answer the model can read, never an exception."""
    fn = getattr(bench, name)

    def call(**kwargs) -> str:
        try:
            out = fn(**kwargs)
        except (V2MError, ValueError) as e:
            out = f"error: {e}"
        except ImportError as e:
            out = f"error: this tool is not available here ({e.name or e} is missing)"
        except Exception as e:  # noqa: BLE001 - a tool bug must not kill the conversation
            log.exception("tool %s failed", name)
            out = f"error: internal: {type(e).__name__}: {e}"
        bench.log.append(f"{name}({', '.join(f'{k}=...' for k in kwargs)}) -> {out.splitlines()[0][:120]}")
        return out

    return call


def make_tools(bench: Workbench) -> list:
    """The Workbench's methods as LangChain StructuredTools (name, description, argument schema).

    Args:
        bench: the shared state.
    Returns:
        A list of BaseTool, one per name in TOOL_NAMES.
    """
    from langchain_core.tools import StructuredTool
    from pydantic import Field, create_model

    tools = []
    for name, args in TOOL_ARGS.items():
        fields = {k: (t, Field(d, description=desc)) for k, (t, d, desc) in args.items()}
        schema = create_model(f"{name}_args", **fields)
        doc = getattr(Workbench, name).__doc__.strip()
        tools.append(StructuredTool.from_function(func=_guarded(bench, name), name=name, description=doc,
                                                  args_schema=schema))
    return tools


def run_agent(model, video: str | Path, request: str, outdir: str | Path, *, base_url: str | None = None,
              analysis: VideoAnalysis | None = None, force: bool = False, max_steps: int = MAX_STEPS,
              music: MusicOptions | None = None) -> dict:
    """Let a tool-calling chat model score `video` through the tools.

    Args:
        model: "provider:name" (init_chat_model) or a BaseChatModel that supports bind_tools.
        video: input video or image.
        request: the user's words.
        outdir: output folder.
        base_url: endpoint for a "provider:name" model.
        analysis: a ready analysis (skips decoding).
        force: overwrite existing outputs.
        max_steps: graph steps before the run is stopped.
        music: the MusicOptions of the render and generate tools.
    Returns:
        {"reply": final text, "files": {name: path that exists}, "tool_log": [...], "messages": [...]}.
    """
    from langchain.agents import create_agent

    if isinstance(model, str):
        model = load_chat_model(model, base_url=base_url)
    with Workbench(video, outdir, request, analysis=analysis, force=force, music=music) as bench:
        agent = create_agent(model, make_tools(bench), system_prompt=render("agent", request=request))
        try:
            state = agent.invoke({"messages": [{"role": "user", "content": request or "score this video"}]},
                                 config={"recursion_limit": max_steps})
        except Exception as e:  # noqa: BLE001 - GraphRecursionError, provider errors: report, keep what was made
            log.warning("agent stopped: %s: %s", type(e).__name__, e)
            state = {"messages": [], "error": f"{type(e).__name__}: {e}"}
        messages = state.get("messages", [])
        reply = content_text(messages[-1].content) if messages else f"the agent stopped: {state.get('error')}"
        transcript = [{"role": getattr(m, "type", "?"), "content": content_text(m.content),
                       "tool_calls": getattr(m, "tool_calls", None) or []} for m in messages]
        bench.files["agent_transcript.json"] = bench.work / "agent_transcript.json"
        bench.files["agent_transcript.json"].write_text(json.dumps(transcript, indent=1, default=str))
    return {"reply": reply, "files": bench.files, "tool_log": bench.log, "messages": messages,
            "error": state.get("error")}
