import operator
from functools import reduce

from django.conf import settings
from django.db import connections, models
from django.utils.text import smart_split, unescape_string_literal
from django.utils.translation import gettext_lazy as _

from articles.models import Article

# Every flag the policy (comments/flagging.py) can raise; filters, columns, the digest and
# labels are derived from this list, so adding a flag is one field and one line here.
FLAG_FIELDS = ("flag_many_links", "flag_blocked_words", "flag_duplicate", "flag_bot")

# What the admin's search box reads of a comment, as one text. On PostgreSQL migration 0003
# indexes exactly this expression, upper-cased, with trigrams (comment_search_idx): change
# both together (tests/comments/test_queue_at_scale.py checks that the index is used).
SEARCHABLE_TEXT = models.Func(
    models.F("title"),
    models.Value(" "),
    models.F("name"),
    models.Value(" "),
    models.F("content"),
    template="(%(expressions)s)",
    arg_joiner=" || ",
    output_field=models.TextField(),
)


class _EqualsAny(models.Func):
    """`column = ANY(array)`, for PostgreSQL: it hashes the array to check rows against it,
    and can scan an index for it beside other index scans under OR (a BitmapOr)."""

    template = "(%(expressions)s))"
    arg_joiner = " = ANY("
    output_field = models.BooleanField()


def _in_articles_titled(term: str, *, using: str) -> models.Q:
    """Comments on the articles whose title contains `term`, ignoring case."""
    articles = Article.objects.using(using).filter(title__icontains=term).order_by()
    if connections[using].vendor != "postgresql":
        return models.Q(article__in=articles.values("pk"))
    from django.contrib.postgres.fields import ArrayField

    # The ids first (a trigram index finds them): PostgreSQL can then combine this with the
    # search index on comments, where `article_id IN (subquery)` under OR made it read and
    # upper-case every comment of the table.
    ids = list(articles.values_list("pk", flat=True))
    if not ids:
        return models.Q(pk__in=[])
    array = models.Value(ids, output_field=ArrayField(models.BigIntegerField()))
    return models.Q(_EqualsAny(models.F("article_id"), array))


# What the article page shows of an official reply (comments/reply_models.py).
REPLY_SHOWN = ("reply__id", "reply__content", "reply__signature", "reply__created_at")


def search_terms(text: str) -> list[str]:
    """The words of a search, "quoted phrases" kept whole, as Django's admin splits them."""
    terms = []
    for bit in smart_split(text or ""):
        if bit[:1] in ('"', "'") and bit[-1:] == bit[:1] and len(bit) > 1:
            bit = unescape_string_literal(bit)
        if bit.strip():
            terms.append(bit.strip())
    return terms


class CommentQuerySet(models.QuerySet):
    def pending(self):
        """Waiting for a moderator; never shown to readers."""
        return self.filter(status=Comment.Status.PENDING)

    def approved(self):
        """What readers may see."""
        return self.filter(status=Comment.Status.APPROVED)

    def search(self, text: str):
        """Comments with every word of `text` in their title, name or content, or in their
        article's title, ignoring case (the admin's search box)."""
        queryset = self.alias(searchable_text=SEARCHABLE_TEXT)
        for term in search_terms(text):
            queryset = queryset.filter(
                models.Q(searchable_text__icontains=term) | _in_articles_titled(term, using=self.db)
            )
        return queryset

    def waiting_per_article(self):
        """Articles' ids with their number of pending comments (`waiting`), busiest first."""
        return (
            self.pending()
            .values("article_id")
            .annotate(waiting=models.Count("*"))
            .order_by("-waiting", "article_id")
        )

    def for_article_page(self, article):
        """The approved comments under an article, featured ones first, then oldest first,
        with only what is shown."""
        return (
            self.approved()
            .filter(article=article)
            .select_related("reply")  # the newsroom's answer, in the same query
            .only("id", "name", "title", "content", "created_at", "is_featured", *REPLY_SHOWN)
            .order_by("-is_featured", "created_at", "pk")
        )

    def reported(self):
        """Hidden after readers' reports, waiting for a moderator to restore or reject."""
        return self.filter(status=Comment.Status.REPORTED)

    def moderation_ended_before(self, moment):
        """Decided (approved, rejected, spam) before `moment`."""
        return self.exclude(status=Comment.Status.PENDING).filter(moderated_at__lt=moment)

    def with_personal_data(self):
        return self.exclude(phone="", ip_hash="")

    def not_yet_notified(self):
        """Pending comments the moderators have not been told about yet."""
        return self.pending().filter(notified_at__isnull=True)


def flagged_q() -> models.Q:
    """Comments carrying at least one flag."""
    return reduce(operator.or_, (models.Q(**{name: True}) for name in FLAG_FIELDS))


