"""Search over articles that understands Vietnamese, and the highlighted snippets of its results.

Readers type with or without diacritics and find the same articles (`ha noi` = `Hà Nội`).
The text is read by articles.analysis: whole syllables, folded and exact forms, pairs of
neighbouring syllables, stored per article as a set of lexemes marked with their fields.

- **Matching**: every syllable of the query is a whole syllable of the article (folded), in
  any field; a quoted part (`"hội đồng nhân dân"`) must appear as a phrase. Abbreviations of
  the synonym table (SearchSynonym: HĐND = hội đồng nhân dân …) match either way.
- **Ranking**, best first: the query's syllables next to each other in order ("phrase")
  above scattered ones; then, when the reader typed diacritics, exact syllables above
  folded ones; then title above lead above body; then the newest.
- **At most RESULT_LIMIT results**, collected level by level (phrase and accents first)
  from the newest of each, then ranked: a word found in most of 100,000 articles costs a
  few walks down the publish-time index, not a sort of every match (ranked_ids); the page
  then says "more than 200".

PostgreSQL matches with the GIN index on `search_vector` (migration 0010: a trigger casts
the stored document into it); SQLite reads the same document in `search_text`, through
`LIKE` and a Python function registered on each connection.
"""

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise

from django.db import connections, models
from django.db.models import Expression, F, Func, IntegerField, Value
from django.db.models.lookups import Contains
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from .analysis import BIGRAM, parse_document, syllables
from .text import fold, html_to_text

# The search box says maxlength=200; a longer query from a hand-made URL is cut there.
MAX_QUERY_LENGTH = 200
# Syllables beyond these are ignored.
MAX_TERMS = 12
# How many matching articles are ranked and can be paged through (see ranked_ids).
RESULT_LIMIT = 200

_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")
_SPACE_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"[^\W_]+")
_QUOTES_RE = re.compile(r"[\"“”„«»]")


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


# --- Reading the query --------------------------------------------------------------------


@dataclass(frozen=True)
class Syllable:
    folded: str
    exact: str | None  # None when typed without diacritics: then every spelling counts


@dataclass(frozen=True)
class Slot:
    """One word of the query, or a phrase the synonym table knows, with its alternatives
    (the first as typed). Slots of one `run` (no punctuation between) form the phrase."""

    alternatives: tuple[tuple[Syllable, ...], ...]
    run: int
    quoted: bool


# A condition on an article's lexemes: ("lex", lexeme) | ("and", parts) | ("or", parts).
Node = tuple


def _all(parts) -> Node:
    parts = [p for p in parts if p is not None]
    flat = []
    for part in parts:
        flat.extend(part[1] if part[0] == "and" else [part])
    return flat[0] if len(flat) == 1 else ("and", tuple(flat))


def _any(parts) -> Node:
    parts = list(dict.fromkeys(parts))
    return parts[0] if len(parts) == 1 else ("or", tuple(parts))


def _lexeme(value: str) -> Node:
    return ("lex", value)


@dataclass(frozen=True)
class SearchPlan:
    """A query read once: what matches, the ranking bands (best first), the words to mark."""

    query: str
    slots: tuple[Slot, ...]
    match: Node
    bands: tuple[tuple[Node, str], ...]  # (condition, fields): "A" title, "AB" title or lead
    terms: tuple[str, ...] = field(default=())
    # The bands' conditions without their fields, best first; the last is `match`.
    levels: tuple[Node, ...] = field(default=())

    @property
    def as_json(self) -> str:
        return json.dumps([self.match, self.bands])


def synonym_table() -> dict[tuple[str, ...], set[tuple[str, ...]]]:
    """Folded syllables of each side of every synonym -> those of its other sides."""
    from .models import SearchSynonym

    table: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for term, meaning in SearchSynonym.objects.values_list("term", "meaning"):
        sides = [tuple(f for phrase in syllables(s) for f, _e in phrase) for s in (term, meaning)]
        if all(sides) and sides[0] != sides[1]:
            table.setdefault(sides[0], set()).add(sides[1])
            table.setdefault(sides[1], set()).add(sides[0])
    return table


