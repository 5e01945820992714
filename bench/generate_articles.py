"""Fill a database with realistic Vietnamese news articles for the benchmarks.

    DATABASE_URL=postgres://user@host/hnp_bench python bench/generate_articles.py --count 100000

Migrate the database first (bench/generate.py also adds readers' comments). Words are drawn
from a newsroom vocabulary with a Zipf-like frequency (a few words everywhere, most words
rare), so searches meet the same mix of very common and rare words as on a real site. Rows
go in through COPY on PostgreSQL and bulk_create on SQLite (bench/bulk.py), both of which
skip Article.save(): slug and the search document `search_text` are filled here; PostgreSQL's trigger
fills its search columns itself. Refuses to add to a database that already has articles
unless --append is given, so it cannot pollute a real site by mistake.
"""

import argparse
import os
import random
import sys
from datetime import timedelta
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hnp.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only-not-a-secret-" + "x" * 30)

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db.models import Max  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.analysis import document  # noqa: E402
from articles.models import Article, Category, Series  # noqa: E402
from articles.text import fold, html_to_text, vietnamese_slugify  # noqa: E402
from bench.bulk import insert_rows  # noqa: E402

# Words and multi-syllable phrases, frequent first: each one's weight is 1 / (rank + 1)^0.9.
VOCABULARY = [
    phrase.strip()
    for phrase in """
của, và, các, có, là, được, cho, trong, với, những, này, đã, người, không, một, để, đến,
về, theo, tại, năm, từ, cũng, như, khi, đồng thời, nhiều, hơn, phải, đó, trên, sẽ, vào,
ra, còn, nhằm, việc, phát triển, kinh tế, xã hội, tỉnh, thành phố, Hà Nội, huyện, xã,
phường, công tác, cán bộ, Hội đồng nhân dân, HĐND, Ủy ban nhân dân, UBND, đại biểu,
cử tri, kỳ họp, nghị quyết, giám sát, chất vấn, ngân sách, đầu tư, dự án, công trình,
hạ tầng, giao thông, đường bộ, cầu, cảng, nông nghiệp, nông thôn mới, nông dân, sản xuất,
lúa gạo, cây trồng, chăn nuôi, thủy sản, giáo dục, đào tạo, học sinh, sinh viên,
trường học, giáo viên, y tế, bệnh viện, bác sĩ, sức khỏe, người dân, doanh nghiệp,
thị trường, xuất khẩu, nhập khẩu, tăng trưởng, chuyển đổi số, công nghệ thông tin,
dịch vụ công trực tuyến, cải cách hành chính, thủ tục, văn bản, pháp luật, quy định,
luật, sửa đổi, bổ sung, Quốc hội, Chính phủ, bộ trưởng, Thủ tướng, chủ tịch,
phó chủ tịch, bí thư, tỉnh ủy, thành ủy, đảng bộ, Đảng ủy, Mặt trận Tổ quốc, đoàn thể,
thanh niên, phụ nữ, cựu chiến binh, công đoàn, an ninh, quốc phòng, trật tự, an toàn,
công an, quân đội, biên giới, hải đảo, môi trường, biến đổi khí hậu, thiên tai, bão,
lũ lụt, hạn hán, sạt lở, phòng chống, rừng, đất đai, quy hoạch, sử dụng đất, tài nguyên,
khoáng sản, nước sạch, rác thải, văn hóa, du lịch, lễ hội, di tích lịch sử, truyền thống,
nghệ thuật, thể thao, Đà Nẵng, Thành phố Hồ Chí Minh, Hải Phòng, Cần Thơ, Huế, Nghệ An,
Thanh Hóa, Quảng Ninh, Đắk Lắk, Lâm Đồng, Khánh Hòa, Bình Dương, Đồng Nai, Long An,
An Giang, Kiên Giang, Cà Mau, tổng kết, đánh giá, kết quả, nhiệm vụ, giải pháp,
trọng tâm, năm tới, khó khăn, vướng mắc, kiến nghị, đề xuất, tiếp thu, giải trình,
trả lời, ý kiến, thảo luận, biểu quyết, thông qua, hội nghị, hội thảo, tọa đàm,
khai mạc, bế mạc, phiên họp, thường kỳ, bất thường, chuyên đề, khen thưởng, thi đua,
điển hình tiên tiến, gương sáng, người tốt việc tốt, an sinh xã hội, hộ nghèo, cận nghèo,
bảo hiểm, việc làm, lao động, tiền lương, nhà ở xã hội, đô thị, chỉnh trang, vỉa hè,
chiếu sáng, cây xanh, công viên, điện lực, năng lượng tái tạo, điện mặt trời, điện gió,
tiết kiệm, hiệu quả, khởi công, khánh thành, bàn giao, đưa vào sử dụng, hoàn thành,
vượt kế hoạch, tháng, quý, đầu năm, cuối năm, giai đoạn, nhiệm kỳ, khóa, lần thứ,
tiếp xúc, tiếp công dân, khiếu nại, tố cáo, phản ánh, giải quyết dứt điểm, tham nhũng,
tiêu cực, lãng phí, thực hành, minh bạch, hợp tác quốc tế, đối ngoại, hữu nghị,
đoàn công tác, thăm, làm việc, ký kết, kiểm tra, thanh tra, xử lý vi phạm, nghiêm minh,
kỷ luật, trách nhiệm, người đứng đầu, cao tốc, sân bay, đường sắt, bến xe, cửa khẩu,
hợp tác xã, làng nghề, sản phẩm OCOP, thương mại điện tử, khởi nghiệp, sáng tạo,
nghiên cứu khoa học, phòng thí nghiệm, vắc xin, dịch bệnh, tiêm chủng, trạm y tế,
ký túc xá, học bổng, tuyển sinh, tốt nghiệp, kỳ thi, đề án, chương trình mục tiêu quốc gia
""".replace("\n", " ").split(",")
]

