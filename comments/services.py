"""Everything that changes a comment: submitting, moderating, notifying, erasing."""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Count, F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from articles.models import Article
from articles.services import cards_changed
from core import pagecache
from core.roles import can_delete_comments, can_moderate

from .closing import comments_closed
from .flagging import content_fingerprint, flags_for
from .models import Comment, CommentReport
from .personal_data import hash_ip

logger = logging.getLogger(__name__)

_DIGEST_THROTTLE_KEY = "comments:digest-sent-recently"
_DIGEST_LOCK_KEY = "comments:digest-lock"
# The same text from the same source within this many seconds is the same comment sent
# again (a reload after an error page, a double click), not a new one.
RETRY_SECONDS = 60


def recent_same_comment(*, article: Article, title: str, content: str, ip: str) -> Comment | None:
    """The comment this one repeats, if the same source sent the same words to the same
    article within RETRY_SECONDS: a retry is answered as stored, never stored twice."""
    since = timezone.now() - timedelta(seconds=RETRY_SECONDS)
    return (
        Comment.objects.filter(
            ip_hash=hash_ip(ip),
            created_at__gte=since,
            article=article,
            content_hash=content_fingerprint(title, content),
        )
        .only("pk")
        .first()
    )


class CommentsClosed(ValidationError):
    """The article no longer takes comments (closed by an editor, or by date)."""


def submit_comment(
    *,
    article: Article,
    name: str,
    phone: str,
    title: str,
    content: str,
    ip: str,
    looks_automated: list[str] | None = None,
) -> Comment:
    """Store a reader's comment as pending, flagged as the policy says, and tell moderators."""
    if comments_closed(article):
        raise CommentsClosed(_("Comments on this article are closed."))
    fingerprint = content_fingerprint(title, content)
    flags = flags_for(
        title=title,
        content=content,
        fingerprint=fingerprint,
        looks_automated=looks_automated or [],
    )
    comment = Comment.objects.create(
        article=article,
        name=name,
        phone=phone,
        title=title,
        content=content,
        status=Comment.Status.PENDING,
        consent_at=timezone.now(),
        consent_version=settings.PRIVACY_NOTICE_VERSION,
        ip_hash=hash_ip(ip),
        content_hash=fingerprint,
        **flags.as_fields(),
    )
    transaction.on_commit(_notify_moderators_safely)
    return comment


def _notify_moderators_safely() -> None:
    # Once the comment is stored the reader must hear so: trouble telling the moderators
    # (mail, cache, a query) is logged, never turned into an error page; the next digest
    # includes the comment.
    try:
        notify_moderators_soon()
    except Exception:  # noqa: BLE001 - the comment is stored; the digest catches up
        logger.exception("Could not notify the moderators of a new comment")


# --- moderation ---------------------------------------------------------------------


def _decide(
    *,
    comment: Comment,
    moderator: AbstractBaseUser,
    status: str,
    reason: str = "",
    note: str = "",
) -> Comment:
    """Record one decision atomically: two moderators at once end in one consistent state."""
    if not can_moderate(moderator):
        raise PermissionDenied(_("You are not allowed to moderate comments."))
    with transaction.atomic():
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        _count_approved(locked, new_status=status)
        locked.status = status
        locked.moderated_by = moderator
        locked.moderated_at = timezone.now()
        locked.rejection_reason = reason
        locked.rejection_note = note
        # A decision answers the reports so far: later reports count from zero.
        locked.report_count = 0
        locked.save(
            update_fields=[
                "status",
                "moderated_by",
                "moderated_at",
                "rejection_reason",
                "rejection_note",
                "report_count",
            ]
        )
    # Approved, hidden or refused: the article's page shows it (or not) at once.
    # An answered comment hidden or shown again also changes the "Hỏi đáp" page.
    transaction.on_commit(
        lambda: pagecache.scopes_changed([f"article:{locked.article_id}", "questions"])
    )
    return locked


