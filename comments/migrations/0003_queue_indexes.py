"""Indexes that keep the admin's comment queue fast with a million comments.

Measured with bench/admin_queue_bench.py on 1,000,000 comments (26,000 pending):

- `comment_pending_idx`, partial (status = 'pending'), ordered like the queue (created_at,
  id) and covering the article and the flags: the queue's page, its exact count, the
  "article" sidebar (pending comments grouped by article) and the flag filters on the queue
  read this small index only, instead of visiting 26,000 scattered table rows.
- `comment_created_idx` (created_at, id): the list of every status in the queue's order
  without sorting the whole table (a page took 1.1 s).
- `comment_article_time_idx` (article, created_at, id): one article's comments of every
  status in that order (0.4 s when PostgreSQL walked the table's time order looking for
  them). It replaces the foreign key's own index on article_id, which it starts with.
- `comment_flagged_idx`, partial (any flag): the flag filters across all statuses, which
  otherwise read the whole table to find the few flagged comments.
- on PostgreSQL, `comment_search_idx`: a trigram (pg_trgm) GIN index on the upper-cased
  title, name and content (comments.models.SEARCHABLE_TEXT), which the admin's search
  (`UPPER(...) LIKE UPPER('%word%')`) uses instead of upper-casing every comment of the
  table (6 s per query). pg_trgm is a trusted extension: the database owner may create it.
  Articles' titles get the same kind of index in articles' migration 0008; going back
  leaves the extension installed, as other indexes may use it.

On PostgreSQL the indexes are built CONCURRENTLY, so readers can keep sending comments
while they are built (about a minute for the trigram index on a million comments).
"""

import django.db.models.deletion
from django.db import migrations, models

FLAGS = ("flag_many_links", "flag_blocked_words", "flag_duplicate", "flag_bot")

INDEXES = [
    models.Index(
        fields=["created_at", "id", "article", *FLAGS],
        condition=models.Q(status="pending"),
        name="comment_pending_idx",
    ),
    models.Index(fields=["article", "created_at", "id"], name="comment_article_time_idx"),
    models.Index(fields=["created_at", "id"], name="comment_created_idx"),
    models.Index(
        fields=["created_at", "id", "status", *FLAGS],
        condition=models.Q(flag_many_links=True)
        | models.Q(flag_blocked_words=True)
        | models.Q(flag_duplicate=True)
        | models.Q(flag_bot=True),
        name="comment_flagged_idx",
    ),
]

# The expression must stay the one comments.models.SEARCHABLE_TEXT gives, upper-cased as
# Django's `icontains` does, or the planner cannot use the index.
SEARCH_INDEX = """
    CREATE INDEX CONCURRENTLY IF NOT EXISTS comment_search_idx ON comments_comment
    USING gin (UPPER(title || ' ' || name || ' ' || content) gin_trgm_ops)
"""


def add_indexes(apps, schema_editor):
    comment = apps.get_model("comments", "Comment")
    concurrently = schema_editor.connection.vendor == "postgresql"
    for index in INDEXES:
        if concurrently:
            schema_editor.add_index(comment, index, concurrently=True)
        else:
            schema_editor.add_index(comment, index)
    if concurrently:
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(SEARCH_INDEX)


def remove_indexes(apps, schema_editor):
    comment = apps.get_model("comments", "Comment")
    concurrently = schema_editor.connection.vendor == "postgresql"
    if concurrently:
        schema_editor.execute("DROP INDEX CONCURRENTLY IF EXISTS comment_search_idx")
    for index in INDEXES:
        if concurrently:
            schema_editor.remove_index(comment, index, concurrently=True)
        else:
            schema_editor.remove_index(comment, index)


class Migration(migrations.Migration):
    # CREATE INDEX CONCURRENTLY cannot run inside a transaction.
    atomic = False

    dependencies = [
        ("articles", "0002_newsroom_groups"),
        ("comments", "0002_moderator_group"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddIndex(model_name="comment", index=index) for index in INDEXES
            ],
            database_operations=[
                migrations.RunPython(add_indexes, remove_indexes, atomic=False),
            ],
        ),
        # Drops the foreign key's index, now the first column of comment_article_time_idx.
        migrations.AlterField(
            model_name="comment",
            name="article",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="comments",
                to="articles.article",
                verbose_name="article",
            ),
        ),
    ]
