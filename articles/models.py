from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from types import SimpleNamespace

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.signals import setting_changed
from django.db import connections, models
from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFit
from simple_history.models import HistoricalRecords

from core.urls import quick_reverse

from .analysis import document as search_document
from .search import search_articles
from .text import html_to_text, sanitize_html, strip_dateline, vietnamese_slugify

# Widths of the cover renditions: Article gets a `cover_<width>` field for each, and the
# `cover_srcset` tag offers them all. Generated when the cover is saved ("optimistic"), so
# rendering a page never touches the storage to check that they exist.
COVER_WIDTHS = (480, 800, 1200)


# A rendition's address follows from the cover's file name and the width alone, but
# imagekit works it out by hashing its spec each time (about half a millisecond, more than
# the rest of a card): each process remembers the addresses it has made.
_cover_urls: dict[tuple[str, int], str] = {}


@receiver(setting_changed)
def _forget_addresses(setting, **kwargs):
    # Where files and pages live is fixed for a running site; tests change it.
    if setting in ("STORAGES", "MEDIA_URL"):
        _cover_urls.clear()


def article_url(pk: int, slug: str) -> str:
    """An article's address. Lists show dozens of articles, and the article page the
    neighbours of each: formatted, not reversed (a fifth of the cost of a list's item)."""
    return quick_reverse("articles:detail", slug=slug, pk=pk)


def part_title(title: str, series_id: int | None, part_number: int | None) -> str:
    """`Bài N: title` inside a series, the plain title otherwise."""
    if series_id and part_number:
        return _("Part %(number)s: %(title)s") % {"number": part_number, "title": title}
    return title


@dataclass(frozen=True, slots=True)
class ArticleLink:
    """An article as a list of titles shows it: read as plain values (links()), no model
    instance built, its list item rendered when it is read (the related lists reuse the
    category's links on every article page, see articles/related.py)."""

    pk: int
    url: str
    title: str
    iso: str  # for `<time datetime>`: "2026-11-27T09:05:00+07:00" (as the time_element filter writes it)
    day: str  # "27/11/2026": the day in the language's DATE_FORMAT
    html: str  # its list item (LINK_HTML), made once

    @classmethod
    def of(cls, pk, slug, title, series_id, part_number, published_at) -> "ArticleLink":
        local = timezone.localtime(published_at)
        url = article_url(pk, slug)
        title = part_title(title, series_id, part_number)
        iso = local.isoformat(timespec="seconds")
        day = _day_text(local.date(), get_language())
        html = format_html(LINK_HTML, url, title, iso, day)
        return cls(pk=pk, url=url, title=title, iso=iso, day=day, html=html)


@lru_cache(maxsize=1024)
def _day_text(day: date, language: str) -> str:
    return date_format(day, "DATE_FORMAT")


LINK_FIELDS = ("pk", "slug", "title", "series_id", "part_number", "published_at")
# An item of a list of titles: its address, title, `<time datetime>` and day. Made for
# every link of a category a worker keeps (articles/related.py): formatted, not a template
# rendered each time (a fifteenth of the cost).
LINK_HTML = '<li><a href="{}">{}</a> <span class="meta">(<time datetime="{}">{}</time>)</span></li>'


def _link_order(row) -> tuple:
    # A row of LINK_FIELDS in the order of lists: publish time, then key.
    return row[-1], row[0]


def _cover_rendition(width: int) -> ImageSpecField:
    return ImageSpecField(
        source="cover_image",
        processors=[ResizeToFit(width=width, upscale=False)],
        format="WEBP",
        options={"quality": 80},
        cachefile_strategy="imagekit.cachefiles.strategies.Optimistic",
    )


def person_name(user) -> str:
    """A staff member's name in Vietnamese order: family name, then given name."""
    return " ".join(filter(None, [user.last_name.strip(), user.first_name.strip()])) or (
        user.get_username()
    )