def _count_approved(comment: Comment, *, new_status: str | None) -> None:
    """Keep the article's stored number of approved comments in step with a comment (locked
    by the caller, in its transaction) going to `new_status` (None: deleted). Cards and
    feeds show the number: the pages of cards change with it."""
    approved = Comment.Status.APPROVED
    was, will = comment.status == approved, new_status == approved
    if was == will:
        return
    # Never below zero, even if rows were written behind the services' back.
    change = F("comment_count") + 1 if will else Greatest(F("comment_count") - 1, Value(0))
    Article.objects.filter(pk=comment.article_id).update(comment_count=change)
    cards_changed()


def recount_comments(*, articles=None) -> int:
    """Count the approved comments of `articles` (default: all) again into their stored
    number, in one UPDATE; for rows written in bulk (demo content, benchmarks). Returns
    how many articles it updated."""
    approved = (
        Comment.objects.approved()
        .filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(n=Count("*"))
        .values("n")
    )
    targets = Article.objects.all() if articles is None else articles
    updated = targets.update(comment_count=Coalesce(Subquery(approved), Value(0)))
    cards_changed()
    return updated


def delete_comments(*, comments, moderator: AbstractBaseUser) -> int:
    """Delete comments for good (the admin's delete), keeping the articles' counts right;
    returns how many were deleted."""
    if not can_delete_comments(moderator):
        raise PermissionDenied(_("You are not allowed to delete comments."))
    deleted = 0
    articles = set()
    with transaction.atomic():
        for comment in Comment.objects.select_for_update().filter(pk__in=[c.pk for c in comments]):
            _count_approved(comment, new_status=None)
            articles.add(comment.article_id)
            comment.delete()
            deleted += 1
    transaction.on_commit(
        lambda: pagecache.scopes_changed(f"article:{pk}" for pk in sorted(articles))
    )
    return deleted


def approve_comment(*, comment: Comment, moderator: AbstractBaseUser) -> Comment:
    """Show a comment to readers, and record who approved it."""
    return _decide(comment=comment, moderator=moderator, status=Comment.Status.APPROVED)


def reject_comment(
    *, comment: Comment, moderator: AbstractBaseUser, reason: str, note: str = ""
) -> Comment:
    """Keep a comment off the site (or take it down), with a reason from the short list."""
    if reason not in Comment.RejectionReason.values:
        raise ValidationError(_("Choose a reason for the rejection."))
    note = (note or "").strip()
    if reason == Comment.RejectionReason.OTHER and not note:
        raise ValidationError(_("Explain the reason in the note when choosing “Other”."))
    return _decide(
        comment=comment,
        moderator=moderator,
        status=Comment.Status.REJECTED,
        reason=reason,
        note=note[:500],
    )


def mark_comment_as_spam(*, comment: Comment, moderator: AbstractBaseUser) -> Comment:
    """Spam: rejected with the spam reason, and counted as such."""
    return _decide(
        comment=comment,
        moderator=moderator,
        status=Comment.Status.SPAM,
        reason=Comment.RejectionReason.SPAM,
    )


def feature_comment(
    *, comment: Comment, moderator: AbstractBaseUser, featured: bool = True
) -> Comment:
    """Show an approved comment first under its article, with a badge (or stop doing so),
    and record who chose it."""
    if not can_moderate(moderator):
        raise PermissionDenied(_("You are not allowed to moderate comments."))
    with transaction.atomic():
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        if featured and locked.status != Comment.Status.APPROVED:
            raise ValidationError(_("Only an approved comment can be featured."))
        locked.is_featured = featured
        locked.featured_by = moderator
        locked.featured_at = timezone.now()
        locked.save(update_fields=["is_featured", "featured_by", "featured_at"])
    transaction.on_commit(lambda: pagecache.scope_changed(f"article:{locked.article_id}"))
    return locked


# --- readers' reports ---------------------------------------------------------------


class AlreadyReported(ValidationError):
    """This source has reported this comment before."""


