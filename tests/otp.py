"""Codes as an authenticator app shows them, for tests that log in for real."""

import time
from base64 import b32decode

from django_otp.oath import hotp


def key_from_text(secret: str) -> bytes:
    """The key behind the secret shown in text on the set-up page ("ABCD EFGH ...")."""
    return b32decode(secret.replace(" ", "").upper())


def code_now(key: bytes, *, step: int = 30, offset_steps: int = 0) -> str:
    return f"{hotp(key, int(time.time()) // step + offset_steps):06d}"


def unused_code(device) -> str:
    """The app's code for `device`; the next step's when the current one was used already
    (django-otp accepts each step once, and one step ahead)."""
    device.refresh_from_db()
    now = int(time.time()) // device.step + device.drift
    wanted = max(now, device.last_t + 1)
    while wanted > int(time.time()) // device.step + device.drift + device.tolerance:
        time.sleep(1)
    return f"{hotp(device.bin_key, wanted):06d}"
