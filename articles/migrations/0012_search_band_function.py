"""`hnp_search_band(vector, queries)`: the rank band of an article on PostgreSQL.

The ranking checks up to eleven conditions per article (phrase, exact accents, field).
Written as a CASE over `search_vector`, each condition unpacked the article's out-of-line
vector again; this function unpacks it once (the concatenation makes an in-memory copy)
and tries the conditions in order. Nothing on SQLite, which has a Python function of the
same name (articles.search).
"""

from django.db import migrations

FORWARD = """
CREATE FUNCTION hnp_search_band(document tsvector, queries tsquery[])
RETURNS integer LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    unpacked tsvector := document || ''::tsvector;
    total integer := coalesce(array_length(queries, 1), 0);
BEGIN
    FOR i IN 1 .. total LOOP
        IF unpacked @@ queries[i] THEN
            RETURN total - i + 1;
        END IF;
    END LOOP;
    RETURN 0;
END
$$
"""
BACKWARD = "DROP FUNCTION IF EXISTS hnp_search_band(tsvector, tsquery[])"


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0011_search_document"),
    ]

    operations = [migrations.RunPython(forward, backward)]
