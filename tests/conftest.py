import importlib

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _fresh_redis_cache():
    """Each test starts with an empty cache. The database cache is rolled back with each
    test's transaction; Redis is not, so our keys (this worker's prefix only) are dropped."""
    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern("*")
    yield


def ensure_groups():
    """The groups the migrations create. Tests that flush the database (live server,
    threads) wipe them, so fixtures put them back the way the migrations define them."""
    newsroom = importlib.import_module("articles.migrations.0002_newsroom_groups")
    moderation = importlib.import_module("comments.migrations.0002_moderator_group")
    specs = {
        **newsroom.GROUP_PERMISSIONS,
        moderation.MODERATOR: [("comments", codename) for codename in moderation.PERMISSIONS],
    }
    for name, permissions in specs.items():
        group, created = Group.objects.get_or_create(name=name)
        if created:
            group.permissions.set(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
                for app_label, codename in permissions
            )


def _member_of(group_name, **kwargs):
    ensure_groups()
    user = UserFactory(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def journalist(db):
    return _member_of("Phóng viên", username="phongvien1", first_name="Lan", last_name="Nguyễn")


@pytest.fixture
def other_journalist(db):
    return _member_of("Phóng viên", username="phongvien2", first_name="Minh", last_name="Trần")


@pytest.fixture
def editor(db):
    return _member_of("Biên tập viên", username="bientap1", first_name="Hùng", last_name="Lê")


@pytest.fixture
def moderator(db):
    return _member_of("Kiểm duyệt viên", username="kiemduyet1")
