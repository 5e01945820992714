"""Time the spoken captcha: one espeak-ng run plus the noise, per request.

    python bench/captcha_audio_bench.py [--runs 50]

Each run records five random digits for a new key, as the endpoint does for a reader who
presses "Nghe mã". It prints the median and p95 wall time, the CPU time this process spent
(the noise; espeak-ng runs in a child process), the recording's length in seconds and its
size in bytes. A source may ask for CAPTCHA_RATE recordings a minute (20 by default): the
median times that rate is what one source can make a worker spend.
"""

import argparse
import os
import secrets
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hnp.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only-not-a-secret-" + "x" * 30)

import django  # noqa: E402

django.setup()

from comments.captcha import five_digits  # noqa: E402
from comments.captcha_audio import audio_available, record  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    runs = parser.parse_args().runs
    if not audio_available():
        sys.exit("espeak-ng is not installed (apt-get install -y espeak-ng)")
    wall, cpu, seconds, sizes = [], [], [], []
    for _ in range(runs):
        digits, _answer = five_digits()
        started, started_cpu = time.perf_counter(), time.process_time()
        recording = record(digits, key=secrets.token_hex(20))
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        seconds.append(recording.seconds)
        sizes.append(len(recording.wav))
    p95 = statistics.quantiles(wall, n=20)[-1] if runs >= 20 else max(wall)
    print(f"recordings: {runs}")
    print(f"wall time: median {statistics.median(wall) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms")
    print(f"this process's CPU (noise): median {statistics.median(cpu) * 1000:.0f} ms")
    print(
        f"length: {min(seconds):.1f}-{max(seconds):.1f} s, median {statistics.median(seconds):.1f} s"
    )
    print(f"size: median {statistics.median(sizes) / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
