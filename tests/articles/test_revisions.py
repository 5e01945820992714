"""Every save of an article keeps a revision; editors restore one; the workflow is in it."""

import re
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from articles import services
from articles.diffs import body_paragraphs, paragraphs_diff, text_diff
from articles.models import Article
from tests.articles.test_workflow_permissions import ADD_URL, change_url, form_data
from tests.factories import ArticleFactory, SeriesFactory

pytestmark = pytest.mark.django_db


def history_url(article):
    return reverse("admin:articles_article_history", args=[article.pk])


def revision_url(article, revision):
    return reverse("admin:articles_article_revision", args=[article.pk, revision.history_id])


def restore_url(article, revision):
    return reverse("admin:articles_article_restore", args=[article.pk, revision.history_id])


def revisions_of(article):
    return list(Article.history.filter(id=article.pk).order_by("history_id"))


def test_each_admin_save_keeps_a_revision_with_who(client, journalist):
    client.force_login(journalist)
    client.post(ADD_URL + "add/", form_data(title="Bản đầu"))
    article = Article.objects.get()
    client.post(change_url(article), form_data(article, title="Bản thứ hai"))
    client.post(change_url(article), form_data(article, title="Bản thứ hai", _submit_review="1"))
    first, second, third = revisions_of(article)
    assert (first.title, first.history_type, first.history_user) == ("Bản đầu", "+", journalist)
    assert (second.title, second.history_change_reason) == ("Bản thứ hai", None)
    # Nothing changed in the form: only the workflow step is kept, not an empty edit.
    assert third.history_change_reason == Article.Event.SUBMITTED
    assert third.status == Article.Status.REVIEW
    assert third.history_user == journalist


def test_workflow_changes_are_in_the_same_history(journalist, editor):
    article = ArticleFactory(created_by=journalist)
    services.submit_for_review(article=article, user=journalist)
    services.publish_article(article=article, editor=editor)
    services.unpublish_article(article=article, editor=editor)
    events = [(r.history_change_reason, r.history_user) for r in revisions_of(article)]
    assert events == [
        (None, None),  # created by the factory, outside any request
        (Article.Event.SUBMITTED, journalist),
        (Article.Event.PUBLISHED, editor),
        (Article.Event.UNPUBLISHED, editor),
    ]


def test_the_history_page_lists_who_when_what(client, journalist, editor):
    client.force_login(journalist)
    client.post(ADD_URL + "add/", form_data(title="Cử tri kiến nghị", lead="Sapo đầu."))
    article = Article.objects.get()
    client.post(change_url(article), form_data(article, lead="Sapo đã sửa.", _submit_review="1"))
    services.publish_article(article=Article.objects.get(), editor=editor)
    client.force_login(editor)
    response = client.get(history_url(article))
    assert response.status_code == 200
    body = response.content.decode().split("<tbody>")[1].split("</tbody>")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
    texts = [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in rows]
    assert len(texts) == 4
    assert texts[0].startswith("#4")
    assert "Lê Hùng" in texts[0]
    assert "Đã xuất bản" in texts[0]
    assert "Gửi duyệt" in texts[1]
    assert "Nguyễn Lan" in texts[1]
    assert "Sửa bài" in texts[2]
    assert "sapo" in texts[2]
    assert "Tạo bài" in texts[3]
    assert "phiên bản đầu tiên" in texts[3]
    for english in ("Changed", "Created", "historical", "Edited"):
        assert english not in response.content.decode()


