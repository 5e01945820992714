"""Readers' comments for the demo: a few approved under the series, a few waiting."""

from datetime import timedelta

from django.utils import timezone

from articles.models import Article
from comments.flagging import content_fingerprint
from comments.models import Comment, Reply
from comments.services import recount_comments

# (title, name, content, approved, flagged links)
COMMENTS = (
    (
        "Mong kỳ họp tới tiếp tục đổi mới",
        "Nguyễn Văn Bình",
        "Tôi theo dõi kỳ họp qua truyền hình và thấy phần chất vấn năm nay thẳng thắn hơn nhiều.\n"
        "Mong các đại biểu tiếp tục theo dõi đến cùng những việc đã hứa với cử tri.",
        True,
        False,
    ),
    (
        "Cần công khai kết quả giải quyết kiến nghị",
        "Trần Thị Mai",
        "Ở xã tôi, nhiều kiến nghị từ kỳ trước chưa có trả lời. Đề nghị công khai tiến độ "
        "giải quyết trên cổng thông tin để người dân cùng theo dõi.",
        True,
        False,
    ),
    (
        "Ý kiến của một cử tri cao tuổi",
        "Lê Văn Hải",
        "Cảm ơn tòa soạn đã có loạt bài này. Tôi đồng tình với ý kiến phải giám sát sau giám sát.",
        True,
        False,
    ),
    (
        "Hỏi về lịch tiếp xúc cử tri",
        "Phạm Thu Trang",
        "Cho tôi hỏi lịch tiếp xúc cử tri của đại biểu ở phường Đông Thành trong tháng tới?",
        False,
        False,
    ),
    (
        "Dịch vụ giá rẻ",
        "Khách",
        "Xem ngay http://quang-cao.example http://khuyen-mai.example www.giam-gia.example",
        False,
        True,
    ),
)


def ensure_comments(*, articles, moderator, now=None) -> int:
    """Create the demo comments under `articles` unless they are there; returns how many."""
    if not articles or Comment.objects.filter(article__in=articles).exists():
        return 0
    now = now or timezone.now()
    created = []
    for n, (title, name, text, approved, many_links) in enumerate(COMMENTS):
        article = articles[n % len(articles)]
        sent = now - timedelta(hours=30 - 5 * n)
        created.append(
            Comment(
                article=article,
                name=name,
                title=title,
                content=text,
                phone="0912345678" if n == 1 else "",
                status=Comment.Status.APPROVED if approved else Comment.Status.PENDING,
                moderated_by=moderator if approved else None,
                moderated_at=sent + timedelta(hours=1) if approved else None,
                consent_at=sent,
                consent_version="2026-01",
                content_hash=content_fingerprint(title, text),
                flag_many_links=many_links,
                flag_details="3 liên kết" if many_links else "",
            )
        )
    Comment.objects.bulk_create(created)
    # auto_now_add stamped them all "now"; spread them as readers would have sent them.
    for comment, (n, _spec) in zip(
        Comment.objects.filter(article__in=articles).order_by("pk"),
        enumerate(COMMENTS),
        strict=True,
    ):
        Comment.objects.filter(pk=comment.pk).update(created_at=now - timedelta(hours=30 - 5 * n))
    recount_comments(articles=Article.objects.filter(pk__in=[a.pk for a in articles]))
    _answer_one(articles=articles, moderator=moderator, now=now)
    return len(created)


# The newsroom's answer to one demo question (shown under it and on the "Hỏi đáp" page).
ANSWERED_TITLE = "Cần công khai kết quả giải quyết kiến nghị"
ANSWER = (
    "Cảm ơn bạn đọc Trần Thị Mai đã góp ý.\n\n"
    "Từ quý tới, kết quả giải quyết kiến nghị của cử tri sau mỗi kỳ họp sẽ được đăng trong "
    "chuyên mục Hoạt động HĐND, kèm tên cơ quan chịu trách nhiệm và thời hạn trả lời."
)


def _answer_one(*, articles, moderator, now) -> None:
    comment = Comment.objects.filter(article__in=articles, title=ANSWERED_TITLE).first()
    if comment is None or Reply.objects.filter(comment=comment).exists():
        return
    Reply.objects.create(
        comment=comment,
        content=ANSWER,
        signature="Văn phòng HĐND tỉnh",
        created_by=moderator,
        created_at=now - timedelta(hours=2),
    )
