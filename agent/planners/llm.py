"""Language-model planners: a model reasons about the video, writes a ScorePlan as JSON, v2m checks it.

One loop serves every backend (`hf` transformers VLMs, `chat` LangChain chat models, `scripted` for
tests): render the prompts (prompts/planner.yaml) with a facts sheet of the analysis and a few frames,
ask the model, parse and validate its reply (agent/reply.py), re-ask with the errors a bounded number
of times, and when the model still has no usable plan, fall back to the rules planner with a visible
warning. No exception from the model escapes. Its reasoning and every message are kept.

    v2m score clip.mp4 "in jazz" --backend hf --model Qwen/Qwen2.5-VL-3B-Instruct
    v2m score clip.mp4 "in jazz" --backend chat --model ollama:llama3.2 --base-url http://localhost:11434
"""

from __future__ import annotations

import argparse
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from v2m.agent.options import BACKENDS, DEFAULT_ATTEMPTS, add_planner_args  # noqa: F401 (the flags: light, for --help)
from v2m.agent.planners.base import PlanResult, get_planner, register
from v2m.agent.planners.chat import ChatBackend
from v2m.agent.planners.facts import facts_sheet, schema_brief
from v2m.agent.planners.frames import load_frames
from v2m.agent.planners.hf import HFBackend
from v2m.agent.planners.intent_reply import read_intents
from v2m.agent.planners.reply import Parsed, parse_reply
from v2m.agent.planners.opening import find_style
from v2m.agent.planners.rules import BPM_RE
from v2m.agent.planners.scripted import ScriptedBackend
from v2m.prompts.templates import example_json, example_plans, prompt_version, render
from v2m.tools.contract import EDIT_WHATS, ROLES, ScorePlan, Section, VideoAnalysis
from v2m.tools.errors import InputError
from v2m.tools.style import load_style, style_names

log = logging.getLogger(__name__)


class ModelBackend(Protocol):
    """What a planner needs of a model: text (and pictures) in, text out."""

    name: str
    frames_mode: str  # "images" (keyframes) or "video" (evenly sampled frames, as one clip)

    def generate(self, messages: list[dict], frames: list) -> str:
        """Answer the conversation. `messages` are {"role": system|user|assistant, "content": str};
        `frames` (PIL images) belong to the first user message."""
        ...


def _describe(plan: ScorePlan) -> str:
    return (f"{plan.style} at {plan.tempo_bpm:g} bpm in {plan.key} {plan.mode}, "
            f"{len(plan.sections)} section(s), {len(plan.hit_points)} hit point(s)")


def safety_plan(analysis: VideoAnalysis, request: str) -> ScorePlan:
    """The plan of last resort when even the rules planner is unavailable: one section, the style the
    request names (else the first), at that style's default tempo.

    Args:
        analysis: the video.
        request: the user's words.
    Returns:
        A valid ScorePlan covering the video.
    """
    words = request.lower()
    name = next((n for n in style_names() if any(k in words for k in load_style(n).keywords)), style_names()[0])
    st = load_style(name)
    return ScorePlan(request=request, duration_s=analysis.duration_s, style=name, tempo_bpm=st.default_tempo_bpm,
                     meter=st.meter, key=st.default_key, mode=st.modes[0],
                     sections=[Section(name="A", start_s=0.0, end_s=analysis.duration_s,
                                       shots=[s.index for s in analysis.shots])])


def pick_example(request: str) -> str:
    """The example plan to show the model: one in the style the request names, else the jazz one
    (a multi-shot video, the common case). One example keeps the prompt short for small models."""
    style = find_style(request)
    names = [n for n, p in example_plans().items() if p.get("style") == style]
    return names[0] if names else "jazz_street"


def prompt_context(analysis: VideoAnalysis, request: str, *, abc: bool = True) -> dict:
    """The variables every planner prompt is rendered with: facts sheet, schema guide, styles, example."""
    styles = ", ".join(f"{n} ({load_style(n).tempo_bpm[0]:g}-{load_style(n).tempo_bpm[1]:g} bpm)"
                       for n in style_names())

    return dict(facts=facts_sheet(analysis), schema=schema_brief(), styles=styles, roles=", ".join(ROLES),
                duration_s=f"{analysis.duration_s:.2f}", abc=abc, example=example_json(pick_example(request)),
                whats=", ".join(EDIT_WHATS), cuts=", ".join(f"{t:.2f} s" for t in analysis.boundaries_s) or "none")


def user_prompt(ctx: dict, request: str, current: ScorePlan | None = None) -> str:
    """The user turn that asks for a first plan (current=None) or a revision of `current`."""
    if current is None:
        return render("analyse", request=request, **ctx) + "\n\n" + render("plan", **ctx)
    plan_json = current.model_dump_json(exclude_defaults=True, exclude={"reasoning"})
    return render("revise", request=request, plan=plan_json, **ctx)


