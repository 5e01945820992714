"""When an article stops taking comments: closed by an editor (`Article.comments_open`), or
COMMENTS_CLOSE_AFTER_DAYS days after its publication (0: never).

A closed article keeps showing its approved comments; the form gives way to a notice, and
the comment page refuses posts. The page cache knows the next closing time
(`next_closing`, registered in CommentsConfig.ready), so pages flip the moment it comes.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from articles.models import Article


def _open_for() -> timedelta | None:
    days = settings.COMMENTS_CLOSE_AFTER_DAYS
    return timedelta(days=days) if days > 0 else None


def closes_at(article: Article) -> datetime | None:
    """When the article's comments close by themselves, or None (never, or not published)."""
    period = _open_for()
    if period is None or article.published_at is None:
        return None
    return article.published_at + period


def comments_closed(article: Article) -> bool:
    """True when readers may no longer comment on `article`."""
    if not article.comments_open:
        return True
    moment = closes_at(article)
    return moment is not None and moment <= timezone.now()


def next_closing() -> float | None:
    """When the next published article's comments close by themselves (Unix time), if any:
    the page cache rebuilds pages then, as for a scheduled article."""
    period = _open_for()
    if period is None:
        return None
    published_at = (
        Article.objects.filter(
            status=Article.Status.PUBLISHED,
            comments_open=True,
            published_at__gt=timezone.now() - period,
        )
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return (published_at + period).timestamp() if published_at else None
