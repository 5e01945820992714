"""The flagging policy: what makes a comment worth a second look.

Policy only: it reads and returns flags, it never changes a comment's status. A flagged
comment waits in the queue like the others, marked, so nothing a reader sent is lost.
"""

import hashlib
import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.text import fold

from .models import BlockedWord, Comment

_WORD_RE = re.compile(r"\w+")
_LINK_RE = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|net|org|vn|info|biz|xyz|top)\b", re.I
)


@dataclass
class Flags:
    """The flags raised for one comment (names from Comment.FLAG_FIELDS) and why."""

    raised: set[str] = field(default_factory=set)
    details: list[str] = field(default_factory=list)

    def raise_flag(self, name: str, *details: str) -> None:
        if name not in Comment.FLAG_FIELDS:
            raise ValueError(f"{name} is not one of Comment.FLAG_FIELDS")
        self.raised.add(name)
        self.details.extend(details)

    def as_fields(self) -> dict:
        return {
            **{name: name in self.raised for name in Comment.FLAG_FIELDS},
            "flag_details": "; ".join(self.details)[:300],
        }


def content_fingerprint(title: str, content: str) -> str:
    """Same words, regardless of case, diacritics and spacing, give the same fingerprint."""
    normalized = " ".join(fold(f"{title}\n{content}").split())
    return hashlib.sha256(normalized.encode()).hexdigest()


def count_links(text: str) -> int:
    return len(_LINK_RE.findall(text))


def _words(text: str) -> str:
    """Folded words separated by single spaces, padded so whole words can be matched."""
    return " " + " ".join(_WORD_RE.findall(fold(text))) + " "


def matched_blocked_words(text: str) -> list[str]:
    haystack = _words(text)
    matches = []
    for phrase in BlockedWord.objects.values_list("phrase", flat=True):
        needle = _words(phrase)
        if needle.strip() and needle in haystack:
            matches.append(phrase)
    return matches


def flags_for(*, title: str, content: str, fingerprint: str, looks_automated: list[str]) -> Flags:
    """Everything a moderator should know about a new comment before reading it."""
    flags = Flags()
    text = f"{title}\n{content}"
    links = count_links(text)
    if links > settings.COMMENT_MAX_LINKS:
        flags.raise_flag("flag_many_links", _("%(count)s links") % {"count": links})
    words = matched_blocked_words(text)
    if words:
        flags.raise_flag("flag_blocked_words", _("words: %(words)s") % {"words": ", ".join(words)})
    since = timezone.now() - timedelta(days=1)
    if Comment.objects.filter(content_hash=fingerprint, created_at__gte=since).exists():
        flags.raise_flag("flag_duplicate", _("same content within a day"))
    if looks_automated:
        flags.raise_flag("flag_bot", *looks_automated)
    return flags
