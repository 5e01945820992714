"""Accent-insensitive search over articles, and the highlighted snippets of its results.

Readers type Vietnamese with or without diacritics and find the same articles: `ha noi`
matches `Hà Nội`, `hdnd` matches `HĐND`. Every word of the query must appear in the article
as a whole word. Results come in three tiers (all words in the title, all words in the
title and lead, elsewhere), then by relevance where the database measures it, then newest
first.

PostgreSQL uses full-text search on the `search_vector` column that migration 0003 adds
(title A, lead B, body C, `hnp_vi` configuration = simple + unaccent, GIN index), and ranks
with the small `search_head` column (title and lead) of migration 0004. A trigger
(migration 0005) fills both when an article is inserted or its text is written, not when
its view count is. SQLite matches whole words in the folded `search_text` column that
Article.save() maintains, and folds title and lead with `hnp_fold()`, a function
registered on each SQLite connection.
"""

import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorExact
from django.contrib.postgres.search import SearchVectorField as _SearchVectorField
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import Case, Expression, F, Func, IntegerField, TextField, Value, When
from django.db.models.functions import Concat
from django.db.models.lookups import Contains, Regex
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from .text import fold, html_to_text

SEARCH_CONFIG = "hnp_vi"
# The search box says maxlength=200; a longer query from a hand-made URL is cut there.
MAX_QUERY_LENGTH = 200
# Words beyond these are ignored: each one costs a pattern on SQLite.
MAX_TERMS = 12

TIER_TITLE, TIER_HEAD, TIER_BODY = 3, 2, 1

_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")
_SPACE_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"[^\W_]+")


def clean_query(raw: str | None) -> str:
    """What the reader typed, as searched and shown back: no control characters (PostgreSQL
    refuses NUL), single spaces, composed Unicode, at most MAX_QUERY_LENGTH characters,
    cut between words when it can be."""
    text = unicodedata.normalize("NFC", _CONTROL_RE.sub(" ", raw or ""))
    text = _SPACE_RE.sub(" ", text).strip()
    if len(text) > MAX_QUERY_LENGTH:
        cut = text[:MAX_QUERY_LENGTH]
        if text[MAX_QUERY_LENGTH] != " " and " " in cut:
            cut = cut.rsplit(" ", 1)[0]
        text = cut.strip()
    return text


def query_terms(query: str) -> list[str]:
    """The query's words folded like the indexed text: 'Hà Nội, HĐND' -> ['ha', 'noi', 'hdnd']."""
    terms = dict.fromkeys(_WORD_RE.findall(fold(clean_query(query))))
    return list(terms)[:MAX_TERMS]


def search_articles(queryset, query: str):
    """`queryset` narrowed to the articles matching every word of `query`, best first.

    An empty query (or one with no word in it) matches nothing."""
    query = clean_query(query)
    terms = query_terms(query)
    if not terms:
        return queryset.none()
    if connections[queryset.db].vendor == "postgresql":
        return _search_postgresql(queryset, query)
    return _search_folded_text(queryset, terms)


# --- PostgreSQL ---------------------------------------------------------------------------


class _ArticleColumn(Expression):
    """A column of the query's article table that migrations add on PostgreSQL only and
    the model does not declare."""

    column = ""
    output_field = _SearchVectorField()

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f"{table}.{connection.ops.quote_name(self.column)}", []


class SearchVector(_ArticleColumn):
    """Title (A), lead (B) and body (C), with the GIN index: what matching uses."""

    column = "search_vector"


class SearchHead(_ArticleColumn):
    """Title (A) and lead (B) only, small and kept in the row: what ranking reads."""

    column = "search_head"


class TsFilter(Func):
    """Only the lexemes of a vector carrying the given weights (`ab`: title and lead)."""

    function = "ts_filter"
    output_field = _SearchVectorField()

    def __init__(self, vector, weights: str):
        if not re.fullmatch(r"[abcd]+", weights):
            raise ValueError(f"Bad weights: {weights!r}")
        super().__init__(vector, weights="{" + ",".join(weights) + "}")

    def as_sql(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            template="%(function)s(%(expressions)s, '%(weights)s'::\"char\"[])",
            **extra_context,
        )


def _search_postgresql(queryset, query: str):
    tsquery = SearchQuery(query, config=SEARCH_CONFIG, search_type="plain")
    head = SearchHead()
    tier = Case(
        When(SearchVectorExact(TsFilter(head, "a"), tsquery), then=Value(TIER_TITLE)),
        When(SearchVectorExact(head, tsquery), then=Value(TIER_HEAD)),
        default=Value(TIER_BODY),
        output_field=IntegerField(),
    )
    return (
        queryset.filter(SearchVectorExact(SearchVector(), tsquery))
        .annotate(search_tier=tier, search_rank=SearchRank(head, tsquery))
        .order_by("-search_tier", "-search_rank", "-published_at", "-pk")
    )


