from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, article_url
from articles.text import fold, vietnamese_slugify
from tests.factories import ArticleFactory, CategoryFactory, SeriesFactory, png_bytes

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Khẳng định vai trò", "khang-dinh-vai-tro"),
        ("Đồng chí Đỗ Đức Đạt", "dong-chi-do-duc-dat"),
        ("HĐND tỉnh: Kỳ họp thứ 10!", "hdnd-tinh-ky-hop-thu-10"),
        (
            "Nâng cao chất lượng hoạt động HĐND các cấp",
            "nang-cao-chat-luong-hoat-dong-hdnd-cac-cap",
        ),
    ],
)
def test_slugs_come_from_the_vietnamese_title(title, slug):
    assert vietnamese_slugify(title) == slug
    assert ArticleFactory(title=title).slug == slug


def test_fold_drops_diacritics_and_d_stroke():
    assert fold("Hà Nội, HĐND, Đắk Lắk") == "ha noi, hdnd, dak lak"


def test_slugs_are_unique():
    first = ArticleFactory(title="Tin nóng")
    second = ArticleFactory(title="Tin nóng")
    assert (first.slug, second.slug) == ("tin-nong", "tin-nong-2")


def test_canonical_url_contains_slug_and_id():
    article = ArticleFactory(title="Khẳng định vai trò")
    assert article.get_absolute_url() == f"/bai-viet/khang-dinh-vai-tro-{article.pk}/"


def test_part_numbers_are_unique_within_a_series():
    series = SeriesFactory()
    ArticleFactory(series=series, part_number=1)
    ArticleFactory(series=SeriesFactory(), part_number=1)  # another series: fine
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(series=series, part_number=1)


def test_part_number_and_series_go_together():
    article = ArticleFactory.build(category=CategoryFactory(), part_number=2, series=None)
    with pytest.raises(ValidationError) as excinfo:
        article.clean()
    assert "part_number" in excinfo.value.message_dict
    in_series = ArticleFactory.build(category=CategoryFactory(), series=SeriesFactory())
    with pytest.raises(ValidationError):
        in_series.clean()


def test_display_title_prefixes_the_part_inside_a_series():
    series = SeriesFactory(title="Nâng cao chất lượng hoạt động HĐND các cấp")
    article = ArticleFactory(series=series, part_number=1, title="Khẳng định vai trò")
    assert article.display_title == "Bài 1: Khẳng định vai trò"
    assert ArticleFactory(title="Tin lẻ").display_title == "Tin lẻ"


def test_a_cover_image_needs_an_alternative_text():
    article = ArticleFactory.build(category=CategoryFactory(), cover_alt="")
    article.cover_image.save("anh.png", ContentFile(png_bytes()), save=False)
    with pytest.raises(ValidationError) as excinfo:
        article.clean()
    assert "cover_alt" in excinfo.value.message_dict


@pytest.mark.parametrize(
    ("status", "offset", "visible"),
    [
        (Article.Status.PUBLISHED, -60, True),
        (Article.Status.PUBLISHED, +3600, False),  # scheduled
        (Article.Status.DRAFT, -60, False),
        (Article.Status.REVIEW, -60, False),
    ],
)
def test_published_queryset_and_is_published_agree(status, offset, visible):
    article = ArticleFactory(status=status, published_at=timezone.now() + timedelta(seconds=offset))
    assert (article in Article.objects.published()) is visible
    assert article.is_published is visible


def test_a_published_article_without_publish_time_is_not_visible():
    article = ArticleFactory(status=Article.Status.PUBLISHED, published_at=None)
    assert not article.is_published
    assert not Article.objects.published().exists()


def test_a_scheduled_article_appears_by_itself_when_its_time_comes(client):
    article = ArticleFactory(
        status=Article.Status.PUBLISHED, published_at=timezone.now() + timedelta(seconds=2)
    )
    assert client.get(article.get_absolute_url()).status_code == 404
    Article.objects.filter(pk=article.pk).update(published_at=timezone.now() - timedelta(seconds=1))
    assert client.get(article.get_absolute_url()).status_code == 200


def test_newer_and_older_are_nearest_first():
    category = CategoryFactory()
    now = timezone.now()
    articles = [
        ArticleFactory(category=category, published=True, published_at=now - timedelta(days=d))
        for d in (5, 4, 3, 2, 1)
    ]
    middle = articles[2]
    published = Article.objects.published()
    assert list(published.newer_than(middle)) == [articles[3], articles[4]]
    assert list(published.older_than(middle)) == [articles[1], articles[0]]


def test_category_includes_its_sub_categories():
    parent = CategoryFactory(name="Thời sự")
    child = CategoryFactory(name="Trong tỉnh", parent=parent)
    in_child = ArticleFactory(category=child, published=True)
    assert list(Article.objects.published().in_category(parent)) == [in_child]


def test_categories_have_one_level_only():
    grandparent = CategoryFactory()
    parent = CategoryFactory(parent=grandparent)
    with pytest.raises(ValidationError):
        CategoryFactory.build(parent=parent).clean()


def test_article_addresses_are_those_reverse_gives():
    article = ArticleFactory(title="Tin mới")
    assert article.get_absolute_url() == reverse(
        "articles:detail", kwargs={"slug": article.slug, "pk": article.pk}
    )
    assert article_url(7, "tin-moi") == "/bai-viet/tin-moi-7/"
