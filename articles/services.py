"""Everything that changes an article's state: the editorial workflow."""

from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import pagecache
from core.roles import can_publish, can_restore_revisions, can_submit_for_review, can_withdraw

from .models import Article, Category, Series


def _record(article: Article, *, user: AbstractBaseUser, event: str) -> None:
    """The revision the next save of `article` keeps: who did it, and which workflow step."""
    article._history_user = user
    article._change_reason = event


def submit_for_review(*, article: Article, user: AbstractBaseUser) -> Article:
    """A journalist hands their draft to the editors."""
    if article.status != Article.Status.DRAFT:
        raise ValidationError(_("Only a draft can be submitted for review."))
    if not can_submit_for_review(user, article):
        raise PermissionDenied(_("You can only submit your own articles."))
    article.status = Article.Status.REVIEW
    article.submitted_at = timezone.now()
    _record(article, user=user, event=Article.Event.SUBMITTED)
    article.save(update_fields=["status", "submitted_at", "updated_at"])
    return article


def withdraw_article(*, article: Article, user: AbstractBaseUser) -> Article:
    """The author takes back an article waiting for review, to change it: a draft again."""
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        if article.status != Article.Status.REVIEW:
            raise ValidationError(
                _(
                    "Only an article waiting for review can be withdrawn; an editor has already acted on this one."
                )
            )
        if not can_withdraw(user, article):
            raise PermissionDenied(_("Only its author can withdraw an article."))
        article.status = Article.Status.DRAFT
        article.submitted_at = None
        _record(article, user=user, event=Article.Event.WITHDRAWN)
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
    event = Article.Event.SCHEDULED if article.is_scheduled else Article.Event.PUBLISHED
    _record(article, user=editor, event=event)
    article.save(update_fields=["status", "published_at", "published_by", "updated_at"])
    reader_pages_changed()
    return article


def unpublish_article(*, article: Article, editor: AbstractBaseUser) -> Article:
    """Take an article off the site (or send a submitted one back) as a draft."""
    if not can_publish(editor):
        raise PermissionDenied(_("Only editors can unpublish articles."))
    article.status = Article.Status.DRAFT
    _record(article, user=editor, event=Article.Event.UNPUBLISHED)
    article.save(update_fields=["status", "updated_at"])
    reader_pages_changed()
    return article


def restore_revision(*, article: Article, revision, editor: AbstractBaseUser) -> Article:
    """Bring back the text of an earlier revision (title, lead, body, cover, category,
    series, byline); the workflow state stays as it is, and the restore is a revision too."""
    if not can_restore_revisions(editor):
        raise PermissionDenied(_("Only editors can restore an earlier version."))
    if revision.id != article.pk:
        raise ValidationError(_("This version belongs to another article."))
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        problems = []
        cover = revision.cover_image
        if cover and not Article.cover_image.field.storage.exists(cover):
            problems.append(_("The cover image of that version is no longer stored."))
            cover = article.cover_image
        for name in Article.CONTENT_FIELDS:
            setattr(article, name, getattr(revision, name))
        article.cover_image = cover
        if not Category.objects.filter(pk=article.category_id).exists():
            problems.append(_("The category of that version no longer exists."))
        if article.series_id and not Series.objects.filter(pk=article.series_id).exists():
            problems.append(_("The series of that version no longer exists."))
        holder = part_holder(article)
        if holder is not None:
            problems.append(
                _("Part %(number)s of the series is now “%(title)s”.")
                % {"number": article.part_number, "title": holder.title}
            )
        if problems:
            raise ValidationError(problems)
        # The version's number as the history lists it (its place among the article's).
        number = Article.history.filter(id=article.pk, history_id__lte=revision.history_id).count()
        _record(article, user=editor, event=f"{Article.Event.RESTORED}:{number}")
        article.save()
    reader_pages_changed()
    return article


def part_holder(article: Article) -> Article | None:
    """The other article that already is part `article.part_number` of its series."""
    if not (article.series_id and article.part_number):
        return None
    return (
        Article.objects.filter(series_id=article.series_id, part_number=article.part_number)
        .exclude(pk=article.pk)
        .only("id", "title", "slug", "status", "published_at", "created_by_id", "series_id",
              "part_number")
        .first()
    )  # fmt: skip


# Article cards (home, category, series, search results) show a number that changes without
# any edit of the article: its approved comments. The pages listing cards carry this scope
# besides the site's, so a comment decision rebuilds them, not every page of the site.
CARDS_SCOPE = "cards"


def cards_changed() -> None:
    """What a card shows changed (after the transaction commits)."""
    transaction.on_commit(lambda: pagecache.scope_changed(CARDS_SCOPE))


# An article page keeps its story as fragments keyed by the article's last edit, so that
# a change of another article does not rebuild them; what they show of the article's
# category and series is keyed by this scope, which a change of either bumps.
TAXONOMY_SCOPE = "taxonomy"


def taxonomy_changed() -> None:
    """A category or a series changed (after the transaction commits)."""
    transaction.on_commit(lambda: pagecache.scope_changed(TAXONOMY_SCOPE))


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
