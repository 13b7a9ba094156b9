"""Random-weight MusicGen folders built from configs, so tests and benchmarks never download weights.

`build_tiny(folder)` writes a MusicGen (or MusicGen-Melody) checkpoint small enough to generate
seconds of audio in a fraction of a second on one CPU thread: an 8 kHz EnCodec with 10 frames per
second and 2 codebooks, a 2-layer decoder and a 1-layer T5 text encoder, plus a Unigram tokenizer
trained offline with `tokenizers`. `build_small(folder)` writes the facebook/musicgen-small
architecture (~590M parameters: t5-base text encoder, the 300M 24-layer decoder, 32 kHz EnCodec as in
facebook/encodec_32khz's config) with random weights, for timing. Both folders load through the same `from_pretrained` path as real weights.

    python -c "from musicgen_tiny import build_tiny; build_tiny('/tmp/tiny-musicgen')"
"""

from __future__ import annotations

import json
from pathlib import Path

# Words the tokenizer learns from; prompts the route writes use this vocabulary.
_CORPUS = [
    "jazz swing music, tenor sax, acoustic bass, electric piano, 138 bpm, F major, energetic",
    "calm ambient pad, warm strings, slow evolving texture, 70 bpm, D minor, soft and sparse",
    "driving rock, distorted guitar, drums, bass, 120 bpm, E minor, intense, full, climactic",
    "intro outro chorus verse build climax section, steady groove, dorian mixolydian lydian mode",
]

TINY_SAMPLE_RATE = 8000
TINY_HOP = 800  # 8*5*4*5: 10 EnCodec frames per second keeps autoregressive steps few


def _tokenizer(vocab_size: int = 200):
    """A T5-style tokenizer (Unigram + Metaspace, `</s>` appended) trained on a few prompt lines."""
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, trainers
    from tokenizers.processors import TemplateProcessing
    from transformers import T5Tokenizer

    tok = Tokenizer(models.Unigram())
    tok.normalizer = normalizers.NFKC()
    tok.pre_tokenizer = pre_tokenizers.Metaspace()
    tok.decoder = decoders.Metaspace()
    trainer = trainers.UnigramTrainer(vocab_size=vocab_size, special_tokens=["<pad>", "</s>", "<unk>"],
                                      unk_token="<unk>")
    tok.train_from_iterator(_CORPUS * 10, trainer)
    tok.post_processor = TemplateProcessing(single="$A </s>", special_tokens=[("</s>", tok.token_to_id("</s>"))])
    return T5Tokenizer(tokenizer_object=tok, pad_token="<pad>", eos_token="</s>", unk_token="<unk>", extra_ids=0)


def _save(folder: Path, config, tokenizer, feature_extractor, *, melody: bool, seed: int,
          audible: bool = False) -> Path:
    import torch
    from transformers import (MusicgenForConditionalGeneration, MusicgenMelodyForConditionalGeneration,
                              MusicgenProcessor)

    folder.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(seed)
    cls = MusicgenMelodyForConditionalGeneration if melody else MusicgenForConditionalGeneration
    model = cls(config).eval()
    if audible:
        # Random weight-norm gains (~0.03) shrink the signal layer by layer until the codec outputs its
        # last bias (a constant) and the codebooks start at zero: unit-norm filters, zero biases and
        # random codebooks make every code sound different instead.
        with torch.no_grad():
            for name, p in model.audio_encoder.named_parameters():
                if name.endswith("parametrizations.weight.original0"):
                    p.fill_(1.0)
                elif name.endswith("conv.bias"):
                    p.zero_()
            for layer in model.audio_encoder.quantizer.layers:  # codebooks start as zeros: one code = all codes
                layer.codebook.embed.normal_(0.0, 1.0)
                layer.codebook.embed_avg.copy_(layer.codebook.embed)
    start = config.decoder.bos_token_id
    gc = model.generation_config
    gc.decoder_start_token_id, gc.pad_token_id, gc.bos_token_id = start, start, start
    gc.do_sample, gc.guidance_scale, gc.max_length = True, 3.0, config.decoder.max_position_embeddings
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    if melody:
        # MusicgenMelodyFeatureExtractor needs torchaudio to instantiate; write its config as data so
        # the folder matches a real checkpoint whether or not torchaudio is installed here.
        (folder / "preprocessor_config.json").write_text(json.dumps(feature_extractor, indent=2))
    else:
        MusicgenProcessor(feature_extractor=feature_extractor, tokenizer=tokenizer).save_pretrained(folder)
    return folder