@contextmanager
def index_scans_preferred(using: str = DEFAULT_DB_ALIAS):
    """Run the queries of a search inside with PostgreSQL's planner steered to the GIN index.

    For a word found in most articles the planner prefers a sequential scan: its cost model
    does not count unpacking each row's out-of-line `search_vector`, which makes that scan
    several times slower than the bitmap scan of the index (see bench/search_bench.py).
    The setting is local to a transaction and restored on the way out. Elsewhere a no-op."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(using=using), connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), set_config('enable_seqscan', 'off', true)"
        )
        previous = cursor.fetchone()[0]
        try:
            yield
        finally:
            cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [previous])


# --- SQLite -------------------------------------------------------------------------------


class Fold(Func):
    """SQL `hnp_fold(text)`: the same folding as articles.text.fold()."""

    function = "hnp_fold"
    output_field = TextField()


def _all_words_pattern(terms: list[str]) -> str:
    """A regular expression true when every term appears as a whole word, in any order."""
    return "(?s)^" + "".join(rf"(?=.*\b{re.escape(term)}\b)" for term in terms)


def _search_folded_text(queryset, terms: list[str]):
    pattern = _all_words_pattern(terms)
    # LIKE runs in C and discards most rows before the regular expression (a Python call
    # per row) checks word boundaries.
    matches = [Contains(F("search_text"), term) for term in terms]
    head = Concat(F("title"), Value(" "), F("lead"), output_field=TextField())
    tier = Case(
        When(Regex(Fold(F("title")), pattern), then=Value(TIER_TITLE)),
        When(Regex(Fold(head), pattern), then=Value(TIER_HEAD)),
        default=Value(TIER_BODY),
        output_field=IntegerField(),
    )
    return (
        queryset.filter(*matches, Regex(F("search_text"), pattern))
        .annotate(search_tier=tier)
        .order_by("-search_tier", "-published_at", "-pk")
    )


def _sqlite_fold(value):
    return None if value is None else fold(str(value))


def register_sqlite_functions(sender, connection, **kwargs):
    """connection_created receiver: teach each new SQLite connection `hnp_fold()`."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("hnp_fold", 1, _sqlite_fold, deterministic=True)


# --- Highlighting -------------------------------------------------------------------------


@cache
def _fold_char(char: str) -> str:
    return fold(char)


def _terms_regex(terms: list[str]) -> re.Pattern | None:
    if not terms:
        return None
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b")


def _matches(text: str, terms: list[str]) -> tuple[list[tuple[int, int]], set[str]]:
    """Where in `text` (not folded) the terms occur as whole words, folding as the search
    does, and which terms were found. Words next to each other make one span ("Hà Nội")."""
    regex = _terms_regex(terms)
    if regex is None or not text:
        return [], set()
    folded, origin = [], []
    for i, char in enumerate(text):
        piece = _fold_char(char)
        folded.append(piece)
        origin.extend([i] * len(piece))
    spans, found = [], set()
    for match in regex.finditer("".join(folded)):
        found.add(match.group())
        start, end = origin[match.start()], origin[match.end() - 1] + 1
        # Combining marks of decomposed text fold to nothing but belong to the last letter.
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1
        if spans and not text[spans[-1][1] : start].strip():
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans, found


def _mark(text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None):
    end = len(text) if end is None else end
    parts, position = [], start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        parts.append(conditional_escape(text[position:span_start]))
        parts.append(format_html("<mark>{}</mark>", text[span_start:span_end]))
        position = span_end
    parts.append(conditional_escape(text[position:end]))
    return "".join(parts)


def snippet(texts: list[str], terms: list[str], *, length: int = 240) -> SafeString:
    """About `length` characters of the text holding the most query words (the first one
    on a tie), from a little before the first of them, escaped, the words wrapped in <mark>.
    Without any match: the start of the first non-empty text."""
    texts = [t for t in texts if t]
    if not texts:
        return mark_safe("")
    best_found, text, spans = 0, texts[0], []
    for candidate in texts:
        candidate_spans, found = _matches(candidate, terms)
        if len(found) > best_found:
            best_found, text, spans = len(found), candidate, candidate_spans
    first = spans[0][0] if spans else 0
    start = 0 if first < length // 4 else _word_start(text, first - length // 4)
    end = min(len(text), start + length)
    if end < len(text):
        end = _word_end(text, start, end)
    body = _mark(text, spans, start, end)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{body}{suffix}")  # noqa: S308 - body escaped by _mark


@dataclass(frozen=True)
class SearchResult:
    article: object
    title: SafeString
    snippet: SafeString


def search_result(article, terms: list[str]) -> SearchResult:
    """An article as the results page shows it: title and snippet with the words marked.

    When the title holds every word, the lead says best what the article is about;
    otherwise the snippet shows where the words are."""
    title_spans, in_title = _matches(article.display_title, terms)
    texts = [article.lead]
    if len(in_title) < len(terms):
        texts.append(html_to_text(article.body))
    return SearchResult(
        article=article,
        title=mark_safe(_mark(article.display_title, title_spans)),  # noqa: S308 - escaped
        snippet=snippet(texts, terms),
    )


def _word_start(text: str, index: int) -> int:
    """The start of the word after the last space at or before `index`."""
    space = text.rfind(" ", 0, index)
    return space + 1 if space >= 0 else 0


def _word_end(text: str, start: int, index: int) -> int:
    """Cut at the last space between `start` and `index`, so no word is split."""
    space = text.rfind(" ", start, index)
    return space if space > start else index
