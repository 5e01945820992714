"""Fill a database with readers' comments on its articles, for the benchmarks.

    DATABASE_URL=postgres://user@host/hnp_bench python bench/generate_comments.py --count 1000000

Run bench/generate_articles.py first (bench/generate.py runs both). Comments go to published
articles, more to the most read ones, mostly in the hours after publication, and are
written in time order, as a real site's ids are. What moderators have done with them
resembles a working newsroom: about 88% approved, 5% rejected with a reason, 4% spam, and
2-5% still pending: most of the last two days, and a thin trail of older ones nobody got
to. A few carry flags (links, blocked words, repeated content, sent by a robot), spam most
often. Personal data of comments decided more than COMMENT_PERSONAL_DATA_DAYS ago is
already erased, as the daily purge leaves it. Refuses to add to a database that already
has comments unless --append is given.
"""

import argparse
import hashlib
import os
import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hnp.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only-not-a-secret-" + "x" * 30)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article  # noqa: E402
from bench.bulk import insert_rows  # noqa: E402
from bench.generate_articles import (  # noqa: E402
    GIVEN_NAMES,
    MIDDLE_NAMES,
    SURNAMES,
    fast_fold,
    person,
    words,
)
from comments.models import Comment  # noqa: E402
from comments.services import recount_comments  # noqa: E402

PLACES = [
    "Hà Nội", "TP.HCM", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Huế", "Nghệ An", "Thanh Hóa",
    "Quảng Ninh", "Đắk Lắk", "Lâm Đồng", "Khánh Hòa", "Bình Dương", "An Giang", "Cà Mau",
]  # fmt: skip
ALIASES = [
    "Bạn đọc {place}", "Cử tri {place}", "Một người dân {place}", "Cựu chiến binh {place}",
    "Giáo viên về hưu", "Sinh viên", "Người trong cuộc", "Độc giả lâu năm",
]  # fmt: skip
TITLES = [
    "Rất đồng tình", "Hoàn toàn đồng ý", "Cần làm rõ trách nhiệm", "Ý kiến của cử tri",
    "Đề nghị xem xét lại", "Cảm ơn tòa soạn", "Góp ý", "Nên nhân rộng mô hình này",
    "Mong sớm triển khai", "Thủ tục còn rườm rà", "Cần công khai, minh bạch", "Hoan nghênh",
    "Câu hỏi cho cơ quan chức năng", "Thực tế ở địa phương", "Đúng nhưng chưa đủ",
    "Mong được giải đáp", "Bức xúc", "Chính sách rất thiết thực", "Cần kiểm tra thực tế",
    "Xin hỏi thêm", "Ý kiến cá nhân", "Người dân mong chờ", "Đáng khen", "Còn nhiều bất cập",
]  # fmt: skip
OPENERS = [
    "Tôi hoàn toàn đồng tình với", "Đề nghị cơ quan chức năng sớm làm rõ",
    "Cảm ơn tòa soạn đã phản ánh kịp thời về", "Ở địa phương tôi,", "Mong rằng",
    "Theo tôi,", "Người dân chúng tôi rất mong", "Bài viết rất thiết thực về",
    "Cần có giải pháp cụ thể cho", "Tôi băn khoăn về", "Xin hỏi khi nào",
    "Nhiều năm nay", "Gia đình tôi cũng gặp chuyện", "Đề nghị HĐND tỉnh giám sát",
    "Rất mong các đại biểu quan tâm đến",
]  # fmt: skip
CLOSERS = [
    "Xin cảm ơn!", "Rất mong được trả lời.", "Mong các đại biểu lắng nghe.",
    "Chúc tòa soạn nhiều sức khỏe.", "Hy vọng sớm có chuyển biến.", "Mong lắm thay!",
]  # fmt: skip
SPAM = [
    "Vay tiền nhanh không cần thế chấp, giải ngân trong 5 phút",
    "Kiếm tiền online 5 triệu mỗi ngày tại nhà",
    "Khuyến mãi lớn, giảm giá 90% tất cả sản phẩm",
    "Nhận làm bằng đại học, chứng chỉ các loại",
    "Soi cầu chính xác 100%, tham gia ngay",
]  # fmt: skip
SPAM_SITES = ["vaynhanh.xyz", "shopgiare.top", "kiemtien.info", "lambang.biz", "soicau.net"]
BLOCKED = ["cá độ", "lừa đảo", "vay nóng", "đồ ngu"]
OTHER_NOTES = [
    "Trùng lặp với ý kiến đã đăng", "Nội dung chưa rõ ràng", "Thông tin chưa được kiểm chứng",
]  # fmt: skip
REASONS = [
    Comment.RejectionReason.OFFENSIVE, Comment.RejectionReason.OFF_TOPIC,
    Comment.RejectionReason.PERSONAL_DATA, Comment.RejectionReason.OTHER,
]  # fmt: skip

