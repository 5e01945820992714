"""A small newsroom for the browser tests: a series of three parts and some other news."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, CategoryFactory, SeriesFactory, UserFactory, png_bytes

SERIES_TITLE = "Nâng cao chất lượng hoạt động HĐND các cấp"
BODY = (
    "<p>Kỳ họp thường lệ cuối năm của Hội đồng nhân dân tỉnh đã xem xét nhiều báo cáo quan "
    "trọng về tình hình kinh tế - xã hội, thu chi ngân sách và công tác giải quyết kiến nghị "
    "của cử tri.</p><h2>Đổi mới hoạt động giám sát</h2><p>Các đại biểu tập trung chất vấn "
    "những vấn đề cử tri quan tâm, từ đầu tư công đến chăm sóc sức khỏe ban đầu.</p>"
    "<blockquote><p>Giám sát phải đến cùng, theo dõi việc thực hiện lời hứa.</p></blockquote>"
    "<h3>Những con số nổi bật</h3><ul><li>20 nghị quyết được thông qua</li>"
    "<li>15 lượt đại biểu chất vấn</li></ul>"
)


def build_newsroom():
    author = UserFactory(first_name="Lan", last_name="Nguyễn")
    politics = CategoryFactory(name="Hoạt động HĐND", order=1)
    economy = CategoryFactory(name="Kinh tế - Xã hội", order=2)
    series = SeriesFactory(
        title=SERIES_TITLE, description="Loạt bài ba kỳ về đổi mới hoạt động của cơ quan dân cử."
    )
    now = timezone.now()
    parts = []
    for number, title in enumerate(
        [
            "Khẳng định vai trò cơ quan quyền lực nhà nước ở địa phương",
            "Chất vấn đi vào thực chất",
            "Gần dân, sát dân hơn",
        ],
        start=1,
    ):
        article = ArticleFactory(
            category=politics,
            series=series,
            part_number=number,
            title=title,
            lead="Kỳ họp cuối năm đã thông qua 20 nghị quyết, nhiều nội dung được cử tri đặc biệt quan tâm.",
            body=BODY,
            byline="Hà Anh",
            created_by=author,
            status=Article.Status.PUBLISHED,
            published_at=now - timedelta(days=4 - number),
            is_featured=number == 1,
            cover_alt="Quang cảnh kỳ họp HĐND tỉnh",
            cover_caption="Quang cảnh kỳ họp thứ mười HĐND tỉnh.",
        )
        article.cover_image.save(
            f"ky-hop-{number}.png",
            ContentFile(png_bytes(1600, 900, (120 + 30 * number, 40, 40))),
            save=True,
        )
        parts.append(article)
    for n in range(6):
        ArticleFactory(
            category=economy if n % 2 else politics,
            title=f"Tin địa phương số {n + 1}: sản xuất nông nghiệp ổn định",
            lead="Các địa phương trong tỉnh duy trì sản xuất, bảo đảm đời sống người dân.",
            body=BODY,
            created_by=author,
            status=Article.Status.PUBLISHED,
            published_at=now - timedelta(days=10 + n),
            view_count=100 - n,
        )
    return parts
