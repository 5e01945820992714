"""Put the demo newsroom into the database, once.

Rows are found by their natural keys (usernames, slugs, a series' part numbers): what exists
is left as it is, what is missing is created. A second run therefore changes nothing and
renders no picture, and an article someone edited in the admin keeps their edits.
"""

import html
import os
import random
import secrets
import string
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from articles.models import Article, Category, Series
from articles.text import vietnamese_slugify

from . import content, images
from .comments import ensure_comments
from .markup import to_html

# Fixes every choice left to chance (publish minutes, picture details): same data each run.
SEED = 2026
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
# Newsroom hours: stories go out between 7:30 and 17:30, Monday to Friday.
DAY_STARTS, DAY_ENDS = 7 * 60 + 30, 17 * 60 + 30
SCHEDULED_AT = time(7, 30)
COVER_SIZE, FIGURE_SIZE = (1600, 900), (1200, 675)
FIGURE_FOLDER = "uploads/demo"
# Template fragments that list categories or articles; dropped so new rows show at once.
CACHED_FRAGMENTS = ("site_nav", "most_read_box")


@dataclass
class Account:
    username: str
    group: str
    password: str | None  # None when the account existed and its password was kept


@dataclass
class DemoReport:
    accounts: list[Account] = field(default_factory=list)
    categories_created: int = 0
    series_created: int = 0
    articles_created: int = 0
    pictures_rendered: int = 0
    comments_created: int = 0


def load_demo(*, reset_passwords: bool = False, now: datetime | None = None) -> DemoReport:
    """Create whatever part of the demo content is missing; give new accounts a password."""
    now = now or timezone.now()
    report = DemoReport()
    with transaction.atomic():
        users = _ensure_users(report, reset_passwords=reset_passwords)
        categories = _ensure_categories(report)
        series = _ensure_series(report)
        _ensure_articles(report, users=users, categories=categories, series=series, now=now)
        report.comments_created = ensure_comments(
            articles=list(Article.objects.published().in_series(series)),
            moderator=users.get("kiemduyet"),
            now=now,
        )
    if report.categories_created or report.articles_created:
        cache.delete_many([make_template_fragment_key(name) for name in CACHED_FRAGMENTS])
    return report


def new_password() -> str:
    # Letters and digits only: easy to copy, and no leading "-" to confuse a shell.
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(14))


def _ensure_users(report: DemoReport, *, reset_passwords: bool) -> dict:
    User = get_user_model()
    users = {}
    for spec in content.USERS:
        user = User.objects.filter(username=spec.username).first()
        password = new_password() if user is None or reset_passwords else None
        if user is None:
            user = User(
                username=spec.username,
                first_name=spec.first_name,
                last_name=spec.last_name,
                email=f"{spec.username}@example.vn",
                is_staff=True,
                is_superuser=spec.is_superuser,
            )
        if password:
            user.set_password(password)
            user.save()
        if spec.group:
            user.groups.add(Group.objects.get(name=spec.group))
        users[spec.username] = user
        label = spec.group or ("superuser" if spec.is_superuser else "")
        report.accounts.append(Account(spec.username, label, password))
    return users


def _ensure_categories(report: DemoReport) -> dict[str, Category]:
    categories: dict[str, Category] = {}
    for spec in content.CATEGORIES:  # parents come before their children
        category, created = Category.objects.get_or_create(
            slug=spec.slug,
            defaults={
                "name": spec.name,
                "order": spec.order,
                "parent": categories.get(spec.parent) if spec.parent else None,
            },
        )
        categories[spec.slug] = category
        report.categories_created += created
    return categories


def _ensure_series(report: DemoReport) -> Series:
    series, created = Series.objects.get_or_create(
        slug=content.SERIES_SLUG,
        defaults={"title": content.SERIES_TITLE, "description": content.SERIES_DESCRIPTION},
    )
    report.series_created += created
    return series


# --- Articles -------------------------------------------------------------------------


def _working_day(today: date, offset: int) -> date:
    """The working day `offset` working days after `today` (before it when negative)."""
    day, step = today, (1 if offset > 0 else -1)
    for _ in range(abs(offset)):
        day += timedelta(days=step)
        while day.weekday() >= 5:
            day += timedelta(days=step)
    return day


