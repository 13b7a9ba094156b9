"""Muxing: the picture's packets are copied bit for bit, the music fills exactly the video's length."""

from pathlib import Path

import av
import numpy as np
import pytest
import soundfile as sf

from v2m.tools.errors import V2MError
from v2m.tools.audio.mux import mux, still_to_video

SR = 44100


def sine_wav(path: Path, seconds: float, hz: float = 440.0) -> Path:
    t = np.arange(int(round(seconds * SR))) / SR
    sf.write(str(path), np.stack([0.3 * np.sin(2 * np.pi * hz * t)] * 2, axis=1), SR)
    return path


def video_packets(path: Path) -> list[bytes]:
    with av.open(str(path)) as c:
        return [bytes(p) for p in c.demux(c.streams.video[0]) if p.size]


def audio_of(path: Path) -> tuple[float, np.ndarray]:
    with av.open(str(path)) as c:
        s = c.streams.audio[0]
        dur = float(s.duration * s.time_base)
        samples = np.concatenate([f.to_ndarray() for f in c.decode(s)], axis=1)
    return dur, samples


def test_video_is_copied_and_audio_matches_length(bikes, tmp_path):
    out = mux(bikes, sine_wav(tmp_path / "m.wav", 10.0), tmp_path / "o.mp4")
    assert video_packets(out) == video_packets(bikes)
    with av.open(str(out)) as c:
        assert len(c.streams.video) == 1 and len(c.streams.audio) == 1
        assert c.streams.audio[0].codec_context.name == "aac"
        v = c.streams.video[0]
        video_s = float(v.duration * v.time_base)
    dur, samples = audio_of(out)
    assert abs(dur - video_s) <= 1024 / SR
    # The music is really there: a 440 Hz sine at the level we wrote.
    mid = samples[0, SR * 4: SR * 5]
    assert 0.15 < np.sqrt(np.mean(mid ** 2)) < 0.3
    spectrum = np.abs(np.fft.rfft(mid))
    assert abs(np.argmax(spectrum) * SR / len(mid) - 440) < 3


def test_keep_audio_mixes_the_original_under_the_music(clip_with_audio, tmp_path):
    wav = sine_wav(tmp_path / "m.wav", 4.0, hz=880)
    dropped = audio_of(mux(clip_with_audio, wav, tmp_path / "drop.mp4"))[1][0, SR:3 * SR]
    kept = audio_of(mux(clip_with_audio, wav, tmp_path / "keep.mp4", keep_audio=True))[1][0, SR:3 * SR]
    def level_at(x, hz):
        spec = np.abs(np.fft.rfft(x))
        return spec[int(round(hz * len(x) / SR))]
    assert level_at(kept, 330) > 20 * level_at(dropped, 330)   # the original's 330 Hz tone is back
    assert level_at(kept, 880) > 0.5 * level_at(dropped, 880)


def test_existing_output_is_not_overwritten_without_force(bikes, tmp_path):
    out = tmp_path / "o.mp4"
    out.write_bytes(b"precious")
    with pytest.raises(V2MError, match="already exists"):
        mux(bikes, sine_wav(tmp_path / "m.wav", 10.0), out, force=False)
    assert out.read_bytes() == b"precious"


def test_failed_mux_leaves_nothing_behind(tmp_path):
    bogus = tmp_path / "bogus.mp4"
    bogus.write_bytes(b"not a video at all" * 100)
    with pytest.raises(V2MError):
        mux(bogus, sine_wav(tmp_path / "m.wav", 1.0), tmp_path / "o.mp4")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bogus.mp4", "m.wav"]


def test_still_image_becomes_a_clip_of_the_asked_length(still_image, tmp_path):
    clip = still_to_video(still_image, tmp_path / "s.mp4", 3.0)
    with av.open(str(clip)) as c:
        v = c.streams.video[0]
        frames = list(c.decode(v))
        assert len(frames) == 75 and (v.width, v.height) == (200, 120)
    out = mux(clip, sine_wav(tmp_path / "m.wav", 3.0), tmp_path / "o.mp4")
    assert abs(audio_of(out)[0] - 3.0) <= 1024 / SR
