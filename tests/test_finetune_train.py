"""The fine-tuning recipe on tiny models built offline: configs load, LoRA and QLoRA keep the base frozen
and move the adapter, a killed run resumes, 2 CPU processes train through `accelerate launch`, the
grader scores a perfect answer perfectly, and `v2m score --backend hf` serves a fresh adapter."""

from __future__ import annotations

import json
import re
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from v2m.agent.cli import main as v2m_main
from v2m.finetune.recipe import CONFIG_DIR, TrainConfig, config_names, load_config, read_examples
from v2m.tools.errors import InputError

torch = pytest.importorskip("torch")
pytest.importorskip("peft")
TINY = {"family": "qwen2.5-vl", "hidden": 64, "layers": 2, "heads": 4, "kv_heads": 2, "vocab": 1200}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Two synthetic clips (a plan and up to one edit each): the JSONL every training test reads."""
    from v2m.finetune.synthetic import build_synthetic

    out = tmp_path_factory.mktemp("synth")
    build_synthetic(out, clips=2, seed=3, turns=1)
    return out / "sft.jsonl"


def tiny_yaml(path: Path, data: Path, **extra) -> Path:
    cfg = dict(tiny=TINY, data=str(data), method="lora", lora_r=8, lora_alpha=16, lr=1e-2, warmup_steps=1,
               max_steps=2, batch_size=1, max_len=4096, dtype="float32", save_every=1, log_every=1, cpu=True) | extra
    path.write_text(yaml.safe_dump(cfg))
    return path


def test_every_shipped_config_loads_and_says_how_to_launch_it():
    names = config_names()
    assert {"tiny-cpu", "qwen2.5-vl-3b-lora", "qwen2.5-vl-7b-qlora", "smolvlm2-2.2b-lora"} <= set(names)
    for name in names:
        cfg = load_config(name)
        assert isinstance(cfg, TrainConfig)
        head = (CONFIG_DIR / f"{name}.yaml").read_text().splitlines()[0]
        assert head.startswith(("# v2m finetune train --config " + name, "# accelerate launch"))
    assert load_config("qwen2.5-vl-7b-qlora").method == "qlora"
    for f in sorted((CONFIG_DIR / "accelerate").glob("*.yaml")):
        text = f.read_text()
        assert text.startswith(f"# accelerate launch --config_file finetune/configs/accelerate/{f.name}")
        assert yaml.safe_load(text)["distributed_type"] in ("MULTI_GPU", "MULTI_CPU", "FSDP", "DEEPSPEED")
    kinds = {yaml.safe_load(f.read_text()).get("deepspeed_config", {}).get("zero_stage")
             for f in (CONFIG_DIR / "accelerate").glob("*.yaml")}
    assert {2, 3} <= kinds


def test_config_mistakes_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no config named 'nope'"):
        load_config("nope")
    bad = tmp_path / "bad.yaml"
    bad.write_text("model: x\nlearning_rate: 1\n")
    with pytest.raises(InputError, match="unknown keys \\['learning_rate'\\]"):
        load_config(str(bad))
    with pytest.raises(InputError, match="either `model` or `tiny`"):
        TrainConfig()


def _lora_tensors(adapter: Path) -> dict:
    from safetensors.torch import load_file

    return load_file(adapter / "adapter_model.safetensors")


def _base_digest(base: Path) -> dict:
    from safetensors.torch import load_file

    return {k: v.clone() for k, v in load_file(base / "model.safetensors").items()}


@pytest.mark.slow
@pytest.mark.parametrize("method", ["lora", "qlora"])
def test_training_freezes_the_base_and_moves_the_adapter(method, corpus, tmp_path):
    from v2m.finetune.train import load_model, train

    out = tmp_path / "run"
    cfg = load_config(str(tiny_yaml(tmp_path / "c.yaml", corpus, method=method, max_steps=3)))
    summary = train(cfg, out)
    adapter = _lora_tensors(out / "adapter")
    assert adapter and all("lora_" in k for k in adapter)
    assert all(v.abs().sum() > 0 for k, v in adapter.items() if "lora_B" in k)  # B starts at zero: it moved
    assert summary["steps"] == 3 and (out / "checkpoints" / "step-2").is_dir()
    # Only LoRA weights train; with qlora the language model's projections are 4-bit.
    _, model = load_model(cfg, out / "base", "cpu")
    trainable = [n for n, p in model.named_parameters() if p.requires_grad]
    assert trainable and all("lora_" in n for n in trainable)
    if method == "qlora":
        import bitsandbytes as bnb

        assert any(isinstance(m, bnb.nn.Linear4bit) for m in model.modules())
    # The base on disk is what was built: a training run never writes into it.
    before = _base_digest(out / "base")
    from v2m.finetune.tiny_vlm import TinySize, build_qwen25_vl

    texts = [e["messages"][-1]["content"] for e in read_examples(corpus)]
    fresh = build_qwen25_vl(tmp_path / "fresh", seed=cfg.seed, size=TinySize(**{k: v for k, v in TINY.items() if k != "family"}), texts=texts)
    assert all(torch.equal(v, _base_digest(fresh)[k]) for k, v in before.items())


@pytest.mark.slow
def test_a_killed_run_resumes_from_its_checkpoint(corpus, tmp_path):
    from v2m.finetune.train import train

    out = tmp_path / "run"
    cfg = load_config(str(tiny_yaml(tmp_path / "c.yaml", corpus, max_steps=2)))
    train(cfg, out)
    with pytest.raises(InputError, match="already holds a run"):
        train(cfg, out)
    longer = load_config(str(tmp_path / "c.yaml"), max_steps=4)
    summary = train(longer, out, resume=True)
    assert summary["resumed_from"] == 1  # the newest checkpoint (step-1; the last step is saved as the adapter)
    steps = [json.loads(x)["step"] for x in (out / "log.jsonl").read_text().splitlines()]
    assert steps == [1, 2, 2, 3, 4]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_two_cpu_processes_train_through_accelerate_launch(corpus, tmp_path):
    out = tmp_path / "ddp"
    cfg = tiny_yaml(tmp_path / "c.yaml", corpus, max_steps=2, save_every=10)
    cmd = [sys.executable, "-m", "accelerate.commands.launch", "--config_file", str(CONFIG_DIR / "accelerate" / "ddp-cpu.yaml"),
           "--main_process_port", str(_free_port()), "-m", "v2m.finetune.train", "--config", str(cfg),
           "--output", str(out)]
    env = os.environ | {"OMP_NUM_THREADS": "1"}
    res = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    assert res.returncode == 0, res.stderr[-3000:]
    # two ranks print to one pipe: lines may interleave, so read every JSON object in the output
    dec, found, text = json.JSONDecoder(), [], res.stdout
    for i in [m.start() for m in re.finditer(r'\{"steps"', text)]:
        try:
            found.append(dec.raw_decode(text, i)[0])
        except json.JSONDecodeError:
            continue
    summary = found[-1]
    assert summary["processes"] == 2
    assert all(v.abs().sum() > 0 for k, v in _lora_tensors(out / "adapter").items() if "lora_B" in k)


def test_the_grader_scores_the_reference_perfectly_and_garbage_as_a_miss(corpus):
    from v2m.finetune.evaluate import grade
    from v2m.finetune.recipe import example_analysis

    for ex in read_examples(corpus):
        analysis = example_analysis(ex)
        row = grade(ex["messages"][-1]["content"], ex, analysis)
        assert row["json"] == row["contract"] == row["usable"] == 1.0
        assert row["style"] == row["tempo"] == row["key"] == row["instruments"] == 1.0
        assert row["cut_alignment"] in (None, 1.0)
        if ex["meta"]["kind"] == "revise":
            assert row["edit_following"] == 1.0
            unchanged = json.loads(ex["meta"]["current"])
            assert grade(json.dumps(unchanged), ex, analysis)["edit_following"] == 0.0  # ignoring the edit
        assert row["cut_marks"] in (None, 1.0)
        bad = grade('Sure! {"style": "jazz", "tempo_bpm": 9000}', ex, analysis)
        assert bad["json"] == 1.0 and bad["contract"] == bad["usable"] == bad["style"] == 0.0


def test_the_tiny_tokenizer_spends_one_token_per_plan_key():
    from v2m.finetune.tiny_vlm import QWEN_SPECIALS, plan_keys, train_tokenizer

    tok = train_tokenizer(QWEN_SPECIALS)
    assert {'"tempo_bpm":', '"style":"', '"end_s":', '"drums":"', '"time_s":'} <= set(plan_keys())
    text = '{"duration_s":6.5,"style":"jazz","sections":[{"name":"main","start_s":0.0,"end_s":6.5}]}'
    pieces = tok.convert_ids_to_tokens(tok(text, add_special_tokens=False)["input_ids"])
    assert {'"duration_s":', '"style":"', '"name":"', '"start_s":', '"end_s":'} <= set(pieces)
    assert tok.decode(tok(text, add_special_tokens=False)["input_ids"]) == text


def test_the_tiny_tokenizer_spells_a_plan_word_alike_in_the_request_the_reasoning_and_the_json():
    from v2m.finetune.tiny_vlm import QWEN_SPECIALS, plan_words, train_tokenizer

    tok = train_tokenizer(QWEN_SPECIALS)
    assert {"lofi", "jazz", "minor", "dorian", "F#", "Bb"} <= set(plan_words())
    for text in ('The user asks: "a tense lofi track"', "Style: lofi. Key: F# minor.",
                 '{"style": "lofi", "key": "F#", "mode": "minor"}', '{"style":"lofi","mode":"minor"}'):
        ids = tok(text, add_special_tokens=False)["input_ids"]
        pieces = tok.convert_ids_to_tokens(ids)
        assert "lofi" in pieces and tok.decode(ids) == text
        assert ("minor" in pieces) == ("minor" in text) and ("F#" in pieces) == ("F#" in text)


@pytest.mark.slow
def test_the_loss_on_answer_logits_only_is_the_loss_on_all_logits(corpus, tmp_path):
    from v2m.finetune.train import answer_only, example_loss, load_model, prepare_base, tokenise

    cfg = load_config(str(tiny_yaml(tmp_path / "c.yaml", corpus)))
    examples = read_examples(corpus)
    prepare_base(cfg, tmp_path, [e["messages"][-1]["content"] for e in examples])
    processor, model = load_model(cfg, tmp_path / "base", "cpu")
    for row in tokenise(examples[:2], model, processor, cfg.max_frames, cfg.max_len):
        n_answer = int((row["labels"] != -100).sum())
        cut = answer_only(row)
        assert cut["logits_to_keep"] == n_answer + 1 and cut["labels"].shape[1] == n_answer + 1
        with torch.no_grad():
            full, short = model(**row), model(**cut)
        assert short.logits.shape[1] == n_answer + 1 < full.logits.shape[1] // 4
        assert torch.allclose(full.loss, short.loss, rtol=1e-5), (full.loss, short.loss)
        assert torch.allclose(example_loss(model, row), short.loss)
        # prompt_loss_weight: every prompt text token (no picture placeholder) adds w times its loss.
        with torch.no_grad():
            ce = torch.nn.functional.cross_entropy(full.logits[0, :-1], row["input_ids"][0, 1:], reduction="none")
            weighted = example_loss(model, row, 0.1)
        ids, answer = row["input_ids"][0, 1:], row["labels"][0, 1:] != -100
        prompt = ~answer & (ids != model.config.image_token_id)
        assert torch.allclose(weighted, (ce[answer].sum() + 0.1 * ce[prompt].sum()) / answer.sum(), rtol=1e-5)


@pytest.mark.slow
def test_a_prompt_as_long_as_a_patch_row_keeps_its_pictures(corpus, tmp_path):
    """Regression: per-token extras grow with the answer; a prompt of exactly as many tokens as a patch row
    has values (1,176 for Qwen2.5-VL) once grew the pictures too, and training crashed mid-run."""
    from v2m.finetune.train import load_model, prepare_base, tokenise

    cfg = load_config(str(tiny_yaml(tmp_path / "c.yaml", corpus)))
    ex = read_examples(corpus)[0]
    prepare_base(cfg, tmp_path, [ex["messages"][-1]["content"]])
    processor, model = load_model(cfg, tmp_path / "base", "cpu")
    row = tokenise([ex], model, processor, cfg.max_frames, cfg.max_len)[0]
    width, n_prompt = row["pixel_values"].shape[1], int((row["labels"] == -100).sum())
    user = ex["messages"][1]["content"]
    for _ in range(40):  # pad or cut the user turn until the prompt is exactly one patch row long
        if n_prompt == width:
            break
        words = user.split(" ")
        user = " ".join(words + ["a"] * (width - n_prompt)) if n_prompt < width else " ".join(words[:width - n_prompt])
        ex = ex | {"messages": [ex["messages"][0], {"role": "user", "content": user}, ex["messages"][-1]]}
        row = tokenise([ex], model, processor, cfg.max_frames, cfg.max_len)[0]
        n_prompt = int((row["labels"] == -100).sum())
    assert n_prompt == width and row["pixel_values"].shape[1] == width
    assert row["mm_token_type_ids"].shape == row["input_ids"].shape
    model(**row)  # runs


@pytest.mark.slow
def test_score_with_a_freshly_trained_adapter_finishes_on_a_real_clip(corpus, bikes, tmp_path, capsys):
    run = tmp_path / "run"  # as tiny-cpu trains: LoRA plus the embeddings and output layer in full
    cfg = tiny_yaml(tmp_path / "c.yaml", corpus, max_steps=1, modules_to_save=["embed_tokens", "lm_head"])
    assert v2m_main(["finetune", "train", "--config", str(cfg), "--output", str(run)]) == 0
    saved = _lora_tensors(run / "adapter")
    assert any("lm_head" in k and "lora_" not in k for k in saved) and any("embed_tokens" in k for k in saved)
    out = tmp_path / "scored"
    rc = v2m_main(["score", str(bikes), "in jazz", "--backend", "hf", "--model", str(run / "base"),
                   "--adapter", str(run / "adapter"), "--device", "cpu", "--max-attempts", "1", "-o", str(out)])
    assert rc == 0
    assert (out / "bikes.scored.mp4").stat().st_size > 10_000
    assert "adapter" in (out / "reasoning.md").read_text()
    # The eval command grades the same model on held-out data and writes its table.
    res = tmp_path / "eval.json"
    assert v2m_main(["finetune", "eval", "--model", str(run / "base"), "--adapter", str(run / "adapter"),
                     "--data", str(corpus), "--limit", "1", "--max-new-tokens", "40", "--compare-base",
                     "-o", str(res)]) == 0
    table = json.loads(res.read_text())
    assert [r["adapter"] for r in table["results"]] == [None, str(run / "adapter"), "constant"]
    assert 0 < table["results"][-1]["metrics"]["style"] <= 1  # the best constant plan, beside the models
    assert "| usable |" in capsys.readouterr().out


def _asked(ex: dict, request: str, style: str) -> dict:
    """`ex` with its request and its target's style replaced; the prompt cut before the instructions and the
    schema (~1,550 of its ~2,000 tokens), so a few hundred steps fit a test: the facts sheet and pictures stay."""
    user, answer, old = ex["messages"][1]["content"], ex["messages"][-1]["content"], ex["meta"]["request"]
    user, cut, _ = user.replace(f'The user asks: "{old}"', f'The user asks: "{request}"').partition("\n\nFirst think")
    assert cut and request in user
    was = json.loads(answer[answer.index("{"):])["style"]
    new = answer.replace(f"Style: {was}.", f"Style: {style}.").replace(f'"style": "{was}"', f'"style": "{style}"')
    assert new.count(style) == 2 and was not in new
    return ex | {"messages": [ex["messages"][0], {"role": "user", "content": user}, {"role": "assistant", "content": new}],
                 "meta": ex["meta"] | {"request": request}}


@pytest.mark.slow
def test_the_recipe_conditions_the_answer_on_the_request_and_the_clip(tmp_path):
    """Overfit three examples through `v2m finetune train` (tiny-cpu's recipe: its model, LoRA, tokenising,
    loss; only the data and steps shrunk, and two examples a step: at batch 1 the one-word difference stalls at
    50/50, and whether 200 steps learned it hung on the tokenizer's merges, i.e. on the prompt's wording) and
    answer them through `v2m finetune eval`: two differ only in the request (one clip; jazz vs rock), two only
    in the clip (one request; facts sheet and pictures), two only in the pictures (a's facts sheet shown with
    b's frames). One answer for all would mean the prompt never reaches what the loss trains (labels,
    attention mask, truncation, dropped pictures or request), not a lack of steps: with the prompt masked from
    the answer, the request or the pictures dropped, this fails."""
    from v2m.finetune.synthetic import build_synthetic

    build_synthetic(tmp_path / "synth", clips=2, seed=3, turns=1, reasoning="short", target="compact")
    plans = [e for e in read_examples(tmp_path / "synth" / "sft.jsonl") if e["meta"]["kind"] == "plan"]
    a, b = plans
    assert a["meta"]["video"] != b["meta"]["video"]
    jazz, rock = "score this in jazz", "rock please, loud and fast, with big drums on every cut"
    data = tmp_path / "three.jsonl"
    a_seen_as_b = a | {"meta": a["meta"] | {"analysis": b["meta"]["analysis"]}}  # a's facts sheet, b's pictures
    examples = [_asked(a, jazz, "jazz"), _asked(a, rock, "rock"), _asked(b, jazz, "funk"), _asked(a_seen_as_b, jazz, "ambient")]
    data.write_text("".join(json.dumps(e) + "\n" for e in examples))
    cfg = yaml.safe_load((CONFIG_DIR / "tiny-cpu.yaml").read_text()) | {"data": str(data), "save_every": 1000,
                                                                       "batch_size": 2}
    (tmp_path / "c.yaml").write_text(yaml.safe_dump(cfg))
    run = tmp_path / "run"
    assert v2m_main(["finetune", "train", "--config", str(tmp_path / "c.yaml"), "--output", str(run),
                     "--max-steps", "200"]) == 0
    res = tmp_path / "eval.json"
    assert v2m_main(["finetune", "eval", "--model", str(run / "base"), "--adapter", str(run / "adapter"),
                     "--data", str(data), "--max-new-tokens", "120", "-o", str(res)]) == 0
    rows = json.loads(res.read_text())["results"][0]["rows"]
    answers = [r["answer"] for r in rows]
    styles = [m.group(1) if (m := re.search(r'"style": "(\w+)"', a)) else None for a in answers]
    assert styles == ["jazz", "rock", "funk", "ambient"], [a[:100] for a in answers]
    assert [r["style"] for r in rows[:3]] == [1.0] * 3  # the grader agrees (the 4th fits no one video's length)
    durations = [re.search(r'"duration_s": ([\d.]+)', e["messages"][-1]["content"]).group(1) for e in examples]
    assert durations[0] != durations[2]
    assert [m.group(1) if (m := re.search(r'"duration_s": ([\d.]+)', a)) else None for a in answers][:3] == durations[:3]
