import io
import re
from datetime import time, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from PIL import Image

from articles.models import Article, Category, Series
from articles.text import sanitize_html
from core import roles
from demo import images

pytestmark = pytest.mark.django_db

draw = images.render  # the real drawing, before the fixture below swaps it


@pytest.fixture(autouse=True)
def small_pictures(monkeypatch):
    """Tiny pictures: drawing some forty full-size illustrations is what takes the command
    seconds. The drawing itself is tested on its own below."""

    def render(scene, theme, variant, seed, size=(1600, 900)):
        out = io.BytesIO()
        Image.new("RGB", (size[0] // 10, size[1] // 10), (150, 30, 30)).save(out, "JPEG")
        return out.getvalue()

    monkeypatch.setattr(images, "render", render)


@pytest.fixture
def load_demo(settings):
    settings.DEBUG = True

    def run(*args) -> str:
        out = io.StringIO()
        call_command("load_demo", *args, stdout=out)
        return out.getvalue()

    return run


@pytest.fixture
def demo(load_demo):
    return load_demo()


def printed_passwords(output: str) -> dict[str, str]:
    """{username: password} from the command's account table (new passwords only)."""
    rows = re.findall(r"^  (\w+)\s{2,}(.+?)\s{2,}(\S+)$", output, flags=re.MULTILINE)
    return {username: password for username, _group, password in rows if username != "Username"}


def snapshot():
    return {
        "categories": sorted(Category.objects.values_list("slug", "name", "parent__slug")),
        "series": sorted(Series.objects.values_list("slug", flat=True)),
        "articles": sorted(
            Article.objects.values_list(
                "slug", "status", "published_at", "view_count", "cover_image", "body"
            )
        ),
        "users": sorted(get_user_model().objects.values_list("username", "password")),
    }


def test_running_it_twice_adds_nothing_and_changes_nothing(load_demo):
    load_demo()
    first = snapshot()
    output = load_demo()
    assert snapshot() == first
    assert "0 articles created" in output
    assert len(first["articles"]) == Article.objects.count() >= 46


def test_categories_include_a_sub_category(demo):
    assert Category.objects.filter(parent__isnull=True).count() >= 4
    child = Category.objects.get(slug="tiep-xuc-cu-tri")
    assert child.parent.slug == "hoat-dong-hdnd"
    names = set(Category.objects.values_list("name", flat=True))
    assert {"Thời sự", "Hoạt động HĐND", "Kinh tế - Xã hội", "Pháp luật"} <= names


def test_the_series_has_published_parts_numbered_from_one(demo):
    series = Series.objects.get(slug="nang-cao-chat-luong-hoat-dong-hdnd-cac-cap")
    assert series.title == "Nâng cao chất lượng hoạt động HĐND các cấp"
    parts = list(Article.objects.published().in_series(series))
    assert len(parts) >= 3
    assert [part.part_number for part in parts] == list(range(1, len(parts) + 1))
    # The site adds "Bài N:" from the part number; titles are stored without it.
    assert not any(part.title.startswith("Bài") for part in parts)
    assert [p.published_at for p in parts] == sorted(p.published_at for p in parts)


def test_published_articles_span_months_in_newsroom_hours(demo):
    published = list(Article.objects.published())
    assert len(published) >= 40
    local_times = [timezone.localtime(article.published_at) for article in published]
    assert len({(t.year, t.month) for t in local_times}) >= 3
    assert all(t.weekday() < 5 and time(7, 30) <= t.time() <= time(17, 30) for t in local_times)
    assert all(article.published_by.username == "bientap" for article in published)


def test_one_draft_one_awaiting_review_one_scheduled(demo):
    now = timezone.now()
    assert Article.objects.filter(status=Article.Status.DRAFT).count() == 1
    review = Article.objects.get(status=Article.Status.REVIEW)
    assert review.submitted_at is not None
    scheduled = Article.objects.filter(status=Article.Status.PUBLISHED, published_at__gt=now)
    assert scheduled.count() == 1
    assert now < scheduled.get().published_at < now + timedelta(days=7)
    assert not scheduled.get().is_published


def test_featured_stories_and_varied_view_counts(demo):
    published = Article.objects.published()
    assert published.filter(is_featured=True).count() >= 3
    views = [article.view_count for article in published.most_read()[:5]]
    assert len(views) == 5
    assert views == sorted(set(views), reverse=True)
    assert views[-1] > 0
    assert published.values("view_count").distinct().count() > 20


def test_accounts_are_staff_in_their_groups_with_the_printed_passwords(demo):
    User = get_user_model()
    groups = {
        "phongvien": roles.JOURNALIST,
        "bientap": roles.EDITOR,
        "kiemduyet": roles.MODERATOR,
    }
    for username, group in groups.items():
        user = User.objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [group]
    admin = User.objects.get(username="admin")
    assert admin.is_superuser
    passwords = printed_passwords(demo)
    assert set(passwords) == {"admin", *groups}
    for user in User.objects.filter(username__in=passwords):
        assert user.is_staff
        assert user.first_name
        assert user.last_name
        assert user.check_password(passwords[user.username])
    creators = set(Article.objects.values_list("created_by__username", flat=True))
    assert creators == {"phongvien", "bientap"}
    assert Article.objects.exclude(byline="").exists()
    assert Article.objects.filter(byline="").exists()


def test_a_rerun_keeps_passwords_unless_asked_to_reset_them(load_demo):
    first = printed_passwords(load_demo())
    User = get_user_model()
    editor = User.objects.get(username="bientap")

    output = load_demo()
    assert printed_passwords(output) == {}
    assert output.count("unchanged") == 4
    editor.refresh_from_db()
    assert editor.check_password(first["bientap"])

    reset = printed_passwords(load_demo("--reset-passwords"))
    assert set(reset) == set(first)
    assert reset["bientap"] != first["bientap"]
    editor.refresh_from_db()
    assert editor.check_password(reset["bientap"])


def test_most_articles_have_a_described_cover_with_renditions(demo):
    with_cover = Article.objects.exclude(cover_image="")
    max_length = Article._meta.get_field("cover_image").max_length
    assert with_cover.count() >= 0.7 * Article.objects.count()
    assert Article.objects.filter(cover_image="").exists()
    for article in with_cover:
        assert article.cover_alt.startswith("Tranh minh họa")
        assert article.cover_caption
        name = article.cover_image.name
        assert name.endswith(".jpg")
        assert len(name) <= max_length
        assert default_storage.exists(name)
        assert article.cover_width
        assert article.cover_height
        for rendition in article.cover_renditions():
            assert default_storage.exists(rendition.name)


def test_bodies_are_clean_rich_text_that_survives_sanitising(demo):
    articles = list(Article.objects.all())
    for article in articles:
        assert sanitize_html(article.body) == article.body
        assert article.body.startswith("<p>")
        assert "<p>" in article.body
        assert not article.lead.startswith("HNP")
    parts = [article for article in articles if article.series_id]
    assert all("<h2>" in article.body for article in parts)
    assert sum("<h2>" in article.body for article in articles) >= 15
    for mark in ('<figure class="table"><table>', "<blockquote><p>", "<ul><li>", "<ol><li>"):
        assert any(mark in article.body for article in articles), mark
    figures = [a for a in articles if '<figure class="image">' in a.body]
    assert len(figures) >= 3
    for article in figures:
        src = re.search(r'<img src="([^"]+)" alt="([^"]+)"', article.body)
        assert src
        assert "<figcaption>" in article.body
        assert default_storage.exists(src.group(1).removeprefix(default_storage.base_url))


def test_it_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG") as refusal:
        call_command("load_demo", stdout=io.StringIO())
    assert "--force" in str(refusal.value)
    assert not Article.objects.exists()
    assert not get_user_model().objects.filter(username="admin").exists()

    call_command("load_demo", "--force", stdout=io.StringIO())
    assert Article.objects.published().count() >= 40


def test_pictures_are_full_size_jpegs_the_same_every_time():
    picture = draw("hall", "council", 0, seed=7)
    assert picture == draw("hall", "council", 0, seed=7)
    image = Image.open(io.BytesIO(picture))
    assert (image.format, image.size) == ("JPEG", (1600, 900))
    for scene in images.SCENES:
        small = Image.open(io.BytesIO(draw(scene, "news", 1, seed=3, size=(320, 180))))
        assert small.size == (320, 180)
        assert len(small.convert("L").getcolors(256)) > 20, scene  # a picture, not a blank
        assert images.describe(scene, "news", 1).startswith("Tranh minh họa: ")


def test_readers_comments_some_approved_some_waiting(demo, load_demo):
    from comments.models import Comment

    assert Comment.objects.approved().count() >= 3
    assert Comment.objects.pending().count() >= 2
    assert Comment.objects.filter(flag_many_links=True).exists()
    assert all(
        c.moderated_by and c.moderated_by.username == "kiemduyet"
        for c in Comment.objects.approved()
    )
    before = Comment.objects.count()
    load_demo()
    assert Comment.objects.count() == before


def test_one_question_is_answered_by_a_department(demo, load_demo):
    from comments.models import Reply

    reply = Reply.objects.select_related("comment", "created_by").get()
    assert reply.comment.status == "approved"
    assert reply.signature == "Văn phòng HĐND tỉnh"
    assert reply.created_by.username == "kiemduyet"
    load_demo()
    assert Reply.objects.count() == 1