def _slots(query: str, synonyms) -> list[Slot]:
    slots, run, total = [], 0, 0
    longest = max((len(key) for key in synonyms), default=0)
    # Odd parts are inside quotes; a quote left open runs to the end.
    for index, part in enumerate(_QUOTES_RE.split(query)):
        for phrase in syllables(part):
            run += 1
            words = [Syllable(f, e if e != f else None) for f, e in phrase]
            words = words[: max(0, MAX_TERMS - total)]
            total += len(words)
            i = 0
            while i < len(words):
                for size in range(min(longest, len(words) - i), 0, -1):
                    key = tuple(w.folded for w in words[i : i + size])
                    if key in synonyms:
                        others = sorted(synonyms[key])
                        typed = tuple(words[i : i + size])
                        alternatives = (
                            typed,
                            *(tuple(Syllable(f, None) for f in o) for o in others),
                        )
                        break
                else:
                    size, alternatives = 1, ((words[i],),)
                slots.append(Slot(alternatives, run, quoted=index % 2 == 1))
                i += size
    return slots


def _alternative(alternative, *, exact: bool, phrase: bool) -> Node:
    """Its syllables (exact ones where asked and typed), next to each other if `phrase`."""
    parts = [_lexeme(s.exact) for s in alternative if exact and s.exact]
    if phrase and len(alternative) > 1:
        parts += [_lexeme(a.folded + BIGRAM + b.folded) for a, b in pairwise(alternative)]
    else:
        exact_ones = {s.folded for s in alternative if exact and s.exact}
        parts += [_lexeme(s.folded) for s in alternative if s.folded not in exact_ones]
    return _all(parts)


def _slot(slot: Slot, *, exact: bool, phrase: bool) -> Node:
    # What the synonym table adds is always a phrase; what the reader typed is one when
    # quoted, or for the phrase bands.
    typed, *others = slot.alternatives
    return _any(
        [
            _alternative(typed, exact=exact, phrase=phrase or slot.quoted),
            *(_alternative(o, exact=False, phrase=True) for o in others),
        ]
    )


def _next_to(a: Slot, b: Slot) -> Node:
    return _any(
        [
            _lexeme(x[-1].folded + BIGRAM + y[0].folded)
            for x in a.alternatives
            for y in b.alternatives
        ]
    )


def search_plan(query: str, synonyms=None) -> SearchPlan | None:
    """The plan of `query`, or None when it has no word to look for."""
    query = clean_query(query)
    slots = _slots(query, synonym_table() if synonyms is None else synonyms)
    if not slots:
        return None
    neighbours = [(a, b) for a, b in pairwise(slots) if a.run == b.run]
    quoted = [_next_to(a, b) for a, b in neighbours if a.quoted and b.quoted]
    match = _all([*(_slot(s, exact=False, phrase=False) for s in slots), *quoted])
    phrase = _all(
        [
            *(_slot(s, exact=False, phrase=True) for s in slots),
            *(_next_to(a, b) for a, b in neighbours),
        ]
    )
    typed_exact = any(s.exact for slot in slots for s in slot.alternatives[0])
    exact = _all([_slot(s, exact=True, phrase=False) for s in slots]) if typed_exact else None
    bands, levels = [], []
    for words in [phrase, match] if phrase != match else [match]:
        for accents in [exact, None] if exact else [None]:
            condition = _all([words, accents])
            levels.append(condition)
            bands += [(condition, "A"), (condition, "AB"), (condition, "")]
    bands.pop()  # the last one, anywhere without more, is every match
    terms = [
        " ".join(s.folded for s in alternative)
        for slot in slots
        for alternative in slot.alternatives
    ]
    return SearchPlan(
        query, tuple(slots), match, tuple(bands), tuple(dict.fromkeys(terms)), tuple(levels)
    )


def _required(node: Node) -> list[str]:
    """Lexemes every match contains (the SQLite filter looks for them with LIKE first)."""
    if node[0] == "lex":
        return [node[1]]
    if node[0] == "and":
        return [lexeme for part in node[1] for lexeme in _required(part)]
    return []


def holds(node: Node, document: dict[str, str], fields: str = "") -> bool:
    """Whether a parsed document satisfies `node`, in the given fields (all when empty)."""
    kind = node[0]
    if kind == "lex":
        weights = document.get(node[1])
        return weights is not None and (not fields or any(w in fields for w in weights))
    check = all if kind == "and" else any
    return check(holds(part, document, fields) for part in node[1])


