"""Chroma features of a melody, as MusicGen-Melody is conditioned on them, without torchaudio.

transformers' MusicgenMelodyFeatureExtractor needs torchaudio for its spectrogram; this file computes
the same features with torch.stft: power spectrogram (Hann window, centred, reflect padding), librosa's
chroma filter bank, then one-hot of the strongest pitch class per frame. Only the argmax survives,
so spectrogram scaling does not matter. A test compares it with the extractor where torchaudio exists.
"""

from __future__ import annotations

import numpy as np


def resample(audio: np.ndarray, sr_in: int, sr_out: int) -> np.ndarray:
    """Polyphase resampling (scipy), exact in length: round(len * sr_out / sr_in) samples.

    Args:
        audio: mono float array.
        sr_in: its sample rate.
        sr_out: the wanted sample rate.
    Returns:
        The resampled float32 array.
    """
    if sr_in == sr_out:
        return np.asarray(audio, dtype=np.float32)
    from math import gcd

    from scipy.signal import resample_poly

    g = gcd(int(sr_in), int(sr_out))
    out = resample_poly(np.asarray(audio, dtype=np.float64), sr_out // g, sr_in // g)
    n = int(round(len(audio) * sr_out / sr_in))
    return np.pad(out, (0, max(0, n - len(out))))[:n].astype(np.float32)


def chroma_features(audio: np.ndarray, sr: int, *, target_sr: int = 32000, n_fft: int = 16384,
                    hop_length: int = 4096, num_chroma: int = 12) -> np.ndarray:
    """One-hot chroma per frame, shaped (frames, num_chroma), as MusicGen-Melody's `input_features`.

    Args:
        audio: mono melody audio.
        sr: its sample rate.
        target_sr: the feature extractor's sample rate (32 kHz for facebook/musicgen-melody).
        n_fft: FFT size (window length) in samples at target_sr.
        hop_length: hop between frames in samples at target_sr.
        num_chroma: pitch classes.
    Returns:
        float32 array (frames, num_chroma) with exactly one 1 per frame.
    """
    import torch
    from transformers.audio_utils import chroma_filter_bank

    wav = torch.from_numpy(resample(audio, sr, target_sr))
    if len(wav) < n_fft:  # as the extractor does: centre-pad short clips to one window
        pad = n_fft - len(wav)
        wav = torch.nn.functional.pad(wav, (pad // 2, pad - pad // 2))
    spec = torch.stft(wav, n_fft=n_fft, hop_length=hop_length, window=torch.hann_window(n_fft),
                      center=True, pad_mode="reflect", return_complex=True).abs() ** 2  # (freq, frames)
    filters = torch.from_numpy(chroma_filter_bank(sampling_rate=target_sr, num_frequency_bins=n_fft,
                                                  tuning=0, num_chroma=num_chroma)).float()
    raw = filters @ spec  # (chroma, frames)
    idx = raw.argmax(0)
    out = np.zeros((raw.shape[1], num_chroma), dtype=np.float32)
    out[np.arange(raw.shape[1]), idx.numpy()] = 1.0
    return out


def dominant_frequency(audio: np.ndarray, sr: int) -> float:
    """Frequency (Hz) of the strongest spectral peak, for the debug backend's melody following.

    Args:
        audio: mono audio.
        sr: its sample rate.
    Returns:
        The peak frequency in Hz (220 Hz for silence).
    """
    audio = np.asarray(audio, dtype=np.float64)
    if not np.any(audio):
        return 220.0
    spec = np.abs(np.fft.rfft(audio * np.hanning(len(audio))))
    spec[0] = 0.0
    return float(np.argmax(spec) * sr / len(audio))
