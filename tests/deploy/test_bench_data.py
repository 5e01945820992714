"""The benchmark's data generators (bench/generate.py) write rows every page can show, on
SQLite (bulk_create) and PostgreSQL (COPY, indexes dropped and built again): a field the
models gained later must get its default, not NULL."""

import pytest

from articles.models import Article
from comments.models import Comment

pytestmark = pytest.mark.django_db


def test_generated_articles_and_comments_are_complete_rows(client):
    from bench.generate_articles import generate_articles
    from bench.generate_comments import generate_comments

    generate_articles(count=60, seed=7)
    generate_comments(count=300, seed=8)

    assert Article.objects.count() == 60
    assert Comment.objects.count() == 300
    article = Article.objects.published().order_by("-comment_count").first()
    approved = Comment.objects.approved().filter(article=article).count()
    assert article.comment_count == approved
    assert article.comments_open is True
    # Readable through the site as generated: its page, and search over its words.
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert article.title in response.content.decode()
    response = client.get("/tim-kiem/", {"q": f'"{article.title}"'})
    assert article.pk in [result.article.pk for result in response.context["results"]]