def tsquery(node: Node, fields: str = "") -> str:
    """The condition as PostgreSQL tsquery text; lexemes hold no quote or backslash."""
    if node[0] == "lex":
        return f"'{node[1]}'" + (f":{fields}" if fields else "")
    joiner = " & " if node[0] == "and" else " | "
    return "(" + joiner.join(tsquery(part, fields) for part in node[1]) + ")"


# --- Running it ----------------------------------------------------------------------------


class TsMatch(Expression):
    """`search_vector @@ '<query>'::tsquery` on the query's article table (PostgreSQL)."""

    output_field = models.BooleanField()
    conditional = True

    def __init__(self, query: str):
        super().__init__()
        self.query = query

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f"{table}.search_vector @@ %s::tsquery", [self.query]


class PostgresBand(Expression):
    """`hnp_search_band(search_vector, conditions)` (migration 0012): the vector unpacked
    once for all the conditions."""

    output_field = IntegerField()

    def __init__(self, conditions: list[str]):
        super().__init__()
        self.conditions = conditions

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f"hnp_search_band({table}.search_vector, %s::tsquery[])", [self.conditions]


class SqliteBand(Func):
    """SQL `hnp_search_band(search_text, plan)`: the band of a match, NULL for no match."""

    function = "hnp_search_band"
    output_field = IntegerField()


def _is_postgresql(queryset) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def _band(queryset, plan: SearchPlan):
    if not _is_postgresql(queryset):
        return SqliteBand(F("search_text"), Value(plan.as_json))
    return PostgresBand([tsquery(condition, fields) for condition, fields in plan.bands])


def _matching(queryset, plan: SearchPlan, condition: Node | None = None):
    """The articles matching the plan (and `condition`, one of its levels, if given)."""
    condition = condition or plan.match
    if _is_postgresql(queryset):
        return queryset.filter(TsMatch(tsquery(condition)))
    required = dict.fromkeys(_required(plan.match) + _required(condition))
    likes = [Contains(F("search_text"), f"'{lexeme}':") for lexeme in required]
    queryset = queryset.filter(*likes).alias(_search_band=_band(queryset, plan))
    if condition == plan.match:
        return queryset.filter(_search_band__isnull=False)
    # A level's band numbers are those above the first band of the next level.
    lowest = len(plan.bands) + 1 - 3 * (plan.levels.index(condition) + 1)
    return queryset.filter(_search_band__gte=max(lowest, 0))


def search_articles(queryset, query: str, synonyms=None):
    """`queryset` narrowed to the articles matching `query`, best first (every match ranked;
    the results page reads the best RESULT_LIMIT faster, see ranked_ids()).

    An empty query (or one with no word in it) matches nothing."""
    plan = search_plan(query, synonyms)
    if plan is None:
        return queryset.none()
    return (
        _matching(queryset, plan)
        .annotate(search_band=_band(queryset, plan))
        .order_by("-search_band", "-published_at", "-pk")
    )


@dataclass(frozen=True)
class Ranking:
    ids: list[int]  # best first, at most RESULT_LIMIT
    more: bool  # more articles matched than were ranked


def ranked_ids(queryset, plan: SearchPlan | None) -> Ranking:
    """The ids of at most RESULT_LIMIT articles of `queryset` matching the plan, best first.

    Ranking every match of a word found in most of 100,000 articles would read all their
    vectors. So first the newest RESULT_LIMIT + 1 matches are read (an index walk when
    they are many, the GIN index when they are few): when that is all of them, they are
    ranked. When more match, the better levels (the phrase with the accents typed, the
    phrase, the accents: conditions on whole lexemes, which the GIN index answers without
    reading a vector) add the newest RESULT_LIMIT + 1 of each, best first, until they hold
    more than RESULT_LIMIT; then what was collected is ranked, fields included. An old
    article with the phrase thus still comes before this week's that scatter the words."""
    if plan is None:
        return Ranking([], False)

    def newest(condition) -> list[int]:
        return list(
            _matching(queryset, plan, condition)
            .order_by("-published_at", "-pk")
            .values_list("pk", flat=True)[: RESULT_LIMIT + 1]
        )

    collected = dict.fromkeys(newest(plan.match))
    more = len(collected) > RESULT_LIMIT
    if more:
        better: dict[int, None] = {}
        for level in plan.levels[:-1]:
            better.update(dict.fromkeys(newest(level)))
            if len(better) > RESULT_LIMIT:
                break
        collected.update(better)
    ranked = list(
        queryset.model._base_manager.using(queryset.db)
        .filter(pk__in=list(collected))
        .annotate(search_band=_band(queryset, plan))
        .order_by("-search_band", "-published_at", "-pk")
        .values_list("pk", flat=True)[:RESULT_LIMIT]
    )
    return Ranking(ranked, more)


