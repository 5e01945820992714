"""Vietnamese text helpers: slugs, accent folding, sanitising rich text."""

import html
import re
import unicodedata

import nh3
from django.utils.text import Truncator, slugify

# Unicode gives đ/Đ no decomposition, so NFKD alone would drop the letter entirely.
_D_TABLE = str.maketrans({"đ": "d", "Đ": "D"})


def fold(text: str) -> str:
    """Lower-case, without diacritics: 'Hà Nội, HĐND' -> 'ha noi, hdnd'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_D_TABLE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def shorten(text: str, length: int) -> str:
    """`text` cut to `length` characters with an ellipsis, as `truncatechars`; a text short
    enough already (most leads) is returned without Django walking it character by
    character (combining marks only make the counted length shorter)."""
    text = str(text)
    if len(text) <= length:
        return text
    return Truncator(text).chars(length)


def vietnamese_slugify(text: str) -> str:
    """'Khẳng định vai trò' -> 'khang-dinh-vai-tro'."""
    return slugify(text.translate(_D_TABLE))


# What a news article may contain: structure, emphasis, links, figures, tables.
# No scripts, no event handlers, no inline styles, no iframes, no data: or javascript: URLs.
_ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "a", "ul", "ol", "li", "blockquote", "figure", "figcaption", "img", "picture",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    "code", "pre", "span",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "title"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start", "reversed"},
    "col": {"span"},
}
# CKEditor 5 marks figures with these classes; the site's CSS styles them.
_ALLOWED_CLASSES = {
    "figure": {
        "image", "table", "image-style-side", "image-style-align-left",
        "image-style-align-right", "image-style-align-center", "image_resized",
    },
}  # fmt: skip
_URL_SCHEMES = {"http", "https", "mailto", "tel"}

# Markup that swallowed the rest of an article. The HTML parser reads the content of
# <style>, <script>, <textarea> … as raw text up to their end tag, a comment runs to its
# "-->", and nh3 drops whatever sits inside MathML or SVG elements; left open (a paste cut
# short, `<math><style>` without its end), each made everything after it vanish without a
# word. So before nh3: comments and whole <script>/<style> blocks are removed (an opening
# without its end alone), then every tag that is not on the allow-list (their text stays),
# so nothing is left that could swallow what follows. nh3 remains the safety net.
_TAG_BODY = r"""(?:[^<>"']|"[^"]*"|'[^']*')*"""  # attributes, quoted values may hold "<>"
_ANY_TAG_RE = re.compile(rf"</?([A-Za-z][^\s/<>]*)(?:[\s/]{_TAG_BODY})?>")
_DROPPED_BLOCKS = {
    # opening found by the pattern, then its end: comment, script or style.
    "comment": (re.compile(r"<!--"), re.compile(r"-->")),
    "script": (
        re.compile(rf"<script(?:[\s/]{_TAG_BODY})?>", re.I),
        re.compile(r"</script\s*>", re.I),
    ),
    "style": (re.compile(rf"<style(?:[\s/]{_TAG_BODY})?>", re.I), re.compile(r"</style\s*>", re.I)),
}


def _drop_blocks(value: str, opening: re.Pattern, closing: re.Pattern) -> str:
    """`value` without each opening...closing block; an opening with no end is dropped
    alone. Linear: once an end was not found, none is looked for again."""
    parts, position, no_end_after = [], 0, None
    while match := opening.search(value, position):
        parts.append(value[position : match.start()])
        end = None
        if no_end_after is None:
            end = closing.search(value, match.end())
            if end is None:
                no_end_after = match.end()
        position = end.end() if end else match.end()
    parts.append(value[position:])
    return "".join(parts)


def _keep_allowed_tag(match: re.Match) -> str:
    return match.group(0) if match.group(1).lower() in _ALLOWED_TAGS else ""


def _unwrap_swallowing_markup(value: str) -> str:
    # Until nothing changes: removing a tag must not join its neighbours into a new one
    # ("<scr<script>ipt>").
    for _ in range(10):
        cleaned = value
        for opening, closing in _DROPPED_BLOCKS.values():
            cleaned = _drop_blocks(cleaned, opening, closing)
        cleaned = _ANY_TAG_RE.sub(_keep_allowed_tag, cleaned)
        if cleaned == value:
            break
        value = cleaned
    return value


def sanitize_html(value: str) -> str:
    """The article body as it may be stored and shown: nh3 with a newsroom allow-list."""
    return nh3.clean(
        _unwrap_swallowing_markup(value or ""),
        tags=_ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=_ALLOWED_ATTRIBUTES,
        allowed_classes=_ALLOWED_CLASSES,
        url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


_TAG_RE = re.compile(r"<[^>]+>")
_SPACE_RE = re.compile(r"\s+")


def html_to_text(value: str) -> str:
    """Plain text of an HTML fragment, for search, snippets and descriptions."""
    text = _TAG_RE.sub(" ", value or "")
    return _SPACE_RE.sub(" ", html.unescape(text)).strip()


# Every dash a paste may carry: hyphen-minus, hyphen, en and em dash, minus sign.
_DASHES = "-‐‑‒–—―−"


def strip_dateline(lead: str, dateline: str) -> str:
    """`lead` without the dateline a journalist pasted in front of it ("HNP - ", "HNP – ",
    "(HNP) - ", in any case, with any dash), which the site adds itself."""
    if not dateline:
        return lead
    pattern = re.compile(
        rf"^\s*(?:\(\s*{re.escape(dateline)}\s*\)|{re.escape(dateline)})\s*[{_DASHES}:]\s*",
        re.IGNORECASE,
    )
    # "HNP - HNP - …" (pasted twice) loses both.
    previous = None
    while previous != lead:
        previous, lead = lead, pattern.sub("", lead, count=1)
    return lead