def test_a_revision_shows_a_word_diff_of_title_lead_and_body(client, editor):
    article = ArticleFactory(
        title="Kỳ họp thứ chín",
        lead="HĐND thành phố khai mạc kỳ họp.",
        body="<h2>Mở đầu</h2><p>Đoạn một.</p><p>Đoạn hai không đổi.</p><p>Đoạn ba cũ.</p>",
    )
    article.title = "Kỳ họp thứ mười"
    article.lead = "HĐND thành phố bế mạc kỳ họp."
    article.body = "<h2>Mở đầu</h2><p>Đoạn một.</p><p>Đoạn hai không đổi.</p><p>Đoạn ba mới.</p>"
    article._history_user = editor
    article.save()
    latest = revisions_of(article)[-1]
    client.force_login(editor)
    text = client.get(revision_url(article, latest)).content.decode()
    assert "Kỳ họp thứ <del>chín</del><ins>mười</ins>" in text
    assert "HĐND thành phố <del>khai</del><ins>bế</ins> mạc kỳ họp." in text
    assert "<p>Đoạn ba <del>cũ</del><ins>mới</ins>.</p>" in text
    assert "<p>Đoạn hai không đổi.</p>" in text  # the paragraph before the change
    assert "2 đoạn không đổi" in text  # the rest, folded
    # The newest version is the article itself: nothing to restore.
    assert 'id="restore-button"' not in text
    assert "Bài hiện đang giống hệt phiên bản này." in text
    first = client.get(revision_url(article, revisions_of(article)[0]))
    assert "Đây là phiên bản đầu tiên được lưu" in first.content.decode()
    assert 'id="restore-button"' in first.content.decode()
    compared = client.get(revision_url(article, revisions_of(article)[0]) + "?compare=current")
    # What restoring it would do to the article as it is now.
    assert "Kỳ họp thứ <del>mười</del><ins>chín</ins>" in compared.content.decode()


def test_diffs_escape_what_they_show():
    diff = str(text_diff("<b>a</b>", "<script>x</script>"))
    assert "<b>" not in diff
    assert "<script>" not in diff
    assert "&lt;<del>b</del><ins>script</ins>&gt;" in diff
    paragraphs = body_paragraphs("<p>x &amp; y</p><ul><li>một</li><li>hai</li></ul>")
    assert paragraphs == ["x & y", "một", "hai"]
    assert "x &amp; y" in str(paragraphs_diff([], paragraphs))