def unique_slug(model, base: str, *, instance_pk=None, max_length: int = 200) -> str:
    """`base`, or `base-2`, `base-3`... whichever no other row of `model` uses."""
    base = (base or "bai-viet")[: max_length - 8].strip("-") or "bai-viet"
    candidate, n = base, 2
    others = (
        model._default_manager.exclude(pk=instance_pk) if instance_pk else model._default_manager
    )
    while others.filter(slug=candidate).exists():
        candidate, n = f"{base}-{n}", n + 1
    return candidate


class Category(models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, blank=True,
                            help_text=_("Left empty, it is made from the name."))  # fmt: skip
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        limit_choices_to={"parent__isnull": True},
    )

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return f"{self.parent.name} › {self.name}" if self.parent_id and self.parent else self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Category, vietnamese_slugify(self.name), instance_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:category", kwargs={"slug": self.slug})

    def clean(self):
        if self.parent_id:
            if self.pk and self.parent_id == self.pk:
                raise ValidationError({"parent": _("A category cannot be its own parent.")})
            if self.parent.parent_id:
                raise ValidationError({"parent": _("Categories have only one level of nesting.")})
            if self.pk and self.children.exists():
                raise ValidationError(
                    {"parent": _("This category has sub-categories, so it cannot have a parent.")}
                )


class Series(models.Model):
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True,
                            help_text=_("Left empty, it is made from the title."))  # fmt: skip
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("series")
        verbose_name_plural = _("series")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Series, vietnamese_slugify(self.title), instance_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:series", kwargs={"slug": self.slug})


# Fields a card (home, lists, sidebars) needs; the body stays in the database.
LISTING_FIELDS = (
    "id", "title", "slug", "lead", "published_at", "status", "view_count", "part_number", "is_featured",
    "comment_count",
    "cover_image", "cover_alt", "cover_width", "cover_height", "category__id", "category__name", "category__slug",
    "series__id", "series__title", "series__slug",
)  # fmt: skip


DETAIL_FIELDS = (
    "id", "category_id", "series_id", "part_number", "title", "slug", "lead", "body", "cover_image",
    "cover_width", "cover_height", "cover_caption", "cover_alt", "byline", "status", "published_at",
    "view_count", "comment_count", "comments_open", "updated_at", "created_by_id",
)  # fmt: skip


# Values a query is compiled with in place of the ones it runs with (_CompiledQuery): none
# can be a real key or publish time.
_KEY = -1_000_001
_CATEGORY = -1_000_002
_NOW = datetime(1901, 1, 1, 0, 0, 1, tzinfo=UTC)
_MOMENT = datetime(1901, 1, 1, 0, 0, 2, tzinfo=UTC)


@dataclass(frozen=True)
class _Param:
    name: str
    field: models.Field


@dataclass(frozen=True)
class _CompiledQuery:
    """A queryset's SQL as the ORM compiles it, kept to be run again with other values.

    Building a queryset and compiling it cost more than running it on an article page the
    page cache misses: the queries that page runs are compiled once per process and
    database, with placeholder values, and each later run puts its own values in their
    places, prepared for the database as the ORM prepares them."""

    sql: str
    params: tuple  # each a _Param, or a constant of the query (e.g. the published status)
    field_names: list[str]
    compiler: object
    converters: dict

    @classmethod
    def of(cls, queryset, **placeholders) -> "_CompiledQuery":
        """`queryset` built with placeholders: name → (value, field it is compared with)."""
        connection = connections[queryset.db]
        compiler = queryset.query.get_compiler(queryset.db)
        sql, params = compiler.as_sql()
        named = {
            field.get_db_prep_value(value, connection): _Param(name, field)
            for name, (value, field) in placeholders.items()
        }
        params = tuple(named.get(param, param) for param in params)
        found = {param.name for param in params if isinstance(param, _Param)}
        if found != set(placeholders):  # a placeholder the query does not use as such
            raise RuntimeError(f"unexpected parameters in {sql!r}: {params!r}")
        columns = [column for column, _sql, _alias in compiler.select]
        return cls(
            sql=sql,
            params=params,
            field_names=[column.target.attname for column in columns],
            compiler=compiler,
            converters=compiler.get_converters(columns),
        )

    def rows(self, alias: str, **values) -> list[tuple]:
        connection = connections[alias]
        params = [
            param.field.get_db_prep_value(values[param.name], connection)
            if isinstance(param, _Param)
            else param
            for param in self.params
        ]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.converters:
            rows = list(self.compiler.apply_converters(rows, self.converters))
        return rows


