"""The search columns kept by a trigger instead of as generated columns; nothing on SQLite.

PostgreSQL recomputes a stored generated column on every UPDATE of its row, whatever the
UPDATE sets. Every article page view runs `UPDATE ... SET view_count = view_count + 1`, so
each view re-ran to_tsvector over the title, lead and body and wrote a new copy of the
out-of-line `search_vector` and new GIN entries for it. `search_vector` and `search_head`
become ordinary columns, filled by a trigger that fires only on INSERT and on an UPDATE
that sets the title, the lead or the body: bulk_create and every save() of the text keep
them current, and a view-count update leaves them alone (it can then be a HOT update).

The trigger computes exactly what the generated columns computed (the same expression,
parsed the same way: `(title A || lead B) || body C`). DROP EXPRESSION keeps the values
already stored, so existing articles stay searchable and the table is not rewritten.
After changing the `hnp_vi` configuration, `UPDATE articles_article SET title = title`
recomputes every row.

Going back turns them into generated columns again, which rewrites the table (about a
minute for 100,000 articles); run VACUUM ANALYZE articles_article after it.
"""

from django.db import migrations

TRIGGER_FUNCTION = "articles_article_search_columns"
TRIGGER = "articles_article_search_columns_trg"

FORWARD = [
    f"""
    CREATE FUNCTION {TRIGGER_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_head :=
            setweight(to_tsvector('hnp_vi'::regconfig, coalesce(NEW.title, '')), 'A')
            || setweight(to_tsvector('hnp_vi'::regconfig, coalesce(NEW.lead, '')), 'B');
        NEW.search_vector := NEW.search_head
            || setweight(to_tsvector('hnp_vi'::regconfig, coalesce(NEW.body, '')), 'C');
        RETURN NEW;
    END
    $$
    """,
    """
    ALTER TABLE articles_article
        ALTER COLUMN search_vector DROP EXPRESSION,
        ALTER COLUMN search_head DROP EXPRESSION
    """,
    f"""
    CREATE TRIGGER {TRIGGER}
        BEFORE INSERT OR UPDATE OF title, lead, body ON articles_article
        FOR EACH ROW EXECUTE FUNCTION {TRIGGER_FUNCTION}()
    """,
]

# PostgreSQL cannot give a column its expression back (before version 17): the columns are
# dropped, with the GIN index, and added again as in migrations 0003 and 0004.
BACKWARD = [
    f"DROP TRIGGER IF EXISTS {TRIGGER} ON articles_article",
    f"DROP FUNCTION IF EXISTS {TRIGGER_FUNCTION}()",
    """
    ALTER TABLE articles_article
        DROP COLUMN search_vector,
        DROP COLUMN search_head,
        ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('hnp_vi'::regconfig, coalesce(title, '')), 'A')
            || setweight(to_tsvector('hnp_vi'::regconfig, coalesce(lead, '')), 'B')
            || setweight(to_tsvector('hnp_vi'::regconfig, coalesce(body, '')), 'C')
        ) STORED,
        ADD COLUMN search_head tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('hnp_vi'::regconfig, coalesce(title, '')), 'A')
            || setweight(to_tsvector('hnp_vi'::regconfig, coalesce(lead, '')), 'B')
        ) STORED
    """,
    "CREATE INDEX article_search_vector_idx ON articles_article USING gin (search_vector)",
]


def _execute_on_postgresql(schema_editor, statements):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in statements:
        schema_editor.execute(statement)


def use_trigger(apps, schema_editor):
    _execute_on_postgresql(schema_editor, FORWARD)


def use_generated_columns(apps, schema_editor):
    _execute_on_postgresql(schema_editor, BACKWARD)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_search_head_postgresql"),
    ]

    operations = [
        migrations.RunPython(use_trigger, use_generated_columns),
    ]
