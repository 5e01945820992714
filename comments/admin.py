"""The moderation queue."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.admin import EstimatedCountPaginator, ServiceActionsMixin, error_messages, status_badge
from core.roles import can_delete_comments, can_view_personal_data

from . import services
from .models import BlockedWord, Comment, flagged_q
from .personal_data import mask_phone


class StatusFilter(admin.SimpleListFilter):
    """The queue opens on pending comments; the other states are one click away."""

    title = _("status")
    parameter_name = "status__exact"
    ALL = "all"

    def lookups(self, request, model_admin):
        return [*Comment.Status.choices, (self.ALL, _("All"))]

    def value(self):
        return super().value() or Comment.Status.PENDING

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        if self.value() == self.ALL:
            return queryset
        return queryset.filter(status=self.value())


class FlagFilter(admin.SimpleListFilter):
    """One choice per flag in Comment.FLAG_FIELDS (`?flag=many_links`), any flag, or none."""

    title = _("flag")
    parameter_name = "flag"

    def lookups(self, request, model_admin):
        return [
            ("any", _("Any flag")),
            *(
                (name.removeprefix("flag_"), capfirst(Comment._meta.get_field(name).verbose_name))
                for name in Comment.FLAG_FIELDS
            ),
            ("none", _("No flag")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "any":
            return queryset.filter(flagged_q())
        if value == "none":
            return queryset.exclude(flagged_q())
        if value and f"flag_{value}" in Comment.FLAG_FIELDS:
            return queryset.filter(**{f"flag_{value}": True})
        return queryset


class ArticleWithPendingFilter(admin.SimpleListFilter):
    """Articles that have comments waiting, busiest first (not every article ever written)."""

    title = _("article")
    parameter_name = "article"

    def lookups(self, request, model_admin):
        rows = (
            Comment.objects.pending()
            .values("article_id", "article__title")
            .annotate(waiting=Count("id"))
            .order_by("-waiting")[:15]
        )
        return [
            (str(row["article_id"]), f"{row['article__title']} ({row['waiting']})") for row in rows
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(article_id=int(value))
        return queryset


class RejectForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason"),
        choices=[c for c in Comment.RejectionReason.choices if c[0] != Comment.RejectionReason.SPAM]
        + [(Comment.RejectionReason.SPAM, Comment.RejectionReason.SPAM.label)],
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_("Required with “Other”."),
    )

    def clean(self):
        data = super().clean()
        if data.get("reason") == Comment.RejectionReason.OTHER and not data.get("note", "").strip():
            self.add_error("note", _("Explain the reason in the note when choosing “Other”."))
        return data


@admin.register(Comment)
class CommentAdmin(ServiceActionsMixin, admin.ModelAdmin):
    list_display = [
        "title",
        "status_column",
        "article_column",
        "name",
        "excerpt_column",
        "created_at",
        "flags_column",
    ]
    list_display_links = ["title"]
    list_filter = [StatusFilter, FlagFilter, ArticleWithPendingFilter]
    list_select_related = ["article"]
    search_fields = ["title", "content", "name", "article__title"]
    date_hierarchy = "created_at"
    paginator = EstimatedCountPaginator
    show_full_result_count = False
    list_per_page = 50
    actions = ["approve_selected", "reject_selected", "mark_selected_as_spam"]
    change_form_template = "admin/comments/comment/change_form.html"
    fields = [
        "article_column",
        "status",
        "name",
        "title",
        "content_column",
        "created_at",
        "flags_column",
        "source_column",
        "consent_column",
        "moderated_by",
        "moderated_at",
        "rejection_reason",
        "rejection_note",
        "personal_data_erased_at",
    ]
    ordering = ["created_at", "pk"]  # the queue is worked from the oldest

    def get_list_display(self, request):
        return [*self.list_display, self.phone_column_for(request)]

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article", "moderated_by")

    def has_add_permission(self, request):
        return False  # comments come from readers only

    def has_delete_permission(self, request, obj=None):
        return can_delete_comments(request.user)

    # --- columns ----------------------------------------------------------------------

    @admin.display(description=_("status"), ordering="status")
    def status_column(self, obj):
        return status_badge(obj.status, obj.get_status_display())

    @admin.display(description=_("article"))
    def article_column(self, obj):
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            obj.article.get_absolute_url(),
            Truncator(obj.article.title).chars(60),
        )

    @admin.display(description=_("content"))
    def excerpt_column(self, obj):
        return Truncator(obj.content).chars(120)

    @admin.display(description=_("content"))
    def content_column(self, obj):
        return format_html('<div class="comment-content">{}</div>', obj.content)

    @admin.display(description=_("flags"))
    def flags_column(self, obj):
        labels = obj.flag_labels
        if not labels:
            return "–"
        badges = format_html_join(
            " ", '<span class="flag-badge">{}</span>', ((label,) for label in labels)
        )
        if obj.flag_details:
            return format_html('{} <span class="flag-details">{}</span>', badges, obj.flag_details)
        return badges

    @staticmethod
    def phone_column_for(request):
        """The phone number in full for holders of the permission, masked for everyone else."""
        can_see = can_view_personal_data(request.user)

        @admin.display(description=_("phone number"))
        def phone_number(obj):
            if not obj.phone:
                return "–"
            return obj.phone if can_see else mask_phone(obj.phone)

        return phone_number

    @admin.display(description=_("source"))
    def source_column(self, obj):
        if not obj.ip_hash:
            return "–"
        url = (
            reverse("admin:comments_comment_changelist")
            + f"?ip_hash={obj.ip_hash}&status__exact=all"
        )
        return format_html(
            '<code>{}</code> · <a href="{}">{}</a>',
            obj.ip_hash[:12],
            url,
            _("comments from this source"),
        )

    @admin.display(description=_("consent"))
    def consent_column(self, obj):
        return format_html(
            "{} · {}",
            date_format(timezone.localtime(obj.consent_at), "DATETIME_FORMAT")
            if obj.consent_at
            else "–",
            obj.consent_version,
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The comment the change view already loaded: no second query for the phone number.
        context["phone_display"] = self.phone_column_for(request)(obj) if obj else ""
        return super().render_change_form(request, context, add, change, form_url, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "reject_form": RejectForm(),
            # Nothing to save: a moderator decides with the buttons under the comment.
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
            "show_delete": can_delete_comments(request.user),
        }
        return super().changeform_view(request, object_id, form_url, extra_context)

    def lookup_allowed(self, lookup, value, request=None):
        return lookup == "ip_hash" or super().lookup_allowed(lookup, value, request)

    # --- one by one: buttons on the change page ---------------------------------------

    def get_urls(self):
        return [
            path(
                "<int:pk>/moderate/",
                self.admin_site.admin_view(self.moderate_view),
                name="comments_comment_moderate",
            ),
            *super().get_urls(),
        ]

    def moderate_view(self, request, pk):
        comment = get_object_or_404(Comment, pk=pk)
        if request.method != "POST" or not self.has_change_permission(request, comment):
            raise PermissionDenied
        decision = request.POST.get("decision")
        try:
            if decision == "approve":
                comment = services.approve_comment(comment=comment, moderator=request.user)
                done = _("Approved: “%(title)s”.")
            elif decision == "spam":
                comment = services.mark_comment_as_spam(comment=comment, moderator=request.user)
                done = _("Marked as spam: “%(title)s”.")
            elif decision == "reject":
                form = RejectForm(request.POST)
                if not form.is_valid():
                    raise ValidationError([e for errors in form.errors.values() for e in errors])
                comment = services.reject_comment(
                    comment=comment,
                    moderator=request.user,
                    reason=form.cleaned_data["reason"],
                    note=form.cleaned_data["note"],
                )
                done = _("Rejected: “%(title)s”.")
            else:
                raise ValidationError(_("Unknown decision."))
        except (ValidationError, PermissionDenied) as exc:
            self.message_user(request, " ".join(error_messages(exc)), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:comments_comment_change", args=[pk]))
        self.log_change(request, comment, [{"changed": {"fields": ["status"]}}])
        self.message_user(request, done % {"title": comment.title}, messages.SUCCESS)
        next_pending = (
            Comment.objects.pending()
            .filter(created_at__gte=comment.created_at)
            .exclude(pk=pk)
            .first()
            or Comment.objects.pending().exclude(pk=pk).first()
        )
        if next_pending is not None and request.POST.get("next") != "queue":
            return HttpResponseRedirect(
                reverse("admin:comments_comment_change", args=[next_pending.pk])
            )
        return HttpResponseRedirect(reverse("admin:comments_comment_changelist"))

    # --- in bulk: admin actions -------------------------------------------------------

    @admin.action(description=_("Approve the selected comments"), permissions=["change"])
    def approve_selected(self, request, queryset):
        self.run_on_each(
            request,
            queryset,
            lambda c: services.approve_comment(comment=c, moderator=request.user),
            lambda n: ngettext("%(count)d comment approved.", "%(count)d comments approved.", n),
        )

    @admin.action(description=_("Reject the selected comments…"), permissions=["change"])
    def reject_selected(self, request, queryset):
        form = RejectForm(request.POST if "apply" in request.POST else None)
        if "apply" in request.POST and form.is_valid():
            self.run_on_each(
                request,
                queryset,
                lambda c: services.reject_comment(
                    comment=c,
                    moderator=request.user,
                    reason=form.cleaned_data["reason"],
                    note=form.cleaned_data["note"],
                ),
                lambda n: ngettext(
                    "%(count)d comment rejected.", "%(count)d comments rejected.", n
                ),
            )
            return None
        return TemplateResponse(
            request,
            "admin/comments/comment/reject_selected.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Reject comments"),
                "opts": self.model._meta,
                "comments": queryset,
                "form": form,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )

    @admin.action(description=_("Mark the selected comments as spam"), permissions=["change"])
    def mark_selected_as_spam(self, request, queryset):
        self.run_on_each(
            request,
            queryset,
            lambda c: services.mark_comment_as_spam(comment=c, moderator=request.user),
            lambda n: ngettext(
                "%(count)d comment marked as spam.", "%(count)d comments marked as spam.", n
            ),
        )


@admin.register(BlockedWord)
class BlockedWordAdmin(admin.ModelAdmin):
    list_display = ["phrase", "created_at"]
    search_fields = ["phrase"]