# People quoted in the news: a long tail of rare words, as real names are.
SURNAMES = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
    "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
]  # fmt: skip
MIDDLE_NAMES = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Hữu", "Xuân", "Thu"]
GIVEN_NAMES = [
    "An", "Anh", "Bảo", "Bình", "Chi", "Cường", "Dũng", "Đạt", "Điệp", "Đông", "Giang", "Hà",
    "Hải", "Hạnh", "Hiền", "Hiếu", "Hòa", "Hoa", "Hùng", "Hương", "Huy", "Khánh", "Khoa",
    "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Ngân", "Nghĩa", "Nhung", "Phong",
    "Phúc", "Phương", "Quân", "Quốc", "Quyên", "Sơn", "Tâm", "Thắng", "Thảo", "Thủy", "Tiến",
    "Toàn", "Trang", "Trí", "Trung", "Tú", "Tuấn", "Tùng", "Uyên", "Việt", "Vinh", "Xuân",
    "Yến",
]  # fmt: skip

CATEGORIES = [
    "Thời sự", "Hoạt động HĐND", "Kinh tế", "Xã hội", "Pháp luật", "Giáo dục",
    "Y tế", "Văn hóa", "Quốc phòng - An ninh", "Địa phương",
]  # fmt: skip

# Cumulative, so rng.choices() does not add the weights up again on every call.
CUM_WEIGHTS = list(accumulate(1 / (rank + 1) ** 0.9 for rank in range(len(VOCABULARY))))


