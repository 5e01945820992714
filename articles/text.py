"""Vietnamese text helpers: slugs, accent folding, sanitising rich text."""

import html
import re
import unicodedata

import nh3
from django.utils.text import slugify

# Unicode gives đ/Đ no decomposition, so NFKD alone would drop the letter entirely.
_D_TABLE = str.maketrans({"đ": "d", "Đ": "D"})


def fold(text: str) -> str:
    """Lower-case, without diacritics: 'Hà Nội, HĐND' -> 'ha noi, hdnd'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_D_TABLE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


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


def sanitize_html(value: str) -> str:
    """The article body as it may be stored and shown: nh3 with a newsroom allow-list."""
    return nh3.clean(
        value or "",
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
