"""Every admin page each role can open speaks Vietnamese: none of Django's English texts
(its own catalogues' msgids: admin, auth, contenttypes and the core) is left on screen."""

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import django
import pytest
from django.contrib import admin
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory
from django.urls import reverse

from articles.models import Article
from comments.models import BlockedWord
from tests.comments.factories import CommentFactory
from tests.factories import ArticleFactory, SeriesFactory, UserFactory

pytestmark = pytest.mark.django_db

DJANGO = Path(django.__file__).parent
CATALOGUES = [
    DJANGO / "conf/locale/en/LC_MESSAGES/django.po",
    DJANGO / "contrib/admin/locale/en/LC_MESSAGES/django.po",
    DJANGO / "contrib/auth/locale/en/LC_MESSAGES/django.po",
    DJANGO / "contrib/contenttypes/locale/en/LC_MESSAGES/django.po",
]
# Placeholders of a msgid (%(name)s, %s, %d, {}, {name}) stand for any text.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdr]|%[sdr]|\{\w*\}")
# Texts that are the same in both languages: names, abbreviations, a bare email.
SAME_IN_VIETNAMESE = {"Email", "ID", "URL", "IPv4", "IPv6", "JSON", "Spam", "UUID"}
# Django's Vietnamese that a newsroom would not say (its catalogue's words, replaced in ours).
CLUMSY = [
    "Thêm vào",  # Add
    "Hoạt động:",  # Action:
    "Đi đến",  # Go
    "Bản ghi nhớ",  # History
    "để thay đổi",  # Select … to change
    "Bởi ",  # By (a filter)
    "trạng thái superuser",
    "Không có sẵn",  # None available
    "Hãy sửa lỗi sai",
    "Mật khẩu này quá ngắn",
]
# Not Django's text, only the same word: django-otp's `user` field has no translatable name.
NOT_DJANGOS = {("/admin/otp_totp/totpdevice/", "User")}
# What is shown to people: text, and these attributes.
SHOWN_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt", "data-label-on", "data-label-off"}


def _msgids(path: Path) -> list[str]:
    """msgid and msgid_plural texts of a .po file."""
    found, current = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r'(msgid|msgid_plural) "(.*)"$', line)
        if match:
            current = [match.group(2)]
            found.append(current)
        elif line.startswith('"') and current is not None:
            current.append(line[1:-1])
        else:
            current = None
    return ["".join(parts).replace('\\"', '"').replace("\\n", "\n") for parts in found]


@cache
def english_patterns() -> list[tuple[str, re.Pattern]]:
    """Django's English texts as patterns that match a whole shown text, placeholders
    filled by anything."""
    patterns = {}
    for catalogue in CATALOGUES:
        for msgid in _msgids(catalogue):
            text = " ".join(msgid.split())
            words = PLACEHOLDER.sub(" ", text)
            if not re.search(r"[A-Za-z]{2,}", words) or text in SAME_IN_VIETNAMESE:
                continue
            parts = [re.escape(part) for part in PLACEHOLDER.split(text)]
            patterns[text] = re.compile(r"\s*" + r".+?".join(parts) + r"\s*", re.S)
    return list(patterns.items())