COMMENT_COLUMNS = (
    "article_id", "name", "phone", "title", "content", "status", "flag_many_links",
    "flag_blocked_words", "flag_duplicate", "flag_bot", "flag_details", "consent_at",
    "consent_version", "ip_hash", "content_hash", "created_at", "moderated_at",
    "moderated_by_id", "rejection_reason", "rejection_note", "notified_at",
    "personal_data_erased_at",
)  # fmt: skip

# Up to 2^20 articles; created_at in milliseconds above that: one int sorts by time.
_ARTICLE_BITS = 20
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
QUEUE_HEAD = timedelta(days=2)


def comment_times(rng: random.Random, count: int, now: datetime) -> tuple[list[int], list[int]]:
    """`count` (moment, article) pairs, oldest first, packed as ints, and the article ids
    the packed indexes point into. A published article is commented on in proportion to
    its views, mostly within hours of publication."""
    articles = list(Article.objects.published().values_list("pk", "published_at", "view_count"))
    if not articles:
        sys.exit("No published articles to comment on; run bench/generate_articles.py first.")
    assert len(articles) < 2**_ARTICLE_BITS
    now_ms = int((now - _EPOCH).total_seconds() * 1000)
    starts = [int((published - _EPOCH).total_seconds() * 1000) for _, published, _ in articles]
    picks = rng.choices(
        range(len(articles)), weights=[views + 1 for _, _, views in articles], k=count
    )
    keys = []
    for index in picks:
        start = starts[index]
        if rng.random() < 0.8:
            moment = start + int(rng.expovariate(1 / (8 * 3_600_000)))
        else:
            moment = start + rng.randint(0, 90 * 86_400_000)
        if moment >= now_ms:
            moment = start + int(rng.random() * (now_ms - start))
        keys.append(moment << _ARTICLE_BITS | index)
    keys.sort()
    return keys, [pk for pk, _, _ in articles]