def _field(name: str) -> models.Field:
    return Article._meta.get_field(name)


@lru_cache(maxsize=8)
def _detail_query(alias: str) -> _CompiledQuery:
    """for_detail() by key (no ORDER BY: one row)."""
    queryset = Article.objects.using(alias).for_detail().filter(pk=_KEY).order_by()
    return _CompiledQuery.of(queryset, key=(_KEY, _field("id")))


@lru_cache(maxsize=32)
def _neighbour_queries(alias: str, count: int) -> list[_CompiledQuery]:
    """The `count` published articles of a category just after an article and the `count`
    just before, as links: one query where the database keeps each part's ORDER BY and
    LIMIT in a UNION (PostgreSQL), else two."""
    near = Article.objects.using(alias).published(now=_NOW).filter(category_id=_CATEGORY)
    place = SimpleNamespace(published_at=_MOMENT, pk=_KEY)
    parts = [
        near.newer_than(place)[:count].values_list(*LINK_FIELDS),
        near.older_than(place)[:count].values_list(*LINK_FIELDS),
    ]
    if connections[alias].features.supports_slicing_ordering_in_compound:
        parts = [parts[0].union(parts[1], all=True)]
    placeholders = {
        "now": (_NOW, _field("published_at")),
        "moment": (_MOMENT, _field("published_at")),
        "category": (_CATEGORY, _field("category")),
        "key": (_KEY, _field("id")),
    }
    return [_CompiledQuery.of(part, **placeholders) for part in parts]


@receiver(setting_changed)
def _database_changed(setting, **kwargs):
    if setting == "DATABASES":
        _detail_query.cache_clear()
        _neighbour_queries.cache_clear()


