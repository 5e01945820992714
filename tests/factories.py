from datetime import timedelta
from io import BytesIO

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from PIL import Image

from articles.models import Article, Category, Series


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.vn")
    password = factory.django.Password("mat-khau-thu-nghiem")


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Chuyên mục {n}")


class SeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Series

    title = factory.Sequence(lambda n: f"Loạt bài số {n}")
    description = "Một loạt bài nhiều kỳ."


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    class Params:
        published = factory.Trait(
            status=Article.Status.PUBLISHED,
            published_at=factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1)),
        )

    category = factory.SubFactory(CategoryFactory)
    title = factory.Sequence(lambda n: f"Bài viết thử nghiệm số {n}")
    lead = "Phần mở đầu của bài viết."
    body = "<p>Nội dung bài viết.</p>"
    created_by = factory.SubFactory(UserFactory)
    status = Article.Status.DRAFT


def png_bytes(width: int = 64, height: int = 40, color=(155, 28, 28)) -> bytes:
    """A small real PNG."""
    out = BytesIO()
    Image.new("RGB", (width, height), color).save(out, format="PNG")
    return out.getvalue()
