from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminFileWidget
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_ckeditor_5.widgets import CKEditor5Widget

from core.admin import EstimatedCountPaginator, ServiceActionsMixin, error_messages, status_badge
from core.roles import (
    can_delete_article,
    can_edit_article,
    can_preview_article,
    can_publish,
    can_restore_revisions,
    can_withdraw,
)

from . import revisions, services
from .images import clean_image
from .models import Article, Category, SearchSynonym, Series
from .text import strip_dateline


class ReaderPagesAdminMixin:
    """Whatever the admin saves or deletes here is on readers' pages at once (page cache).
    `changes_taxonomy`: categories and series, which every article page shows too."""

    changes_taxonomy = False

    def _changed(self):
        services.reader_pages_changed()
        if self.changes_taxonomy:
            services.taxonomy_changed()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self._changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        self._changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        self._changed()


@admin.register(Category)
class CategoryAdmin(ReaderPagesAdminMixin, admin.ModelAdmin):
    changes_taxonomy = True
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
    changes_taxonomy = True
    list_display = ["title", "slug", "created_at"]
    search_fields = ["title"]
    date_hierarchy = "created_at"


THUMBNAIL_WIDTH = 240


class CoverImageWidget(AdminFileWidget):
    """The cover as a thumbnail (not its generated file name), and the picture kept from a
    submission that had errors elsewhere."""

    template_name = "admin/articles/article/cover_widget.html"
    kept_url = ""

    class Media:
        js = ["js/cover-widget.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        thumbnail, height = "", THUMBNAIL_WIDTH * 2 // 3
        article = getattr(value, "instance", None) if value else None
        if article is not None and value.name:
            try:
                thumbnail = article.cover_url(480)
            except (OSError, ValueError):  # a rendition that cannot be made: the original
                thumbnail = value.url
            if article.cover_width and article.cover_height:
                height = round(THUMBNAIL_WIDTH * article.cover_height / article.cover_width)
        context["widget"].update(
            thumbnail_url=thumbnail,
            kept_url=self.kept_url,
            thumbnail_width=THUMBNAIL_WIDTH,
            thumbnail_height=height,
        )
        return context

    def _render(self, template_name, context, renderer=None):
        # The project's templates, not only the form renderer's (Django's and the apps').
        return mark_safe(render_to_string(template_name, context))  # noqa: S308


KEPT_COVER_SALT = "articles.kept-cover"
KEPT_COVER_MAX_AGE = 24 * 3600


class ArticleAdminForm(forms.ModelForm):
    # A cover chosen in a submission that had other errors is stored at once and named
    # here (signed for this user), so the journalist does not have to choose it again.
    cover_kept = forms.CharField(required=False, widget=forms.HiddenInput)

    # Set per request by ArticleAdmin.get_form.
    user = None

    class Meta:
        model = Article
        fields = [
            "title", "slug", "category", "series", "part_number", "lead", "body",
            "cover_image", "cover_alt", "cover_caption", "byline", "is_featured", "published_at",
            "comments_open",
        ]  # fmt: skip
        widgets = {
            "body": CKEditor5Widget(config_name="default"),
            "lead": forms.Textarea(attrs={"rows": 4, "cols": 80}),
            "title": forms.TextInput(attrs={"size": 80}),
            "cover_image": CoverImageWidget,
            "cover_alt": forms.TextInput(attrs={"class": "wide-input"}),
            "cover_caption": forms.Textarea(attrs={"class": "wide-input", "rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.dateline_removed = False
        self.kept_cover_name = self._kept_cover(self.data.get("cover_kept")) if self.data else ""
        if self.kept_cover_name and "cover_image" in self.fields:
            self.fields["cover_image"].widget.kept_url = default_storage.url(self.kept_cover_name)

    def _kept_cover(self, token) -> str:
        if not token or self.user is None:
            return ""
        try:
            name = signing.loads(
                token, salt=f"{KEPT_COVER_SALT}:{self.user.pk}", max_age=KEPT_COVER_MAX_AGE
            )
        except signing.BadSignature:
            return ""
        return name if default_storage.exists(name) else ""

    def clean_lead(self):
        lead = self.cleaned_data.get("lead", "")
        stripped = strip_dateline(lead, settings.SITE_DATELINE).strip()
        if stripped != lead.strip():
            self.dateline_removed = True
            if not stripped:
                raise ValidationError(
                    _(
                        "The lead has only the dateline; write its text (the site adds “%(dateline)s - ” itself)."
                    )
                    % {"dateline": settings.SITE_DATELINE}
                )
        return stripped

    def clean_cover_caption(self):
        # A textarea for room; the caption stays one line.
        return " ".join(self.cleaned_data.get("cover_caption", "").split())

    def clean_cover_image(self):
        image = self.cleaned_data.get("cover_image")
        if isinstance(image, UploadedFile):
            # Store our own re-encoded copy, never the file as sent.
            return clean_image(image)
        if image is not False and self.kept_cover_name:
            return self.kept_cover_name
        return image

    def clean(self):
        cleaned = super().clean()
        series, number = cleaned.get("series"), cleaned.get("part_number")
        if series and number:
            probe = Article(pk=self.instance.pk, series=series, part_number=number)
            holder = services.part_holder(probe)
            if holder is not None:
                self.add_error("part_number", self._part_taken(holder, number))
                # The number stays on the instance: the model's own checks then see the
                # series has one, and say nothing more about it.
                self.instance.part_number = number
        return cleaned

    def _part_taken(self, holder: Article, number: int):
        if holder.is_published:
            url = holder.get_absolute_url()
        elif self.user is not None and can_preview_article(self.user, holder):
            url = reverse("admin:articles_article_change", args=[holder.pk])
        else:
            url = ""
        title = format_html('<a href="{}">{}</a>', url, holder.title) if url else holder.title
        return ValidationError(
            format_html(
                _("Part {number} of this series is already “{title}”. Choose another number, "
                  "or change that article's number first."),
                number=number,
                title=title,
            )
        )  # fmt: skip

    def full_clean(self):
        super().full_clean()
        if not self.is_bound or not self._errors:
            return
        # Nothing is saved, and a browser never fills a file input again: keep the cover
        # that was chosen, so the corrected form is sent with it.
        image = self.cleaned_data.get("cover_image")
        if isinstance(image, File):  # a new upload (re-encoded); a stored one is a name
            field = Article._meta.get_field("cover_image")
            name = default_storage.save(field.generate_filename(self.instance, image.name), image)
            self.kept_cover_name = name
        if self.kept_cover_name:
            self.data = self.data.copy()
            self.data["cover_kept"] = signing.dumps(
                self.kept_cover_name, salt=f"{KEPT_COVER_SALT}:{self.user.pk if self.user else ''}"
            )
            self.fields["cover_image"].widget.kept_url = default_storage.url(self.kept_cover_name)


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
    list_filter = ["status", "category", "series", "created_by", "is_featured", "comments_open"]
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
        (
            _("Cover image"),
            {"fields": ["cover_image", "cover_kept", "cover_alt", "cover_caption"]},
        ),
        (
            _("Publishing"),
            {
                "fields": [
                    "byline",
                    "is_featured",
                    "comments_open",
                    "status",
                    "published_at",
                    "published_by",
                    "submitted_at",
                    ("view_count", "comment_count"),
                    "created_by",
                    ("created_at", "updated_at"),
                ]
            },
        ),
    ]

    class Media:
        # The site's article typography (also in the editing area, through the widget).
        css = {"all": ["css/editor.css", "css/article-admin.css"]}

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

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        # Read only (a submitted article for its journalist): the body as readers will see
        # it, not its HTML; nothing kept from a failed upload.
        swap = {"body": "body_rendered", "cover_image": "cover_thumbnail", "cover_kept": None}
        return [
            (
                name,
                {
                    **options,
                    "fields": [swap.get(f, f) for f in options["fields"] if swap.get(f, f)],
                },
            )
            for name, options in fieldsets
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    def get_readonly_fields(self, request, obj=None):
        readonly = [
            "status",
            "published_by",
            "submitted_at",
            "view_count",
            "comment_count",
            "created_by",
            "created_at",
            "updated_at",
        ]
        if not can_publish(request.user):
            readonly += ["published_at", "is_featured", "comments_open"]
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

    @admin.display(description=_("body"))
    def body_rendered(self, obj):
        # The body was sanitised when it was saved (Article.save): the one thing marked safe.
        return format_html('<div class="article-body">{}</div>', mark_safe(obj.body))  # noqa: S308

    @admin.display(description=_("cover image"))
    def cover_thumbnail(self, obj):
        if not obj.cover_image:
            return "—"
        return format_html(
            '<a href="{}" target="_blank" rel="noopener"><img src="{}" alt="{}" width="240" '
            'class="cover-widget__thumbnail"></a>',
            obj.cover_image.url,
            obj.cover_url(480),
            _("Current cover"),
        )

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
        obj._history_user = request.user
        if change and not form.has_changed() and self._workflow_step(request):
            # Only the workflow step is news: its own revision follows.
            obj.skip_history_when_saving = True
        try:
            super().save_model(request, obj, form, change)
        finally:
            obj.__dict__.pop("skip_history_when_saving", None)
        if form.dateline_removed:
            self.message_user(
                request,
                _("“%(dateline)s - ” was removed from the start of the lead: the site adds it "
                  "itself.") % {"dateline": settings.SITE_DATELINE},
                messages.INFO,
            )  # fmt: skip

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["workflow_buttons"] = self._workflow_buttons(request, obj)
        if obj is not None and obj.pk:
            context["preview_url"] = reverse("articles:preview", kwargs={"pk": obj.pk})
            if obj.status == Article.Status.REVIEW and not can_edit_article(request.user, obj):
                context["awaiting_review"] = True
                if can_withdraw(request.user, obj):
                    context["withdraw_url"] = reverse(
                        "admin:articles_article_withdraw", args=[obj.pk]
                    )
        return super().render_change_form(request, context, add, change, form_url, obj)

    @staticmethod
    def _workflow_step(request):
        return next((name for name in WORKFLOW_BUTTONS if name in request.POST), None)

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
        step = self._workflow_step(request)
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

    # --- withdrawing, revisions -------------------------------------------------------

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/withdraw/",
                view(self.withdraw_view),
                name="articles_article_withdraw",
            ),
            path(
                "<path:object_id>/history/<int:revision_id>/",
                view(self.revision_view),
                name="articles_article_revision",
            ),
            path(
                "<path:object_id>/history/<int:revision_id>/restore/",
                view(self.restore_view),
                name="articles_article_restore",
            ),
            *super().get_urls(),
        ]

    def _viewable(self, request, object_id):
        obj = self.get_object(request, object_id)
        if obj is None or not self.has_view_or_change_permission(request, obj):
            raise Http404
        return obj

    def withdraw_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._viewable(request, object_id)
        try:
            article = services.withdraw_article(article=article, user=request.user)
        except (PermissionDenied, ValidationError) as exc:
            self.message_user(request, " ".join(error_messages(exc)), messages.ERROR)
        else:
            self.log_change(request, article, [{"changed": {"fields": ["status"]}}])
            self.message_user(
                request,
                _("“%(title)s” is a draft again: change it, then submit it once more.")
                % {"title": article.display_title},
                messages.SUCCESS,
            )
        return HttpResponseRedirect(reverse("admin:articles_article_change", args=[article.pk]))

    def history_view(self, request, object_id, extra_context=None):
        """Every revision of the article: when, who, what it was, which fields it changed."""
        article = self._viewable(request, object_id)
        page, rows = revisions.history_page(article, request.GET.get("p"))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Revisions of “%(title)s”") % {"title": article.display_title},
            "subtitle": None,
            "opts": self.opts,
            "object": article,
            "page": page,
            "rows": rows,
            "can_restore": can_restore_revisions(request.user),
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/articles/article/revisions.html", context)

    def _revision(self, article, revision_id):
        revision = (
            Article.history.filter(id=article.pk, history_id=revision_id)
            .select_related("history_user")
            .first()
        )
        if revision is None:
            raise Http404
        return revision

    def revision_view(self, request, object_id, revision_id):
        """One revision: what it changed (or how it differs from the article now), and
        "restore this version" for editors."""
        article = self._viewable(request, object_id)
        revision = self._revision(article, revision_id)
        number = revisions.revision_number(revision)
        against_current = request.GET.get("compare") == "current"
        if against_current:
            # What restoring it would change.
            changes = revisions.comparison(revision, article)
        else:
            previous = revisions.previous_revision(revision)
            changes = revisions.comparison(revision, previous) if previous else None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Version %(number)s of “%(title)s”")
            % {"number": number, "title": article.display_title},
            "subtitle": None,
            "number": number,
            "opts": self.opts,
            "object": article,
            "revision": revision,
            "event": revisions.event_label(revision),
            "actor": revisions.actor_name(revision),
            "against_current": against_current,
            "changes": changes,
            "same_as_current": not revisions.comparison(article, revision),
            "can_restore": can_restore_revisions(request.user),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/articles/article/revision.html", context)

    def restore_view(self, request, object_id, revision_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = self._viewable(request, object_id)
        revision = self._revision(article, revision_id)
        try:
            article = services.restore_revision(
                article=article, revision=revision, editor=request.user
            )
        except (PermissionDenied, ValidationError) as exc:
            self.message_user(request, " ".join(error_messages(exc)), messages.ERROR)
            return HttpResponseRedirect(
                reverse("admin:articles_article_revision", args=[article.pk, revision_id])
            )
        self.log_change(request, article, [{"changed": {"fields": ["title", "lead", "body"]}}])
        self.message_user(
            request,
            _("Version %(number)s of “%(title)s” was restored.")
            % {"number": revisions.revision_number(revision), "title": article.display_title},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:articles_article_history", args=[article.pk]))

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
