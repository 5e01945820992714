from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_ckeditor_5.widgets import CKEditor5Widget

from core.admin import EstimatedCountPaginator, ServiceActionsMixin, error_messages, status_badge
from core.roles import can_delete_article, can_edit_article, can_publish

from . import services
from .images import clean_image
from .models import Article, Category, SearchSynonym, Series


class ReaderPagesAdminMixin:
    """Whatever the admin saves or deletes here is on readers' pages at once (page cache)."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.reader_pages_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        services.reader_pages_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        services.reader_pages_changed()


@admin.register(Category)
class CategoryAdmin(ReaderPagesAdminMixin, admin.ModelAdmin):
    list_display = ["name", "parent", "order", "slug"]
    list_editable = ["order"]
    list_select_related = ["parent"]
    search_fields = ["name"]
    autocomplete_fields = ["parent"]


@admin.register(SearchSynonym)
class SearchSynonymAdmin(ReaderPagesAdminMixin, admin.ModelAdmin):
    """Search results change with the list: cached search pages are rebuilt at once."""

    list_display = ["term", "meaning", "created_at"]
    search_fields = ["term", "meaning"]


@admin.register(Series)
class SeriesAdmin(ReaderPagesAdminMixin, admin.ModelAdmin):
    list_display = ["title", "slug", "created_at"]
    search_fields = ["title"]
    date_hierarchy = "created_at"


class ArticleAdminForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = [
            "title", "slug", "category", "series", "part_number", "lead", "body",
            "cover_image", "cover_alt", "cover_caption", "byline", "is_featured", "published_at",
        ]  # fmt: skip
        widgets = {
            "body": CKEditor5Widget(config_name="default"),
            "lead": forms.Textarea(attrs={"rows": 4, "cols": 80}),
            "title": forms.TextInput(attrs={"size": 80}),
        }

    def clean_cover_image(self):
        image = self.cleaned_data.get("cover_image")
        if isinstance(image, UploadedFile):
            # Store our own re-encoded copy, never the file as sent.
            return clean_image(image)
        return image


# Buttons under the change form: POST name -> (label, CSS class).
WORKFLOW_BUTTONS = {
    "_submit_review": (_("Save and submit for review"), "workflow-submit"),
    "_publish": (_("Save and publish"), "workflow-publish"),
    "_unpublish": (_("Back to draft (unpublish)"), "workflow-unpublish"),
}


@admin.register(Article)
class ArticleAdmin(ReaderPagesAdminMixin, ServiceActionsMixin, admin.ModelAdmin):
    form = ArticleAdminForm
    change_form_template = "admin/articles/article/change_form.html"
    list_display = [
        "title_column",
        "status_column",
        "category",
        "series",
        "author_column",
        "published_at",
        "view_count",
        "links_column",
    ]
    list_display_links = ["title_column"]
    list_filter = ["status", "category", "series", "created_by", "is_featured"]
    list_select_related = ["category", "series", "created_by"]
    search_fields = ["title"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["category", "series"]
    ordering = ["-id"]
    paginator = EstimatedCountPaginator
    show_full_result_count = False
    list_per_page = 50
    actions = ["submit_for_review_action", "publish_action", "unpublish_action"]
    fieldsets = [
        (
            None,
            {"fields": ["title", "slug", "category", ("series", "part_number"), "lead", "body"]},
        ),
        (_("Cover image"), {"fields": ["cover_image", "cover_alt", "cover_caption"]}),
        (
            _("Publishing"),
            {
                "fields": [
                    "byline",
                    "is_featured",
                    "status",
                    "published_at",
                    "published_by",
                    "submitted_at",
                    "view_count",
                    "created_by",
                    ("created_at", "updated_at"),
                ]
            },
        ),
    ]

    # --- who sees what ---------------------------------------------------------------

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if can_publish(request.user):
            return queryset
        # Journalists work on their own articles only.
        return queryset.filter(created_by=request.user)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return can_edit_article(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        if not super().has_delete_permission(request, obj):
            return False
        return obj is None or can_delete_article(request.user, obj)

    def get_readonly_fields(self, request, obj=None):
        readonly = [
            "status",
            "published_by",
            "submitted_at",
            "view_count",
            "created_by",
            "created_at",
            "updated_at",
        ]
        if not can_publish(request.user):
            readonly += ["published_at", "is_featured"]
        return readonly

    def get_list_filter(self, request):
        if can_publish(request.user):
            return self.list_filter
        # Journalists see only their own articles: no author filter (nor other names).
        return [name for name in self.list_filter if name != "created_by"]

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not can_publish(request.user):
            actions.pop("publish_action", None)
            actions.pop("unpublish_action", None)
        return actions

    def get_view_on_site_url(self, obj=None):
        if obj is None:
            return None
        if obj.is_published:
            return obj.get_absolute_url()
        return reverse("articles:preview", kwargs={"pk": obj.pk})

    # --- columns ----------------------------------------------------------------------

    @admin.display(description=_("title"), ordering="title")
    def title_column(self, obj):
        return obj.display_title

    @admin.display(description=_("status"), ordering="status")
    def status_column(self, obj):
        if obj.is_scheduled:
            return status_badge("scheduled", _("Scheduled"))
        return status_badge(obj.status, obj.get_status_display())

    @admin.display(description=_("author"))
    def author_column(self, obj):
        return obj.author_name

    @admin.display(description=_("on the site"))
    def links_column(self, obj):
        if obj.is_published:
            return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), _("View"))
        return format_html(
            '<a href="{}">{}</a>', reverse("articles:preview", kwargs={"pk": obj.pk}), _("Preview")
        )

    # --- saving and the workflow buttons ----------------------------------------------

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["workflow_buttons"] = self._workflow_buttons(request, obj)
        if obj is not None and obj.pk:
            context["preview_url"] = reverse("articles:preview", kwargs={"pk": obj.pk})
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _workflow_buttons(self, request, obj):
        user = request.user
        if obj is not None and obj.pk and not can_edit_article(user, obj):
            return []
        names = []
        status = obj.status if obj is not None and obj.pk else Article.Status.DRAFT
        if status == Article.Status.DRAFT:
            names.append("_submit_review")
        if can_publish(user):
            if status != Article.Status.PUBLISHED:
                names.append("_publish")
            if status != Article.Status.DRAFT:
                names.append("_unpublish")
        return [
            {"name": name, "label": WORKFLOW_BUTTONS[name][0], "css": WORKFLOW_BUTTONS[name][1]}
            for name in names
        ]

    def response_add(self, request, obj, post_url_continue=None):
        return self._after_workflow(request, obj) or super().response_add(
            request, obj, post_url_continue
        )

    def response_change(self, request, obj):
        return self._after_workflow(request, obj) or super().response_change(request, obj)

    def _after_workflow(self, request, obj):
        """Run the workflow step a button asked for, once the form has been saved."""
        step = next((name for name in WORKFLOW_BUTTONS if name in request.POST), None)
        if step is None:
            return None
        try:
            if step == "_submit_review":
                services.submit_for_review(article=obj, user=request.user)
                message = _("“%(title)s” was saved and submitted for review.")
            elif step == "_publish":
                services.publish_article(article=obj, editor=request.user, at=obj.published_at)
                message = (
                    _("“%(title)s” is scheduled for %(time)s.")
                    if obj.is_scheduled
                    else _("“%(title)s” was saved and published.")
                )
            else:
                services.unpublish_article(article=obj, editor=request.user)
                message = _("“%(title)s” was taken off the site and is a draft again.")
        except (PermissionDenied, ValidationError) as exc:
            self.message_user(request, " ".join(error_messages(exc)), messages.ERROR)
            return HttpResponseRedirect(request.path)
        self.log_change(request, obj, [{"changed": {"fields": ["status"]}}])
        time = (
            date_format(localtime(obj.published_at), "DATETIME_FORMAT") if obj.published_at else ""
        )
        self.message_user(
            request, message % {"title": obj.display_title, "time": time}, messages.SUCCESS
        )
        return HttpResponseRedirect(reverse("admin:articles_article_changelist"))

    # --- bulk actions -----------------------------------------------------------------

    @admin.action(description=_("Submit selected articles for review"), permissions=["add"])
    def submit_for_review_action(self, request, queryset):
        self.run_on_each(
            request,
            queryset,
            lambda a: services.submit_for_review(article=a, user=request.user),
            lambda n: ngettext(
                "%(count)d article was submitted for review.",
                "%(count)d articles were submitted for review.",
                n,
            ),
        )

    @admin.action(description=_("Publish selected articles"))
    def publish_action(self, request, queryset):
        self.run_on_each(
            request,
            queryset,
            lambda a: services.publish_article(article=a, editor=request.user),
            lambda n: ngettext(
                "%(count)d article was published.", "%(count)d articles were published.", n
            ),
        )

    @admin.action(description=_("Unpublish selected articles"))
    def unpublish_action(self, request, queryset):
        self.run_on_each(
            request,
            queryset,
            lambda a: services.unpublish_article(article=a, editor=request.user),
            lambda n: ngettext(
                "%(count)d article was taken off the site.",
                "%(count)d articles were taken off the site.",
                n,
            ),
        )
