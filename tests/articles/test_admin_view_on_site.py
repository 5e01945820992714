"""The admin's "view on site" (`/admin/r/<type>/<id>/`) leads to an unpublished article only
those who may preview it; the others get a 404 and learn nothing of it."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def view_on_site(client, obj):
    content_type = ContentType.objects.get_for_model(obj)
    return client.get(reverse("admin:view_on_site", args=[content_type.pk, obj.pk]))


@pytest.fixture
def draft(journalist):
    return ArticleFactory(created_by=journalist, title="Bản nháp chưa công bố")


@pytest.fixture
def scheduled(journalist):
    return ArticleFactory(
        created_by=journalist,
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() + timedelta(days=1),
    )


def test_a_published_article_leads_any_staff_to_its_page(client, moderator):
    article = ArticleFactory(published=True)
    client.force_login(moderator)
    response = view_on_site(client, article)
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()


@pytest.mark.parametrize("who", ["journalist", "editor"])
def test_the_author_and_editors_are_led_to_the_preview(client, draft, scheduled, who, request):
    client.force_login(request.getfixturevalue(who))
    for article in (draft, scheduled):
        response = view_on_site(client, article)
        assert response.status_code == 302
        assert response["Location"] == reverse("articles:preview", kwargs={"pk": article.pk})


@pytest.mark.parametrize("who", ["other_journalist", "moderator"])
def test_other_staff_get_a_404(client, draft, scheduled, who, request):
    client.force_login(request.getfixturevalue(who))
    for article in (draft, scheduled):
        response = view_on_site(client, article)
        assert response.status_code == 404
        assert article.slug not in response.content.decode()
        assert "Location" not in response


def test_readers_are_sent_to_the_login(client, draft):
    response = view_on_site(client, draft)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_other_objects_keep_djangos_redirect(client, moderator):
    category = CategoryFactory()
    client.force_login(moderator)
    assert view_on_site(client, category)["Location"].endswith(category.get_absolute_url())


@pytest.mark.parametrize("args", [["999999", "1"], ["abc", "1"]])
def test_unknown_types_are_404(client, editor, args):
    client.force_login(editor)
    assert client.get(reverse("admin:view_on_site", args=args)).status_code == 404


def test_unknown_articles_are_404(client, editor):
    client.force_login(editor)
    content_type = ContentType.objects.get_for_model(Article)
    for object_id in ["999999", "abc"]:
        url = reverse("admin:view_on_site", args=[content_type.pk, object_id])
        assert client.get(url).status_code == 404