def planner_messages(analysis: VideoAnalysis, request: str, current: ScorePlan | None = None, *,
                     abc: bool = True) -> list[dict]:
    """The system and user messages a model planner starts from: the same at inference and in a
    fine-tuning set, so a tuned model sees exactly the prompts it will be asked with.

    Args:
        analysis: the video.
        request: the user's words.
        current: the plan to revise, or None for a first plan.
        abc: whether the prompt asks for ABC melodies.
    Returns:
        [{"role": "system", ...}, {"role": "user", ...}].
    """
    ctx = prompt_context(analysis, request, abc=abc)
    return [{"role": "system", "content": render("system")},
            {"role": "user", "content": user_prompt(ctx, request, current)}]


def keep_takes(base: ScorePlan, new: ScorePlan) -> ScorePlan:
    """A model that rewrites the whole plan rarely copies each section's `take`; a section that kept its
    span keeps its take, so a revision does not silently redraw takes the user chose."""
    takes = {(round(s.start_s, 3), round(s.end_s, 3)): s.take for s in base.sections}
    sections = [s.model_copy(update={"take": takes.get((round(s.start_s, 3), round(s.end_s, 3)), 0)})
                if s.take == 0 else s for s in new.sections]
    return new.model_copy(update={"sections": sections})


class LLMPlanner:
    """A planner backed by a language model, with parse-validate-re-ask and a rules fallback.

    Args:
        backend: the model (see `ModelBackend`).
        name: the backend's registry name, recorded in results.
        max_attempts: model answers allowed per request (first answer plus re-asks).
        fallback: registry name of the planner used when the model fails.
        max_frames: pictures shown to the model (0 = facts only).
        abc: ask the model for ABC melodies.
    """

    def __init__(self, backend: ModelBackend, *, name: str, max_attempts: int = DEFAULT_ATTEMPTS,
                 fallback: str = "rules", max_frames: int = 6, abc: bool = True):
        self.backend, self.name = backend, name
        self.max_attempts, self.fallback, self.max_frames, self.abc = max(1, max_attempts), fallback, max_frames, abc

    # ------------------------------------------------------------------ prompts
    def _context(self, analysis: VideoAnalysis, request: str) -> dict:
        return prompt_context(analysis, request, abc=self.abc)

    def _frames(self, analysis: VideoAnalysis) -> list:
        return load_frames(analysis, self.max_frames, sample=getattr(self.backend, "frames_mode", "images") == "video")

    # ------------------------------------------------------------------ the loop
    def plan(self, analysis: VideoAnalysis, request: str) -> PlanResult:
        """Write a first plan. Args: analysis, request. Returns: PlanResult (never raises for model faults)."""
        ctx = self._context(analysis, request)
        return self._run(analysis, request, user_prompt(ctx, request), None, ctx)

    def revise(self, analysis: VideoAnalysis, plan: ScorePlan, request: str,
               history: list[ScorePlan] | None = None) -> PlanResult:
        """Change `plan` as `request` asks. Returns: PlanResult; on failure the rules planner's revision."""
        ctx = self._context(analysis, request)
        self._history = history
        return self._run(analysis, request, user_prompt(ctx, request, plan), plan, ctx)

    def _run(self, analysis: VideoAnalysis, request: str, user: str, base: ScorePlan | None, ctx: dict) -> PlanResult:
        messages = [{"role": "system", "content": render("system")}, {"role": "user", "content": user}]  # = planner_messages()
        frames = self._frames(analysis)
        notes = [f"backend: {self.name} ({getattr(self.backend, 'model_name', '?')}), prompt v{prompt_version()}, "
                 f"{len(frames)} frame(s)"]
        for attempt in range(1, self.max_attempts + 1):
            try:
                text = self.backend.generate(messages, frames)
            except Exception as e:  # noqa: BLE001 - a model crash (OOM, connection, bad weights) is a fallback
                log.info("%s planner: the model failed on attempt %d: %s: %s",
                            self.name, attempt, type(e).__name__, e)
                notes.append(f"attempt {attempt}: the model failed: {type(e).__name__}: {e}")
                break
            text = text if isinstance(text, str) else "" if text is None else str(text)
            messages.append({"role": "assistant", "content": text})
            if base is not None:  # an edit: the model answers with intents that v2m applies

                got = read_intents(text, analysis, base, getattr(self, "_history", None))
                if got.found and not got.errors:
                    notes.append(f"attempt {attempt}: " + ("a question" if got.question else
                                                           f"{len(got.intents)} valid intent(s)"))
                    reasoning = f"## Edit ({self.name})\n\n" + "\n".join(f"- {n}" for n in notes) + "\n"
                    if got.question:
                        return PlanResult(plan=base, reasoning=reasoning, transcript=messages, reply=got.question,
                                          question=got.question)
                    return PlanResult(plan=got.plan, reasoning=reasoning, transcript=messages, reply=got.reply)
                if got.found:
                    notes.append(f"attempt {attempt}: " + "; ".join(got.errors))
                    if attempt < self.max_attempts:
                        messages.append({"role": "user", "content": render(
                            "reask", errors=got.errors, attempt=attempt, attempts=self.max_attempts, **ctx)})
                    continue
            try:
                parsed = parse_reply(text, analysis, request, base)
            except Exception as e:  # noqa: BLE001 - a parser bug must cost a re-ask, not the run
                log.exception("%s planner: reading reply %d failed", self.name, attempt)
                parsed = Parsed(errors=[f"the reply could not be read ({type(e).__name__}); write one JSON object"])
            for r in parsed.repairs:
                log.info("%s planner: repaired: %s", self.name, r)
            if parsed.plan is not None:
                if base is not None:
                    parsed.plan = keep_takes(base, parsed.plan)
                elif (m := BPM_RE.search(request)) and abs(float(m[1]) - parsed.plan.tempo_bpm) < 1:
                    parsed.plan.tempo_asked = True  # the request's tempo is the person's (as the rules planner marks it)
                notes += [f"attempt {attempt}: valid plan"] + [f"  repaired: {r}" for r in parsed.repairs]
                reasoning = f"## Reasoning ({self.name})\n\n{parsed.reasoning or parsed.plan.reasoning}\n\n" \
                            "## How the plan was checked\n\n" + "\n".join(f"- {n}" for n in notes) + "\n"
                return PlanResult(plan=parsed.plan, reasoning=reasoning, transcript=messages,
                                  warnings=[f"repaired: {r}" for r in parsed.repairs],
                                  reply=("Revised: " if base else "Planned ") + _describe(parsed.plan))
            log.info("%s planner: attempt %d of %d unusable: %s", self.name, attempt, self.max_attempts,
                        "; ".join(parsed.errors))
            notes.append(f"attempt {attempt}: " + "; ".join(parsed.errors))
            if attempt < self.max_attempts:
                messages.append({"role": "user", "content": render(
                    "reask", errors=parsed.errors, attempt=attempt, attempts=self.max_attempts, **ctx)})
        return self._fall_back(analysis, request, base, messages, notes)

    def _fall_back(self, analysis, request, base, messages, notes) -> PlanResult:
        warning = (f"the {self.name} model gave no usable plan after {self.max_attempts} attempt(s); "
                   f"used the {self.fallback} planner instead")
        log.info("%s", warning)  # the caller shows result.warnings; logging it loudly too would say it twice
        try:
            planner = get_planner(self.fallback)
            res = planner.plan(analysis, request) if base is None else \
                planner.revise(analysis, base, request, history=getattr(self, "_history", None))
        except Exception as e:  # noqa: BLE001 - the fallback itself must not take the run down
            log.warning("fallback planner %r failed: %s: %s", self.fallback, type(e).__name__, e)
            notes.append(f"fallback {self.fallback!r} failed: {type(e).__name__}: {e}")
            plan = base if base is not None else safety_plan(analysis, request)
            warning += " (which failed too; " + ("kept the current plan)" if base else "used a one-section plan)")
            res = PlanResult(plan=plan, reply="Kept the current plan." if base else "Planned " + _describe(plan))
        reasoning = "## Language model\n\n" + "\n".join(f"- {n}" for n in notes) + \
            f"\n\n**Warning:** {warning}\n\n" + (res.reasoning or "")
        return PlanResult(plan=res.plan, reasoning=reasoning, transcript=messages,
                          warnings=[warning] + list(res.warnings), reply=res.reply)


