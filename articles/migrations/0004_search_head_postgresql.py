"""A small companion to `search_vector` on PostgreSQL; nothing on other databases.

`articles_article.search_head` holds the lexemes of the title (weight A) and the lead (B)
only. Ranking reads it instead of `search_vector`: a few dozen bytes kept in the row, where
the full vector is kilobytes stored out of line, which every matching row would otherwise
have to fetch and unpack (seconds for a word found in most of 100,000 articles). Matching
still uses `search_vector` and its GIN index. Like `search_vector`, the model does not
declare the column, so Django never selects or writes it.
"""

from django.db import migrations

FORWARD = """
    ALTER TABLE articles_article ADD COLUMN search_head tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('hnp_vi'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('hnp_vi'::regconfig, coalesce(lead, '')), 'B')
    ) STORED
"""
BACKWARD = "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_head"


def add_search_head(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def remove_search_head(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_search_postgresql"),
    ]

    operations = [
        migrations.RunPython(add_search_head, remove_search_head),
    ]
