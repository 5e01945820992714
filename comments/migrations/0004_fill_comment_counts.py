"""Each article's stored number of approved comments, counted once from the comments; from
then on the comment services keep it in step with every decision."""

from django.db import migrations
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce


def fill_counts(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Comment = apps.get_model("comments", "Comment")
    approved = (
        Comment.objects.filter(article=OuterRef("pk"), status="approved")
        .order_by()
        .values("article")
        .annotate(n=Count("*"))
        .values("n")
    )
    # One UPDATE for every article, not a query per article.
    Article.objects.update(comment_count=Coalesce(Subquery(approved), Value(0)))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0014_comment_count_and_closing"),
        ("comments", "0003_queue_indexes"),
    ]

    operations = [migrations.RunPython(fill_counts, migrations.RunPython.noop, elidable=True)]