class ShownText(HTMLParser):
    """The texts a person sees or hears: text between tags (not scripts, styles or
    templates) and a few attributes, including the labels of buttons."""

    SKIP = {"script", "style", "template", "noscript"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts, self.skipping = [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.SKIP:
            self.skipping += 1
        for name in SHOWN_ATTRIBUTES & attrs.keys():
            self.texts.append(attrs[name] or "")
        if tag == "input" and attrs.get("type") in ("submit", "button", "reset"):
            self.texts.append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.texts.append(data)


def shown_texts(html: str) -> list[str]:
    parser = ShownText()
    parser.feed(html)
    return [" ".join(text.split()) for text in parser.texts]


def english_on(html: str) -> list[str]:
    """The shown texts that are one of Django's English texts."""
    return [
        text
        for text in shown_texts(html)
        if any(pattern.fullmatch(text) for _msgid, pattern in english_patterns())
    ]


def test_the_check_finds_django_english():
    html = (
        '<p class="errornote">Please correct the errors below.</p>'
        '<a class="addlink" href="/x/add/">Add bài viết</a>'
        '<button type="submit" title="Run the selected action">Thực hiện</button>'
        '<input type="submit" value="Save and add another">'
        "<script>var s = 'History';</script><p>Lịch sử</p>"
    )
    assert english_on(html) == [
        "Please correct the errors below.",
        "Add bài viết",
        "Run the selected action",
        "Save and add another",
    ]


def _newsroom(journalist, editor):
    series = SeriesFactory()
    draft = ArticleFactory(created_by=journalist, title="Bản nháp của phóng viên")
    ArticleFactory(published=True, series=series, part_number=1, created_by=journalist)
    ArticleFactory(status=Article.Status.REVIEW, created_by=journalist)
    CommentFactory(flag_many_links=True, flag_details="3 liên kết")
    CommentFactory(approved=True)
    BlockedWord.objects.create(phrase="vay tiền")
    LogEntry.objects.log_actions(
        user_id=editor.pk,
        queryset=[draft],
        action_flag=CHANGE,
        change_message=[{"changed": {"fields": ["title"]}}],
    )


def _pages_for(user) -> list[str]:
    """Every admin page this person may open: the index, each app's list, and for each
    model they may see its list, its add form, and an object's page, history and delete
    confirmation; their own password change."""
    request = RequestFactory().get("/admin/")
    request.user = user
    urls = [reverse("admin:index"), reverse("admin:password_change")]
    apps = set()
    for model, model_admin in admin.site._registry.items():
        if not model_admin.has_view_or_change_permission(request):
            continue
        opts = model._meta
        apps.add(opts.app_label)
        name = f"admin:{opts.app_label}_{opts.model_name}"
        urls.append(reverse(f"{name}_changelist"))
        if model_admin.has_add_permission(request):
            urls.append(reverse(f"{name}_add"))
        objects = model_admin.get_queryset(request).order_by("pk")
        obj = next(
            (o for o in objects[:20] if model_admin.has_view_or_change_permission(request, o)),
            None,
        )
        if obj is None:
            continue
        urls += [
            reverse(f"{name}_change", args=[obj.pk]),
            reverse(f"{name}_history", args=[obj.pk]),
        ]
        if model_admin.has_delete_permission(request, obj):
            urls.append(reverse(f"{name}_delete", args=[obj.pk]))
        if model is get_user_model():
            urls.append(reverse("admin:auth_user_password_change", args=[obj.pk]))
    urls += [reverse("admin:app_list", kwargs={"app_label": label}) for label in sorted(apps)]
    return urls


@pytest.mark.parametrize("role", ["journalist", "editor", "moderator", "superuser"])
def test_no_english_on_any_admin_page_of_each_role(client, role, request):
    journalist, editor = request.getfixturevalue("journalist"), request.getfixturevalue("editor")
    if role == "superuser":
        user = UserFactory(username="quantri", is_staff=True, is_superuser=True)
    else:
        user = request.getfixturevalue(role)
    _newsroom(journalist, editor)
    ContentType.objects.clear_cache()
    client.force_login(user)
    pages = _pages_for(user)
    assert len(pages) >= 5
    english = {}
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        found = [t for t in english_on(html) if (url, t) not in NOT_DJANGOS]
        shown = " | ".join(shown_texts(html))
        found += [f"clumsy: {phrase}" for phrase in CLUMSY if phrase in shown]
        if found:
            english[url] = found
    assert english == {}, "\n".join(f"{url}: {texts}" for url, texts in english.items())


def test_errors_of_forms_and_passwords_read_as_a_newsroom_writes(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:password_change"),
        {"old_password": "sai", "new_password1": "k7@q", "new_password2": "k7@q"},
    )
    html = response.content.decode()
    assert "Vui lòng sửa lỗi bên dưới." in html
    assert "Mật khẩu quá ngắn: cần ít nhất" in html
    assert english_on(html) == []