# ---------------------------------------------------------------------- registry (heavy imports stay inside)
def _options(kw: dict) -> dict:
    return {k: kw.pop(k) for k in ("max_attempts", "fallback", "max_frames", "abc") if k in kw}


@register("hf")
def hf_planner(**kw) -> LLMPlanner:
    """transformers VLM planner; options: model, adapter, device, dtype, quantize, frames (see agent/hf.py)."""
    opts = _options(kw)
    return LLMPlanner(HFBackend(**kw), name="hf", **opts)


@register("chat")
def chat_planner(**kw) -> LLMPlanner:
    """LangChain chat-model planner; options: model ("provider:name"), base_url (see agent/chat.py)."""
    opts = _options(kw)
    return LLMPlanner(ChatBackend(**kw), name="chat", **opts)


@register("scripted")
def scripted_planner(**kw) -> LLMPlanner:
    """Replays canned replies (a list, or `model` = a JSON file of strings); for tests and demos."""
    opts = _options(kw)
    return LLMPlanner(ScriptedBackend(**kw), name="scripted", **opts)


# ---------------------------------------------------------------------- command line
@dataclass(frozen=True)
class PlannerOptions:
    """Who writes the plan and how: built once from the command line (`from_args`), passed down unchanged.

    `kwargs()` gives the planner factory's keyword options (`get_planner(o.backend, **o.kwargs())`), as
    plain JSON values: what config.json and a stored session record.
    """

    backend: str = "rules"           # rules, hf, chat, scripted
    model: str | None = None         # hf: id or folder; chat: provider:name; scripted: JSON file of replies
    adapter: str | None = None       # hf: a LoRA adapter folder
    base_url: str | None = None      # chat: the endpoint
    device: str = "auto"             # hf
    dtype: str = "auto"              # hf
    quantize: str | None = None      # hf: 4bit, 8bit
    frames: str = "images"           # images, video (hf), none (text only)
    max_attempts: int = DEFAULT_ATTEMPTS

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> PlannerOptions:
        """The options the flags of `add_planner_args` ask for, checked; a local model or adapter folder is
        made absolute, so a resumed session finds it from anywhere.

        Raises:
            InputError: a flag is missing or does not fit the backend (one line for the user).
        """
        def absolute(path: str | None) -> str | None:
            return str(Path(path).resolve()) if path and Path(path).exists() else path

        quant = getattr(args, "quantize", "none")
        o = cls(backend=getattr(args, "backend", "rules"), model=absolute(getattr(args, "model", None)),
                adapter=absolute(getattr(args, "adapter", None)), base_url=getattr(args, "base_url", None),
                device=getattr(args, "device", "auto"), dtype=getattr(args, "dtype", "auto"),
                quantize=None if quant == "none" else quant, frames=getattr(args, "frames", "images"),
                max_attempts=getattr(args, "max_attempts", DEFAULT_ATTEMPTS))
        o.check()
        return o

    def check(self) -> None:
        """Raise InputError when the options do not fit together."""
        if self.backend not in BACKENDS:
            raise InputError(f"unknown planner backend {self.backend!r}; choose from {list(BACKENDS)}")
        if self.backend == "rules":
            if self.model or self.adapter or self.base_url:
                raise InputError("--model/--adapter/--base-url need --backend hf or chat")
            return
        if not self.model:
            raise InputError(f"--backend {self.backend} needs --model " + {
                "hf": "ID_OR_FOLDER (e.g. HuggingFaceTB/SmolVLM2-2.2B-Instruct)",
                "chat": "PROVIDER:NAME (e.g. ollama:llama3.2)", "scripted": "REPLIES.json"}[self.backend])
        if self.adapter and self.backend != "hf":
            raise InputError("--adapter works with --backend hf only")
        if self.base_url and self.backend != "chat":
            raise InputError("--base-url works with --backend chat only")
        if self.max_attempts < 1:
            raise InputError("--max-attempts must be at least 1")
        if self.frames == "video" and self.backend != "hf":
            raise InputError("--frames video works with --backend hf only")

    def kwargs(self) -> dict:
        """Keyword options for the backend's factory (only those it takes)."""
        if self.backend == "rules":
            return {}
        opts: dict = {"model": self.model, "max_attempts": self.max_attempts}
        if self.frames == "none":
            opts["max_frames"] = 0
        if self.backend == "hf":
            opts |= dict(adapter=self.adapter, device=self.device, dtype=self.dtype, quantize=self.quantize,
                         frames="images" if self.frames == "none" else self.frames)
        elif self.backend == "chat":
            opts |= dict(base_url=self.base_url)
        return opts


def planner_spec(args: argparse.Namespace) -> tuple[str, dict]:
    """The backend name and factory options the command line asked for (see `PlannerOptions`).

    Args:
        args: parsed arguments from a parser given `add_planner_args`.
    Returns:
        (backend name, keyword options for `get_planner`).
    Raises:
        InputError: a flag is missing or does not fit the backend (one line for the user).
    """
    o = PlannerOptions.from_args(args)
    return o.backend, o.kwargs()


def planner_from_args(args: argparse.Namespace):
    """Build the planner the command line asked for (see `planner_spec`).

    Args:
        args: parsed arguments from a parser given `add_planner_args`.
    Returns:
        A Planner (loading a model can take a while and raise InputError/MissingDependency).
    """
    name, opts = planner_spec(args)
    return get_planner(name, **opts)  # this module is imported, so hf/chat/scripted are registered
