"""The moderation queue."""

import copy
import json
from datetime import datetime
from urllib.parse import urlencode

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connections
from django.db.models import Value
from django.db.models.constants import LOOKUP_SEP
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator, capfirst
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.models import Article
from core.admin import EstimatedCountPaginator, ServiceActionsMixin, error_messages, status_badge
from core.roles import can_delete_comments, can_moderate, can_view_personal_data

from . import services
from .models import BlockedWord, Comment, CommentReport, flagged_q
from .personal_data import mask_phone

# Personal data on a comment: never filtered, searched or sorted on without the permission.
PERSONAL_FIELDS = {"phone", "ip_hash"}
# What the queue shows of a comment's text and of its article's title.
EXCERPT_CHARS = 200
ARTICLE_CHARS = 48
FLAG_DETAILS_CHARS = 80


def relative_time(moment: datetime, now: datetime) -> str:
    """ "vừa xong", "5 phút trước", "23 giờ trước" within the last day; the date and time
    (Vietnam time) for anything older. A day, not the calendar day: the queue read just
    after midnight still says "3 giờ trước" of the evening's comments."""
    age = (now - moment).total_seconds()
    if not 0 <= age < 24 * 60 * 60:
        return date_format(timezone.localtime(moment), "DATETIME_FORMAT")
    if age < 60:
        return _("just now")
    return _("%(time)s ago") % {"time": timesince(moment, now, depth=1)}


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


