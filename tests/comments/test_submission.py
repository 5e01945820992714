"""A reader sends a comment: the rules of DESIGN §3, and nothing typed is ever lost."""

import pytest
from django.conf import settings

from comments.models import Comment
from comments.personal_data import hash_ip
from tests.comments.conftest import comment_data, comment_url

pytestmark = pytest.mark.django_db


def test_valid_comment_is_stored_pending_and_the_reader_lands_back_on_the_article(client, article):
    response = client.post(comment_url(article), comment_data(client), REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 302
    assert response["Location"] == f"{article.get_absolute_url()}?binh-luan=cho-duyet#binh-luan"
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert comment.article == article
    assert comment.name == "Nguyễn Thị Hoa"
    assert comment.phone == "0912345678"
    assert comment.content == "Tôi đồng tình với các nghị quyết.\nMong sớm triển khai."
    assert comment.consent_at is not None
    assert comment.consent_version == settings.PRIVACY_NOTICE_VERSION
    assert comment.ip_hash == hash_ip("203.0.113.7")
    assert "203.0.113.7" not in str(Comment.objects.values().get())
    assert not comment.is_flagged


def test_after_sending_the_article_says_the_comment_awaits_moderation_and_does_not_show_it(
    client, article
):
    client.post(comment_url(article), comment_data(client, title="Tiêu đề đang chờ"))
    html = client.get(f"{article.get_absolute_url()}?binh-luan=cho-duyet").content.decode()
    assert "đang chờ kiểm duyệt" in html
    assert "Tiêu đề đang chờ" not in html
    assert "Chưa có bình luận nào." in html


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("0912345678", "0912345678"),
        ("0912 345 678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("+84 912 345 678", "0912345678"),
        ("+84912345678", "0912345678"),
        ("024 3825 1234", "02438251234"),
        ("", ""),
    ],
)
def test_phone_numbers_are_stored_normalised(client, article, raw, stored):
    assert client.post(comment_url(article), comment_data(client, phone=raw)).status_code == 302
    assert Comment.objects.get().phone == stored


BAD_INPUT = [
    ({"name": ""}, "Vui lòng nhập họ tên."),
    ({"name": "A"}, "Họ tên cần ít nhất 2 ký tự."),
    ({"name": "\x07\x07\x07"}, "Vui lòng nhập họ tên."),
    ({"name": "N" * 101}, "Họ tên dài tối đa 100 ký tự (hiện có 101)."),
    ({"phone": "12345"}, "Hãy nhập số điện thoại Việt Nam"),
    ({"phone": "0912 345 67"}, "Hãy nhập số điện thoại Việt Nam"),
    ({"phone": "+1 202 555 0100"}, "Hãy nhập số điện thoại Việt Nam"),
    ({"phone": "09123456789012345678901"}, "Đây không phải số điện thoại Việt Nam."),
    ({"title": ""}, "Vui lòng nhập tiêu đề."),
    ({"title": "T" * 201}, "Tiêu đề dài tối đa 200 ký tự (hiện có 201)."),
    ({"content": ""}, "Vui lòng nhập nội dung bình luận."),
    ({"content": "x" * 3001}, "Nội dung dài tối đa 3000 ký tự (hiện có 3001)."),
    ({"consent": ""}, "Vui lòng đánh dấu ô đồng ý"),
]


@pytest.mark.parametrize(("override", "message"), BAD_INPUT)
def test_each_bad_input_gets_a_clear_error_and_everything_typed_is_kept(
    client, article, override, message
):
    data = comment_data(client, **override)
    response = client.post(comment_url(article), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "Bình luận chưa được gửi" in html
    assert Comment.objects.count() == 0
    # What the reader typed in the other fields is shown again.
    for field in ("name", "title", "phone"):
        if field not in override and data[field]:
            assert f'value="{data[field]}"' in html
    if "content" not in override:
        assert "Tôi đồng tình với các nghị quyết." in html
    # And a fresh captcha to try again.
    assert f'value="{data["captcha_0"]}"' not in html


def test_the_field_in_error_points_to_its_message(client, article):
    html = client.post(comment_url(article), comment_data(client, title="")).content.decode()
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_title_error"' in html
    assert 'id="id_title_error"' in html


def test_any_unicode_is_kept_and_control_characters_are_removed(client, article):
    content = "Tiếng Việt có dấu, 漢字, عربي, emoji 🇻🇳👍\x07\x1b[31m\nhết\u200b."
    client.post(comment_url(article), comment_data(client, content=content, name="Ngô\tBảo\x00"))
    comment = Comment.objects.get()
    assert comment.content == "Tiếng Việt có dấu, 漢字, عربي, emoji 🇻🇳👍[31m\nhết\u200b."
    assert comment.name == "Ngô Bảo"


def test_oversized_requests_are_refused_before_reading_them(client, article):
    response = client.post(
        comment_url(article), {"content": "x" * 70_000, "name": "Ba", "title": "t"}
    )
    assert response.status_code == 413
    assert Comment.objects.count() == 0


def test_comments_on_unpublished_articles_are_refused(client):
    from tests.factories import ArticleFactory

    draft = ArticleFactory()
    assert client.post(comment_url(draft), comment_data(client)).status_code == 404
    assert Comment.objects.count() == 0


def test_get_and_post_are_the_only_methods(client, article):
    assert client.put(comment_url(article)).status_code == 405
