"""The abbreviations every Vietnamese public body writes, as the synonym table's first rows.
Editors may change them later; going back removes only these rows."""

from django.db import migrations

SYNONYMS = [
    ("HĐND", "hội đồng nhân dân"),
    ("UBND", "ủy ban nhân dân"),
    ("TP", "thành phố"),
]


def add_synonyms(apps, schema_editor):
    SearchSynonym = apps.get_model("articles", "SearchSynonym")
    for term, meaning in SYNONYMS:
        SearchSynonym.objects.using(schema_editor.connection.alias).get_or_create(
            term=term, meaning=meaning
        )


def remove_synonyms(apps, schema_editor):
    SearchSynonym = apps.get_model("articles", "SearchSynonym")
    for term, meaning in SYNONYMS:
        SearchSynonym.objects.using(schema_editor.connection.alias).filter(
            term=term, meaning=meaning
        ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0009_search_synonym"),
    ]

    operations = [migrations.RunPython(add_synonyms, remove_synonyms)]
