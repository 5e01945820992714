"""How search reads Vietnamese text: syllables, their folded and exact forms, phrases.

One analyser for both databases. An article's title, lead and body become a set of lexemes,
each marked with the fields it occurs in (title A, lead B, body C):

- the folded syllable (`noi` for nội, nơi, nói …), what matching uses: a query syllable
  matches a whole syllable, never the inside of another;
- the exact syllable (`nội`), when it has diacritics: what "exact accents first" ranks
  with. Its tone mark is put in one canonical place, so the old and the new spelling
  ("hòa"/"hoà", "thủy"/"thuỷ", "qúy"/"quý") give the same lexeme;
- each pair of neighbouring folded syllables (`ha_noi`), what "phrases first" ranks with.
  Pairs stop at punctuation: "Hà Nội. Nội dung" has no `noi_noi`.

Stored in `Article.search_text` as a PostgreSQL tsvector literal (`'ha':1A,3C 'ha_noi':1A`):
PostgreSQL's trigger casts it into the indexed `search_vector`; SQLite reads it directly
(the quotes make every lexeme a whole word for LIKE).
"""

import re
import unicodedata
from functools import lru_cache

from .text import fold

WORD_RE = re.compile(r"[^\W_]+")
# What ends a phrase: any character that is neither a letter, a digit, a space, a hyphen
# nor an apostrophe ("Hà Nội, Đà Nẵng" is two phrases; "Bà Rịa-Vũng Tàu" one).
_BREAK_RE = re.compile(r"[^\w\s\-'’]+")
FIELDS = {"title": "A", "lead": "B", "body": "C"}
_POSITIONS = {"A": 1, "B": 2, "C": 3}
BIGRAM = "_"

_TONES = {"\u0301": 1, "\u0300": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
_VOWELS = set("aăâeêioôơuưy")
_MARKED_VOWELS = set("ăâêôơư")
# Old spelling puts the tone on the first of these pairs (hòa, khỏe, thủy), the new one on
# the second (hoà, khoẻ, thuỷ); the canonical form follows the new one.
_SECOND_VOWEL_PAIRS = {"oa", "oe", "uy"}


def _split_tone(word: str) -> tuple[str, str | None]:
    """'Nội' -> ('nôi', dot below); the base keeps the vowel marks (â, ơ …) and đ."""
    tone, kept = None, []
    for char in unicodedata.normalize("NFD", word.lower()):
        if char in _TONES:
            tone = char
        else:
            kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def _tone_position(base: str) -> int | None:
    """Where the tone goes in `base`, by the new spelling rules; None when `base` is not
    one Vietnamese syllable (its letters are then kept as typed)."""
    start = 0
    # "qu" and "gi" before another vowel are consonants: quý, già.
    if base.startswith("qu") or (base.startswith("gi") and len(base) > 2 and base[2] in _VOWELS):
        start = 2
    vowels = [i for i in range(start, len(base)) if base[i] in _VOWELS]
    if not vowels or vowels[-1] - vowels[0] != len(vowels) - 1:
        return None
    marked = [i for i in vowels if base[i] in _MARKED_VOWELS]
    if marked:
        return marked[-1]  # người, hươu: on ơ
    if vowels[-1] < len(base) - 1 or len(vowels) == 1:
        return vowels[-1]  # a final consonant: hoàn, toán
    if len(vowels) == 3:
        return vowels[1]  # ngoài, khuỷu
    pair = base[vowels[0] : vowels[-1] + 1]
    return vowels[1] if pair in _SECOND_VOWEL_PAIRS else vowels[0]  # hoà, của


# Vietnamese has a few thousand syllables: each is worked out once per process.
@lru_cache(maxsize=65536)
def exact_form(word: str) -> str:
    """The word in lower case with its tone mark in the canonical place:
    'Hòa' and 'hoà' -> 'hoà', 'Thủy' -> 'thuỷ', 'qúy' -> 'quý'."""
    base, tone = _split_tone(word)
    if tone is None:
        return base
    position = _tone_position(base)
    if position is None:
        return unicodedata.normalize("NFC", word.lower())
    return unicodedata.normalize("NFC", base[: position + 1] + tone + base[position + 1 :])


@lru_cache(maxsize=65536)
def folded_word(word: str) -> str:
    return "".join(WORD_RE.findall(fold(word)))


def syllables(text: str) -> list[list[tuple[str, str]]]:
    """The text's phrases (split at punctuation), each a list of (folded, exact) syllables;
    exact is the folded form when the syllable has no diacritics."""
    phrases = []
    for run in _BREAK_RE.split(unicodedata.normalize("NFC", text or "")):
        words = []
        for word in WORD_RE.findall(run):
            folded = folded_word(word)
            if folded:
                words.append((folded, exact_form(word)))
        if words:
            phrases.append(words)
    return phrases


# The positions of a lexeme by the fields it occurs in (bits: title 1, lead 2, body 4).
_SUFFIXES = [
    ",".join(f"{_POSITIONS[w]}{w}" for bit, w in ((1, "A"), (2, "B"), (4, "C")) if mask & bit)
    for mask in range(8)
]


def document(*, title: str, lead: str, body_text: str) -> str:
    """The search lexemes of an article as a tsvector literal, fields as weights."""
    lexemes: dict[str, int] = {}
    get = lexemes.get
    for text, bit in ((title, 1), (lead, 2), (body_text, 4)):
        for phrase in syllables(text):
            previous = None
            for folded, exact in phrase:
                lexemes[folded] = get(folded, 0) | bit
                if exact != folded:
                    lexemes[exact] = get(exact, 0) | bit
                if previous is not None:
                    pair = previous + BIGRAM + folded
                    lexemes[pair] = get(pair, 0) | bit
                previous = folded
    return " ".join(f"'{lexeme}':{_SUFFIXES[mask]}" for lexeme, mask in sorted(lexemes.items()))


_DOCUMENT_RE = re.compile(r"'([^']*)':([0-9A-D,]+)")


def parse_document(value: str) -> dict[str, str]:
    """A stored document back as {lexeme: weights}: "'ha':1A,3C" -> {'ha': 'AC'}."""
    return {
        lexeme: "".join(ch for ch in positions if ch.isalpha())
        for lexeme, positions in _DOCUMENT_RE.findall(value or "")
    }
