"""Search reads syllables, their exact spellings and neighbouring pairs (articles.analysis).

`search_text` now holds each article's search document, computed in Python by
Article.save() (and by the benchmark generator), as a tsvector literal. On PostgreSQL the
trigger of migration 0005 becomes a cast of that document into `search_vector` (GIN
index kept), fired on INSERT and on an UPDATE that writes `search_text`; `search_head` is
no longer read and goes. Every article's document is recomputed here: about a minute per
100,000 articles. Going back restores the former trigger and folded text.
"""

from django.db import migrations

TRIGGER_FUNCTION = "articles_article_search_columns"
TRIGGER = "articles_article_search_columns_trg"
BATCH = 500

FORWARD = [
    f"DROP TRIGGER IF EXISTS {TRIGGER} ON articles_article",
    f"""
    CREATE OR REPLACE FUNCTION {TRIGGER_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_vector := coalesce(NEW.search_text, '')::tsvector;
        RETURN NEW;
    END
    $$
    """,
    f"""
    CREATE TRIGGER {TRIGGER}
        BEFORE INSERT OR UPDATE OF search_text ON articles_article
        FOR EACH ROW EXECUTE FUNCTION {TRIGGER_FUNCTION}()
    """,
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_head",
]

# As migration 0005 left them.
BACKWARD = [
    f"DROP TRIGGER IF EXISTS {TRIGGER} ON articles_article",
    "ALTER TABLE articles_article ADD COLUMN IF NOT EXISTS search_head tsvector",
    f"""
    CREATE OR REPLACE FUNCTION {TRIGGER_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
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
    f"""
    CREATE TRIGGER {TRIGGER}
        BEFORE INSERT OR UPDATE OF title, lead, body ON articles_article
        FOR EACH ROW EXECUTE FUNCTION {TRIGGER_FUNCTION}()
    """,
]


def _rewrite(apps, schema_editor, make):
    Article = apps.get_model("articles", "Article")
    manager = Article.objects.using(schema_editor.connection.alias)
    last = 0
    while True:
        batch = list(
            manager.filter(pk__gt=last).order_by("pk").only("title", "lead", "body")[:BATCH]
        )
        if not batch:
            break
        for article in batch:
            article.search_text = make(article)
        manager.bulk_update(batch, ["search_text"])
        last = batch[-1].pk


def _execute_on_postgresql(schema_editor, statements):
    if schema_editor.connection.vendor == "postgresql":
        for statement in statements:
            schema_editor.execute(statement)


def forward(apps, schema_editor):
    from articles.analysis import document
    from articles.text import html_to_text

    _execute_on_postgresql(schema_editor, FORWARD)
    _rewrite(
        apps,
        schema_editor,
        lambda a: document(title=a.title, lead=a.lead, body_text=html_to_text(a.body)),
    )


def backward(apps, schema_editor):
    from articles.text import fold, html_to_text

    _execute_on_postgresql(schema_editor, BACKWARD)
    _rewrite(apps, schema_editor, lambda a: fold(" ".join([a.title, a.lead, html_to_text(a.body)])))
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("UPDATE articles_article SET title = title")


class Migration(migrations.Migration):
    atomic = False  # a long rewrite commits batch by batch

    dependencies = [
        ("articles", "0010_search_synonym_data"),
    ]

    operations = [migrations.RunPython(forward, backward)]
