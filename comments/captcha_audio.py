"""The captcha's five digits spoken in Vietnamese, for readers who cannot see the picture.

espeak-ng (Debian's package) speaks the digits with its `vi` voice, slowed down, one digit
per clause so each is followed by a pause. Light noise is mixed in so the recording is not
plain synthetic speech. The voice's pitch, rate, lead-in and noise are drawn from a keyed
hash of the challenge: every request for one challenge gets the same recording (replays and
range requests agree, and averaging many noisy copies gains nothing), different challenges
sound different.

The audio reads the same row as the picture (django-simple-captcha's CaptchaStore) and
changes nothing: answering after listening consumes that challenge like any answer.
"""

import functools
import hashlib
import hmac
import io
import itertools
import math
import random
import shutil
import subprocess
import tempfile
import wave
from array import array
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

ESPEAK = "espeak-ng"
VOICE = "vi"
# espeak-ng's default is 175 words per minute; slower is easier to follow and to write down.
RATE_RANGE = (115, 135)
PITCH_RANGE = (35, 65)
# Pause after each word, in units of 10 ms, on top of the pause each clause ends with.
WORD_GAP = 20
# Peak of the noise as a share of full scale (16-bit): heard, never louder than the voice.
NOISE_LEVEL = 0.04
TIMEOUT_SECONDS = 10


class AudioUnavailable(Exception):
    """espeak-ng is missing, failed or took too long."""


@dataclass(frozen=True)
class Recording:
    wav: bytes
    # What espeak-ng actually spoke, one clause (digit) per item, in its phoneme notation
    # (`espeak-ng -x`): lets tests check the audio says the challenge's digits.
    phonemes: tuple[str, ...]
    seconds: float


@functools.cache
def audio_available() -> bool:
    """espeak-ng is installed (looked up once per process)."""
    return shutil.which(ESPEAK) is not None


def spoken_text(digits: str) -> str:
    """One digit per clause: espeak-ng says each as a number word, then pauses."""
    return " ".join(f"{digit}." for digit in digits)


def _rng_for(key: str) -> random.Random:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"captcha-audio:{key}".encode(), hashlib.sha256
    ).digest()
    return random.Random(int.from_bytes(digest, "big"))  # noqa: S311 - noise, not secrets


def record(digits: str, *, key: str) -> Recording:
    """The WAV recording of `digits` for the challenge `key` (mono, 16-bit)."""
    rng = _rng_for(key)
    rate, pitch = rng.randint(*RATE_RANGE), rng.randint(*PITCH_RANGE)
    with tempfile.TemporaryDirectory(prefix="hnp-captcha-") as folder:
        wav_path, phoneme_path = Path(folder, "code.wav"), Path(folder, "code.pho")
        try:
            subprocess.run(  # noqa: S603 - fixed program, digits only
                [
                    ESPEAK,
                    "-v",
                    VOICE,
                    "-s",
                    str(rate),
                    "-p",
                    str(pitch),
                    "-g",
                    str(WORD_GAP),
                    "-x",
                    f"--phonout={phoneme_path}",
                    "-w",
                    str(wav_path),
                    spoken_text(digits),
                ],
                check=True,
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
            )
            with wave.open(str(wav_path), "rb") as source:
                params = source.getparams()
                frames = source.readframes(source.getnframes())
            phonemes = phoneme_path.read_text(encoding="utf-8")
        except (OSError, subprocess.SubprocessError, wave.Error, EOFError) as exc:
            raise AudioUnavailable(str(exc)) from exc
    if params.sampwidth != 2 or params.nchannels != 1:
        raise AudioUnavailable(f"unexpected audio format: {params}")
    samples = _with_noise(frames, rng=rng, lead_in=int(params.framerate * rng.uniform(0.2, 0.6)))
    out = io.BytesIO()
    with wave.open(out, "wb") as target:
        target.setnchannels(1)
        target.setsampwidth(2)
        target.setframerate(params.framerate)
        target.writeframes(samples.tobytes())
    return Recording(
        wav=out.getvalue(),
        phonemes=tuple(normalise_phonemes(phonemes)),
        seconds=len(samples) / params.framerate,
    )


def _with_noise(frames: bytes, *, rng: random.Random, lead_in: int) -> array:
    """The speech after a short lead-in, with a noise floor under all of it: hiss (white
    noise) and a slow rumble (a random walk), both about NOISE_LEVEL of full scale."""
    speech = array("h", bytes(2 * lead_in) + frames)
    count = len(speech)
    hiss = array("h", rng.randbytes(2 * count))  # uniform over the whole 16-bit range
    hiss_shift = max(0, round(-math.log2(NOISE_LEVEL)))
    level, block, walk, rumble = int(32767 * NOISE_LEVEL), 256, 0, []
    for _ in range(count // block + 1):
        walk = max(-level, min(level, walk + rng.randint(-level // 3, level // 3)))
        rumble.extend(itertools.repeat(walk // 2, block))
    # One pass over the samples in a comprehension: a recording is about 150,000 of them.
    # espeak-ng's voice peaks near full scale: it is lowered to 13/16 first, so the noise
    # adds to it instead of clipping it.
    return array(
        "h",
        [
            max(-32768, min(32767, ((sample * 13) >> 4) + (noise >> hiss_shift) + low))
            for sample, noise, low in zip(speech, hiss, rumble, strict=False)
        ],
    )


def normalise_phonemes(text: str) -> list[str]:
    """espeak-ng's phoneme lines without clause marks, one item per spoken clause."""
    return [line.replace("|", "").strip() for line in text.splitlines() if line.strip(" |")]