def publish_time(spec: content.ArticleSpec, *, now: datetime) -> datetime:
    today = timezone.localtime(now, VIETNAM).date()
    day = _working_day(today, -spec.days_ago)
    if spec.days_ago < 0:  # scheduled: out at the start of that morning
        return datetime.combine(day, SCHEDULED_AT, tzinfo=VIETNAM)
    minute = random.Random(f"{SEED}:{spec.title}").randrange(DAY_STARTS, DAY_ENDS)
    return datetime.combine(day, time(minute // 60, minute % 60), tzinfo=VIETNAM)


def _seed(slug: str, purpose: str) -> int:
    return zlib.crc32(f"{SEED}:{slug}:{purpose}".encode())


def _theme(spec: content.ArticleSpec) -> str:
    return next(c.theme for c in content.CATEGORIES if c.slug == spec.category)


def _figure_name(slug: str) -> str:
    return f"{FIGURE_FOLDER}/{slug}.jpg"


def _figure_html(spec: content.ArticleSpec, slug: str) -> str:
    """An inline picture as CKEditor 5 inserts it: <figure class="image"> with a caption."""
    alt = images.describe(spec.figure.scene, _theme(spec), spec.figure.variant)
    url = default_storage.url(_figure_name(slug))
    width, height = FIGURE_SIZE
    return (
        f'<figure class="image"><img src="{html.escape(url)}" alt="{html.escape(alt)}" '
        f'width="{width}" height="{height}">'
        f"<figcaption>{html.escape(spec.figure.caption, quote=False)}</figcaption></figure>"
    )


def _draw_pictures(spec: content.ArticleSpec, article: Article) -> int:
    """Draw and store an article's pictures; the number drawn.

    Runs in a worker thread, so it touches files only, never the database (nor the cache,
    which may live in it). The cover's WebP renditions are the ones django-imagekit would
    make when the article is saved, under the same names; made here, side by side, because
    Pillow releases the interpreter lock while it resizes and encodes, and one after the
    other they would take most of the command's time.
    """
    drawn, theme = 0, _theme(spec)
    if spec.figure and not default_storage.exists(_figure_name(article.slug)):
        picture = images.render(
            spec.figure.scene,
            theme,
            spec.figure.variant,
            seed=_seed(article.slug, "figure"),
            size=FIGURE_SIZE,
        )
        default_storage.save(_figure_name(article.slug), ContentFile(picture))
        drawn += 1
    if spec.cover:
        picture = images.render(
            spec.cover.scene,
            theme,
            spec.cover.variant,
            seed=_seed(article.slug, "cover"),
            size=COVER_SIZE,
        )
        field = article.cover_image.field
        name = field.generate_filename(article, f"{article.slug}.jpg")
        # Assigning the name also reads the picture's width and height into the article;
        # max_length: long slugs make names the column would not hold.
        article.cover_image = field.storage.save(
            name, ContentFile(picture), max_length=field.max_length
        )
        for rendition in article.cover_renditions():
            if not rendition.storage.exists(rendition.name):
                webp = rendition.generator.generate().read()
                rendition.storage.save(rendition.name, ContentFile(webp))
        drawn += 1
    return drawn


def _new_article(spec: content.ArticleSpec, slug: str, *, users, categories, series, now):
    article = Article(
        category=categories[spec.category],
        series=series if spec.part else None,
        part_number=spec.part,
        title=spec.title,
        slug=slug,
        lead=spec.lead,
        body=to_html(spec.body, figure=_figure_html(spec, slug) if spec.figure else ""),
        byline=spec.byline,
        is_featured=spec.featured,
        created_by=users[spec.author],
        status=spec.status,
        view_count=spec.views,
    )
    if spec.cover:
        article.cover_alt = images.describe(spec.cover.scene, _theme(spec), spec.cover.variant)
        article.cover_caption = spec.cover.caption
    if spec.status == Article.Status.PUBLISHED:
        article.published_at = publish_time(spec, now=now)
        article.published_by = users["bientap"]
        # Written a little before it went out.
        article.created_at = min(article.published_at, now) - timedelta(hours=3)
    else:
        article.created_at = now - timedelta(days=1)
        if spec.status == Article.Status.REVIEW:
            article.submitted_at = now - timedelta(hours=20)
    return article


def _ensure_articles(report: DemoReport, *, users, categories, series, now) -> None:
    slugs = {spec: vietnamese_slugify(spec.title) for spec in content.ARTICLES}
    existing = set(Article.objects.filter(slug__in=slugs.values()).values_list("slug", flat=True))
    # A part may have been retitled in the admin: its number still says it is there.
    parts = set(Article.objects.filter(series=series).values_list("part_number", flat=True))
    missing = [
        spec
        for spec in content.ARTICLES
        if slugs[spec] not in existing and not (spec.part and spec.part in parts)
    ]
    if not missing:
        return
    created = []
    for spec in missing:
        article = _new_article(
            spec, slugs[spec], users=users, categories=categories, series=series, now=now
        )
        written_at = article.created_at
        article.save()  # no cover yet: nothing for django-imagekit to do
        article.created_at = article.updated_at = written_at  # auto_now* set them to now
        created.append((spec, article))
    with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 2)) as pool:
        report.pictures_rendered += sum(pool.map(_draw_pictures, *zip(*created, strict=True)))
    Article.objects.bulk_update(
        [article for _, article in created],
        ["cover_image", "cover_width", "cover_height", "created_at", "updated_at"],
    )
    report.articles_created += len(created)
