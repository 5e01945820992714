"""Admin building blocks both apps' admins use: a badge, a paginator, one action runner."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property
from django.utils.html import format_html


def status_badge(css_modifier: str, label) -> str:
    """A coloured status label for change lists (styles in static/css/admin.css)."""
    return format_html('<span class="status-badge status-badge--{}">{}</span>', css_modifier, label)


def error_messages(exc: Exception) -> list[str]:
    """What a refused service call says, as a list of sentences."""
    return exc.messages if isinstance(exc, ValidationError) else [str(exc)]


class ServiceActionsMixin:
    """Admin actions and buttons that run a service on objects, reporting each refusal."""

    def run_on_each(
        self, request, queryset, service, done_message, *, changed_fields=("status",)
    ) -> int:
        """Call `service(obj)` for each object; log each change; report the count and every
        refused object with the service's own reason. `done_message` is an ngettext
        callable taking the count. Returns how many succeeded."""
        done = 0
        for obj in queryset:
            try:
                changed = service(obj) or obj
            except (PermissionDenied, ValidationError) as exc:
                self.message_user(
                    request, f"“{obj}”: {' '.join(error_messages(exc))}", messages.WARNING
                )
                continue
            self.log_change(request, changed, [{"changed": {"fields": list(changed_fields)}}])
            done += 1
        if done:
            self.message_user(request, done_message(done) % {"count": done}, messages.SUCCESS)
        return done


class EstimatedCountPaginator(Paginator):
    """A paginator that does not COUNT(*) a whole large table on PostgreSQL.

    An unfiltered change list over a million rows would spend most of its time counting;
    PostgreSQL's planner statistics give the size closely enough for page links. Filtered
    lists are small and counted exactly.
    """

    threshold = 100_000

    @cached_property
    def count(self):
        queryset = self.object_list
        if getattr(queryset, "query", None) is not None and not queryset.query.where:
            connection = connections[queryset.db]
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
                        [queryset.model._meta.db_table],
                    )
                    row = cursor.fetchone()
                if row and row[0] and row[0] > self.threshold:
                    return int(row[0])
        return super().count
