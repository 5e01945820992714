"""The GIN index of `search_vector` takes each article's lexemes at once (no pending list).

With PostgreSQL's default `fastupdate`, a saved article's entries wait in the index's
pending list, which every search reads in full until a vacuum merges it: a day of edits
(and of rolled-back saves) made each search several times slower. Articles are written
far less often than searched: each save now updates the index itself (a few ms more).
"""

from django.db import migrations

FORWARD = [
    "ALTER INDEX article_search_vector_idx SET (fastupdate = off)",
    "SELECT gin_clean_pending_list('article_search_vector_idx'::regclass)",
]
BACKWARD = ["ALTER INDEX article_search_vector_idx RESET (fastupdate)"]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0014_comment_count_and_closing"),
    ]

    operations = [migrations.RunPython(forward, backward)]
