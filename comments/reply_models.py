"""The newsroom's official answer to a reader's comment.

Kept in its own module (imported by comments/models.py) so the comment model stays as it is.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

# The longest answer, in characters (a few paragraphs; an article is the place for more).
REPLY_MAX_CHARS = 5000
SIGNATURE_MAX_CHARS = 100


class ReplyQuerySet(models.QuerySet):
    def public(self):
        """Answers readers may see: to an approved comment on a published article."""
        from articles.models import Article

        return self.filter(
            comment__status="approved",
            comment__article__status=Article.Status.PUBLISHED,
            comment__article__published_at__lte=timezone.now(),
        )

    def for_questions_page(self):
        """The "Hỏi đáp" page: newest answer first, with its question and article, and only
        what is shown (never the phone number)."""
        return (
            self.public()
            .select_related("comment", "comment__article")
            .only(
                "id",
                "content",
                "signature",
                "created_at",
                "comment__id",
                "comment__name",
                "comment__title",
                "comment__content",
                "comment__created_at",
                "comment__article__id",
                "comment__article__slug",
                "comment__article__title",
            )  # fmt: skip
            .order_by("-created_at", "-pk")
        )


class Reply(models.Model):
    """One answer per comment, written in the admin by holders of `answer_comment`."""

    comment = models.OneToOneField(
        "comments.Comment",
        verbose_name=_("comment"),
        on_delete=models.CASCADE,
        related_name="reply",
    )
    content = models.TextField(
        _("answer"),
        max_length=REPLY_MAX_CHARS,
        help_text=_("Plain text; leave an empty line between paragraphs."),
    )
    signature = models.CharField(
        _("signature"),
        max_length=SIGNATURE_MAX_CHARS,
        blank=True,
        help_text=_(
            "The department that answers, e.g. “Phòng Tài nguyên và Môi trường”. "
            "Empty: the editorial board."
        ),
    )
    created_at = models.DateTimeField(_("answered at"), default=timezone.now, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("edited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ReplyQuerySet.as_manager()
    # Every version of the answer: who wrote or changed it, when, and what it said.
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("official reply")
        verbose_name_plural = _("official replies")
        permissions = [
            ("answer_comment", _("Can answer readers' comments on behalf of the newsroom")),
        ]

    def __str__(self):
        return str(self.comment.title) if self.comment_id else ""

    @property
    def has_signature(self) -> bool:
        return bool(self.signature.strip())

    @property
    def paragraphs(self) -> list[str]:
        """The answer's paragraphs (separated by empty lines), each stripped."""
        blocks = "\n".join(line.rstrip() for line in self.content.splitlines()).split("\n\n")
        return [block.strip("\n") for block in blocks if block.strip()]