def test_an_editor_restores_a_version_and_the_site_changes_at_once(
    client, editor, django_capture_on_commit_callbacks
):
    article = ArticleFactory(title="Tiêu đề đúng", body="<p>Nội dung đúng.</p>", published=True)
    good = revisions_of(article)[-1]
    article.title, article.body = "Tiêu đề sai", "<p>Sai.</p>"
    article.save()
    published_at = article.published_at
    client.force_login(editor)

    with (
        mock.patch("core.pagecache.site_changed") as site_changed,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(restore_url(article, good), follow=True)
    site_changed.assert_called()
    article.refresh_from_db()
    assert (article.title, article.body) == ("Tiêu đề đúng", "<p>Nội dung đúng.</p>")
    assert article.status == Article.Status.PUBLISHED
    assert article.published_at == published_at
    assert "Đã khôi phục phiên bản 1" in response.content.decode()
    restored = revisions_of(article)[-1]
    assert restored.history_change_reason == "restored:1"
    assert restored.history_user == editor
    assert "Khôi phục phiên bản 1" in client.get(history_url(article)).content.decode()
    # A reader sees the restored title (the page cache was told).
    assert "Tiêu đề đúng" in client.get(article.get_absolute_url()).content.decode()


def test_a_cached_reader_page_changes_at_once_after_a_restore(
    client, editor, django_capture_on_commit_callbacks
):
    article = ArticleFactory(title="Bản đúng", published=True)
    good = revisions_of(article)[-1]
    reader = client.__class__()
    assert "Bản đúng" in reader.get(article.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Bản sai"
        article.save()
        services.reader_pages_changed()
    assert "Bản sai" in reader.get(article.get_absolute_url()).content.decode()
    # The page is cached: a change nobody announces is not seen.
    Article.objects.filter(pk=article.pk).update(title="Không ai báo")
    assert "Bản sai" in reader.get(article.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.restore_revision(article=article, revision=good, editor=editor)
    page = reader.get(article.get_absolute_url()).content.decode()
    assert "Bản đúng" in page
    assert "Bản sai" not in page


def test_journalists_cannot_restore(client, journalist):
    article = ArticleFactory(created_by=journalist, title="Một")
    first = revisions_of(article)[-1]
    article.title = "Hai"
    article.save()
    with pytest.raises(PermissionDenied):
        services.restore_revision(article=article, revision=first, editor=journalist)
    client.force_login(journalist)
    page = client.get(revision_url(article, first)).content.decode()
    assert "restore-button" not in page
    client.post(restore_url(article, first))
    assert Article.objects.get().title == "Hai"


def test_restore_refuses_a_part_number_now_taken(editor):
    series = SeriesFactory()
    article = ArticleFactory(series=series, part_number=1, title="Phần một")
    first = revisions_of(article)[-1]
    article.part_number = 2
    article.save()
    ArticleFactory(series=series, part_number=1, title="Bài khác")
    with pytest.raises(ValidationError) as error:
        services.restore_revision(article=article, revision=first, editor=editor)
    assert "Bài 1 của loạt bài hiện là “Bài khác”" in error.value.messages[0]
    assert Article.objects.get(pk=article.pk).part_number == 2


def test_journalists_see_only_their_own_articles_history(client, journalist, other_journalist):
    article = ArticleFactory(created_by=other_journalist)
    client.force_login(journalist)
    assert client.get(history_url(article)).status_code in (302, 404)
    assert client.get(revision_url(article, revisions_of(article)[0])).status_code == 404


# --- withdrawing a submitted article -------------------------------------------------------


def test_a_submitted_article_is_shown_rendered_to_its_journalist(client, journalist):
    article = ArticleFactory(
        created_by=journalist,
        status=Article.Status.REVIEW,
        body="<h2>Kiến nghị</h2><p>Nội dung <strong>đậm</strong>.</p>",
    )
    client.force_login(journalist)
    text = client.get(change_url(article)).content.decode()
    assert (
        '<div class="article-body"><h2>Kiến nghị</h2><p>Nội dung <strong>đậm</strong>.</p>' in text
    )
    assert "&lt;h2&gt;" not in text
    assert "Các phiên bản" in text  # the history link
    assert "Rút lại để sửa" in text
    assert reverse("admin:articles_article_withdraw", args=[article.pk]) in text


def test_the_author_withdraws_it_to_a_draft_and_edits_again(client, journalist):
    article = ArticleFactory(created_by=journalist, title="Có lỗi chính tả")
    services.submit_for_review(article=article, user=journalist)
    client.force_login(journalist)
    response = client.post(
        reverse("admin:articles_article_withdraw", args=[article.pk]), follow=True
    )
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert article.submitted_at is None
    assert "đã trở về bản nháp" in response.content.decode()
    assert 'name="_save"' in response.content.decode()
    assert revisions_of(article)[-1].history_change_reason == Article.Event.WITHDRAWN
    assert revisions_of(article)[-1].history_user == journalist


def test_only_the_author_withdraws_and_only_while_it_waits(
    client, journalist, other_journalist, editor
):
    article = ArticleFactory(created_by=journalist, status=Article.Status.REVIEW)
    with pytest.raises(PermissionDenied):
        services.withdraw_article(article=article, user=other_journalist)
    client.force_login(editor)  # an editor sends it back with "unpublish", not this
    assert "Rút lại để sửa" not in client.get(change_url(article)).content.decode()
    services.publish_article(article=article, editor=editor)
    with pytest.raises(ValidationError):
        services.withdraw_article(article=article, user=journalist)
    client.force_login(journalist)
    response = client.post(reverse("admin:articles_article_withdraw", args=[article.pk]))
    assert response.status_code == 302
    assert Article.objects.get().status == Article.Status.PUBLISHED


def test_withdrawing_needs_a_post(client, journalist):
    article = ArticleFactory(created_by=journalist, status=Article.Status.REVIEW)
    client.force_login(journalist)
    assert (
        client.get(reverse("admin:articles_article_withdraw", args=[article.pk])).status_code == 405
    )
    assert Article.objects.get().status == Article.Status.REVIEW
