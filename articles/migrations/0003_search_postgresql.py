"""Accent-insensitive full-text search on PostgreSQL; nothing on other databases.

- the `unaccent` extension (a trusted extension: the database owner may create it);
- a text search configuration `hnp_vi`: the `simple` parser and dictionary (no stemming or
  stop words, which PostgreSQL has none of for Vietnamese) with `unaccent` in front, so
  `Hà Nội` and `ha noi` give the same lexemes, and `HĐND` gives `hdnd` (its rules map
  đ/Đ to d/D, which Unicode decomposition does not);
- `articles_article.search_vector`, a stored generated column: title weighted A, lead B,
  body C (HTML tags are tokens the configuration ignores). The database keeps it current on
  every INSERT and UPDATE of those columns, bulk_create included. The model does not declare
  it, so Django never selects or writes it; `articles.search` reads it on PostgreSQL only;
- a GIN index on that column.

SQLite searches the `search_text` column that Article.save() maintains instead.
"""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

FORWARD = [
    "CREATE TEXT SEARCH CONFIGURATION hnp_vi (COPY = pg_catalog.simple)",
    # Every token type that may carry letters with diacritics goes through unaccent first.
    """
    ALTER TEXT SEARCH CONFIGURATION hnp_vi
        ALTER MAPPING FOR word, hword, hword_part, numword, numhword, hword_numpart
        WITH unaccent, simple
    """,
    """
    ALTER TABLE articles_article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('hnp_vi'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('hnp_vi'::regconfig, coalesce(lead, '')), 'B')
        || setweight(to_tsvector('hnp_vi'::regconfig, coalesce(body, '')), 'C')
    ) STORED
    """,
    "CREATE INDEX article_search_vector_idx ON articles_article USING gin (search_vector)",
]

BACKWARD = [
    "DROP INDEX IF EXISTS article_search_vector_idx",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS hnp_vi",
]


def _execute_on_postgresql(schema_editor, statements):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in statements:
        schema_editor.execute(statement)


def add_search(apps, schema_editor):
    _execute_on_postgresql(schema_editor, FORWARD)


def remove_search(apps, schema_editor):
    _execute_on_postgresql(schema_editor, BACKWARD)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_newsroom_groups"),
    ]

    operations = [
        # A no-op on databases other than PostgreSQL.
        UnaccentExtension(),
        migrations.RunPython(add_search, remove_search),
    ]
