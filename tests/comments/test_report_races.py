"""Reports sent at the same moment: each source counts once, and the count is exact."""

import pytest
from django.db import connection
from django.urls import reverse

from comments.models import Comment, CommentReport
from tests.comments.factories import CommentFactory
from tests.comments.test_races import _post_together


@pytest.fixture
def _postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("threads need a database each of them can reach: PostgreSQL")


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("_postgresql")
def test_parallel_reports_count_each_source_once_and_hide_at_the_threshold(settings):
    settings.COMMENT_REPORTS_TO_HIDE = 4
    comment = CommentFactory(approved=True)
    url = reverse("comments:report", args=[comment.pk])
    # Three readers at once, two of them twice.
    sources = ["203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.1", "203.0.113.2"]
    statuses = _post_together([({"reason": "spam"}, address) for address in sources], url)
    assert all(status in (200, 302) for status in statuses), statuses
    comment.refresh_from_db()
    assert CommentReport.objects.filter(comment=comment).count() == 3
    assert (comment.report_count, comment.status) == (3, Comment.Status.APPROVED)
    statuses = _post_together(
        [({"reason": "offensive"}, f"198.51.100.{n}") for n in range(1, 4)], url
    )
    comment.refresh_from_db()
    # The fourth report hid it; reports arriving after that are told it is under review.
    assert comment.status == Comment.Status.REPORTED
    assert comment.report_count == CommentReport.objects.filter(comment=comment).count() == 4