class _FoldTable(dict):
    """A str.translate() table doing per character what articles.text.fold() does (the
    generated text has no character whose folding depends on its neighbours), filled on
    first sight: several times faster than fold() over a whole text."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = fold(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fast_fold(text: str) -> str:
    return text.translate(_FOLD_TABLE)


def words(rng: random.Random, n: int) -> list[str]:
    return rng.choices(VOCABULARY, cum_weights=CUM_WEIGHTS, k=n)


def sentence(rng: random.Random, low: int, high: int) -> str:
    """`low` to `high` words and phrases, capitalised, with a full stop."""
    text = " ".join(words(rng, rng.randint(low, high)))
    return text[0].upper() + text[1:] + "."


def person(rng: random.Random) -> str:
    return " ".join([rng.choice(SURNAMES), rng.choice(MIDDLE_NAMES), rng.choice(GIVEN_NAMES)])


def paragraph(rng: random.Random) -> str:
    text = " ".join(sentence(rng, 8, 22) for _ in range(rng.randint(2, 5)))
    if rng.random() < 0.4:
        text += f" Ông {person(rng)} cho biết {sentence(rng, 8, 16).lower()}"
    return text


ARTICLE_COLUMNS = (
    "category_id", "series_id", "part_number", "title", "slug", "lead", "body", "cover_image",
    "cover_caption", "cover_alt", "byline", "is_featured", "created_by_id", "status",
    "published_at", "view_count", "search_text", "created_at", "updated_at",
)  # fmt: skip


def make_article(
    rng: random.Random, n: int, *, categories, series, parts, user, published_at
) -> tuple:
    """One article as a row of ARTICLE_COLUMNS."""
    title = sentence(rng, 7, 14).rstrip(".")
    if rng.random() < 0.2:
        title = f"{person(rng)}: {title[0].lower()}{title[1:]}"
    lead = " ".join(sentence(rng, 10, 20) for _ in range(2))
    blocks = [f"<p>{paragraph(rng)}</p>" for _ in range(rng.randint(4, 9))]
    blocks.insert(2, f"<h2>{sentence(rng, 4, 8).rstrip('.')}</h2>")
    body = "".join(blocks)
    in_series = rng.choice(series) if series and rng.random() < 0.03 else None
    if in_series:
        parts[in_series.pk] += 1
    published = rng.random() < 0.95
    return (
        rng.choice(categories).pk,
        in_series.pk if in_series else None,
        parts[in_series.pk] if in_series else None,
        title,
        f"{vietnamese_slugify(title)[:150]}-{n}",
        lead,
        body,
        "",
        "",
        "",
        "Phóng viên HNP",
        False,
        user.pk,
        Article.Status.PUBLISHED if published else Article.Status.DRAFT,
        published_at,
        int(rng.paretovariate(1.2) * 10),
        document(title=title, lead=lead, body_text=html_to_text(body)),
        published_at - timedelta(hours=rng.randint(1, 48)),
        published_at,
    )


def generate_articles(*, count: int, seed: int, append: bool = False) -> float:
    """Add `count` articles; return the seconds it took."""
    if Article.objects.exists() and not append:
        sys.exit("This database already has articles; use --append to add more.")
    rng = random.Random(seed)
    user, _ = get_user_model().objects.get_or_create(
        username="bench", defaults={"first_name": "Benchmark", "is_active": False}
    )
    categories = [Category.objects.get_or_create(name=name)[0] for name in CATEGORIES]
    # About 1.5% of the articles are parts of a series, some dozens of parts each, so the
    # first page of a series is full (20 parts) at 1,000 articles as at 100,000.
    series = [
        Series.objects.get_or_create(title=f"Loạt bài thử nghiệm {k}")[0]
        for k in range(1, max(1, count // 2_000) + 1)
    ]
    # Part numbers continue where each series stands.
    parts = {
        one.pk: Article.objects.filter(series=one).aggregate(n=Max("part_number"))["n"] or 0
        for one in series
    }
    start_number = Article.objects.count() + 1
    # Five years of articles, written oldest first as a newsroom does, so ids follow
    # publish times; the times come from a generator of their own, drawn and sorted first.
    now, clock = timezone.now(), random.Random(seed + 1)
    minutes_ago = sorted((clock.randint(1, 5 * 365 * 24 * 60) for _ in range(count)), reverse=True)
    rows = (
        make_article(
            rng, start_number + k, categories=categories, series=series, parts=parts,
            user=user, published_at=now - timedelta(minutes=minutes_ago[k]),
        )
        for k in range(count)
    )  # fmt: skip
    return insert_rows(
        Article,
        ARTICLE_COLUMNS,
        rows,
        total=count,
        label="articles",
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--append", action="store_true", help="add to existing articles")
    args = parser.parse_args()
    seconds = generate_articles(count=args.count, seed=args.seed, append=args.append)
    print(f"Done in {seconds:.1f} s: {Article.objects.count()} articles in the database.")


if __name__ == "__main__":
    main()
