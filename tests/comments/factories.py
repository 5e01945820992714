import factory
from django.db.models import F
from django.utils import timezone

from articles.models import Article
from comments.models import Comment
from tests.factories import ArticleFactory


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    class Params:
        approved = factory.Trait(
            status=Comment.Status.APPROVED, moderated_at=factory.LazyFunction(timezone.now)
        )

    article = factory.SubFactory(ArticleFactory, published=True)
    name = "Phạm Văn Dũng"
    phone = "0987654321"
    title = factory.Sequence(lambda n: f"Ý kiến bạn đọc {n}")
    content = "Nội dung bình luận."
    consent_at = factory.LazyFunction(timezone.now)
    consent_version = "2026-01"
    ip_hash = "a" * 64
    content_hash = factory.Sequence(lambda n: f"{n:064d}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # As the moderation services would: an approved comment counts on its article.
        comment = super()._create(model_class, *args, **kwargs)
        if comment.status == Comment.Status.APPROVED:
            Article.objects.filter(pk=comment.article_id).update(
                comment_count=F("comment_count") + 1
            )
        return comment
