"""Every public page costs a fixed number of queries, whatever the number of articles."""

import pytest
from django.core.files.base import ContentFile

from tests.factories import ArticleFactory, CategoryFactory, SeriesFactory, png_bytes

pytestmark = pytest.mark.django_db

# Cold: cached fragments (menu, related lists, most read) are built once; with the
# database cache each costs a few queries of its own. Warm: what most readers get.
COLD_MAX = 30
WARM_MAX = 10


@pytest.fixture
def newsroom(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    categories = [CategoryFactory(name=f"Chuyên mục {n}") for n in range(4)]
    series = SeriesFactory()

    def add(count):
        made = []
        for n in range(count):
            article = ArticleFactory(
                category=categories[n % 4],
                published=True,
                series=series
                if n < 3 and not series.articles.filter(part_number=n + 1).exists()
                else None,
                part_number=n + 1
                if n < 3 and not series.articles.filter(part_number=n + 1).exists()
                else None,
            )
            if n % 3 == 0:
                article.cover_alt = "Ảnh minh họa"
                article.cover_image.save(f"c{article.pk}.png", ContentFile(png_bytes()), save=True)
            made.append(article)
        return made

    return categories, series, add


def pages(categories, series, article):
    return [
        "/",
        categories[0].get_absolute_url(),
        categories[0].get_absolute_url() + "?page=2",
        series.get_absolute_url(),
        article.get_absolute_url(),
    ]


def measure(client, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(COLD_MAX):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(WARM_MAX) as warm:
        assert client.get(url).status_code == 200
    return len(warm.captured_queries)


def test_public_pages_do_not_grow_with_the_number_of_articles(
    client, newsroom, django_assert_max_num_queries, page_cache_off
):
    categories, series, add = newsroom
    article = add(85)[5]
    few = {
        url: measure(client, url, django_assert_max_num_queries)
        for url in pages(categories, series, article)
    }
    add(60)
    many = {
        url: measure(client, url, django_assert_max_num_queries)
        for url in pages(categories, series, article)
    }
    assert few == many
