"""The admin site: the portal's name and logo, and each person's waiting work on the index.

Part of the composition root: it may import the apps (and nothing imports it but the
admin's app config). Helpers the apps' admins share live in core.admin.
"""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_not_required
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import ValidationError
from django.db.models import Count, Min
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, ngettext_lazy
from django.views.decorators.cache import never_cache

from accounts.views import PasswordStepView
from articles.models import Article
from comments.models import Comment
from core import roles


class HnpAdminSite(admin.AdminSite):
    site_title = _("HNP administration")
    index_title = _("Newsroom")

    @property
    def site_header(self):
        return settings.SITE_NAME

    def index(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "work_items": waiting_work(request.user)}
        return super().index(request, extra_context)

    def has_permission(self, request):
        """Active staff; with STAFF_2FA_REQUIRED, only once they passed the second factor
        (django-otp's OTPMiddleware tells)."""
        user = request.user
        if not super().has_permission(request):
            return False
        return not settings.STAFF_2FA_REQUIRED or user.is_verified()

    @method_decorator(never_cache)
    @login_not_required
    def login(self, request, extra_context=None):
        """AdminSite.login (Django 5.2) with our view: the password step of a two-step login."""
        if request.method == "GET" and self.has_permission(request):
            return HttpResponseRedirect(reverse("admin:index", current_app=self.name))
        from django.contrib.admin.forms import AdminAuthenticationForm

        context = {
            **self.each_context(request),
            "title": _("Log in"),
            "subtitle": None,
            "app_path": request.get_full_path(),
            "username": request.user.get_username(),
        }
        if REDIRECT_FIELD_NAME not in request.GET and REDIRECT_FIELD_NAME not in request.POST:
            context[REDIRECT_FIELD_NAME] = reverse("admin:index", current_app=self.name)
        context.update(extra_context or {})
        request.current_app = self.name
        return PasswordStepView.as_view(
            extra_context=context,
            authentication_form=self.login_form or AdminAuthenticationForm,
            template_name=self.login_template or "admin/login.html",
        )(request)

    def get_urls(self):
        # Our "view on site" replaces Django's (same route and name).
        urls = [url for url in super().get_urls() if getattr(url, "name", None) != "view_on_site"]
        return [
            path(
                "r/<path:content_type_id>/<path:object_id>/",
                self.admin_view(self.view_on_site),
                name="view_on_site",
            ),
            *urls,
        ]

    def view_on_site(self, request, content_type_id, object_id):
        """Django's redirect to an object's page, except that an article readers cannot see
        yet leads only those who may preview it to its preview; others get a 404, as on the
        site, and learn nothing of its title."""
        try:
            model = ContentType.objects.get_for_id(content_type_id).model_class()
        except (ContentType.DoesNotExist, ValueError) as exc:
            raise Http404 from exc
        if model is not Article:
            return shortcut(request, content_type_id, object_id)
        try:
            article = Article.objects.get(pk=object_id)
        except (Article.DoesNotExist, ValueError, ValidationError) as exc:
            raise Http404 from exc
        if article.is_published:
            return HttpResponseRedirect(article.get_absolute_url())
        if roles.can_preview_article(request.user, article):
            return HttpResponseRedirect(reverse("articles:preview", kwargs={"pk": article.pk}))
        raise Http404


def waiting_work(user) -> list[dict]:
    """What waits for this person: drafts to review, their own drafts, comments to moderate."""
    items = []
    articles_url = reverse("admin:articles_article_changelist")
    if roles.can_publish(user):
        items.append(
            {
                "label": _("Articles awaiting review"),
                "count": Article.objects.awaiting_review().count(),
                "url": f"{articles_url}?status__exact=review",
            }
        )
    elif roles.can_write_articles(user):
        items.append(
            {
                "label": _("Your drafts"),
                "count": Article.objects.filter(
                    created_by=user, status=Article.Status.DRAFT
                ).count(),
                "url": f"{articles_url}?status__exact=draft",
            }
        )
    if roles.can_moderate(user):
        # One query on the pending comments' index: how many, and since when.
        queue = Comment.objects.pending().aggregate(count=Count("pk"), oldest=Min("created_at"))
        items.append(
            {
                "label": _("Comments awaiting moderation"),
                "count": queue["count"],
                "url": reverse("admin:comments_comment_changelist") + "?status__exact=pending",
                "note": waiting_since(queue["oldest"]) if queue["oldest"] else "",
            }
        )
        items.append(
            {
                "label": _("Comments hidden after readers' reports"),
                "count": Comment.objects.reported().count(),
                "url": reverse("admin:comments_comment_changelist") + "?status__exact=reported",
            }
        )
    return items


