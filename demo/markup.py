"""A few plain-text conventions turned into the HTML that CKEditor 5 produces.

The demo articles are written in this form so they stay readable in the source:

    ## Subheading            -> <h2>      ### Smaller one   -> <h3>
    - item / 1. item         -> <ul> / <ol> (an unmarked line continues the item above)
    > quoted words           -> <blockquote><p>…</p></blockquote>
    | cell | cell |          -> <figure class="table"><table>… (first row is the header)
    [[figure]]               -> the article's inline picture (given by the caller)
    **bold**, *italic*       -> <strong>, <em>

Blocks are separated by blank lines; any other block is a paragraph.
"""

import html
import re

FIGURE_MARK = "[[figure]]"
_BULLET = re.compile(r"^-\s+")
_ORDERED_ITEM = re.compile(r"^\d+\.\s+")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"\*(.+?)\*")


def _inline(text: str) -> str:
    text = html.escape(" ".join(text.split()), quote=False)
    return _ITALIC.sub(r"<em>\1</em>", _BOLD.sub(r"<strong>\1</strong>", text))


def _list(tag: str, lines: list[str], marker: re.Pattern) -> str:
    """A list whose items may wrap: a line without the marker continues the item above."""
    items: list[str] = []
    for line in lines:
        if marker.match(line):
            items.append(marker.sub("", line))
        else:
            items[-1] += " " + line
    return f"<{tag}>" + "".join(f"<li>{_inline(item)}</li>" for item in items) + f"</{tag}>"


def _table(lines: list[str]) -> str:
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in lines]
    head = "".join(f"<th>{_inline(cell)}</th>" for cell in rows[0])
    body = "".join(
        "<tr>" + "".join(f"<td>{_inline(cell)}</td>" for cell in row) + "</tr>" for row in rows[1:]
    )
    return (
        f'<figure class="table"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></figure>"
    )


def to_html(text: str, *, figure: str = "") -> str:
    """The body as CKEditor 5 would save it; `figure` replaces the [[figure]] mark."""
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text.strip()) if block.strip()]
    parts = []
    for block in blocks:
        lines = [line.strip() for line in block.splitlines()]
        if block == FIGURE_MARK:
            parts.append(figure)
        elif block.startswith("### "):
            parts.append(f"<h3>{_inline(block[4:])}</h3>")
        elif block.startswith("## "):
            parts.append(f"<h2>{_inline(block[3:])}</h2>")
        elif lines[0].startswith("- "):
            parts.append(_list("ul", lines, _BULLET))
        elif _ORDERED_ITEM.match(lines[0]):
            parts.append(_list("ol", lines, _ORDERED_ITEM))
        elif block.startswith("> "):
            quote = " ".join(line.removeprefix("> ").removeprefix(">") for line in lines)
            parts.append(f"<blockquote><p>{_inline(quote)}</p></blockquote>")
        elif block.startswith("|"):
            parts.append(_table(lines))
        else:
            parts.append(f"<p>{_inline(block)}</p>")
    return "".join(parts)
