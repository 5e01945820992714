"""A trigram index on articles' titles, for the admin's comment search; PostgreSQL only.

The comment search (comments.models.CommentQuerySet.search) also finds the comments of
articles whose title contains a word: `UPPER(title) LIKE UPPER('%word%')`, which without
this index upper-cases all 100,000 titles for every word searched (about 0.2 s each).
Built CONCURRENTLY: the newsroom keeps saving articles meanwhile. pg_trgm is a trusted
extension (the database owner may create it); going back leaves it installed.
"""

from django.db import migrations

INDEX = "article_title_trgm_idx"


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    # The expression is Django's `icontains` on a CharField, or the planner cannot use it.
    schema_editor.execute(
        f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {INDEX} ON articles_article "
        "USING gin (UPPER(title::text) gin_trgm_ops)"
    )


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    # CREATE INDEX CONCURRENTLY cannot run inside a transaction.
    atomic = False

    dependencies = [
        ("articles", "0007_pending_view"),
    ]

    operations = [migrations.RunPython(add_index, remove_index, atomic=False)]
