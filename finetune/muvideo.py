"""Read MUVideo / MUImage instruction data (M2UGen's video/image-to-music sets) into v2m's SFT format.

    v2m finetune data --muvideo MUVideoInstructions.json --media MUVideo/ -o muvideo.jsonl
    v2m finetune data --muimage MUImageInstructions.json --media MUImage/ -o muimage.jsonl

A file is a JSON array of records:
    {"input_file": "clip.mp4", "output_file": "music.mp3",
     "conversation" | "conversations": [{"from": "human", "value": ..., "input_modality": "video", "caption": ...},
                                        {"from": "gpt", "value": ..., "caption": ..., "output_modality": "audio"}]}
Both key spellings are read. A record without a readable input, without a human request or with a null
answer is skipped, counted and reported with its reason; nothing crashes the read. Each kept record
becomes one example prompted exactly as the model planners are (`planner_messages`: the facts sheet of
v2m's own analysis of the input, its keyframes, the request); the target is reasoning plus a ScorePlan
whose sections follow the picture (the rules planner's cut-aligned sections), whose MusicGen prompts are
the record's music caption, and whose tempo and key are measured from `output_file` with librosa when
that file exists (music_facts.py).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from v2m.agent.planners.base import get_planner
from v2m.agent.planners.llm import planner_messages
from v2m.agent.planners.opening import find_style
from v2m.finetune.dataset import analysis_images, target_text
from v2m.finetune.music_facts import measure_music
from v2m.tools.contract import ScorePlan, VideoAnalysis
from v2m.tools.errors import InputError
from v2m.tools.video.analyze import analyze

MEDIA_TOKEN_RE = re.compile(r"<(video|image|audio|music)>", re.I)
MAX_PROMPT_CHARS = 400  # Section.musicgen_prompt's limit


@dataclass
class ReadReport:
    """How a file's records fared: kept, and skipped by reason (with the first few record numbers)."""

    kept: int = 0
    skipped: Counter = field(default_factory=Counter)
    examples: dict = field(default_factory=dict)

    def skip(self, index: int, reason: str) -> None:
        self.skipped[reason] += 1
        self.examples.setdefault(reason, [])
        if len(self.examples[reason]) < 5:
            self.examples[reason].append(index)

    def lines(self) -> list[str]:
        out = [f"kept {self.kept} record(s), skipped {sum(self.skipped.values())}"]
        out += [f"  skipped {n}: {reason} (records {', '.join(map(str, self.examples[reason]))}"
                f"{', ...' if n > 5 else ''})" for reason, n in self.skipped.most_common()]
        return out


def turns(record: dict) -> list[dict] | None:
    """The record's turns under either spelling, or None."""
    conv = record.get("conversation", record.get("conversations"))
    return conv if isinstance(conv, list) and all(isinstance(t, dict) for t in conv) else None


def _clean(text) -> str:
    return MEDIA_TOKEN_RE.sub("", text if isinstance(text, str) else "").strip()


def target_plan(analysis: VideoAnalysis, request: str, answer: str, caption: str, music: Path | None) -> ScorePlan:
    """The plan a record teaches: the picture's sections, the caption's sound, the music file's tempo and key."""
    style = find_style(caption) or find_style(request)
    plan = get_planner("rules").plan(analysis, request + (f" in {style}" if style else "")).plan
    why = [answer] if answer else []
    update: dict = {"request": request}
    if music is not None and music.is_file():
        try:
            facts = measure_music(music)
        except Exception as e:  # noqa: BLE001 - an unreadable music file costs the measurement, not the record
            why.append(f"The reference music could not be measured ({type(e).__name__}); tempo and key follow the picture.")
        else:
            update |= {"tempo_bpm": facts.tempo_bpm, "key": facts.key, "mode": facts.mode}
            why.append(f"The music moves at {update['tempo_bpm']:g} BPM in {facts.key} {facts.mode}.")
    prompt = caption[:MAX_PROMPT_CHARS] if caption else None
    sections = [s.model_copy(update={"musicgen_prompt": prompt or s.musicgen_prompt, "tempo_bpm": None})
                for s in plan.sections]
    if caption:
        why.append(f"Sound: {caption}")
    why.append(f"Sections follow the picture's cuts: {len(sections)} section(s) over {analysis.duration_s:.2f} s.")
    update |= {"sections": sections, "reasoning": "\n".join(why)}
    return ScorePlan.model_validate(plan.model_dump() | update)


def read_records(path: Path, media: Path, work: Path, *, modality: str = "video",
                 report: ReadReport | None = None) -> Iterator[dict]:
    """Yield one SFT example per usable record of a MUVideo (modality="video") or MUImage ("image") file.

    Args:
        path: the instruction JSON (an array of records).
        media: the folder `input_file` and `output_file` are relative to.
        work: where analyses and keyframes of the inputs are kept (one folder per record).
        modality: "video" or "image" (an image becomes a still clip, as `v2m score` does).
        report: filled with what was kept and what was skipped, and why.
    """
    report = report if report is not None else ReadReport()
    try:
        records = json.loads(path.read_text())
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(f"{path}: not a readable JSON file ({type(e).__name__})") from None
    if not isinstance(records, list):
        raise InputError(f"{path}: expected a JSON array of records")
    for i, rec in enumerate(records):
        conv = turns(rec) if isinstance(rec, dict) else None
        if conv is None:
            report.skip(i, "no conversation / conversations list")
            continue
        human = next((t for t in conv if t.get("from") == "human"), None)
        gpt = next((t for t in conv if t.get("from") == "gpt"), None)
        request = _clean(human.get("value")) if human else ""
        if not request:
            report.skip(i, "no human request")
            continue
        if gpt is None or gpt.get("value") is None:
            report.skip(i, "null answer")
            continue
        name = rec.get("input_file")
        source = media / name if isinstance(name, str) and name else None
        if source is None or not source.is_file():
            report.skip(i, "missing media (input_file)")
            continue
        folder = work / f"{i:06d}_{source.stem}"
        folder.mkdir(parents=True, exist_ok=True)
        try:
            analysis = analyze(source, keyframe_dir=folder / "keyframes")
        except Exception as e:  # noqa: BLE001 - one broken file must not end the read
            report.skip(i, f"unreadable media ({type(e).__name__})")
            continue
        if modality == "image" and analysis.kind != "image":
            report.skip(i, "input is not an image")
            continue
        (folder / "analysis.json").write_text(analysis.model_dump_json(indent=1))
        music = media / rec["output_file"] if isinstance(rec.get("output_file"), str) else None
        plan = target_plan(analysis, request, _clean(gpt.get("value")), _clean(gpt.get("caption")), music)
        messages = planner_messages(analysis, request) + [{"role": "assistant", "content": target_text(plan)}]
        report.kept += 1
        yield {"messages": messages, "images": analysis_images(analysis, folder),
               "meta": {"kind": "plan", "source": f"{'muvideo' if modality == 'video' else 'muimage'}:{path.name}#{i}",
                        "video": str(source), "analysis": str((folder / "analysis.json").resolve()),
                        "request": request, "music": str(music) if music and music.is_file() else None}}
