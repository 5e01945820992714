"""Everything that changes an article's state: the editorial workflow."""

from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import pagecache
from core.roles import can_publish, can_submit_for_review

from .models import Article


def submit_for_review(*, article: Article, user: AbstractBaseUser) -> Article:
    """A journalist hands their draft to the editors."""
    if article.status != Article.Status.DRAFT:
        raise ValidationError(_("Only a draft can be submitted for review."))
    if not can_submit_for_review(user, article):
        raise PermissionDenied(_("You can only submit your own articles."))
    article.status = Article.Status.REVIEW
    article.submitted_at = timezone.now()
    article.save(update_fields=["status", "submitted_at", "updated_at"])
    return article


def publish_article(
    *, article: Article, editor: AbstractBaseUser, at: datetime | None = None
) -> Article:
    """Publish now, or at `at` (a future time schedules it: it appears by itself then)."""
    if not can_publish(editor):
        raise PermissionDenied(_("Only editors can publish articles."))
    article.status = Article.Status.PUBLISHED
    article.published_at = at or article.published_at or timezone.now()
    article.published_by = editor
    article.save(update_fields=["status", "published_at", "published_by", "updated_at"])
    reader_pages_changed()
    return article


def unpublish_article(*, article: Article, editor: AbstractBaseUser) -> Article:
    """Take an article off the site (or send a submitted one back) as a draft."""
    if not can_publish(editor):
        raise PermissionDenied(_("Only editors can unpublish articles."))
    article.status = Article.Status.DRAFT
    article.save(update_fields=["status", "updated_at"])
    reader_pages_changed()
    return article


def reader_pages_changed() -> None:
    """Articles, categories or series changed: readers see it on their next request (once
    the change is committed), on every page that shows them."""
    transaction.on_commit(pagecache.site_changed)


def next_scheduled_change() -> float | None:
    """When the next scheduled article appears (Unix time), if one is waiting."""
    moment = (
        Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return moment.timestamp() if moment else None