def report_comment(*, comment: Comment, reason: str, ip: str) -> Comment:
    """Record a reader's report of an approved comment, once per source. The report that
    makes COMMENT_REPORTS_TO_HIDE since the last decision hides the comment until a
    moderator restores (approves) or rejects it."""
    if reason not in CommentReport.Reason.values:
        raise ValidationError(_("Choose a reason for the report."))
    source = hash_ip(ip)
    with transaction.atomic():
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        if locked.status != Comment.Status.APPROVED:
            raise ValidationError(_("This comment can no longer be reported."))
        try:
            with transaction.atomic():
                CommentReport.objects.create(comment=locked, reason=reason, ip_hash=source)
        except IntegrityError:
            raise AlreadyReported(_("You have already reported this comment.")) from None
        locked.report_count = F("report_count") + 1
        locked.save(update_fields=["report_count"])
        locked.refresh_from_db(fields=["report_count"])
        if locked.report_count >= settings.COMMENT_REPORTS_TO_HIDE:
            _count_approved(locked, new_status=Comment.Status.REPORTED)
            locked.status = Comment.Status.REPORTED
            locked.save(update_fields=["status"])
            # Hidden: from its article's page, and from "Hỏi đáp" if it was answered.
            transaction.on_commit(
                lambda: pagecache.scopes_changed([f"article:{locked.article_id}", "questions"])
            )
    return locked


# --- notifying moderators -----------------------------------------------------------


def notify_moderators_soon() -> None:
    """Mail the moderators now unless a mail went out recently (then the digest catches up).

    A flood of comments becomes at most one mail per COMMENT_NOTIFY_INTERVAL seconds; the
    `send_comment_digest` command (run every few minutes) sends what is still untold.
    """
    if not settings.COMMENT_NOTIFY_EMAILS:
        return
    if cache.add(_DIGEST_THROTTLE_KEY, 1, settings.COMMENT_NOTIFY_INTERVAL):
        send_moderation_digest()


def send_moderation_digest() -> int:
    """One mail listing the pending comments not yet notified; returns how many it listed.

    A failure is logged and changes nothing, so the next digest includes those comments.
    """
    recipients = settings.COMMENT_NOTIFY_EMAILS
    if not recipients:
        return 0
    if not cache.add(_DIGEST_LOCK_KEY, 1, 60):
        return 0  # another worker is sending right now
    try:
        comments = list(
            Comment.objects.not_yet_notified()
            .select_related("article")
            .only(
                "id",
                "title",
                "created_at",
                *Comment.FLAG_FIELDS,
                "article__id",
                "article__title",
            )  # fmt: skip
            .order_by("created_at")[:500]
        )
        if not comments:
            return 0
        count = len(comments)
        subject = ngettext(
            "%(count)d new comment awaits moderation",
            "%(count)d new comments await moderation",
            count,
        ) % {"count": count}
        queue_url = settings.SITE_URL + reverse("admin:comments_comment_changelist")
        body = render_to_string(
            "comments/email/moderation_digest.txt",
            {"comments": comments[:50], "count": count, "queue_url": queue_url},
        )
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
        except Exception:  # noqa: BLE001 - mail trouble must never lose or block comments
            logger.exception("Could not send the moderation digest (%d comments)", count)
            return 0
        Comment.objects.filter(pk__in=[c.pk for c in comments]).update(notified_at=timezone.now())
        return count
    finally:
        cache.delete(_DIGEST_LOCK_KEY)


# --- personal data ------------------------------------------------------------------


def purge_personal_data(*, older_than_days: int) -> int:
    """Erase phone numbers and IP hashes of comments moderated more than N days ago, and
    readers' reports (each holds its sender's IP hash) made more than N days ago: the count
    on the comment stays, and the same source may report it again afterwards."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    CommentReport.objects.filter(created_at__lt=cutoff).delete()
    return (
        Comment.objects.moderation_ended_before(cutoff)
        .with_personal_data()
        .update(phone="", ip_hash="", personal_data_erased_at=timezone.now())
    )