def build_tiny(folder: str | Path, *, melody: bool = False, window_s: float = 4.0, seed: int = 0) -> Path:
    """Write a tiny random MusicGen checkpoint to `folder`.

    Args:
        folder: where to write config.json, model.safetensors, tokenizer and processor files.
        melody: build MusicGen-Melody (text + chroma conditioning) instead of text-only MusicGen.
        window_s: longest audio one generate call may produce (sets max_position_embeddings), so a
            75 s plan needs many continuation chunks even though each is cheap.
        seed: torch seed for the random weights.
    Returns:
        The folder.
    """
    from transformers import (EncodecConfig, EncodecFeatureExtractor, MusicgenConfig, MusicgenDecoderConfig,
                              MusicgenMelodyConfig, MusicgenMelodyDecoderConfig, T5Config)

    tokenizer = _tokenizer()
    fps = TINY_SAMPLE_RATE // TINY_HOP
    # 1000 * bandwidth // (frame_rate * log2(codebook_size)) = 2 quantizers = 2 codebooks.
    audio = EncodecConfig(sampling_rate=TINY_SAMPLE_RATE, upsampling_ratios=[8, 5, 4, 5], num_filters=4,
                          hidden_size=8, codebook_size=64, target_bandwidths=[0.12], num_lstm_layers=1,
                          use_causal_conv=False)
    text = T5Config(vocab_size=len(tokenizer), d_model=16, d_kv=8, d_ff=32, num_layers=1, num_heads=2,
                    pad_token_id=0, eos_token_id=1, decoder_start_token_id=0)
    positions = int(window_s * fps) + 8  # room for the delay pattern and the start token
    dec = dict(vocab_size=64, max_position_embeddings=positions, num_hidden_layers=2, ffn_dim=32,
               num_attention_heads=2, hidden_size=16, num_codebooks=2, pad_token_id=64, bos_token_id=64,
               initializer_factor=0.5)  # wide random logits: conditioning visibly changes the samples
    if melody:
        hop = 1024
        cfg = MusicgenMelodyConfig(text_encoder=text, audio_encoder=audio, decoder=MusicgenMelodyDecoderConfig(**dec),
                                   num_chroma=12, chroma_length=int(window_s * TINY_SAMPLE_RATE / hop) + 1)
        fe = {"feature_extractor_type": "MusicgenMelodyFeatureExtractor", "feature_size": 12,
              "sampling_rate": TINY_SAMPLE_RATE, "hop_length": hop, "n_fft": 4096, "num_chroma": 12,
              "chunk_length": int(window_s), "padding_value": 0.0, "processor_class": "MusicgenMelodyProcessor"}
    else:
        cfg = MusicgenConfig(text_encoder=text, audio_encoder=audio, decoder=MusicgenDecoderConfig(**dec))
        fe = EncodecFeatureExtractor(sampling_rate=TINY_SAMPLE_RATE, feature_size=1)
    return _save(Path(folder), cfg, tokenizer, fe, melody=melody, seed=seed, audible=True)


def build_small(folder: str | Path, *, seed: int = 0) -> Path:
    """Write the facebook/musicgen-small architecture with random weights (for timing, not listening).

    Sizes follow the published config: t5-base text encoder (d_model 768, 12 layers), decoder with
    24 layers, hidden 1024, 16 heads, 4 codebooks of 2048; EnCodec 32 kHz, hop 640 (50 frames/s).

    Args:
        folder: where to write the checkpoint (about 1.2 GB in float32).
        seed: torch seed for the random weights.
    Returns:
        The folder.
    """
    from transformers import EncodecConfig, EncodecFeatureExtractor, MusicgenConfig, MusicgenDecoderConfig, T5Config

    tokenizer = _tokenizer()
    audio = EncodecConfig(sampling_rate=32000, upsampling_ratios=[8, 5, 4, 4], num_filters=64, hidden_size=128,
                          codebook_size=2048, target_bandwidths=[2.2], num_lstm_layers=2, use_causal_conv=False,
                          norm_type="weight_norm", pad_mode="reflect", compress=2, residual_kernel_size=3,
                          use_conv_shortcut=False)
    text = T5Config(vocab_size=32128, d_model=768, d_kv=64, d_ff=3072, num_layers=12, num_heads=12,
                    pad_token_id=0, eos_token_id=1, decoder_start_token_id=0)
    dec = MusicgenDecoderConfig(vocab_size=2048, max_position_embeddings=2048, num_hidden_layers=24, ffn_dim=4096,
                                num_attention_heads=16, hidden_size=1024, num_codebooks=4,
                                pad_token_id=2048, bos_token_id=2048)
    cfg = MusicgenConfig(text_encoder=text, audio_encoder=audio, decoder=dec)
    fe = EncodecFeatureExtractor(sampling_rate=32000, feature_size=1)
    return _save(Path(folder), cfg, tokenizer, fe, melody=False, seed=seed)
