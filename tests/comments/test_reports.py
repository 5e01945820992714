"""Readers report approved comments ("Báo vi phạm"): no account, once per source, limited;
enough reports hide a comment until a moderator restores or rejects it."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from comments import services
from comments.models import Comment, CommentReport
from comments.personal_data import hash_ip
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/comments/comment/"


def report_url(comment) -> str:
    return reverse("comments:report", args=[comment.pk])


def report(client, comment, reason="offensive", ip="203.0.113.7"):
    return client.post(report_url(comment), {"reason": reason}, REMOTE_ADDR=ip)


@pytest.fixture
def comment(article):
    return CommentFactory(article=article, approved=True, title="Ý kiến bị báo")


def test_the_article_links_each_approved_comment_to_its_report_page(client, comment):
    html = client.get(comment.article.get_absolute_url()).content.decode()
    assert f'href="{report_url(comment)}"' in html
    assert "Báo vi phạm" in html


def test_the_report_page_needs_no_account_and_is_never_cached(client, comment):
    response = client.get(report_url(comment))
    html = response.content.decode()
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    assert "csrfmiddlewaretoken" in html
    assert "Ý kiến bị báo" in html
    for label in ("Xúc phạm", "Spam, quảng cáo", "Sai sự thật", "Lộ thông tin cá nhân", "Khác"):
        assert label in html


def test_a_report_is_stored_with_the_source_fingerprint_never_the_address(client, comment):
    response = report(client, comment, reason="false", ip="203.0.113.7")
    assert response.status_code == 302
    assert response["Location"] == f"{report_url(comment)}?da-gui=1"
    stored = CommentReport.objects.get()
    assert (stored.comment, stored.reason) == (comment, "false")
    assert stored.ip_hash == hash_ip("203.0.113.7")
    assert "203.0.113.7" not in stored.ip_hash
    comment.refresh_from_db()
    assert (comment.report_count, comment.status) == (1, Comment.Status.APPROVED)
    thanks = client.get(response["Location"]).content.decode()
    assert "Cảm ơn bạn. Báo cáo của bạn đã được ghi nhận" in thanks


def test_one_report_per_comment_per_source(client, comment):
    report(client, comment, ip="203.0.113.7")
    again = report(client, comment, reason="spam", ip="203.0.113.7")
    assert again.status_code == 302  # the same thanks, counted once
    comment.refresh_from_db()
    assert comment.report_count == 1
    assert CommentReport.objects.count() == 1


def test_a_report_without_a_reason_is_refused_in_vietnamese(client, comment):
    response = client.post(report_url(comment), {}, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 400
    assert "Hãy chọn lý do báo vi phạm." in response.content.decode()
    response = client.post(report_url(comment), {"reason": "<script>"})
    assert response.status_code == 400
    assert CommentReport.objects.count() == 0


def test_reports_are_rate_limited_per_source_and_the_choice_is_kept(client, settings, article):
    settings.COMMENT_REPORT_RATE = "2/m"
    comments = CommentFactory.create_batch(3, article=article, approved=True)
    assert report(client, comments[0]).status_code == 302
    assert report(client, comments[1]).status_code == 302
    refused = report(client, comments[2], reason="personal_data")
    html = refused.content.decode()
    assert refused.status_code == 429
    assert "Bạn gửi báo vi phạm quá nhanh" in html
    assert 'value="personal_data" id="id_reason_3" required checked' in html  # kept
    assert CommentReport.objects.count() == 2
    # Another source is not held back by this one.
    assert report(client, comments[2], ip="198.51.100.9").status_code == 302


def test_the_report_form_is_csrf_protected(comment):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(report_url(comment), {"reason": "spam"}).status_code == 403
    assert CommentReport.objects.count() == 0


def test_only_approved_comments_of_published_articles_can_be_reported(client):
    for hidden in (
        CommentFactory(),
        CommentFactory(status=Comment.Status.REJECTED),
        CommentFactory(status=Comment.Status.SPAM),
    ):
        assert client.get(report_url(hidden)).status_code == 404
        assert report(client, hidden).status_code == 404
    assert CommentReport.objects.count() == 0


def test_enough_reports_hide_the_comment_at_once_and_queue_it(
    client, settings, comment, moderator, django_capture_on_commit_callbacks
):
    settings.COMMENT_REPORTS_TO_HIDE = 3
    page = comment.article.get_absolute_url()
    assert "Ý kiến bị báo" in client.get(page).content.decode()  # cached
    with django_capture_on_commit_callbacks(execute=True):
        report(client, comment, ip="203.0.113.1")
        report(client, comment, ip="203.0.113.2")
    assert "Ý kiến bị báo" in client.get(page).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        report(client, comment, ip="203.0.113.3")
    comment.refresh_from_db()
    assert (comment.status, comment.report_count) == (Comment.Status.REPORTED, 3)
    assert "Ý kiến bị báo" not in client.get(page).content.decode()
    # A fourth reader learns it is already under review, and is given no form.
    html = client.get(report_url(comment), REMOTE_ADDR="203.0.113.4").content.decode()
    assert "đang được Ban biên tập xem xét" in html
    assert 'name="reason"' not in html
    # The moderators' "reported" list has it, with its reports by reason.
    client.force_login(moderator)
    queue = client.get(CHANGELIST, {"status__exact": "reported"}).content.decode()
    assert "Ý kiến bị báo" in queue
    assert "3 lượt báo vi phạm" in queue
    change = client.get(reverse("admin:comments_comment_change", args=[comment.pk]))
    assert "Xúc phạm (3)" in change.content.decode()
    assert "Đã ẩn khỏi bạn đọc sau 3 lượt báo vi phạm" in change.content.decode()
    # The admin's home page tells the moderators there is one to decide.
    index = client.get("/admin/").content.decode()
    assert "Bình luận bị ẩn do bạn đọc báo vi phạm" in index
    assert f'{CHANGELIST}?status__exact=reported"' in index


def test_a_moderator_restores_a_reported_comment_and_it_is_logged(
    client, settings, comment, moderator, django_capture_on_commit_callbacks
):
    settings.COMMENT_REPORTS_TO_HIDE = 1
    report(client, comment)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.REPORTED
    client.force_login(moderator)
    moderate = reverse("admin:comments_comment_moderate", args=[comment.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(moderate, {"decision": "approve"})
    comment.refresh_from_db()
    assert (comment.status, comment.report_count) == (Comment.Status.APPROVED, 0)
    assert comment.moderated_by == moderator
    assert LogEntry.objects.filter(object_id=str(comment.pk)).count() == 1
    client.logout()
    assert "Ý kiến bị báo" in client.get(comment.article.get_absolute_url()).content.decode()
    # Its reports are kept; the same source cannot report it a second time.
    report(client, comment)
    comment.refresh_from_db()
    assert (comment.status, comment.report_count) == (Comment.Status.APPROVED, 0)
    assert CommentReport.objects.filter(comment=comment).count() == 1


def test_a_moderator_rejects_a_reported_comment(client, settings, comment, moderator):
    settings.COMMENT_REPORTS_TO_HIDE = 1
    report(client, comment)
    services.reject_comment(
        comment=comment, moderator=moderator, reason=Comment.RejectionReason.OFFENSIVE
    )
    comment.refresh_from_db()
    assert comment.status == Comment.Status.REJECTED
    assert client.get(report_url(comment)).status_code == 404


def test_the_report_page_costs_a_fixed_number_of_queries(
    client, article, django_assert_max_num_queries, cache_reads
):
    comment = CommentFactory(article=article, approved=True)
    client.get(report_url(comment))  # the menu and the most-read box are cached
    with django_assert_max_num_queries(2 + cache_reads(4)):
        assert client.get(report_url(comment)).status_code == 200


def test_reports_are_erased_with_the_other_personal_data(client, comment):
    report(client, comment, ip="203.0.113.1")
    report(client, comment, ip="203.0.113.2")
    CommentReport.objects.filter(ip_hash=hash_ip("203.0.113.1")).update(
        created_at=timezone.now() - timedelta(days=91)
    )
    services.purge_personal_data(older_than_days=90)
    assert list(CommentReport.objects.values_list("ip_hash", flat=True)) == [hash_ip("203.0.113.2")]
    comment.refresh_from_db()
    assert comment.report_count == 2


def test_the_privacy_notice_says_what_a_report_keeps(client, settings):
    settings.COMMENT_PERSONAL_DATA_DAYS = 30
    html = client.get(reverse("privacy")).content.decode()
    assert "Khi báo vi phạm một bình luận" in html
    assert "Báo cáo được xóa sau 30 ngày kể từ khi gửi." in html


def test_a_comment_hidden_by_reports_leaves_the_articles_comment_count_until_restored(
    client, settings, comment, moderator
):
    settings.COMMENT_REPORTS_TO_HIDE = 1
    services.recount_comments()  # the factory wrote the comment behind the services' back
    article = comment.article
    article.refresh_from_db()
    assert article.comment_count == 1
    report(client, comment)
    article.refresh_from_db()
    assert article.comment_count == 0
    services.approve_comment(comment=comment, moderator=moderator)
    article.refresh_from_db()
    assert article.comment_count == 1