class Comment(models.Model):
    FLAG_FIELDS = FLAG_FIELDS

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")
        # Approved, then reported by COMMENT_REPORTS_TO_HIDE readers: hidden until decided.
        REPORTED = "reported", _("Reported")

    class RejectionReason(models.TextChoices):
        SPAM = "spam", _("Spam or advertising")
        OFFENSIVE = "offensive", _("Offensive")
        OFF_TOPIC = "off_topic", _("Off-topic")
        PERSONAL_DATA = "personal_data", _("Contains personal data")
        OTHER = "other", _("Other (see the note)")

    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="comments",
        db_index=False,  # comment_article_time_idx starts with it
    )
    name = models.CharField(_("name"), max_length=100)
    # Normalised national form, e.g. 0912345678. Personal data: see view_personal_data.
    phone = models.CharField(_("phone number"), max_length=16, blank=True)
    title = models.CharField(_("title"), max_length=200)
    content = models.TextField(_("content"), max_length=3000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )

    # Flags only inform the moderator: a flagged comment still waits in the queue like any other.
    flag_many_links = models.BooleanField(_("many links"), default=False)
    flag_blocked_words = models.BooleanField(_("blocked words"), default=False)
    flag_duplicate = models.BooleanField(_("repeated content"), default=False)
    flag_bot = models.BooleanField(_("looks automated"), default=False)
    flag_details = models.CharField(_("flag details"), max_length=300, blank=True)

    consent_at = models.DateTimeField(_("consent given at"))
    consent_version = models.CharField(_("privacy notice version"), max_length=20)
    # A keyed hash (HMAC) of the sender's IP address: the same source is recognisable, the
    # address itself is never stored.
    ip_hash = models.CharField(_("IP fingerprint"), max_length=64, blank=True)
    content_hash = models.CharField(max_length=64, editable=False, db_index=True)

    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rejection_reason = models.CharField(
        _("rejection reason"), max_length=20, choices=RejectionReason.choices, blank=True
    )
    rejection_note = models.CharField(_("note"), max_length=500, blank=True)
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Featured comments come first under the article, with a badge.
    # Database defaults: the previous release's INSERTs, which do not name these columns,
    # still work while it serves during the migration.
    is_featured = models.BooleanField(_("featured comment"), default=False, db_default=False)
    featured_at = models.DateTimeField(_("featured at"), null=True, blank=True)
    featured_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("featured by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        # Never looked up by; an index would be built while the comments table is locked.
        db_index=False,
    )
    # Readers' reports since the last moderator's decision (CommentReport keeps them all).
    report_count = models.IntegerField(_("reports"), default=0, db_default=0)
    personal_data_erased_at = models.DateTimeField(
        _("personal data erased at"), null=True, blank=True
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        permissions = [
            ("view_personal_data", _("Can see commenters' phone numbers")),
        ]
        indexes = [
            models.Index(fields=["article", "status", "created_at"], name="comment_article_idx"),
            models.Index(fields=["status", "created_at"], name="comment_queue_idx"),
            models.Index(fields=["ip_hash", "created_at"], name="comment_source_idx"),
            models.Index(fields=["moderated_at"], name="comment_moderated_idx"),
            # The moderation queue: pending comments oldest first, counted, grouped by
            # article and filtered by flag from this small index alone. The columns after
            # created_at and id only spare visits to the table (`include` would do, but
            # SQLite warns about it).
            models.Index(
                fields=["created_at", "id", "article", *FLAG_FIELDS],
                condition=models.Q(status="pending"),
                name="comment_pending_idx",
            ),
            # An article's comments in the queue's order, whatever their status (the admin's
            # article filter); also the foreign key's index.
            models.Index(fields=["article", "created_at", "id"], name="comment_article_time_idx"),
            # An article's approved comments as its page shows them, featured first
            # (migration 0005 builds it concurrently).
            models.Index(
                fields=["article", "-is_featured", "created_at", "id"],
                condition=models.Q(status="approved"),
                name="comment_page_idx",
            ),
            # Every status at once, in the queue's order: the admin's "all" list.
            models.Index(fields=["created_at", "id"], name="comment_created_idx"),
            # The few flagged comments of every status, for the admin's flag filters.
            models.Index(
                fields=["created_at", "id", "status", *FLAG_FIELDS],
                condition=flagged_q(),
                name="comment_flagged_idx",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_flagged(self) -> bool:
        return any(getattr(self, name) for name in self.FLAG_FIELDS)

    @property
    def flag_labels(self) -> list[str]:
        """The names of the flags this comment carries, as moderators read them."""
        return [
            self._meta.get_field(name).verbose_name
            for name in self.FLAG_FIELDS
            if getattr(self, name)
        ]


class CommentReport(models.Model):
    """A reader's report that an approved comment breaks the rules: one per comment and
    source (the keyed hash of the address, never the address)."""

    class Reason(models.TextChoices):
        OFFENSIVE = "offensive", _("Offensive")
        SPAM = "spam", _("Spam or advertising")
        FALSE = "false", _("False information")
        PERSONAL_DATA = "personal_data", _("Reveals personal information")
        OTHER = "other", _("Other")

    comment = models.ForeignKey(
        Comment, verbose_name=_("comment"), on_delete=models.CASCADE, related_name="reports"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    ip_hash = models.CharField(_("IP fingerprint"), max_length=64)
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(fields=["comment", "ip_hash"], name="report_once_per_source")
        ]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.comment_id})"


class BlockedWord(models.Model):
    """A word or phrase that flags a comment for the moderators' attention."""

    phrase = models.CharField(
        _("word or phrase"),
        max_length=100,
        unique=True,
        help_text=_("Matched without regard to case or diacritics, as a whole word."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["phrase"]
        verbose_name = _("blocked word")
        verbose_name_plural = _("blocked words")

    def __str__(self):
        return self.phrase


# The newsroom's answers live in their own module; imported here so Django finds the model.
from .reply_models import Reply  # noqa: E402, F401
