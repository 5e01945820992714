"""Readers' personal data: phone numbers, IP fingerprints, and text as typed."""

import re
import unicodedata

from django.utils.crypto import salted_hmac

from core.net import source_of

# 0 + 9 digits (mobile) or 0 + 10 digits (landline with area code), or +84 instead of the 0.
_PHONE_RE = re.compile(r"^(?:\+84|0084|0)(\d{9,10})$")
_PHONE_SEPARATORS = re.compile(r"[\s.\-()]")


def normalize_phone(raw: str) -> str | None:
    """'+84 912.345.678' -> '0912345678'; None when it is not a Vietnamese number."""
    compact = _PHONE_SEPARATORS.sub("", raw or "")
    match = _PHONE_RE.match(compact)
    if not match:
        return None
    return "0" + match.group(1)


def mask_phone(phone: str) -> str:
    """'0912345678' -> '09******78': enough to tell numbers apart, not to call them."""
    if not phone:
        return ""
    if len(phone) <= 4:
        return "*" * len(phone)
    return phone[:2] + "*" * (len(phone) - 4) + phone[-2:]


def hash_ip(ip: str) -> str:
    """A keyed hash of the source of an IP address (an IPv6 address counts by its /64):
    stable for one SECRET_KEY, not reversible without it."""
    return salted_hmac("hnp.comments.ip", source_of(ip or ""), algorithm="sha256").hexdigest()


# Marks that reorder the text around them: with them "Nguyễn Văn A" can be made to display
# as another name, or a link backwards so that it escapes the links flag.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def clean_text(value: str) -> str:
    """Text as the reader typed it, minus control characters (bidirectional marks
    included); line breaks are kept.

    Any other Unicode (Vietnamese, emoji, other scripts) passes through untouched.
    """
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        ch
        for ch in value
        if ch in "\n\t"
        or (unicodedata.category(ch) not in ("Cc", "Cs") and ch not in BIDI_CONTROLS)
    ).strip()


def clean_line(value: str) -> str:
    """One-line text (a name, a title): control characters and line breaks removed."""
    return " ".join(clean_text(value).split())
