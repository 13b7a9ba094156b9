"""The `hf` backend on tiny random Qwen2.5-VL and SmolVLM models built offline, fed real frames of bikes.mp4.

Random weights write garbage, so the full path (chat template -> processor -> generate -> decode ->
parse) must end in re-asks and then the rules fallback with a warning. Forcing the model's tokens
to spell a valid plan checks the same path ends in that plan. A LoRA adapter saved with peft is
loaded back and must change the model's output.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")
from transformers import LogitsProcessorList  # noqa: E402

from llm_kit import bikes_analysis, fenced, plan_dict  # noqa: E402
from tiny_vlm import ForceText, build_llava_onevision, build_qwen25_vl, build_smolvlm  # noqa: E402
from v2m.agent.planners.hf import HFBackend  # noqa: E402
from v2m.agent.planners.llm import LLMPlanner, add_planner_args, planner_from_args  # noqa: E402
from v2m.tools.contract import ScorePlan  # noqa: E402
from v2m.tools.errors import InputError  # noqa: E402

pytestmark = pytest.mark.slow  # building the tiny VLMs and running them takes some 10 s of CPU in all

FELL_BACK = "used the rules planner instead"
# smolvlm = the SmolVLM v1 classes (Idefics3); smolvlm2 = the SmolVLM2 classes, whose processor needs num2words
MODELS = ["qwen25_vl", "smolvlm", "llava_onevision"] + (["smolvlm2"] if importlib.util.find_spec("num2words") else [])
VIDEO_TOKEN = {"qwen25_vl": "video_token_id", "llava_onevision": "video_token_index"}


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    n = torch.get_num_threads()
    torch.set_num_threads(1)  # tiny matmuls: threads only add overhead on this machine
    yield
    torch.set_num_threads(n)


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    root = tmp_path_factory.mktemp("tiny_vlms")
    out = {"qwen25_vl": build_qwen25_vl(root / "qwen25_vl"), "smolvlm": build_smolvlm(root / "smolvlm"),
           "llava_onevision": build_llava_onevision(root / "llava_onevision")}
    if "smolvlm2" in MODELS:
        out["smolvlm2"] = build_smolvlm(root / "smolvlm2", family="smolvlm")
    return out


@pytest.fixture(scope="module")
def analysis(tmp_path_factory):
    return bikes_analysis(tmp_path_factory.mktemp("keys"))  # keyframes decoded from the real clip with PyAV


@pytest.mark.parametrize("family,frames", [(m, "images") for m in MODELS] + [(m, "video") for m in VIDEO_TOKEN])
def test_random_weights_end_in_re_ask_then_fallback(folders, analysis, family, frames, caplog):
    caplog.set_level(logging.INFO, logger="v2m.agent.planners.llm")
    backend = HFBackend(str(folders[family]), device="cpu", dtype="float32", frames=frames, max_new_tokens=24)
    planner = LLMPlanner(backend, name="hf", max_frames=4)
    res = planner.plan(analysis, "score this in jazz")  # must not raise
    assert isinstance(res.plan, ScorePlan) and res.plan.duration_s == 10.0
    assert FELL_BACK in res.warnings[0] and "attempt 3" in res.reasoning
    roles = [m["role"] for m in res.transcript]
    assert roles == ["system", "user", "assistant", "user", "assistant", "user", "assistant"]
    assert "could not be used as a plan" in res.transcript[3]["content"]
    assert all(m["content"] for m in res.transcript if m["role"] == "assistant")  # the model did write
    assert "attempt 1 of 3 unusable" in caplog.text
    # the processor really placed the pictures: image (or video) placeholder tokens and pixel tensors
    from v2m.agent.planners.frames import load_frames

    pics = load_frames(analysis, 4, sample=frames == "video")
    batch = backend.inputs(res.transcript[:2], pics)
    cfg = backend.model.config
    token = getattr(cfg, VIDEO_TOKEN[family]) if frames == "video" else cfg.image_token_id
    assert (batch["input_ids"] == token).sum() >= 4
    assert any(k.startswith("pixel_values") for k in batch)


@pytest.mark.parametrize("family", ["qwen25_vl", "smolvlm"])
def test_forced_valid_output_is_parsed_into_the_plan(folders, analysis, family):
    reply = fenced(plan_dict(), before="Bikes race past; bright swing at 140 bpm.")
    backend = HFBackend(str(folders[family]), device="cpu", max_new_tokens=2000)
    tok = backend.processor.tokenizer
    ids = tok.encode(reply, add_special_tokens=False)
    assert tok.decode(ids) == reply
    backend.generate_kwargs["logits_processor"] = LogitsProcessorList(
        [ForceText(ids, backend.model.generation_config.eos_token_id)])
    res = LLMPlanner(backend, name="hf", max_frames=3).plan(analysis, "score this in jazz")
    assert res.warnings == [] and res.plan == ScorePlan.model_validate(
        plan_dict(request="score this in jazz", reasoning=res.plan.reasoning))
    assert "Bikes race past" in res.plan.reasoning and res.transcript[-1]["content"].strip() == reply.strip()


def _logits(backend: HFBackend, analysis) -> "torch.Tensor":
    msgs = [{"role": "system", "content": "v2m"}, {"role": "user", "content": "score this in jazz"}]
    from v2m.agent.planners.frames import load_frames

    with torch.inference_mode():
        return backend.model(**backend.inputs(msgs, load_frames(analysis, 2))).logits[0, -1]


def test_lora_adapter_saved_with_peft_is_applied(folders, analysis, tmp_path):
    from peft import LoraConfig, PeftModel, get_peft_model
    from safetensors.torch import load_file

    base = HFBackend(str(folders["qwen25_vl"]), device="cpu")
    cfg = LoraConfig(r=4, lora_alpha=16, target_modules=["q_proj", "v_proj"], init_lora_weights=False)
    torch.manual_seed(1)
    get_peft_model(base.model, cfg).save_pretrained(tmp_path / "lora")
    saved = load_file(tmp_path / "lora" / "adapter_model.safetensors")
    assert saved and all("lora_" in k for k in saved)

    base = HFBackend(str(folders["qwen25_vl"]), device="cpu")  # fresh: get_peft_model changed the old one in place
    tuned = HFBackend(str(folders["qwen25_vl"]), device="cpu", adapter=str(tmp_path / "lora"))
    assert isinstance(tuned.model, PeftModel) and "adapter" in tuned.model_name
    loaded = {k: v for k, v in tuned.model.state_dict().items() if "lora_" in k}
    assert len(loaded) == len(saved)
    for k, v in saved.items():  # peft drops the adapter name when saving
        match = [lk for lk in loaded if lk.replace(".default", "") == k]
        assert match and torch.equal(loaded[match[0]], v), k
    with_adapter, without = _logits(tuned, analysis), _logits(base, analysis)
    assert not torch.allclose(with_adapter, without, atol=1e-4)
    with tuned.model.disable_adapter():
        assert torch.allclose(_logits(tuned, analysis), without, atol=1e-5)


def test_bad_model_adapter_and_flags_are_one_line_errors(folders, tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        HFBackend(str(tmp_path / "missing"), device="cpu")
    with pytest.raises(InputError, match="cannot load model"):
        HFBackend(str(tmp_path), device="cpu")  # an empty folder
    with pytest.raises(InputError, match="no adapter_config.json"):
        HFBackend(str(folders["smolvlm"]), device="cpu", adapter=str(tmp_path))
    with pytest.raises(InputError, match="needs a CUDA GPU"):
        HFBackend(str(folders["smolvlm"]), device="cpu", quantize="4bit")
    if not torch.cuda.is_available():
        with pytest.raises(InputError, match="no CUDA GPU"):
            HFBackend(str(folders["smolvlm"]), device="cuda")
    p = argparse.ArgumentParser()
    add_planner_args(p)
    planner = planner_from_args(p.parse_args(["--backend", "hf", "--model", str(folders["smolvlm"]),
                                              "--device", "cpu", "--dtype", "float32", "--max-attempts", "1"]))
    assert planner.name == "hf" and planner.max_attempts == 1 and planner.backend.device == "cpu"
    assert json.loads((folders["smolvlm"] / "config.json").read_text())["model_type"] in ("idefics3", "smolvlm")


def test_a_template_without_a_system_turn_gets_it_folded_into_the_user_turn(folders, analysis):
    backend = HFBackend(str(folders["qwen25_vl"]), device="cpu", max_new_tokens=4)
    strict = ("{% if messages[0]['role'] == 'system' %}{{ raise_exception('System role not supported') }}{% endif %}"
              + backend.processor.chat_template)
    backend.processor.chat_template = strict
    msgs = [{"role": "system", "content": "SYSTEM RULES"}, {"role": "user", "content": "score this"}]
    ids = backend.inputs(msgs, [])["input_ids"][0]
    text = backend.processor.tokenizer.decode(ids)
    assert text.index("SYSTEM RULES") < text.index("score this") and "<|im_start|>system" not in text
