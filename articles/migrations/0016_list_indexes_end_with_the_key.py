"""The list indexes end with the key, as every list's order does (publish time, then pk).

Without it, an article's newer and older neighbours (outside the window each worker keeps,
articles/related.py) read every article of the category published since or before it and
sorted them for the five nearest: 1 ms and more per query at 10,000 articles, growing with
the archive. Now both are read in index order and stop at their LIMIT.
"""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0015_search_index_without_pending_list'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='article',
            name='article_status_pub_idx',
        ),
        migrations.RemoveIndex(
            model_name='article',
            name='article_cat_pub_idx',
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(fields=['status', '-published_at', '-id'], name='article_status_pub_idx'),
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(fields=['category', 'status', '-published_at', '-id'], name='article_cat_pub_idx'),
        ),
    ]
