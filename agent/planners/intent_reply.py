"""A model's answer to an edit, read as intents: the `chat` and `hf` planners ask for a short JSON object
of `EditIntent`s (prompts/planner.yaml, "revise") rather than a whole plan, and v2m applies them with the
same deterministic operations as the rules grammar (`v2m.agent.dialogue.intents`).

    from v2m.agent.planners.intent_reply import read_intents
    got = read_intents('{"intents": [{"what": "tempo", "direction": "down", "scope": {"kind": "whole"}}]}',
                       analysis, plan)
    got.plan, got.reply, got.errors, got.question

An answer that is no intents object (a whole plan or a patch, as older prompts asked) is left to
`v2m.agent.planners.reply.parse_reply`; intents that fail validation, or that cannot be carried out,
come back as errors for the re-ask.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import ValidationError
from v2m.agent.dialogue.changes import describe, diff
from v2m.agent.dialogue.intents import apply_intents
from v2m.agent.dialogue.where import Ask
from v2m.agent.planners.reply import extract_json
from v2m.tools.contract import EditIntent, ScorePlan, VideoAnalysis

MAX_INTENTS = 8   # more than anyone says in one turn: a model listing dozens is not answering the request


@dataclass
class IntentAnswer:
    """What came of an intents answer: the new plan and its reply, a question, or errors to re-ask with."""

    found: bool = False                  # the answer was an intents (or question) object at all
    plan: ScorePlan | None = None
    reply: str = ""
    question: str | None = None
    intents: list[EditIntent] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def read_intents(text: str, analysis: VideoAnalysis, plan: ScorePlan,
                 history: list[ScorePlan] | None = None) -> IntentAnswer:
    """Read, validate and apply a model's intents answer.

    Args:
        text: the model's whole reply.
        analysis: the video.
        plan: the plan being edited.
        history: the first plan, then the plan after each edit so far (for reverts).
    Returns:
        An IntentAnswer; `found` is False when the reply holds no intents object.
    """
    obj, _, _, _ = extract_json(text)
    if not isinstance(obj, dict) or not ({"intents", "question"} & set(obj)):
        return IntentAnswer()
    out = IntentAnswer(found=True)
    if isinstance(obj.get("question"), str) and obj["question"].strip() and not obj.get("intents"):
        out.question = " ".join(obj["question"].split())[:300]
        return out
    raw = obj.get("intents")
    if not isinstance(raw, list) or not raw:
        out.errors.append('"intents" must be a non-empty list of intent objects')
        return out
    if len(raw) > MAX_INTENTS:
        out.errors.append(f"at most {MAX_INTENTS} intents per request, got {len(raw)}")
        return out
    for k, item in enumerate(raw):
        try:
            if isinstance(item, dict):
                item = {**item, "source": "llm"}
                item.setdefault("scope", {"kind": "whole"})
            out.intents.append(EditIntent.model_validate(item))
        except ValidationError as e:
            out.errors += [f"intent {k}: {'.'.join(map(str, x['loc']))}: {x['msg']}" for x in e.errors()[:4]]
    if out.errors:
        return out
    for it in out.intents:
        s = it.scope
        if s.kind != "whole" and s.end_s > analysis.duration_s + 0.05:
            out.errors.append(f"scope {s.start_s}-{s.end_s} s runs past the video's end ({analysis.duration_s:.2f} s)")
    if out.errors:
        return out
    try:
        new = apply_intents(analysis, plan, out.intents, history)
    except Ask as q:
        out.errors.append(f"the intents cannot be carried out: {q}")
        return out
    except (ValueError, KeyError) as e:  # an unknown mood or instrument word, a value of the wrong kind
        out.errors.append(f"the intents cannot be carried out: {type(e).__name__}: {e}")
        return out
    out.plan = new
    out.reply = describe(diff(plan, new), "; ".join(dict.fromkeys(i.reason for i in out.intents if i.reason)))
    return out
