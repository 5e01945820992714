"""Writing many generated rows quickly, with a progress bar on stderr.

PostgreSQL gets the rows through COPY (psycopg 3's `cursor.copy()`), which is several
times faster than INSERT: no statement per batch, no parameters to bind. Triggers,
defaults and constraints still apply. SQLite, a laptop's database, gets bulk_create.
"""

import sys
import time
from collections.abc import Iterable, Sequence

from django.db import connection, transaction

SQLITE_BATCH = 2_000


class ProgressBar:
    """`comments  [########............]  41%  410,000/1,000,000  23.4 s`, redrawn in place
    on a terminal at most ten times a second; one line per tenth when stderr is a file."""

    WIDTH = 30

    def __init__(self, label: str, total: int, stream=None):
        self.label, self.total, self.done = label, max(total, 1), 0
        self.stream = stream or sys.stderr
        self.is_tty = self.stream.isatty()
        self.started = self.last_drawn = time.perf_counter()
        self.last_tenth = 0
        self.closed = False

    def update(self, n: int = 1) -> None:
        self.done += n
        now = time.perf_counter()
        tenth = self.done * 10 // self.total
        if self.is_tty and now - self.last_drawn >= 0.1:
            self._draw(now, end="\r")
        elif not self.is_tty and tenth > self.last_tenth:
            self.last_tenth = tenth
            self._draw(now, end="\n")

    def close(self) -> float:
        """Draw the final state (once); return the seconds since the bar started."""
        now = time.perf_counter()
        if not self.closed and (self.is_tty or self.done * 10 // self.total > self.last_tenth):
            self._draw(now, end="\n")
        self.closed = True
        return now - self.started

    def _draw(self, now: float, *, end: str) -> None:
        self.last_drawn = now
        share = min(self.done / self.total, 1)
        filled = int(share * self.WIDTH)
        bar = "#" * filled + "." * (self.WIDTH - filled)
        self.stream.write(
            f"{self.label:<10} [{bar}] {share:4.0%}  {self.done:,}/{self.total:,}"
            f"  {now - self.started:6.1f} s{end}"
        )
        self.stream.flush()


def insert_rows(
    model, columns: Sequence[str], rows: Iterable[tuple], *, total: int, label: str
) -> float:
    """Insert `rows` (tuples in the order of `columns`, attnames of `model`'s fields) with
    a progress bar; return the seconds it took."""
    bar = ProgressBar(label, total)
    if connection.vendor == "postgresql":
        columns, rows = _with_defaults(model, columns, rows)
        _copy(model, columns, rows, bar)
    else:
        _bulk_create(model, columns, rows, bar)
    return bar.close()


def _with_defaults(model, columns, rows):
    """`columns` and `rows` with every other field that has a default: COPY leaves a
    column out of the row to the database, and Django's defaults are not the database's
    (a field added later would otherwise be NULL)."""
    missing = [
        field
        for field in model._meta.concrete_fields
        if field.attname not in columns and field.has_default() and not field.primary_key
    ]
    if not missing:
        return columns, rows
    names = (*columns, *(field.attname for field in missing))
    return names, ((*row, *(field.get_default() for field in missing)) for row in rows)


def _copy(model, columns, rows, bar) -> None:
    """One transaction, so an interrupted run leaves the table as it was. Into an empty
    table the indexes no constraint needs are dropped first and built again at the end:
    building an index over sorted rows is far cheaper than updating it row by row (the
    GIN index on articles' search vector most of all)."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(model._meta.get_field(c).column) for c in columns)
    with transaction.atomic(), connection.cursor() as cursor:
        indexes = []
        cursor.execute(f"SELECT NOT EXISTS (SELECT 1 FROM {table})")
        if cursor.fetchone()[0]:
            cursor.execute(
                """
                SELECT i.relname, pg_get_indexdef(i.oid)
                FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                WHERE x.indrelid = %s::regclass
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)
                """,
                [model._meta.db_table],
            )
            indexes = cursor.fetchall()
            for name, _ in indexes:
                cursor.execute(f"DROP INDEX {quote(name)}")
        written = 0
        with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for written, row in enumerate(rows, 1):  # noqa: B007 - the count is used below
                copy.write_row(row)
                if written % 1_000 == 0:
                    bar.update(1_000)
        bar.update(written % 1_000)
        if indexes:
            bar.close()
            started = time.perf_counter()
            # The deferred foreign-key checks run now: no index is built over pending ones.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
            for _, definition in indexes:
                cursor.execute(definition)
            print(
                f"{'':<10} {len(indexes)} indexes built in {time.perf_counter() - started:.1f} s",
                file=bar.stream,
            )


def _bulk_create(model, columns, rows, bar) -> None:
    batch = []
    for row in rows:
        batch.append(model(**dict(zip(columns, row, strict=True))))
        if len(batch) == SQLITE_BATCH:
            with transaction.atomic():
                model.objects.bulk_create(batch)
            bar.update(len(batch))
            batch = []
    if batch:
        with transaction.atomic():
            model.objects.bulk_create(batch)
        bar.update(len(batch))


def analyze(*models) -> float:
    """Fresh planner statistics, and on PostgreSQL the visibility map index-only scans
    need, as autovacuum would leave them some minutes after a load; return the seconds."""
    started = time.perf_counter()
    vacuum = "VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE"
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"{vacuum} {connection.ops.quote_name(model._meta.db_table)}")
    return time.perf_counter() - started