def waiting_since(oldest) -> str:
    """ "Bình luận chờ lâu nhất: 3 giờ": the backlog's age, in its largest unit."""
    if (timezone.now() - oldest).total_seconds() < 60:
        age = _("less than a minute")
    else:
        age = timesince(oldest, depth=1)
    return _("Oldest pending comment: %(age)s") % {"age": age}


# Texts of Django's admin that its Vietnamese catalogue does not translate yet. Listed here
# so our catalogue (hnp/locale/vi), which takes precedence, carries them.
DJANGO_ADMIN_GAPS = (
    gettext_noop("Skip to main content"),
    gettext_noop("Breadcrumbs"),
    gettext_noop("Show counts"),
    gettext_noop("Hide counts"),
    gettext_noop("Toggle theme (current theme: auto)"),
    gettext_noop("Toggle theme (current theme: light)"),
    gettext_noop("Toggle theme (current theme: dark)"),
    gettext_noop("Toggle navigation"),
    gettext_noop("Filter navigation items"),
    gettext_noop("Added:"),
    gettext_noop("Changed:"),
    gettext_noop("Deleted:"),
    gettext_noop("Error:"),
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
    gettext_noop("View selected %(model)s"),
    gettext_noop("Select all objects on this page for an action"),
    gettext_noop("Select this object for an action - {}"),
    gettext_noop("Forgotten your login credentials?"),
    gettext_noop("In case you’ve forgotten, you are:"),
)

# Texts of Django's whose Vietnamese reads clumsily, is a mistranslation ("Past 7 days" as
# "7 ngày trước") or is missing under Django 5.2's msgid (the plural "Please correct the
# error below.", timesince's "%(num)d minute"). Our catalogue says them as the newsroom does
# ("Thêm bài viết", "Thao tác", "Thực hiện", "Lịch sử", "Chọn bài viết để sửa", "Theo trạng
# thái"); tests/core/test_admin_language.py renders every admin page of each role to check.
DJANGO_NEWSROOM_WORDING = (
    ngettext_lazy("Please correct the error below.", "Please correct the errors below."),
    gettext_noop("Add %(name)s"),
    gettext_noop("Add"),
    gettext_noop("Action:"),
    gettext_noop("Action"),
    gettext_noop("Go"),
    gettext_noop("Run the selected action"),
    gettext_noop("History"),
    gettext_noop("Select %s to change"),
    gettext_noop("Change %s"),
    gettext_noop("Change"),
    gettext_noop(" By %(filter_title)s "),
    gettext_noop("None available"),
    gettext_noop("Recent actions"),
    gettext_noop("My actions"),
    gettext_noop("Log out"),
    gettext_noop("Any date"),
    gettext_noop("Past 7 days"),
    gettext_noop("superuser status"),
    gettext_noop(
        "Designates that this user has all permissions without explicitly assigning them."
    ),
    gettext_noop("staff status"),
    gettext_noop("Designates whether the user can log into this admin site."),
    gettext_noop("active"),
    gettext_noop("Enabled"),
    gettext_noop("Disabled"),
    gettext_noop("Password-based authentication"),
    gettext_noop(
        "Whether the user will be able to authenticate using a password or not. If disabled, "
        "they may still be able to authenticate using other backends, such as Single Sign-On "
        "or LDAP."
    ),
    gettext_noop("Disable password-based authentication"),
    gettext_noop("Reset password"),
    gettext_noop("Raw passwords are not stored, so there is no way to see the user’s password."),
    gettext_noop("After you’ve created a user, you’ll be able to edit more user options."),
    gettext_noop("User"),
    gettext_noop("Save"),
    gettext_noop("Save and view"),
    gettext_noop("Models in the %(name)s application"),
    gettext_noop("Click here to select the objects across all pages"),
    gettext_noop("Add another %(verbose_name)s"),
    gettext_noop("Currently:"),
    ngettext_lazy("%(num)d year", "%(num)d years"),
    ngettext_lazy("%(num)d month", "%(num)d months"),
    ngettext_lazy("%(num)d week", "%(num)d weeks"),
    ngettext_lazy("%(num)d day", "%(num)d days"),
    ngettext_lazy("%(num)d hour", "%(num)d hours"),
    ngettext_lazy("%(num)d minute", "%(num)d minutes"),
)
