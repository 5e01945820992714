"""Services for the newsroom's official replies (kept beside comments/services.py, which
decides on the comments themselves)."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import pagecache
from core.roles import can_answer_comments

from .models import Comment
from .reply_models import REPLY_MAX_CHARS, SIGNATURE_MAX_CHARS, Reply

# The "Hỏi đáp" page's own scope: a moderator's decision on an answered comment changes it
# (comments/services.py bumps it with the article's), a reply bumps the site's version.
QUESTIONS_SCOPE = "questions"


def _clean(content: str, signature: str) -> tuple[str, str]:
    content = "\n".join(line.rstrip() for line in (content or "").strip().splitlines())
    signature = " ".join((signature or "").split())
    if not content:
        raise ValidationError(_("Write the answer."))
    if len(content) > REPLY_MAX_CHARS:
        raise ValidationError(
            _("The answer is too long: at most %(max)d characters.") % {"max": REPLY_MAX_CHARS}
        )
    if len(signature) > SIGNATURE_MAX_CHARS:
        raise ValidationError(
            _("The signature is too long: at most %(max)d characters.")
            % {"max": SIGNATURE_MAX_CHARS}
        )
    return content, signature


def _pages_changed(article_id: int) -> None:
    # The article shows the answer under its comment; the "Hỏi đáp" page lists it and is
    # built with the site's version.
    transaction.on_commit(
        lambda: (
            pagecache.scopes_changed([f"article:{article_id}", QUESTIONS_SCOPE]),
            pagecache.site_changed(),
        )
    )


def answer_comment(
    *, comment: Comment, actor: AbstractBaseUser, content: str, signature: str = ""
) -> Reply:
    """Publish the newsroom's answer under an approved comment (one answer per comment)."""
    if not can_answer_comments(actor):
        raise PermissionDenied(_("You are not allowed to answer comments."))
    content, signature = _clean(content, signature)
    with transaction.atomic():
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        if locked.status != Comment.Status.APPROVED:
            raise ValidationError(_("Only an approved comment can be answered."))
        if Reply.objects.filter(comment=locked).exists():
            raise ValidationError(_("This comment already has an answer: edit that one."))
        reply = Reply(comment=locked, content=content, signature=signature, created_by=actor)
        reply._history_user = actor
        reply.save()
    _pages_changed(locked.article_id)
    return reply


def edit_reply(
    *, reply: Reply, actor: AbstractBaseUser, content: str, signature: str = ""
) -> Reply:
    """Change an answer's text or signature; the earlier version stays in its history."""
    if not can_answer_comments(actor):
        raise PermissionDenied(_("You are not allowed to answer comments."))
    content, signature = _clean(content, signature)
    with transaction.atomic():
        locked = Reply.objects.select_for_update().select_related("comment").get(pk=reply.pk)
        if (locked.content, locked.signature) == (content, signature):
            return locked
        locked.content, locked.signature = content, signature
        locked.updated_by, locked.updated_at = actor, timezone.now()
        locked._history_user = actor
        locked.save()
    _pages_changed(locked.comment.article_id)
    return locked


def withdraw_reply(*, reply: Reply, actor: AbstractBaseUser) -> None:
    """Take an answer off the site (its history keeps what it said)."""
    if not can_answer_comments(actor):
        raise PermissionDenied(_("You are not allowed to answer comments."))
    article_id = Comment.objects.filter(pk=reply.comment_id).values_list("article_id", flat=True)
    article_id = article_id.first()
    reply._history_user = actor
    reply.delete()
    if article_id is not None:
        _pages_changed(article_id)