class FeaturedFilter(admin.SimpleListFilter):
    """Featured comments (shown first under their article), or the others."""

    title = _("featured comment")
    parameter_name = "featured"

    def lookups(self, request, model_admin):
        return [("yes", _("Featured")), ("no", _("Not featured"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(is_featured=self.value() == "yes")
        return queryset


class ArticleWithPendingFilter(admin.SimpleListFilter):
    """Articles that have comments waiting, busiest first (not every article ever written)."""

    title = _("article")
    parameter_name = "article"

    def lookups(self, request, model_admin):
        # Counted from the pending comments' index alone, then 15 titles: joining the
        # articles before grouping made PostgreSQL read every article and pending comment.
        rows = list(Comment.objects.waiting_per_article()[:15])
        titles = dict(
            Article.objects.filter(pk__in=[row["article_id"] for row in rows]).values_list(
                "pk", "title"
            )
        )
        return [
            (str(row["article_id"]), f"{titles.get(row['article_id'], '')} ({row['waiting']})")
            for row in rows
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(article_id=int(value))
        return queryset


class QueueCountPaginator(EstimatedCountPaginator):
    """EstimatedCountPaginator for filtered lists too, which here can hold most of a
    million comments (every approved one, every one without a flag) or be costly to count
    (a search through all of them).

    On PostgreSQL the planner is asked first. A list it expects to be longer than
    `threshold`, or to cost more than `cost_limit` to read (in its own units: reading the
    whole million-comment table is about 70,000), shows its estimate instead of a COUNT.
    The others are counted exactly, the pending queue among them: its partial index counts
    it in milliseconds. An estimate a little too high only adds an empty last page.
    """

    cost_limit = 50_000

    @cached_property
    def count(self):
        queryset = self.object_list
        connection = connections[queryset.db]
        if connection.vendor == "postgresql" and queryset.query.where:
            rows, cost = self._planner_estimate(queryset, connection)
            if rows > self.threshold or cost > self.cost_limit:
                return rows
        return super().count

    @staticmethod
    def _planner_estimate(queryset, connection) -> tuple[int, float]:
        """(rows, cost) the planner expects for reading `queryset`'s rows, no column."""
        sql, params = (
            queryset.order_by().annotate(one=Value(1)).values_list("one").query.sql_with_params()
        )
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (FORMAT JSON) " + sql, params)
            plan = cursor.fetchone()[0]
        plan = (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]
        return int(plan["Plan Rows"]), float(plan["Total Cost"])


def _reason_choices():
    # An empty first choice: a hasty reject must not record a reason nobody chose.
    reasons = [c for c in Comment.RejectionReason.choices if c[0] != Comment.RejectionReason.SPAM]
    return [
        ("", _("— Choose a reason —")),
        *reasons,
        (Comment.RejectionReason.SPAM, Comment.RejectionReason.SPAM.label),
    ]


class RejectForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason"),
        choices=_reason_choices,
        error_messages={"required": _("Choose a reason for the rejection.")},
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
    # The queue's columns are built per request (get_list_display): the phone number depends
    # on the viewer's permission, the row buttons on their right to moderate, the times on
    # the moment the page is drawn. This list is the same without those.
    list_display = [
        "comment_column",
        "name",
        "article_column",
        "created_at",
        "flags_column",
        "status_column",
    ]
    list_display_links = None  # the comment column links to the comment itself
    # A date filter, not date_hierarchy: that lists the years, months or days present in the
    # filtered comments, which means reading all of them (0.3 s for every status at once).
    list_filter = [
        StatusFilter,
        FlagFilter,
        FeaturedFilter,
        ArticleWithPendingFilter,
        ("created_at", admin.DateFieldListFilter),
    ]
    list_select_related = ["article"]
    # What the search box reads; CommentQuerySet.search() searches them as one indexed text.
    search_fields = ["title", "content", "name", "article__title"]
    paginator = QueueCountPaginator
    show_full_result_count = False
    list_per_page = 50
    actions = [
        "approve_selected",
        "reject_selected",
        "mark_selected_as_spam",
        "feature_selected",
        "unfeature_selected",
    ]
    change_form_template = "admin/comments/comment/change_form.html"
    change_list_template = "admin/comments/comment/change_list.html"
    fields = [
        "article_column",
        "status",
        "name",
        "title",
        "content_column",
        "created_at",
        "flags_column",
        "consent_column",
        "moderated_by",
        "moderated_at",
        "rejection_reason",
        "rejection_note",
        "is_featured",
        "featured_by",
        "featured_at",
        "reports_column",
        "personal_data_erased_at",
    ]
    ordering = ["created_at", "pk"]  # the queue is worked from the oldest

    def get_list_display(self, request):
        return [
            self.comment_column_for(request),
            self.sender_column_for(request),
            "article_column",
            self.time_column_for(timezone.now()),
            "flags_column",
            "status_column",
        ]

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article", "moderated_by", "reply")

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return queryset.search(search_term), False

    def has_add_permission(self, request):
        return False  # comments come from readers only

    def has_delete_permission(self, request, obj=None):
        return can_delete_comments(request.user)

    def delete_model(self, request, obj):
        # Through the service: the article's comment count and pages follow.
        services.delete_comments(comments=[obj], moderator=request.user)

    def delete_queryset(self, request, queryset):
        services.delete_comments(
            comments=queryset.select_related(None).only("pk"), moderator=request.user
        )

    # --- columns ----------------------------------------------------------------------

    @admin.display(description=_("status"), ordering="status")
    def status_column(self, obj):
        badge = status_badge(obj.status, obj.get_status_display())
        extra = []
        if hasattr(obj, "reply"):  # joined by get_queryset: no query per row
            extra.append(status_badge("answered", _("answered")))
        if obj.is_featured:
            extra.append(status_badge("featured", _("Featured")))
        if obj.report_count:
            extra.append(
                status_badge(
                    "reports",
                    ngettext("%(count)d report", "%(count)d reports", obj.report_count)
                    % {"count": obj.report_count},
                )
            )
        if not extra:
            return badge
        return format_html_join(" ", "{}", ((b,) for b in [badge, *extra]))

    @admin.display(description=_("readers' reports"))
    def reports_column(self, obj):
        """Every report of this comment, by reason (counted since the last decision: see
        the status column)."""
        counts = {}
        for reason in obj.reports.values_list("reason", flat=True):
            counts[reason] = counts.get(reason, 0) + 1
        if not counts:
            return "–"
        labels = dict(CommentReport.Reason.choices)
        return format_html_join(
            ", ", "{} ({})", ((labels.get(reason, reason), n) for reason, n in counts.items())
        )

    @admin.display(description=_("article"))
    def article_column(self, obj):
        title = obj.article.title
        return format_html(
            '<a class="queue-article" href="{}" target="_blank" rel="noopener" title="{}">{}</a>',
            obj.article.get_absolute_url(),
            title,
            Truncator(title).chars(ARTICLE_CHARS),
        )

    @admin.display(description=_("comment"))
    def comment_column(self, obj):
        return self.comment_column_for(None)(obj)

    def comment_column_for(self, request):
        """Title (a link to the comment's page), the first EXCERPT_CHARS characters of the
        text, and WordPress-like row buttons for those who may moderate."""
        buttons = request is not None and can_moderate(request.user)
        back = "next=queue"
        if request is not None:
            # After a decision taken in the list, back to the same page of the same list.
            back += "&" + urlencode({"_changelist_filters": request.GET.urlencode()})

        @admin.display(description=_("comment"))
        def comment(obj):
            change_url = reverse("admin:comments_comment_change", args=[obj.pk])
            excerpt = Truncator(" ".join(obj.content.split())).chars(EXCERPT_CHARS)
            html = format_html(
                '<a class="queue-title" href="{}">{}</a><span class="queue-excerpt">{}</span>',
                change_url,
                obj.title,
                excerpt,
            )
            if not buttons:
                return html
            moderate_url = reverse("admin:comments_comment_moderate", args=[obj.pk]) + "?" + back
            actions = []
            if obj.status != Comment.Status.APPROVED:
                actions.append(
                    format_html(
                        '<button type="submit" class="row-action row-action--approve" '
                        'formaction="{}" name="decision" value="approve" data-key="a">{}</button>',
                        moderate_url,
                        _("Restore") if obj.status == Comment.Status.REPORTED else _("Approve"),
                    )
                )
            if obj.status != Comment.Status.SPAM:
                actions.append(
                    format_html(
                        '<button type="submit" class="row-action row-action--spam" '
                        'formaction="{}" name="decision" value="spam" data-key="s">{}</button>',
                        moderate_url,
                        _("Spam"),
                    )
                )
            if obj.status != Comment.Status.REJECTED:
                actions.append(
                    format_html(
                        '<a class="row-action row-action--reject" href="{}#reject" '
                        'data-key="r">{}</a>',
                        change_url,
                        _("Reject…"),
                    )
                )
            return format_html(
                '{}<span class="row-actions">{}</span>',
                html,
                format_html_join("", "{}", ((a,) for a in actions)),
            )

        return comment

    @staticmethod
    def sender_column_for(request):
        """The reader's name, and their phone number: in full for holders of the
        permission, masked for everyone else."""
        phone_number = CommentAdmin.phone_column_for(request)

        @admin.display(description=_("sender"))
        def sender(obj):
            if not obj.phone:
                return format_html('<span class="queue-name">{}</span>', obj.name)
            return format_html(
                '<span class="queue-name">{}</span><span class="queue-phone">{}</span>',
                obj.name,
                phone_number(obj),
            )

        return sender

    @staticmethod
    def time_column_for(now):
        """When it was sent: "5 phút trước" within the last day, the date and time before
        that; in full on hover."""

        @admin.display(description=_("sent at"), ordering="created_at")
        def sent_at(obj):
            return format_html(
                '<time datetime="{}" title="{}">{}</time>',
                obj.created_at.isoformat(),
                date_format(timezone.localtime(obj.created_at), "DATETIME_FORMAT"),
                relative_time(obj.created_at, now),
            )

        return sent_at

    @admin.display(description=_("content"))
    def content_column(self, obj):
        return format_html('<div class="comment-content">{}</div>', obj.content)

    @admin.display(description=_("flags"))
    def flags_column(self, obj):
        labels = obj.flag_labels
        if not labels:
            return format_html('<span class="queue-none">–</span>')
        badges = format_html_join(
            " ", '<span class="flag-badge">{}</span>', ((label,) for label in labels)
        )
        if obj.flag_details:
            return format_html(
                '{} <span class="flag-details" title="{}">{}</span>',
                badges,
                obj.flag_details,
                Truncator(obj.flag_details).chars(FLAG_DETAILS_CHARS),
            )
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

    @staticmethod
    def source_display(request, obj) -> str:
        """The sender's IP fingerprint and a link to their other comments, for holders of
        the personal-data permission only."""
        if not obj.ip_hash or not can_view_personal_data(request.user):
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
        context["source_display"] = self.source_display(request, obj) if obj else ""
        return super().render_change_form(request, context, add, change, form_url, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = {
            "title": _("Moderate a comment"),
            "reject_form": RejectForm(),
            **(extra_context or {}),
            # Nothing to save: a moderator decides with the panel above the comment.
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
            "show_delete": can_delete_comments(request.user),
            # The comment's text needs the width more than the menu of a one-app role.
            "is_nav_sidebar_enabled": False,
        }
        return super().changeform_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        # Without the navigation sidebar the queue fits a 1366 px screen without scrolling
        # sideways; the breadcrumbs and the header still lead everywhere.
        extra_context = {
            "title": _("Moderate comments"),
            **(extra_context or {}),
            "is_nav_sidebar_enabled": False,
        }
        return super().changelist_view(request, extra_context)

    def lookup_allowed(self, lookup, value, request=None):
        # A filter on the phone number or the IP fingerprint is an oracle: with
        # ?phone__startswith=09 the list answers yes or no, digit after digit. Only
        # holders of the personal-data permission may filter on them, and only exactly.
        parts = set(lookup.split(LOOKUP_SEP))
        if parts & PERSONAL_FIELDS:
            return (
                request is not None
                and can_view_personal_data(request.user)
                and lookup in PERSONAL_FIELDS
            )
        return super().lookup_allowed(lookup, value, request)

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
            elif decision in ("feature", "unfeature"):
                comment = services.feature_comment(
                    comment=comment, moderator=request.user, featured=decision == "feature"
                )
                self.log_change(request, comment, [{"changed": {"fields": ["is_featured"]}}])
                self.message_user(
                    request,
                    (
                        _("Featured: “%(title)s”.")
                        if comment.is_featured
                        else _("No longer featured: “%(title)s”.")
                    )
                    % {"title": comment.title},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(reverse("admin:comments_comment_change", args=[pk]))
            elif decision == "reject":
                form = RejectForm(request.POST)
                if not form.is_valid():
                    return self._ask_again(request, pk, form)
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
        if request.GET.get("next") == "queue":
            # Decided from a row of the list: back to that list, its filters and page kept.
            filters = request.GET.get("_changelist_filters", "")
            return HttpResponseRedirect(
                reverse("admin:comments_comment_changelist") + (f"?{filters}" if filters else "")
            )
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

    def _ask_again(self, request, pk, form):
        """The comment's page again, with the rejection's errors beside its fields and the
        note as it was typed (nothing is decided)."""
        page_request = copy.copy(request)
        page_request.method = "GET"
        return self.changeform_view(page_request, str(pk), extra_context={"reject_form": form})

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

    @admin.action(description=_("Feature the selected comments"), permissions=["change"])
    def feature_selected(self, request, queryset):
        self._run_featuring(request, queryset, featured=True)

    @admin.action(description=_("Stop featuring the selected comments"), permissions=["change"])
    def unfeature_selected(self, request, queryset):
        self._run_featuring(request, queryset, featured=False)

    def _run_featuring(self, request, queryset, *, featured: bool):
        self.run_on_each(
            request,
            queryset,
            lambda c: services.feature_comment(
                comment=c, moderator=request.user, featured=featured
            ),
            (
                (
                    lambda n: ngettext(
                        "%(count)d comment featured.", "%(count)d comments featured.", n
                    )
                )
                if featured
                else (
                    lambda n: ngettext(
                        "%(count)d comment no longer featured.",
                        "%(count)d comments no longer featured.",
                        n,
                    )
                )
            ),
            changed_fields=["is_featured"],
        )


@admin.register(BlockedWord)
class BlockedWordAdmin(admin.ModelAdmin):
    list_display = ["phrase", "created_at"]
    search_fields = ["phrase"]


# The newsroom's official replies have their own admin page (comments/reply_admin.py).
from . import reply_admin  # noqa: E402, F401
