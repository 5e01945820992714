import django.test
import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache, caches
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles import viewcounts
from core import localpages, roles
from core.cache import _Health
from tests.factories import UserFactory


class Client(django.test.Client):
    """`force_login` stands for a complete login. It skips the password, and for staff also
    the second factor: the session names a confirmed authenticator, as django-otp's
    `otp_login` leaves it. `force_login(user, verified=False)` is a password-only session;
    the tests of the login steps themselves go through the forms."""

    def force_login(self, user, backend=None, *, verified=True):
        super().force_login(user, backend)
        if verified and user.is_staff:
            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            if device is None:
                device = TOTPDevice.objects.create(user=user, name="tests", confirmed=True)
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()


@pytest.fixture
def client():
    return Client()


@pytest.fixture(scope="session", autouse=True)
def _cache_table_checked(django_db_setup, django_db_blocker):
    """The database cache checks its table once per process: do it before any test counts
    queries."""
    with django_db_blocker.unblock():
        cache.get("warm-up")


@pytest.fixture(autouse=True)
def _fresh_redis_cache():
    """Each test starts with an empty cache. The database cache is rolled back with each
    test's transaction; Redis is not, so our keys (this worker's prefix only) are dropped."""
    _Health.down_until = _Health.last_logged = 0.0  # no failure remembered from another test
    viewcounts._buffer.clear()  # nor views of another test's articles
    if viewcounts._timer is not None:  # nor a timer started for them
        viewcounts._timer.cancel()
        viewcounts._timer = None
    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern("*")
    caches["template_fragments"].clear()  # each worker's own fragments
    localpages.reset()  # nor pages a worker kept of another test's articles
    yield
    _Health.down_until = _Health.last_logged = 0.0
    viewcounts._buffer.clear()  # the test's database is gone: nothing to write at exit


@pytest.fixture
def cache_reads(settings):
    """Queries that `n` reads of the shared cache cost: one each with the database cache,
    none with Redis. Query budgets of pages add them for the cache reads they make."""
    per_read = 0 if "Redis" in settings.CACHES["default"]["BACKEND"] else 1
    return lambda n: n * per_read


@pytest.fixture
def pages_stored_at_once(settings):
    """For tests of the page cache's rules: a page is stored the first time it is built
    (PAGE_CACHE_MIN_USES is 2 by default; tests/core/test_page_cache_min_uses.py)."""
    settings.PAGE_CACHE_MIN_USES = 1


@pytest.fixture
def page_cache_off(settings):
    """For tests of what rendering a page costs: no whole-page cache in front of it."""
    settings.PAGE_CACHE_SECONDS = 0


def ensure_groups():
    """Tests that flush the database (live server, threads) wipe the groups; flushing
    sends post_migrate again, and this puts them back the same way if it did not."""
    roles.sync_roles()


def _member_of(group_name, **kwargs):
    ensure_groups()
    user = UserFactory(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def journalist(db):
    return _member_of(roles.JOURNALIST, username="phongvien1", first_name="Lan", last_name="Nguyễn")


@pytest.fixture
def other_journalist(db):
    return _member_of(roles.JOURNALIST, username="phongvien2", first_name="Minh", last_name="Trần")


@pytest.fixture
def editor(db):
    return _member_of(roles.EDITOR, username="bientap1", first_name="Hùng", last_name="Lê")


@pytest.fixture
def moderator(db):
    return _member_of(roles.MODERATOR, username="kiemduyet1")