def make_comment(rng, *, article_id, created_at, now, moderators, sources) -> tuple:
    """One comment as a row of COMMENT_COLUMNS."""
    decided = rng.random()
    if decided < (0.6 if now - created_at < QUEUE_HEAD else 0.025):
        status = Comment.Status.PENDING
        is_spam = rng.random() < 0.1
    elif (decided := rng.random()) < 0.041:
        status, is_spam = Comment.Status.SPAM, True
    elif decided < 0.092:
        status, is_spam = Comment.Status.REJECTED, False
    else:
        status, is_spam = Comment.Status.APPROVED, False

    links = blocked = duplicate = bot = False
    details = []
    if is_spam:
        site = rng.choice(SPAM_SITES)
        title = rng.choice(SPAM)
        n_links = rng.randint(3, 5)
        content = f"{title}! Liên hệ ngay: " + " ".join(
            f"https://{site}/{rng.randint(1, 999)}" for _ in range(n_links)
        )
        links, duplicate, bot = True, rng.random() < 0.3, rng.random() < 0.4
        details.append(f"{n_links} liên kết")
    else:
        title = rng.choice(TITLES)
        sentences = [f"{rng.choice(OPENERS)} {' '.join(words(rng, rng.randint(5, 14)))}."]
        sentences += [
            " ".join(words(rng, rng.randint(6, 16))).capitalize() + "."
            for _ in range(rng.randint(0, 3))
        ]
        if rng.random() < 0.3:
            sentences.append(rng.choice(CLOSERS))
        content = "\n".join(sentences) if rng.random() < 0.15 else " ".join(sentences)
        if status == Comment.Status.REJECTED or (
            status == Comment.Status.PENDING and rng.random() < 0.05
        ):
            blocked = rng.random() < 0.4
            duplicate = not blocked and rng.random() < 0.1
        elif rng.random() < 0.003:
            duplicate = True
        if blocked:
            word = rng.choice(BLOCKED)
            content += f" Đúng là {word}."
            details.append(f"từ: {word}")
    if duplicate:
        details.append("nội dung trùng lặp trong vòng một ngày")
    if bot:
        details.append(f"gửi {rng.uniform(0.3, 2.5):.1f} giây sau khi hiện biểu mẫu")

    if rng.random() < 0.7:
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}"
    elif rng.random() < 0.5:
        name = f"{rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}"
    else:
        name = rng.choice(ALIASES).format(place=rng.choice(PLACES))
    phone = f"09{rng.randint(0, 99_999_999):08d}" if rng.random() < 0.35 else ""
    # A fifth of the comments come from a few regulars.
    ip_hash = rng.choice(sources[:2_000] if rng.random() < 0.2 else sources)
    normalized = " ".join(fast_fold(f"{title}\n{content}").split())

    moderated_at = moderated_by = notified_at = erased_at = None
    reason = note = ""
    if status != Comment.Status.PENDING:
        moderated_at = created_at + timedelta(seconds=rng.expovariate(1 / 10_800))
        moderated_by = rng.choice(moderators)
        if status == Comment.Status.SPAM:
            reason = Comment.RejectionReason.SPAM
        elif status == Comment.Status.REJECTED:
            reason = rng.choice(REASONS)
            note = rng.choice(OTHER_NOTES) if reason == Comment.RejectionReason.OTHER else ""
        if now - moderated_at > timedelta(days=settings.COMMENT_PERSONAL_DATA_DAYS):
            phone, ip_hash = "", ""
            erased_at = moderated_at + timedelta(
                days=settings.COMMENT_PERSONAL_DATA_DAYS, seconds=rng.randint(0, 86_400)
            )
    # The digest announces what has waited a few minutes; quick decisions go unannounced.
    announced = created_at + timedelta(seconds=rng.randint(60, 600))
    if announced < now and (moderated_at is None or moderated_at > announced):
        notified_at = announced

    return (
        article_id, name, phone, title, content, status, links, blocked, duplicate, bot,
        "; ".join(details)[:300], created_at, settings.PRIVACY_NOTICE_VERSION, ip_hash,
        hashlib.sha256(normalized.encode()).hexdigest(), created_at, moderated_at,
        moderated_by, reason, note, notified_at, erased_at,
    )  # fmt: skip


def generate_comments(*, count: int, seed: int, append: bool = False) -> float:
    """Add `count` comments to the published articles; return the seconds it took."""
    if Comment.objects.exists() and not append:
        sys.exit("This database already has comments; use --append to add more.")
    rng = random.Random(seed)
    moderators = [
        get_user_model()
        .objects.get_or_create(
            username=f"bench-moderator-{k}",
            defaults={"first_name": person(rng), "is_active": False},
        )[0]
        .pk
        for k in range(1, 4)
    ]
    sources = [f"{rng.getrandbits(256):064x}" for _ in range(max(count // 5, 2_000))]
    now = timezone.now()
    keys, article_ids = comment_times(rng, count, now)
    mask = (1 << _ARTICLE_BITS) - 1
    rows = (
        make_comment(
            rng,
            article_id=article_ids[key & mask],
            created_at=_EPOCH + timedelta(milliseconds=key >> _ARTICLE_BITS),
            now=now,
            moderators=moderators,
            sources=sources,
        )
        for key in keys
    )
    seconds = insert_rows(Comment, COMMENT_COLUMNS, rows, total=count, label="comments")
    recount_comments()  # the cards' stored counts
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=20260102)
    parser.add_argument("--append", action="store_true", help="add to existing comments")
    args = parser.parse_args()
    seconds = generate_comments(count=args.count, seed=args.seed, append=args.append)
    print(f"Done in {seconds:.1f} s: {Comment.objects.count()} comments in the database.")


if __name__ == "__main__":
    main()
