"""Readable differences between two versions of an article's text."""

import difflib
import re
from html import unescape

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import ngettext

# Block-level ends of an article body: each becomes its own paragraph of the plain text.
_BLOCK_END_RE = re.compile(r"</(?:p|h[1-6]|li|blockquote|figcaption|tr|caption)>|<br\s*/?>", re.I)
_TAG_RE = re.compile(r"<[^>]+>")
_SPACES_RE = re.compile(r"[ \t\r\f\v\xa0]+")
# Words (letters with their diacritics, digits), runs of spaces, single punctuation marks.
_TOKEN_RE = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
# Unchanged paragraphs kept around a change, so a reader sees where it is.
CONTEXT = 1


def body_paragraphs(html: str) -> list[str]:
    """The body as plain-text paragraphs (headings, list items and captions included)."""
    text = _BLOCK_END_RE.sub("\n", html or "")
    text = unescape(_TAG_RE.sub(" ", text))
    return [
        line for line in (_SPACES_RE.sub(" ", part).strip() for part in text.split("\n")) if line
    ]


def _words_diff(old: str, new: str) -> str:
    old_tokens, new_tokens = _TOKEN_RE.findall(old), _TOKEN_RE.findall(new)
    out = []
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        removed, added = "".join(old_tokens[a1:a2]), "".join(new_tokens[b1:b2])
        if op == "equal":
            out.append(escape(added))
            continue
        if removed:
            out.append(f"<del>{escape(removed)}</del>")
        if added:
            out.append(f"<ins>{escape(added)}</ins>")
    return "".join(out)


def text_diff(old: str, new: str) -> SafeString:
    """`new` with what `old` had and it lacks struck out (<del>) and what it adds marked
    (<ins>), word by word; HTML-escaped."""
    return mark_safe(_words_diff(old or "", new or ""))  # noqa: S308 - every piece escaped


def paragraphs_diff(old: list[str], new: list[str]) -> SafeString:
    """Paragraph by paragraph: changed ones word by word, added and removed ones whole,
    unchanged ones folded away except for CONTEXT paragraphs around each change."""
    out = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    opcodes = matcher.get_opcodes()
    for index, (op, a1, a2, b1, b2) in enumerate(opcodes):
        if op == "equal":
            same = new[b1:b2]
            head = same[:CONTEXT] if index > 0 else []
            tail = same[-CONTEXT:] if index < len(opcodes) - 1 else []
            if len(head) + len(tail) >= len(same):
                shown, hidden = same, 0
            else:
                shown, hidden = None, len(same) - len(head) - len(tail)
            if shown is not None:
                out += [f"<p>{escape(p)}</p>" for p in shown]
                continue
            out += [f"<p>{escape(p)}</p>" for p in head]
            folded = ngettext(
                "%(count)d unchanged paragraph", "%(count)d unchanged paragraphs", hidden
            ) % {"count": hidden}
            out.append(f'<p class="diff-folded">… {escape(folded)} …</p>')
            out += [f"<p>{escape(p)}</p>" for p in tail]
        elif op == "replace" and a2 - a1 == b2 - b1:
            out += [
                f"<p>{_words_diff(o, n)}</p>" for o, n in zip(old[a1:a2], new[b1:b2], strict=True)
            ]
        else:
            out += [f'<p class="diff-removed"><del>{escape(p)}</del></p>' for p in old[a1:a2]]
            out += [f'<p class="diff-added"><ins>{escape(p)}</ins></p>' for p in new[b1:b2]]
    return mark_safe("".join(out))  # noqa: S308 - every piece escaped