# --- SQLite -------------------------------------------------------------------------------


@lru_cache(maxsize=64)
def _plan_from_json(value: str):
    match, bands = json.loads(value)

    def as_node(item):
        return ("lex", item[1]) if item[0] == "lex" else (item[0], tuple(map(as_node, item[1])))

    return as_node(match), [(as_node(condition), fields) for condition, fields in bands]


def _sqlite_band(document, plan_json):
    match, bands = _plan_from_json(plan_json)
    parsed = parse_document(document)
    if not holds(match, parsed):
        return None
    for index, (condition, fields) in enumerate(bands):
        if holds(condition, parsed, fields):
            return len(bands) - index
    return 0


def register_sqlite_functions(sender, connection, **kwargs):
    """connection_created receiver: teach each new SQLite connection `hnp_search_band()`."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "hnp_search_band", 2, _sqlite_band, deterministic=True
        )


# --- Suggestions --------------------------------------------------------------------------

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _edits(word: str) -> list[str]:
    """Words one typing slip away, the likelier slips first."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    replaced = [a + c + b[1:] for a, b in splits if b for c in _LETTERS if c != b[0]]
    swapped = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    deleted = [a + b[1:] for a, b in splits if b]
    inserted = [a + c + b for a, b in splits for c in _LETTERS]
    return list(
        dict.fromkeys(e for e in swapped + replaced + deleted + inserted if e and e != word)
    )


def _known(queryset, words: list[str]) -> set[str]:
    """Which of `words` are (folded) syllables of some article of `queryset`: one query."""
    if not words:
        return set()
    if _is_postgresql(queryset):
        sql, params = queryset.order_by().values("pk").query.sql_with_params()
        with connections[queryset.db].cursor() as cursor:
            # `sql` is the queryset compiled by Django, its values passed as parameters.
            statement = (
                "SELECT c FROM unnest(%s::text[]) AS c WHERE EXISTS ("  # noqa: S608
                f" SELECT 1 FROM articles_article a WHERE a.id IN ({sql})"
                " AND a.search_vector @@ quote_literal(c)::tsquery)"
            )
            cursor.execute(statement, [words, *params])
            return {row[0] for row in cursor.fetchall()}
    found = set()
    wanted = set(words)
    for document in queryset.values_list("search_text", flat=True).iterator():
        found |= wanted & parse_document(document).keys()
    return found


def suggest(queryset, plan: SearchPlan | None) -> str | None:
    """For a query that found nothing: the closest folded query that finds something
    ("nghi quyet" for "nghi quyêt" is found anyway; "ha noii" -> "ha noi"), or None."""
    if plan is None:
        return None
    words = [s.folded for slot in plan.slots for s in slot.alternatives[0]]
    candidates = {word: _edits(word) for word in dict.fromkeys(words) if word.isalpha()}
    known = _known(
        queryset, list(dict.fromkeys([*words, *(e for es in candidates.values() for e in es)]))
    )
    fixed = []
    for word in words:
        if word in known:
            fixed.append(word)
            continue
        replacement = next((e for e in candidates.get(word, []) if e in known), None)
        if replacement is None:
            return None
        fixed.append(replacement)
    suggestion = " ".join(fixed)
    if suggestion == fold(plan.query).strip() or suggestion == plan.query:
        return None
    new_plan = search_plan(suggestion)
    if new_plan is None or not _matching(queryset, new_plan).exists():
        return None
    return suggestion


# --- Highlighting -------------------------------------------------------------------------


@cache
def _fold_char(char: str) -> str:
    return fold(char)


class _FoldTable(dict):
    """str.translate() table folding one character at a time, filled on first sight."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


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
    folded = text.translate(_FOLD_TABLE)
    if len(folded) == len(text):  # composed text: one folded character for each
        origin = range(len(text))
    else:
        pieces, origin = [], []
        for i, char in enumerate(text):
            piece = _fold_char(char)
            pieces.append(piece)
            origin.extend([i] * len(piece))
        folded = "".join(pieces)
    spans, found = [], set()
    for match in regex.finditer(folded):
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