class ArticleQuerySet(models.QuerySet):
    def published(self, now=None):
        """What readers may see: published, and its publish time has come (by `now`)."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=now or timezone.now())

    def in_category(self, category):
        """A category's articles, those of its sub-categories included."""
        # The ids first (one small query): `category_id = x` lets PostgreSQL count and page
        # through the category's own index entries, where a join on the parent scanned
        # every published article (the COUNT of a category page grew with the site).
        ids = [category.pk, *Category.objects.filter(parent=category).values_list("pk", flat=True)]
        return self.filter(category_id__in=ids)

    def in_series(self, series):
        """A series' parts, in reading order."""
        return self.filter(series=series).order_by(
            F("part_number").asc(nulls_last=True), "published_at"
        )

    def for_listing(self):
        # Cards show category and series: one query, not one per card.
        return self.select_related("category", "series").only(*LISTING_FIELDS)

    def for_detail(self):
        # The article alone: its category and series come from each worker's copy
        # (articles.taxonomy.attach_taxonomy), and the author is read only for an article
        # without a byline, in the story's fragment. Not the search document (four times
        # the body) nor what only the newsroom reads.
        return self.only(*DETAIL_FIELDS)

    def detail(self, pk: int):
        """The article `pk` as for_detail() reads it, or None (whatever this queryset's
        filters: a query compiled once per process), built as the ORM's iterator does."""
        compiled = _detail_query(self.db)
        rows = compiled.rows(self.db, key=pk)
        if not rows:
            return None
        return self.model.from_db(self.db, compiled.field_names, rows[0])

    def neighbour_links(self, article, count: int) -> tuple[list, list]:
        """What `published().filter(category_id=article.category_id)` gives for
        `newer_than(article)[:count]` and `older_than(article)[:count]` (whatever this
        queryset's filters), as ArticleLink lists: queries compiled once per process."""
        now = timezone.now()
        moment = article.published_at or now
        values = {
            "now": now,
            "moment": moment,
            "category": article.category_id,
            "key": article.pk,
        }
        rows = [
            row
            for query in _neighbour_queries(self.db, count)
            for row in query.rows(self.db, **values)
        ]
        # Each part keeps its order in a UNION on PostgreSQL, but nothing promises it.
        place = (moment, article.pk)
        rows.sort(key=_link_order)
        newer = [ArticleLink.of(*row) for row in rows if _link_order(row) > place]
        older = [ArticleLink.of(*row) for row in reversed(rows) if _link_order(row) < place]
        return newer, older

    def search(self, query: str):
        """Matching every syllable of `query`, diacritics or not, best first (articles.search)."""
        return search_articles(self, query)

    def for_search(self):
        # A result shows a snippet of the lead or the body.
        return self.select_related("category", "series").only(*LISTING_FIELDS, "body")

    def for_feed(self):
        # An item names its author and category; the body stays in the database.
        return self.select_related("category", "series", "created_by").defer("body", "search_text")

    def newer_than(self, article):
        """Published after `article`, nearest first (an unpublished one counts as now)."""
        moment = article.published_at or timezone.now()
        # The redundant bound is what an index can start from; the OR alone is a filter
        # checked on every article between the newest and this one.
        return (
            self.filter(published_at__gte=moment)
            .filter(Q(published_at__gt=moment) | Q(published_at=moment, pk__gt=article.pk))
            .order_by("published_at", "pk")
        )

    def older_than(self, article):
        """Published before `article`, nearest first (an unpublished one counts as now)."""
        moment = article.published_at or timezone.now()
        return (
            self.filter(published_at__lte=moment)
            .filter(Q(published_at__lt=moment) | Q(published_at=moment, pk__lt=article.pk))
            .order_by("-published_at", "-pk")
        )

    def links(self) -> list[ArticleLink]:
        """The articles as links of a list of titles (the article page's newer and older
        ones): plain values, no model instances."""
        return [ArticleLink.of(*row) for row in self.values_list(*LINK_FIELDS)]

    def most_read(self, *, days: int = 30, count: int = 10):
        """The `count` most viewed articles published in the last `days` days."""
        since = timezone.now() - timedelta(days=days)
        ranking = ("-view_count", "-published_at", "-pk")
        # The ranking reads only ids and counts; the `count` winners are then fetched with
        # what the box shows. Ranking whole rows (with their category and series) cost
        # three times as much with a month of a busy newsroom's articles (1,500).
        top = self.filter(published_at__gte=since).order_by(*ranking).values("pk")[:count]
        return self.filter(pk__in=top).order_by(*ranking)

    def latest_per_category(self, per_category: int):
        """The newest `per_category` articles of each category."""
        if connections[self.db].features.supports_slicing_ordering_in_compound:
            # One short index scan per category (UNION ALL of LIMITed selects), after one
            # query for the categories' ids. Ranking every article with a window function
            # sorted the whole site: 0.4 s with 100,000 articles.
            parts = [
                self.filter(category_id=pk)
                .order_by("-published_at", "-pk")
                .values("pk")[:per_category]
                for pk in Category.objects.using(self.db).values_list("pk", flat=True)
            ]
            if not parts:
                return self.none()
            chosen = self.filter(pk__in=parts[0].union(*parts[1:], all=True))
        else:
            # SQLite cannot LIMIT the parts of a UNION; a small site's window is cheap.
            chosen = self.annotate(
                rank=Window(
                    RowNumber(),
                    partition_by=[F("category_id")],
                    order_by=[F("published_at").desc(), F("pk").desc()],
                )
            ).filter(rank__lte=per_category)
        return chosen.order_by("category__order", "category__name", "-published_at", "-pk")

    def awaiting_review(self):
        """Submitted by journalists, waiting for an editor."""
        return self.filter(status=Article.Status.REVIEW)


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("Awaiting review")
        PUBLISHED = "published", _("Published")

    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="articles"
    )
    series = models.ForeignKey(
        Series,
        verbose_name=_("series"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
    )
    part_number = models.PositiveSmallIntegerField(
        _("part number"), null=True, blank=True, help_text=_("“Part N” within the series.")
    )
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True,
                            help_text=_("Left empty, it is made from the title."))  # fmt: skip
    lead = models.TextField(
        _("lead"),
        max_length=1000,
        help_text=_("The bold opening paragraph. The dateline (“HNP - ”) is added on the site."),
    )
    body = models.TextField(_("body"), blank=True)
    cover_image = models.ImageField(
        _("cover image"),
        upload_to="covers/%Y/%m/",
        blank=True,
        width_field="cover_width",
        height_field="cover_height",
    )
    # Stored so pages can give the browser the image's size without opening the file.
    cover_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_caption = models.CharField(_("cover caption"), max_length=300, blank=True)
    cover_alt = models.CharField(
        _("cover alternative text"),
        max_length=200,
        blank=True,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )
    byline = models.CharField(
        _("byline"),
        max_length=150,
        blank=True,
        help_text=_(
            "The author's name as printed (a pen name is fine). Left empty, the account's name is used."
        ),
    )
    is_featured = models.BooleanField(_("featured"), default=False,
                                      help_text=_("Shown as the lead story on the home page."))  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="articles",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("publish time"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    # Not indexed: every page view updates it, and an indexed column would rule out HOT
    # updates. most_read() narrows to recent articles by publish time before sorting.
    view_count = models.PositiveIntegerField(_("views"), default=0)
    # Approved comments, kept in step by the comment services in the same transaction as
    # each decision: cards and feeds show it without a COUNT per article.
    comment_count = models.PositiveIntegerField(_("comments"), default=0, editable=False)
    comments_open = models.BooleanField(
        _("comments open"),
        default=True,
        help_text=_(
            "Untick to close the comments: readers still see the approved ones, but cannot add more."
        ),
    )
    # What search reads of the title, lead and body (articles.analysis.document()).
    search_text = models.TextField(editable=False, blank=True, default="")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    # One rendition per width of COVER_WIDTHS (a test checks they match).
    cover_480 = _cover_rendition(480)
    cover_800 = _cover_rendition(800)
    cover_1200 = _cover_rendition(1200)

    objects = ArticleQuerySet.as_manager()
    # A revision per save (admin, services, shell): who, when, every field below, and what
    # the save was (Event). Counters and derived columns are left out: they change without
    # anyone editing the article.
    history = HistoricalRecords(
        excluded_fields=[
            "view_count", "comment_count", "search_text", "cover_width", "cover_height", "created_at", "updated_at",
        ],
        history_change_reason_field=models.CharField(max_length=40, null=True),
    )  # fmt: skip

    class Event(models.TextChoices):
        """What a revision records besides an edit (stored as its change reason)."""

        SUBMITTED = "submitted", _("Submitted for review")
        WITHDRAWN = "withdrawn", _("Withdrawn to draft by the author")
        PUBLISHED = "published", _("Published")
        SCHEDULED = "scheduled", _("Scheduled")
        UNPUBLISHED = "unpublished", _("Back to draft (unpublished)")
        RESTORED = "restored", _("Restored an earlier version")

    # What "restore this version" brings back: the text and its presentation; never the
    # workflow state (status, times, who published) nor the address (slug).
    CONTENT_FIELDS = (
        "category_id", "series_id", "part_number", "title", "lead", "body",
        "cover_image", "cover_alt", "cover_caption", "byline",
    )  # fmt: skip

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [
            ("publish_article", _("Can publish, schedule and unpublish articles")),
            ("upload_image", _("Can upload images")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "part_number"], name="article_unique_part_in_series"
            ),
            models.CheckConstraint(
                condition=Q(part_number__isnull=True) | Q(series__isnull=False),
                name="article_part_needs_series",
            ),
        ]
        # Lists are ordered by publish time, then the key (`ordering`): with the key in the
        # index, a page of a list and an article's newer and older neighbours are read in
        # index order and stop at their LIMIT, instead of sorting every row of the category
        # published since (or before) the article.
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"], name="article_status_pub_idx"),
            models.Index(
                fields=["category", "status", "-published_at", "-id"], name="article_cat_pub_idx"
            ),
            models.Index(fields=["series", "part_number"], name="article_series_part_idx"),
        ]

    def __str__(self):
        return self.display_title

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        self.lead = strip_dateline(self.lead, settings.SITE_DATELINE)
        if not self.slug:
            self.slug = unique_slug(Article, vietnamese_slugify(self.title), instance_pk=self.pk)
        self.search_text = search_document(
            title=self.title, lead=self.lead, body_text=html_to_text(self.body)
        )
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"title", "lead", "body"} & set(update_fields):
            kwargs["update_fields"] = set(update_fields) | {"lead", "body", "search_text"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return article_url(self.pk, self.slug)

    @property
    def display_title(self) -> str:
        """`Bài N: title` inside a series, the plain title otherwise."""
        return part_title(self.title, self.series_id, self.part_number)

    @property
    def is_published(self) -> bool:
        """Same rule as ArticleQuerySet.published()."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def cover_url(self, width: int) -> str:
        """The address of the cover's rendition `width` pixels wide."""
        key = (self.cover_image.name, width)
        url = _cover_urls.get(key)
        if url is None:
            if len(_cover_urls) >= 20_000:
                _cover_urls.clear()
            url = _cover_urls[key] = getattr(self, f"cover_{width}").url
        return url

    def cover_renditions(self) -> list:
        """The cover's renditions, one per width of COVER_WIDTHS, narrowest first."""
        return [getattr(self, f"cover_{width}") for width in COVER_WIDTHS]

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_scheduled(self) -> bool:
        return self.status == self.Status.PUBLISHED and not self.is_published

    @property
    def author_name(self) -> str:
        if self.byline:
            return self.byline
        return person_name(self.created_by)

    def clean(self):
        errors = {}
        if self.part_number and not self.series_id:
            errors["part_number"] = _("A part number needs a series.")
        if self.series_id and not self.part_number:
            errors["part_number"] = _("An article in a series needs its part number.")
        if self.cover_image and not self.cover_alt.strip():
            errors["cover_alt"] = _("Describe the cover image for readers who cannot see it.")
        if errors:
            raise ValidationError(errors)


class PendingView(models.Model):
    """Views of an article not yet added to its count, as one worker handed them on (used
    when Redis is absent or down; with Redis, views wait in a hash instead).
    `flush_view_counts` adds them up."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    views = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("pending view")
        verbose_name_plural = _("pending views")

    def __str__(self):
        return f"{self.article_id}"


class SearchSynonym(models.Model):
    """An abbreviation and what it stands for, which search treats as the same words
    either way (HĐND = hội đồng nhân dân). Editors keep the list."""

    term = models.CharField(
        _("abbreviation"),
        max_length=50,
        help_text=_("As written in articles, e.g. HĐND. Diacritics and case do not matter."),
    )
    meaning = models.CharField(
        _("stands for"),
        max_length=200,
        help_text=_("The words in full, e.g. hội đồng nhân dân."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["term", "meaning"]
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        constraints = [
            models.UniqueConstraint(fields=["term", "meaning"], name="search_synonym_unique")
        ]

    def __str__(self):
        return f"{self.term} = {self.meaning}"

    def clean(self):
        from .analysis import syllables

        errors = {}
        for name in ("term", "meaning"):
            if getattr(self, name) and not syllables(getattr(self, name)):
                errors[name] = _("Write at least one word (letters or digits).")
        if not errors and self.term and self.meaning:
            sides = [
                [f for phrase in syllables(getattr(self, name)) for f, _e in phrase]
                for name in ("term", "meaning")
            ]
            if sides[0] == sides[1]:
                errors["meaning"] = _("The full words must differ from the abbreviation.")
        if errors:
            raise ValidationError(errors)
