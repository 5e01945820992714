"""The demo newsroom: accounts, categories, a series and the articles, in Vietnamese.

Everything here is invented for the demo: the places are fictional communes and wards of an
unnamed province, people appear by their role or under made-up names, and the figures are
plausible, not real. Bodies use the conventions of `markup.py`.
"""

from dataclasses import dataclass

from core.roles import EDITOR, JOURNALIST, MODERATOR


@dataclass(frozen=True)
class UserSpec:
    username: str
    first_name: str  # the given name, as Django's "first name" field (labelled "Tên")
    last_name: str  # the family and middle names ("Họ")
    group: str | None
    is_superuser: bool = False


USERS = (
    UserSpec("admin", "Minh Tuấn", "Hoàng", None, is_superuser=True),
    UserSpec("bientap", "Quang Huy", "Phạm", EDITOR),
    UserSpec("phongvien", "Thu Hà", "Lê", JOURNALIST),
    UserSpec("kiemduyet", "Thanh Vân", "Đỗ", MODERATOR),
)


@dataclass(frozen=True)
class CategorySpec:
    slug: str
    name: str
    order: int
    theme: str  # the palette of its pictures, see images.PALETTES
    parent: str | None = None


CATEGORIES = (
    CategorySpec("thoi-su", "Thời sự", 10, "news"),
    CategorySpec("hoat-dong-hdnd", "Hoạt động HĐND", 20, "council"),
    CategorySpec("tiep-xuc-cu-tri", "Tiếp xúc cử tri", 25, "voters", parent="hoat-dong-hdnd"),
    CategorySpec("kinh-te-xa-hoi", "Kinh tế - Xã hội", 30, "economy"),
    CategorySpec("van-hoa-the-thao", "Văn hóa - Thể thao", 40, "culture"),
    CategorySpec("phap-luat", "Pháp luật", 50, "law"),
)

SERIES_SLUG = "nang-cao-chat-luong-hoat-dong-hdnd-cac-cap"
SERIES_TITLE = "Nâng cao chất lượng hoạt động HĐND các cấp"
SERIES_DESCRIPTION = (
    "Loạt bài ghi nhận những đổi mới trong tổ chức kỳ họp, hoạt động giám sát và tiếp xúc cử "
    "tri của HĐND tỉnh và HĐND cấp xã, cùng những việc cần làm để cơ quan dân cử thực sự là "
    "chỗ dựa tin cậy của Nhân dân."
)


@dataclass(frozen=True)
class Picture:
    scene: str  # see images.SCENES
    caption: str
    variant: int = 0  # which palette of the category


@dataclass(frozen=True)
class ArticleSpec:
    category: str
    title: str
    lead: str
    body: str
    # Working days before today (Monday to Friday); negative: scheduled that far ahead.
    # None for articles that are not published.
    days_ago: int | None
    cover: Picture | None = None
    figure: Picture | None = None  # the picture inside the body, at its [[figure]] mark
    author: str = "phongvien"
    byline: str = ""
    featured: bool = False
    views: int = 0
    part: int | None = None  # part number within the series
    status: str = "published"


ARTICLES = (
    # --- The series -------------------------------------------------------------------
    ArticleSpec(
        category="hoat-dong-hdnd",
        part=1,
        title="Kỳ họp thực chất, quyết sách kịp thời",
        lead=(
            "Rút ngắn thời gian đọc báo cáo, dành nhiều thời gian cho thảo luận và chất vấn, gửi "
            "tài liệu sớm qua phần mềm: những thay đổi tưởng nhỏ ấy đang tạo nên chất lượng mới "
            "cho các kỳ họp của HĐND tỉnh."
        ),
        days_ago=12,
        views=3870,
        byline="Hà Linh",
        cover=Picture("hall", "Trụ sở HĐND và UBND tỉnh (ảnh minh họa)"),
        figure=Picture("meeting", "Quang cảnh một phiên thảo luận tại hội trường (ảnh minh họa)"),
        body="""
Cách đây không lâu, một kỳ họp thường lệ của HĐND tỉnh vẫn kéo dài trọn ba ngày, trong đó gần một
nửa thời gian dành cho việc trình bày các báo cáo mà đại biểu đã có trong tay. Nhiều đại biểu thừa
nhận có những tờ trình chỉ kịp đọc lướt trước giờ khai mạc, nên ý kiến tại tổ thảo luận khó đi vào
chiều sâu.

## Tài liệu đến sớm, đại biểu chuẩn bị kỹ

Từ đầu nhiệm kỳ, Thường trực HĐND tỉnh quy định toàn bộ tài liệu phục vụ kỳ họp phải được đăng lên
phần mềm quản lý kỳ họp chậm nhất 10 ngày trước ngày khai mạc; tài liệu gửi bổ sung phải nêu rõ lý
do. Mỗi đại biểu được cấp một tài khoản riêng, có thể đọc, ghi chú và gửi câu hỏi ngay trên máy tính
bảng.

> Trước đây tôi mang về nhà cả chồng tài liệu dày cả gang tay. Bây giờ mọi thứ nằm trong máy, tìm
> một con số trong báo cáo quyết toán chỉ mất vài giây, nên có thời gian đối chiếu với những gì cử
> tri phản ánh. (Một đại biểu HĐND tỉnh ở đơn vị bầu cử số 4)

Việc giảm tài liệu giấy còn giúp tiết kiệm đáng kể chi phí. Theo Văn phòng HĐND tỉnh, mỗi kỳ họp
thường lệ trước đây cần in khoảng 40.000 trang tài liệu; nay con số này chưa đến một phần mười, chủ
yếu là các văn bản phải lưu hồ sơ.

## Bớt đọc, thêm bàn

Tại phiên khai mạc, các báo cáo của UBND tỉnh và các ban của HĐND chỉ được trình bày tóm tắt, mỗi
báo cáo không quá 15 phút. Thời gian tiết kiệm được dành cho thảo luận tại hội trường, nơi đại biểu
có thể tranh luận trực tiếp với đại diện cơ quan soạn thảo.

[[figure]]

Điều hành phiên thảo luận, chủ tọa kỳ họp thường đề nghị đại biểu đi thẳng vào vấn đề, không nhắc
lại nội dung đã có trong báo cáo và nêu rõ đề xuất của mình. Những vấn đề còn nhiều ý kiến khác nhau
được tổng hợp ngay trong ngày để cơ quan trình giải trình trước khi biểu quyết.

### Chất vấn: hỏi đến cùng, trả lời đến nơi

Phiên chất vấn được tổ chức theo nhóm vấn đề; lãnh đạo UBND tỉnh phụ trách lĩnh vực trực tiếp trả
lời cùng các giám đốc sở. Đại biểu có quyền tranh luận lại nếu chưa đồng tình với câu trả lời. Kết
thúc phiên, HĐND tỉnh ban hành nghị quyết về chất vấn, ghi rõ việc phải làm, cơ quan chịu trách
nhiệm và thời hạn hoàn thành.

Một số kết quả của kỳ họp thường lệ gần nhất, so với kỳ họp cùng thời điểm của nhiệm kỳ trước:

| Nội dung | Kỳ họp gần nhất | Nhiệm kỳ trước |
| Thời gian trình bày báo cáo tại hội trường | 3 giờ | 7 giờ |
| Thời gian thảo luận, chất vấn | 9 giờ | 5 giờ |
| Số lượt đại biểu phát biểu, tranh luận | 64 | 38 |
| Số nghị quyết được thông qua | 27 | 22 |

## Quyết sách phải theo kịp thực tiễn

Không chỉ các kỳ họp thường lệ, HĐND tỉnh còn tổ chức kỳ họp chuyên đề ngay khi có việc cần quyết,
thay vì chờ đến kỳ họp cuối năm. Chỉ trong vài tháng, các kỳ họp chuyên đề đã kịp thời điều chỉnh
kế hoạch đầu tư công, quyết định chính sách hỗ trợ người dân vùng bị thiên tai và sắp xếp lại các
đơn vị sự nghiệp công lập.

Theo Chủ tịch HĐND tỉnh, đổi mới kỳ họp không nhằm rút ngắn thời gian cho bằng được, mà để mỗi giờ
làm việc tại hội trường đều phục vụ việc ra quyết định. “Thước đo cuối cùng là nghị quyết có đi vào
cuộc sống hay không, có giải quyết được việc mà cử tri chờ đợi hay không”, ông nói.

*(Còn nữa)*
""",
    ),
    ArticleSpec(
        category="hoat-dong-hdnd",
        part=2,
        title="Giám sát đến cùng những việc cử tri quan tâm",
        lead=(
            "Chọn đúng vấn đề, giám sát đến nơi đến chốn và theo dõi việc thực hiện kiến nghị sau "
            "giám sát: đó là cách HĐND tỉnh đang làm để hoạt động giám sát không dừng lại ở những "
            "biên bản."
        ),
        days_ago=11,
        views=2950,
        byline="Hà Linh",
        cover=Picture(
            "construction", "Một công trình đang thi công thuộc diện giám sát (ảnh minh họa)"
        ),
        body="""
Năm nào cũng vậy, khi xây dựng chương trình giám sát, Thường trực HĐND tỉnh nhận được hàng chục đề
xuất từ các ban, các tổ đại biểu và Ủy ban MTTQ Việt Nam tỉnh. Cái khó không phải là thiếu việc để
giám sát, mà là chọn việc nào cử tri mong đợi nhất và giám sát thế nào để tạo ra chuyển biến.

## Chọn vấn đề từ chính ý kiến cử tri

Để chọn chuyên đề, Thường trực HĐND tỉnh tổng hợp kiến nghị cử tri của các đợt tiếp xúc gần nhất,
đối chiếu với kết quả giải quyết đơn thư và những vấn đề báo chí phản ánh. Nội dung nào được nhiều
nơi nhắc lại, kéo dài nhiều năm chưa dứt điểm thì được ưu tiên đưa vào chương trình.

Nhờ cách làm này, các chuyên đề giám sát gần đây đều bám sát đời sống: việc cấp giấy chứng nhận
quyền sử dụng đất sau sắp xếp đơn vị hành chính, chất lượng nước sạch nông thôn, việc thực hiện
chính sách đối với người có công, tiến độ những dự án chậm triển khai gây bức xúc trong dư luận.

## Giám sát tận nơi, nghe cả hai phía

Đoàn giám sát không chỉ nghe báo cáo tại hội trường. Trước mỗi buổi làm việc với sở, ngành, các
thành viên đoàn về tận xã, phường, gặp người dân, kiểm tra hồ sơ và hiện trường. Có những nơi, đoàn
đến không báo trước để nắm đúng tình hình.

> Có lần đoàn về kiểm tra một công trình nước sạch, báo cáo ghi đang vận hành tốt, nhưng vào nhà
> dân mở vòi thì nước chảy nhỏ giọt, có mùi phèn. Những chi tiết như thế không báo cáo nào ghi lại.
> (Một thành viên Ban Văn hóa - Xã hội HĐND tỉnh)

Với những nội dung phức tạp, đoàn giám sát mời thêm chuyên gia, luật sư hoặc cán bộ chuyên môn của
các hội nghề nghiệp tham gia. Nhờ vậy, kết luận giám sát có căn cứ chắc chắn, kiến nghị cụ thể, cơ
quan chịu giám sát khó có thể trả lời chung chung.

## Theo dõi kiến nghị đến khi có kết quả

Điểm mới đáng chú ý là HĐND tỉnh đã đưa vào vận hành cơ sở dữ liệu theo dõi kiến nghị sau giám sát.
Mỗi kiến nghị được gắn với cơ quan chịu trách nhiệm, thời hạn và tình trạng thực hiện; các ban của
HĐND rà soát hằng quý và báo cáo tại phiên họp của Thường trực.

Kiến nghị nào quá hạn sẽ được đưa vào nội dung chất vấn tại kỳ họp gần nhất hoặc tái giám sát. Theo
tổng hợp của Văn phòng HĐND tỉnh, các kiến nghị sau giám sát chuyên đề trong năm qua được thực hiện
như sau:

- Đã hoàn thành: 71 kiến nghị, chiếm khoảng 68%.
- Đang thực hiện, còn trong thời hạn: 24 kiến nghị.
- Quá hạn, đã được nhắc và đưa vào chất vấn: 9 kiến nghị.

Lãnh đạo HĐND tỉnh cho rằng giám sát không phải để “bắt lỗi”, mà để cùng chính quyền tháo gỡ vướng
mắc. Tuy vậy, với những việc đã kết luận, đã hứa với cử tri, việc thực hiện phải được theo dõi đến
cùng. “Một kiến nghị được giải quyết xong có giá trị hơn mười kiến nghị được ghi nhận”, ông nhấn
mạnh.

*(Còn nữa)*
""",
    ),
    ArticleSpec(
        category="hoat-dong-hdnd",
        part=3,
        title="Đại biểu gần dân, sát cơ sở",
        lead=(
            "Khi chính quyền địa phương hai cấp đi vào hoạt động, đại biểu HĐND cấp xã đứng trước "
            "nhiều việc mới. Bồi dưỡng kỹ năng, bảo đảm điều kiện hoạt động và đổi mới cách tiếp "
            "xúc cử tri là những việc cần làm ngay để đại biểu thực sự là người của dân."
        ),
        days_ago=10,
        views=2410,
        byline="Hà Linh",
        cover=Picture("fields", "Ruộng bậc thang ở một xã vùng cao của tỉnh (ảnh minh họa)"),
        figure=Picture("village", "Một buổi tiếp xúc cử tri tại nhà văn hóa thôn (ảnh minh họa)"),
        body="""
Ở xã Thượng Lâm, một xã vùng cao được thành lập trên cơ sở sáp nhập ba xã cũ, có đại biểu HĐND xã
ở thôn xa nhất phải đi gần 30 cây số đường đèo mới đến trụ sở. Mỗi kỳ họp, nhiều đại biểu phải
xuống từ chiều hôm trước. Chuyện tưởng nhỏ, nhưng phản ánh đúng những khó khăn của đại biểu HĐND cấp
xã khi địa bàn rộng hơn, dân số đông hơn, nhiệm vụ nhiều hơn.

## Nhiều đại biểu lần đầu làm quen với nghị trường

Trong số đại biểu HĐND cấp xã của tỉnh nhiệm kỳ này, hơn một nửa lần đầu tham gia. Không ít người
là cán bộ thôn, giáo viên, người sản xuất kinh doanh, chưa từng thẩm tra một tờ trình hay chất vấn
một trưởng phòng chuyên môn.

Để hỗ trợ, Thường trực HĐND tỉnh phối hợp với Trường Chính trị tỉnh tổ chức các lớp bồi dưỡng ngắn
ngày, tập trung vào những kỹ năng mà đại biểu cần nhất:

1. Đọc và phân tích dự toán ngân sách xã.
2. Thẩm tra tờ trình, dự thảo nghị quyết.
3. Chuẩn bị câu hỏi chất vấn và tranh luận tại kỳ họp.
4. Tiếp nhận, chuyển đơn thư và theo dõi kiến nghị của cử tri.

Bên cạnh các lớp học, HĐND tỉnh biên soạn sổ tay đại biểu và lập nhóm trao đổi trực tuyến, nơi đại
biểu cấp xã có thể hỏi và nhận hướng dẫn của các ban HĐND tỉnh trong vòng một ngày làm việc.

## Tiếp xúc cử tri theo chuyên đề, theo nhóm

Cùng với các hội nghị tiếp xúc cử tri trước và sau kỳ họp, nhiều nơi đã tổ chức tiếp xúc theo
chuyên đề hoặc theo nhóm: thanh niên, phụ nữ, doanh nghiệp, người lao động trong khu công nghiệp.
Các buổi gặp được bố trí vào buổi tối hoặc ngày nghỉ để người dân thuận tiện tham dự.

[[figure]]

> Trước đây đi họp chủ yếu là các cụ cao tuổi. Từ khi phường tổ chức vào buổi tối và bàn riêng
> chuyện đường sá, chợ búa, người trẻ đi đông hẳn, ai cũng muốn nói. (Cử tri Trần Thị Hồng, phường
> Đông Thành)

## Điều kiện hoạt động phải tương xứng

Nhiều ý kiến cho rằng muốn đại biểu hoạt động thực chất thì phải bảo đảm điều kiện làm việc tương
xứng: kinh phí, thông tin, tài liệu và thời gian dành cho công việc đại biểu. HĐND tỉnh đã ban hành
nghị quyết quy định một số chế độ chi bảo đảm hoạt động của HĐND các cấp, trong đó nâng mức hỗ trợ
cho đại biểu ở các xã có địa bàn rộng, giao thông khó khăn.

Nâng cao chất lượng hoạt động của HĐND các cấp là một quá trình lâu dài. Nhưng như lời một đại biểu
HĐND xã Thượng Lâm, khi cử tri gọi điện cho đại biểu và nhận được câu trả lời, khi kiến nghị ở thôn
được đưa lên nghị trường và có kết quả, niềm tin của người dân vào cơ quan dân cử sẽ được vun đắp từ
chính những việc cụ thể như thế.
""",
    ),
    # --- Hoạt động HĐND ---------------------------------------------------------------
    ArticleSpec(
        category="hoat-dong-hdnd",
        title="Bế mạc kỳ họp chuyên đề, HĐND tỉnh thông qua 12 nghị quyết",
        lead=(
            "Sau hai ngày làm việc khẩn trương, kỳ họp chuyên đề của HĐND tỉnh đã hoàn thành toàn "
            "bộ chương trình đề ra, thông qua 12 nghị quyết về đầu tư công, chính sách an sinh và "
            "tổ chức bộ máy."
        ),
        days_ago=1,
        views=2870,
        featured=True,
        author="bientap",
        byline="Quang Minh",
        cover=Picture("meeting", "Quang cảnh phiên bế mạc kỳ họp (ảnh minh họa)"),
        body="""
Phát biểu bế mạc kỳ họp, Chủ tịch HĐND tỉnh đánh giá các đại biểu đã làm việc với tinh thần trách
nhiệm cao, thảo luận thẳng thắn, nhiều ý kiến có chất lượng và bám sát thực tiễn. Các nghị quyết
được thông qua với tỷ lệ tán thành cao, tạo cơ sở pháp lý để UBND tỉnh triển khai những nhiệm vụ
cấp bách trong thời gian tới.

## Điều chỉnh kế hoạch đầu tư công

HĐND tỉnh thống nhất điều chỉnh kế hoạch đầu tư công trung hạn, điều chuyển vốn từ các dự án chậm
giải ngân sang những công trình có khả năng hoàn thành sớm, nhất là các tuyến đường kết nối vùng,
công trình thủy lợi và trường học. Đại biểu đề nghị UBND tỉnh xử lý nghiêm trách nhiệm của chủ đầu
tư để dự án chậm tiến độ kéo dài.

## Chính sách hỗ trợ người dân

Kỳ họp thông qua nghị quyết hỗ trợ đóng bảo hiểm y tế cho người thuộc hộ cận nghèo và học sinh,
sinh viên có hoàn cảnh khó khăn; nghị quyết hỗ trợ người dân khôi phục sản xuất sau thiên tai.
Nhiều đại biểu đề nghị công khai danh sách người được hỗ trợ tại thôn, tổ dân phố để người dân cùng
giám sát.

Các nghị quyết được thông qua tại kỳ họp gồm:

- 4 nghị quyết về đầu tư công và tài chính - ngân sách;
- 3 nghị quyết về chính sách an sinh xã hội, y tế, giáo dục;
- 3 nghị quyết về tổ chức bộ máy, biên chế;
- 2 nghị quyết về đất đai, quy hoạch.

## Đưa nghị quyết vào cuộc sống

Chủ tịch HĐND tỉnh đề nghị UBND tỉnh khẩn trương ban hành văn bản hướng dẫn, phân công rõ trách
nhiệm của từng sở, ngành; các ban, tổ đại biểu và đại biểu HĐND tỉnh tăng cường giám sát việc thực
hiện, kịp thời phát hiện vướng mắc để kiến nghị điều chỉnh.

Ngay sau kỳ họp, các tổ đại biểu sẽ tiếp xúc cử tri để báo cáo kết quả kỳ họp, đồng thời lắng nghe
ý kiến, kiến nghị của Nhân dân.
""",
    ),
    ArticleSpec(
        category="hoat-dong-hdnd",
        title="Thường trực HĐND tỉnh cho ý kiến về công tác chuẩn bị kỳ họp thường lệ",
        lead=(
            "Tại phiên họp thường kỳ, Thường trực HĐND tỉnh đề nghị các cơ quan gửi tài liệu đúng "
            "hạn, bảo đảm chất lượng để đại biểu có đủ thời gian nghiên cứu."
        ),
        days_ago=4,
        views=420,
        author="bientap",
        cover=Picture("conference", "Phiên họp thường kỳ của Thường trực HĐND tỉnh (ảnh minh họa)"),
        body="""
Theo dự kiến, kỳ họp thường lệ sắp tới sẽ xem xét các báo cáo về tình hình kinh tế - xã hội, dự
toán ngân sách năm sau và khoảng 20 dự thảo nghị quyết. Phiên chất vấn dự kiến tập trung vào hai
nhóm vấn đề: quản lý đất đai sau sắp xếp đơn vị hành chính và chất lượng dịch vụ y tế tuyến cơ sở.

Kết luận phiên họp, Chủ tịch HĐND tỉnh yêu cầu các ban của HĐND chủ động thẩm tra sớm, tổ chức khảo
sát thực tế đối với các dự thảo nghị quyết có tác động lớn đến người dân. Văn phòng HĐND tỉnh phối
hợp với các cơ quan liên quan tổng hợp đầy đủ ý kiến, kiến nghị của cử tri để báo cáo tại kỳ họp.

Thường trực HĐND tỉnh cũng thống nhất tiếp tục truyền hình, phát thanh trực tiếp các phiên khai mạc,
chất vấn và bế mạc để cử tri theo dõi.
""",
    ),
    ArticleSpec(
        category="hoat-dong-hdnd",
        title="Ban Kinh tế - Ngân sách giám sát tiến độ giải ngân vốn đầu tư công",
        lead=(
            "Nhiều dự án giải ngân chậm do vướng giải phóng mặt bằng và thiếu nguồn vật liệu; Ban "
            "Kinh tế - Ngân sách HĐND tỉnh đề nghị chủ đầu tư lập kế hoạch chi tiết đến từng tháng."
        ),
        days_ago=18,
        views=1130,
        byline="Minh Khang",
        cover=Picture(
            "construction", "Một dự án đầu tư công đang thi công (ảnh minh họa)", variant=1
        ),
        body="""
Làm việc với Sở Tài chính và các chủ đầu tư, đoàn giám sát ghi nhận tỷ lệ giải ngân vốn đầu tư công
của tỉnh mới đạt khoảng 55% kế hoạch, thấp hơn mức bình quân chung. Một số dự án giao thông, thủy
lợi có tỷ lệ giải ngân dưới 30%.

## Vướng mặt bằng, thiếu vật liệu

Nguyên nhân chủ yếu là công tác bồi thường, giải phóng mặt bằng kéo dài, nhiều trường hợp chưa thống
nhất giá đất bồi thường; nguồn đất đắp nền khan hiếm, giá vật liệu tăng. Một số chủ đầu tư còn lúng
túng trong thủ tục điều chỉnh dự án.

Trưởng Ban Kinh tế - Ngân sách HĐND tỉnh đề nghị UBND tỉnh chỉ đạo các xã, phường đẩy nhanh giải
phóng mặt bằng, công khai phương án bồi thường, đối thoại với người dân; kiên quyết điều chuyển vốn
của dự án không có khả năng giải ngân sang dự án có nhu cầu.
""",
    ),
    ArticleSpec(
        category="hoat-dong-hdnd",
        title="Khảo sát công tác chăm sóc sức khỏe ban đầu tại trạm y tế xã",
        lead=(
            "Ban Văn hóa - Xã hội HĐND tỉnh ghi nhận nhiều trạm y tế đã được đầu tư khang trang "
            "nhưng vẫn thiếu bác sĩ và một số loại thuốc thiết yếu."
        ),
        days_ago=29,
        views=690,
        body="""
Đoàn khảo sát đã đến năm trạm y tế ở các xã đồng bằng và miền núi. Phần lớn trạm có cơ sở vật chất
tốt, có phòng khám, phòng tiêm chủng và khu vực sơ cứu. Tuy vậy, nhiều trạm chỉ có một bác sĩ, có
trạm phải dùng bác sĩ luân phiên từ trung tâm y tế khu vực.

Người dân phản ánh một số thuốc điều trị bệnh mãn tính như tăng huyết áp, đái tháo đường không có
đủ tại trạm, phải lên tuyến trên để lĩnh thuốc. Đoàn đề nghị ngành y tế sớm hoàn thiện việc cấp
thuốc điều trị ngoại trú tại trạm y tế xã, có chính sách thu hút bác sĩ về công tác ở vùng khó
khăn.
""",
    ),
    ArticleSpec(
        category="hoat-dong-hdnd",
        title="Giám sát việc giải quyết khiếu nại, tố cáo của công dân",
        lead=(
            "Ban Pháp chế HĐND tỉnh đề nghị các cơ quan tập trung giải quyết dứt điểm các vụ việc "
            "khiếu nại kéo dài, nhất là khiếu nại về đất đai."
        ),
        days_ago=37,
        views=530,
        byline="Thanh Tâm",
        author="bientap",
        cover=Picture("justice", "Cán cân công lý (ảnh minh họa)"),
        body="""
Báo cáo tại buổi giám sát cho thấy số đơn thư khiếu nại, tố cáo trên địa bàn tỉnh giảm so với cùng
kỳ, nhưng tỷ lệ vụ việc về đất đai vẫn chiếm hơn 70%. Một số vụ việc đã được giải quyết nhiều lần
nhưng công dân vẫn tiếp tục khiếu nại.

Đoàn giám sát đề nghị người đứng đầu các cơ quan, địa phương trực tiếp tiếp công dân theo đúng lịch,
tăng cường đối thoại ngay từ cơ sở, công khai kết quả giải quyết. Những vụ việc phức tạp cần được
rà soát lại hồ sơ, làm rõ trách nhiệm của cơ quan, cá nhân để xảy ra sai sót.
""",
    ),
    ArticleSpec(
        category="hoat-dong-hdnd",
        title="Phiên giải trình về ô nhiễm môi trường tại làng nghề",
        lead=(
            "Lãnh đạo các sở, ngành đã giải trình trước Thường trực HĐND tỉnh về tình trạng ô "
            "nhiễm kéo dài tại hai làng nghề chế biến nông sản, vấn đề được cử tri phản ánh nhiều "
            "lần."
        ),
        days_ago=50,
        views=1470,
        author="bientap",
        byline="Quang Minh",
        cover=Picture("conference", "Quang cảnh phiên giải trình (ảnh minh họa)", variant=1),
        body="""
Theo báo cáo, mỗi ngày hai làng nghề thải ra hàng trăm mét khối nước thải chưa qua xử lý, gây mùi
hôi và ô nhiễm nguồn nước mặt. Dự án xây dựng trạm xử lý nước thải tập trung đã được phê duyệt từ
nhiều năm nhưng chưa hoàn thành do vướng mặt bằng.

## Cam kết mốc thời gian cụ thể

Giải trình tại phiên họp, lãnh đạo Sở Nông nghiệp và Môi trường nhận trách nhiệm về việc chậm trễ
và cam kết hoàn thành trạm xử lý trong vòng 12 tháng. Trong thời gian chờ, các hộ sản xuất phải xây
bể lắng, bể xử lý sơ bộ trước khi xả thải.

Kết luận phiên giải trình, Phó Chủ tịch HĐND tỉnh đề nghị UBND tỉnh chỉ đạo kiểm tra, xử lý nghiêm
các cơ sở vi phạm, đồng thời có chính sách hỗ trợ các hộ di dời sản xuất vào cụm công nghiệp.
""",
    ),
    ArticleSpec(
        category="hoat-dong-hdnd",
        title="Bồi dưỡng kỹ năng hoạt động cho đại biểu HĐND cấp xã",
        lead=(
            "Hơn 300 đại biểu HĐND các xã, phường đã tham gia lớp bồi dưỡng về kỹ năng thẩm tra, "
            "chất vấn và tiếp xúc cử tri."
        ),
        days_ago=66,
        views=380,
        cover=Picture("lectern", "Một buổi lên lớp bồi dưỡng kỹ năng cho đại biểu (ảnh minh họa)"),
        body="""
Lớp bồi dưỡng được tổ chức thành ba đợt, mỗi đợt ba ngày, kết hợp giữa nghe giảng và thực hành. Các
học viên được thực hành thẩm tra một dự thảo nghị quyết mẫu về dự toán ngân sách xã, đóng vai đại
biểu chất vấn và người trả lời chất vấn.

Nhiều đại biểu cho biết phần thực hành giúp họ tự tin hơn khi phát biểu tại kỳ họp. Ban tổ chức sẽ
tổng hợp các câu hỏi của học viên để biên soạn bộ tài liệu hỏi - đáp, gửi đến tất cả đại biểu HĐND
cấp xã trong tỉnh.
""",
    ),
    ArticleSpec(
        category="hoat-dong-hdnd",
        title="Công bố kết quả thực hiện nghị quyết về chất vấn tại kỳ họp trước",
        lead=(
            "Trong 18 nhiệm vụ được giao sau phiên chất vấn, 13 nhiệm vụ đã hoàn thành, 5 nhiệm vụ "
            "đang triển khai và được HĐND tỉnh tiếp tục theo dõi."
        ),
        days_ago=88,
        views=910,
        byline="Minh Khang",
        cover=Picture("chart", "Tỷ lệ nhiệm vụ hoàn thành tăng qua các kỳ họp (ảnh minh họa)"),
        body="""
Theo báo cáo của UBND tỉnh, các nhiệm vụ đã hoàn thành gồm: ban hành quy định về hạn mức giao đất ở,
hoàn thành sửa chữa các trường học xuống cấp, tổ chức lại mạng lưới xe buýt nội tỉnh. Các nhiệm vụ
còn lại chủ yếu liên quan đến dự án đầu tư có thời gian thực hiện dài.

| Lĩnh vực | Nhiệm vụ được giao | Đã hoàn thành |
| Đất đai, xây dựng | 6 | 4 |
| Giáo dục, y tế | 5 | 4 |
| Giao thông | 4 | 3 |
| Nông nghiệp, môi trường | 3 | 2 |

Thường trực HĐND tỉnh đề nghị các ban tiếp tục giám sát các nhiệm vụ chưa hoàn thành và báo cáo kết
quả tại kỳ họp tới.
""",
    ),
    # --- Tiếp xúc cử tri --------------------------------------------------------------
    ArticleSpec(
        category="tiep-xuc-cu-tri",
        title="Cử tri phường Đông Thành kiến nghị chống ngập và mở rộng trường học",
        lead=(
            "Tại buổi tiếp xúc sau kỳ họp chuyên đề, cử tri phường Đông Thành đề nghị sớm cải tạo "
            "hệ thống thoát nước và xây thêm phòng học cho trường tiểu học quá tải."
        ),
        days_ago=2,
        views=1960,
        byline="Bảo Ngọc",
        cover=Picture(
            "village", "Cử tri đến dự buổi tiếp xúc với đại biểu HĐND tỉnh (ảnh minh họa)"
        ),
        body="""
Tổ đại biểu HĐND tỉnh đơn vị bầu cử số 2 đã thông báo với cử tri kết quả kỳ họp chuyên đề, trong đó
có nghị quyết điều chỉnh kế hoạch đầu tư công và chính sách hỗ trợ bảo hiểm y tế.

## Mưa là ngập

Nhiều cử tri phản ánh mỗi khi mưa lớn, các tuyến phố quanh chợ Đông Thành ngập sâu nửa mét, nước
tràn vào nhà dân. Ông Nguyễn Văn Hòa, tổ dân phố số 5, đề nghị tỉnh sớm triển khai dự án cải tạo
hệ thống thoát nước đã được quy hoạch từ lâu.

> Năm nào chúng tôi cũng kiến nghị, năm nào cũng được trả lời là đang chuẩn bị đầu tư. Cử tri mong
> lần này có mốc thời gian cụ thể. (Ông Nguyễn Văn Hòa, tổ dân phố số 5)

Cử tri cũng cho biết Trường Tiểu học Đông Thành có sĩ số bình quân 45 học sinh mỗi lớp, nhiều lớp
phải học tạm ở phòng chức năng.

## Trả lời tại chỗ

Đại diện UBND phường cho biết dự án thoát nước đã được đưa vào danh mục đầu tư, dự kiến khởi công
trong năm tới. Tổ đại biểu tiếp thu đầy đủ ý kiến, sẽ tổng hợp gửi Thường trực HĐND tỉnh và theo dõi
việc trả lời của các cơ quan có thẩm quyền.
""",
    ),
    ArticleSpec(
        category="tiep-xuc-cu-tri",
        title="Cử tri xã Tân Lập mong sớm kiên cố hóa kênh mương nội đồng",
        lead=(
            "Hệ thống kênh mương xuống cấp khiến hàng chục héc-ta lúa thiếu nước vào vụ; cử tri xã "
            "Tân Lập đề nghị tỉnh bố trí vốn sửa chữa."
        ),
        days_ago=14,
        views=870,
        cover=Picture("fields", "Cánh đồng lúa xã Tân Lập (ảnh minh họa)", variant=1),
        body="""
Cử tri thôn Đồng Mới cho biết tuyến kênh chính dài gần 3 km được xây từ hơn 20 năm trước, nhiều
đoạn bị sạt lở, bồi lắng. Mỗi vụ, người dân phải tự bỏ công nạo vét nhưng nước vẫn không về kịp
cuối kênh.

Ngoài ra, cử tri đề nghị quan tâm hỗ trợ giống, vật tư cho các hộ chuyển đổi sang trồng rau màu trên
đất lúa kém hiệu quả; có giải pháp bao tiêu sản phẩm để người dân yên tâm sản xuất.

Đại biểu HĐND tỉnh ghi nhận các kiến nghị và cho biết sẽ đề nghị Sở Nông nghiệp và Môi trường khảo
sát, đưa tuyến kênh vào danh mục sửa chữa, nâng cấp công trình thủy lợi của tỉnh.
""",
    ),
    ArticleSpec(
        category="tiep-xuc-cu-tri",
        title="Tiếp xúc cử tri là công nhân khu công nghiệp Nam Cầu",
        lead=(
            "Nhà ở, nhà trẻ và tuyến xe buýt đưa đón là ba vấn đề được người lao động nêu nhiều "
            "nhất tại buổi tiếp xúc chuyên đề với đại biểu HĐND tỉnh."
        ),
        days_ago=27,
        views=1320,
        byline="Bảo Ngọc",
        cover=Picture("skyline", "Khu nhà xưởng và khu dân cư ven khu công nghiệp (ảnh minh họa)"),
        body="""
Buổi tiếp xúc được tổ chức vào tối thứ Bảy tại nhà văn hóa công nhân, thu hút gần 200 người lao
động tham dự. Nhiều công nhân cho biết phải thuê phòng trọ chật chội, giá thuê tăng nhanh, trong khi
khu nhà ở xã hội cho công nhân vẫn chưa được xây dựng.

Các công nhân nữ đề nghị có thêm nhóm trẻ, lớp mẫu giáo gần khu công nghiệp, mở cửa muộn hơn để phù
hợp với giờ tan ca. Nhiều ý kiến mong có tuyến xe buýt từ khu công nghiệp về trung tâm các xã lân
cận.

Đại biểu HĐND tỉnh cho biết các kiến nghị sẽ được chuyển đến UBND tỉnh và Ban Quản lý các khu công
nghiệp; đồng thời đề xuất đưa nội dung nhà ở công nhân vào chương trình giám sát của HĐND tỉnh.
""",
    ),
    ArticleSpec(
        category="tiep-xuc-cu-tri",
        title="Cử tri vùng cao mong có sóng điện thoại và đường đến trường",
        lead=(
            "Ở những thôn xa nhất của xã Thượng Lâm, người dân vẫn phải leo lên đồi để gọi điện, "
            "học sinh phải lội suối đến trường vào mùa mưa."
        ),
        days_ago=45,
        views=1100,
        byline="Hà Linh",
        cover=Picture("road", "Đường lên các thôn vùng cao (ảnh minh họa)"),
        body="""
Tại buổi tiếp xúc, cử tri thôn Khe Mát cho biết cả thôn hơn 80 hộ nhưng chỉ có vài điểm bắt được
sóng điện thoại. Khi có người ốm đau, muốn gọi xe cấp cứu cũng phải chạy lên đồi.

Cử tri cũng đề nghị xây cầu tràn qua suối Khe Mát để học sinh đi học an toàn trong mùa mưa lũ, và
nâng cấp đoạn đường đất dài 6 km từ trung tâm xã vào thôn.

Đại biểu HĐND tỉnh cho biết đã đề nghị các doanh nghiệp viễn thông khảo sát lắp đặt trạm phát sóng;
dự án cầu tràn đã được UBND tỉnh đồng ý về chủ trương, đang hoàn thiện hồ sơ thiết kế.
""",
    ),
    ArticleSpec(
        category="tiep-xuc-cu-tri",
        title="Giải quyết dứt điểm kiến nghị về cấp giấy chứng nhận quyền sử dụng đất",
        lead=(
            "Sau nhiều lần cử tri kiến nghị, hơn 1.200 hồ sơ cấp giấy chứng nhận quyền sử dụng đất "
            "tồn đọng đã được giải quyết, trả kết quả cho người dân."
        ),
        days_ago=63,
        views=2380,
        author="bientap",
        body="""
Việc chậm cấp giấy chứng nhận quyền sử dụng đất là nội dung được cử tri nhiều xã, phường phản ánh
qua nhiều kỳ tiếp xúc. Nguyên nhân chủ yếu là hồ sơ địa chính không thống nhất sau khi sắp xếp đơn
vị hành chính, một số thửa đất có nguồn gốc phức tạp.

## Cách làm mới: tổ công tác về tận thôn

UBND tỉnh đã thành lập các tổ công tác liên ngành về tận thôn, tổ dân phố để hướng dẫn, nhận hồ sơ
và đo đạc lại khi cần thiết. Hồ sơ đủ điều kiện được giải quyết trong vòng 15 ngày làm việc.

Thường trực HĐND tỉnh đánh giá cao kết quả này, đồng thời đề nghị tiếp tục rà soát các hồ sơ còn
vướng mắc, trả lời bằng văn bản cho từng hộ dân về lý do chưa được cấp và hướng giải quyết.
""",
    ),
    ArticleSpec(
        category="tiep-xuc-cu-tri",
        title="Thanh niên góp ý về việc làm và chuyển đổi số với đại biểu dân cử",
        lead=(
            "Lần đầu tiên HĐND tỉnh tổ chức tiếp xúc cử tri chuyên đề với thanh niên, với nhiều ý "
            "kiến thẳng thắn về đào tạo nghề, khởi nghiệp và dịch vụ công trực tuyến."
        ),
        days_ago=95,
        views=640,
        byline="Bảo Ngọc",
        cover=Picture(
            "lectern", "Một đoàn viên phát biểu tại buổi tiếp xúc (ảnh minh họa)", variant=1
        ),
        body="""
Hơn 150 đoàn viên, thanh niên đến từ các trường cao đẳng, doanh nghiệp và các xã, phường đã tham gia
buổi tiếp xúc. Nhiều bạn trẻ cho rằng chương trình đào tạo nghề chưa sát nhu cầu doanh nghiệp, học
xong vẫn phải đào tạo lại.

Một số ý kiến đề nghị đơn giản hóa thủ tục vay vốn khởi nghiệp, mở rộng dịch vụ công trực tuyến toàn
trình và cải thiện tốc độ xử lý hồ sơ trên cổng dịch vụ công.

- Tăng cường đặt hàng đào tạo giữa nhà trường và doanh nghiệp.
- Hỗ trợ không gian làm việc chung cho các nhóm khởi nghiệp.
- Mở thêm các lớp kỹ năng số miễn phí cho thanh niên nông thôn.

Các đại biểu HĐND tỉnh cam kết đưa những kiến nghị này vào nội dung thảo luận tại kỳ họp tới.
""",
    ),
    # --- Thời sự ----------------------------------------------------------------------
    ArticleSpec(
        category="thoi-su",
        title="Chủ động ứng phó mưa lũ, bảo đảm an toàn cho người dân",
        lead=(
            "Trước dự báo mưa lớn kéo dài, UBND tỉnh yêu cầu các xã, phường vùng trũng, ven sông "
            "và miền núi chủ động sơ tán người dân khỏi khu vực nguy hiểm, bố trí lực lượng trực "
            "24/24 giờ."
        ),
        days_ago=3,
        views=5120,
        featured=True,
        author="bientap",
        byline="Nhóm phóng viên Thời sự",
        cover=Picture(
            "bridge", "Sông Bình Giang đoạn chảy qua trung tâm tỉnh (ảnh minh họa)", variant=1
        ),
        body="""
Theo Đài Khí tượng Thủy văn tỉnh, từ nay đến cuối tuần, khu vực có mưa to đến rất to, lượng mưa phổ
biến 150-250 mm, có nơi trên 300 mm. Mực nước các sông có khả năng lên mức báo động 2, nguy cơ cao
xảy ra ngập úng vùng trũng, lũ quét và sạt lở đất ở khu vực miền núi.

## Sơ tán người dân khỏi vùng nguy hiểm

UBND tỉnh yêu cầu chính quyền các xã miền núi rà soát các hộ dân sống ven suối, dưới chân taluy,
khu vực có nguy cơ sạt lở; kiên quyết di dời người dân đến nơi an toàn trước khi mưa lớn xảy ra.
Các trường học chủ động cho học sinh nghỉ học khi cần thiết.

Lực lượng quân sự, công an được bố trí sẵn sàng tại các điểm xung yếu cùng xuồng máy, áo phao. Các
chốt chặn được lập tại những ngầm tràn, đoạn đường ngập sâu, không để người và phương tiện qua lại
khi nước chảy xiết.

## Bảo vệ sản xuất, an toàn hồ đập

Ngành nông nghiệp hướng dẫn người dân thu hoạch sớm diện tích lúa, hoa màu đã chín, gia cố chuồng
trại, di chuyển vật nuôi lên chỗ cao. Các hồ chứa thủy lợi được vận hành điều tiết theo đúng quy
trình, thông báo sớm cho người dân vùng hạ du trước khi xả lũ.

### Khuyến cáo người dân

- Không đi qua ngầm tràn, đoạn đường ngập sâu hoặc nước chảy xiết.
- Không vớt củi, đánh bắt cá trên sông, suối khi có lũ.
- Chuẩn bị sẵn lương thực, nước uống, thuốc men và đèn pin cho vài ngày.
- Ngắt cầu dao điện khi nước bắt đầu tràn vào nhà.

Khi cần hỗ trợ khẩn cấp, người dân liên hệ ngay chính quyền địa phương hoặc gọi số điện thoại 112.
""",
    ),
    ArticleSpec(
        category="thoi-su",
        title="Sơ kết một năm vận hành chính quyền địa phương hai cấp",
        lead=(
            "Sau một năm, bộ máy chính quyền cấp tỉnh và cấp xã đã vận hành thông suốt, phần lớn "
            "thủ tục hành chính được giải quyết ngay tại xã, phường."
        ),
        days_ago=6,
        views=1830,
        author="bientap",
        cover=Picture("hall", "Trụ sở cơ quan hành chính của tỉnh (ảnh minh họa)"),
        body="""
Báo cáo tại hội nghị cho biết, toàn tỉnh hiện có các xã, phường được sắp xếp lại với quy mô lớn
hơn; đội ngũ cán bộ, công chức cấp xã được bố trí lại theo vị trí việc làm. Tỷ lệ hồ sơ thủ tục
hành chính giải quyết đúng hạn đạt trên 97%.

## Những việc cần tiếp tục tháo gỡ

Bên cạnh kết quả đạt được, một số xã còn thiếu công chức chuyên môn về đất đai, xây dựng, tài chính;
trụ sở làm việc, trang thiết bị ở một số nơi chưa đáp ứng yêu cầu. Việc số hóa hồ sơ địa chính cũ
còn chậm.

Phát biểu chỉ đạo, Chủ tịch UBND tỉnh yêu cầu các sở, ngành tăng cường hướng dẫn, tập huấn nghiệp vụ
cho cấp xã; ưu tiên bố trí nguồn lực cho các xã có địa bàn rộng, giao thông khó khăn, bảo đảm người
dân được phục vụ tốt hơn.
""",
    ),
    ArticleSpec(
        category="thoi-su",
        title="Trung tâm phục vụ hành chính công tỉnh chuyển sang trụ sở mới",
        lead=(
            "Từ đầu tuần tới, người dân và doanh nghiệp đến làm thủ tục hành chính cấp tỉnh tại "
            "trụ sở mới với 40 quầy tiếp nhận và khu tự phục vụ."
        ),
        days_ago=15,
        views=1240,
        byline="Minh Khang",
        cover=Picture("skyline", "Khu trung tâm hành chính mới của tỉnh (ảnh minh họa)", variant=1),
        body="""
Trụ sở mới được bố trí tại khu trung tâm hành chính, thuận tiện về giao thông, có bãi đỗ xe rộng.
Ngoài 40 quầy tiếp nhận hồ sơ, trung tâm có khu tự phục vụ với máy tra cứu, máy lấy số thứ tự và
nhân viên hướng dẫn nộp hồ sơ trực tuyến.

Người dân có thể đặt lịch hẹn trước qua cổng dịch vụ công để không phải chờ đợi. Kết quả giải quyết
được trả tại quầy hoặc qua dịch vụ bưu chính công ích theo yêu cầu.

Trong tuần đầu chuyển trụ sở, trung tâm bố trí thêm cán bộ hướng dẫn tại cổng và duy trì số điện
thoại đường dây nóng để giải đáp thắc mắc của người dân.
""",
    ),
    ArticleSpec(
        category="thoi-su",
        title="Cao điểm bảo đảm trật tự an toàn giao thông trên các tuyến quốc lộ",
        lead=(
            "Lực lượng cảnh sát giao thông tập trung xử lý các hành vi vi phạm nồng độ cồn, chạy "
            "quá tốc độ và chở hàng quá tải trọng."
        ),
        days_ago=24,
        views=760,
        cover=Picture("road", "Một đoạn quốc lộ qua địa bàn tỉnh (ảnh minh họa)", variant=1),
        body="""
Trong đợt cao điểm kéo dài một tháng, Công an tỉnh bố trí các tổ tuần tra, kiểm soát hoạt động cả
ngày lẫn đêm trên các tuyến quốc lộ, tỉnh lộ, nhất là những đoạn thường xảy ra tai nạn.

Bên cạnh việc xử lý vi phạm, lực lượng chức năng phối hợp với chính quyền các xã, phường tuyên
truyền đến từng khu dân cư, trường học về quy định không điều khiển phương tiện sau khi uống rượu,
bia và đội mũ bảo hiểm đúng cách.
""",
    ),
    ArticleSpec(
        category="thoi-su",
        title="Trao 200 căn nhà đại đoàn kết cho hộ nghèo, hộ có hoàn cảnh khó khăn",
        lead=(
            "Từ nguồn quỹ “Vì người nghèo” và sự chung tay của doanh nghiệp, 200 hộ nghèo trong "
            "tỉnh đã có nhà ở kiên cố, an toàn trước mùa mưa bão."
        ),
        days_ago=41,
        views=980,
        byline="Thanh Tâm",
        author="bientap",
        cover=Picture("fields", "Nhà mới của một hộ dân vùng nông thôn (ảnh minh họa)"),
        body="""
Mỗi căn nhà được hỗ trợ từ 60 đến 80 triệu đồng, cùng với sự đóng góp ngày công của bà con, dòng họ
và lực lượng đoàn viên thanh niên. Nhiều căn nhà được hoàn thành chỉ sau hơn một tháng khởi công.

Bà Lò Thị Xuân, thôn Bản Mây, xúc động cho biết cả đời chưa dám nghĩ sẽ có ngôi nhà mái bằng. Ủy ban
MTTQ Việt Nam tỉnh cho biết sẽ tiếp tục vận động để hỗ trợ thêm 150 căn nhà trong thời gian tới.
""",
    ),
    ArticleSpec(
        category="thoi-su",
        title="Phát động phong trào thi đua chuyển đổi số trong cơ quan nhà nước",
        lead=(
            "Mỗi cơ quan, đơn vị đăng ký ít nhất một sáng kiến ứng dụng công nghệ số giúp giảm "
            "thời gian giải quyết công việc cho người dân."
        ),
        days_ago=58,
        views=640,
        body="""
Phong trào đặt mục tiêu đến cuối năm, 100% văn bản giữa các cơ quan nhà nước được gửi, nhận trên môi
trường điện tử, trừ văn bản mật; hồ sơ công việc được lập và lưu trữ điện tử; cán bộ, công chức
thành thạo các kỹ năng số cơ bản.

Sở Khoa học và Công nghệ sẽ tổng hợp, đánh giá và nhân rộng các sáng kiến hiệu quả. Các cơ quan có
thành tích xuất sắc sẽ được đề nghị khen thưởng.
""",
    ),
    ArticleSpec(
        category="thoi-su",
        title="Thông xe cầu Bến Đò, nối liền đôi bờ sông Bình Giang",
        lead=(
            "Cây cầu dài 620 m thay thế bến đò ngang đã tồn tại hàng chục năm, rút ngắn hơn 20 km "
            "đường đi cho người dân hai xã ven sông."
        ),
        days_ago=77,
        views=2150,
        featured=True,
        author="bientap",
        byline="Quang Minh",
        cover=Picture("bridge", "Cầu Bến Đò bắc qua sông Bình Giang (ảnh minh họa)"),
        body="""
Cầu Bến Đò được đầu tư bằng nguồn vốn ngân sách tỉnh, với tổng mức đầu tư hơn 450 tỷ đồng, gồm cầu
chính và hai tuyến đường dẫn. Công trình hoàn thành sớm hơn kế hoạch gần ba tháng.

## Ước mơ của bao thế hệ

Trước đây, để qua sông, người dân phải đi đò hoặc đi vòng qua cầu ở trung tâm tỉnh. Vào mùa lũ, bến
đò phải tạm dừng hoạt động, học sinh không thể đến trường, nông sản không thể mang đi tiêu thụ.

> Ngày thông xe, cả xóm kéo nhau ra cầu. Ông bà tôi mong cây cầu này từ hồi còn trẻ. (Chị Vi Thị
> Mai, xã Phú Mỹ)

Lãnh đạo tỉnh yêu cầu các đơn vị tiếp tục hoàn thiện hệ thống chiếu sáng, biển báo, bảo đảm an toàn
giao thông trên cầu và các tuyến đường dẫn.
""",
    ),
    # --- Kinh tế - Xã hội -------------------------------------------------------------
    ArticleSpec(
        category="kinh-te-xa-hoi",
        title="Khu công nghiệp Nam Cầu thu hút thêm ba dự án, tạo việc làm cho hơn 2.000 lao động",
        lead=(
            "Ba dự án sản xuất linh kiện điện tử, may mặc và chế biến nông sản vừa được chấp thuận "
            "chủ trương đầu tư tại khu công nghiệp Nam Cầu, với tổng vốn đăng ký gần 180 triệu USD."
        ),
        days_ago=8,
        views=3340,
        featured=True,
        byline="Minh Khang",
        cover=Picture("skyline", "Khu công nghiệp Nam Cầu nhìn từ bờ sông (ảnh minh họa)"),
        figure=Picture(
            "chart", "Vốn đăng ký vào các khu công nghiệp tăng đều qua các năm (ảnh minh họa)"
        ),
        body="""
Theo Ban Quản lý các khu công nghiệp tỉnh, cả ba dự án đều cam kết khởi công trong vòng sáu tháng
và đi vào hoạt động sau khoảng 18 tháng. Khi vận hành, các dự án dự kiến tạo việc làm cho hơn 2.000
lao động, phần lớn là người địa phương.

| Dự án | Lĩnh vực | Vốn đăng ký | Lao động dự kiến |
| Dự án thứ nhất | Linh kiện điện tử | 120 triệu USD | 1.200 |
| Dự án thứ hai | May mặc xuất khẩu | 35 triệu USD | 650 |
| Dự án thứ ba | Chế biến nông sản | 24 triệu USD | 230 |

## Hạ tầng đi trước một bước

Khu công nghiệp Nam Cầu đã hoàn thiện hệ thống đường nội khu, nhà máy xử lý nước thải tập trung và
trạm biến áp. Tỉnh cũng đang đầu tư tuyến đường nối khu công nghiệp với quốc lộ, rút ngắn thời gian
vận chuyển hàng hóa ra cảng.

[[figure]]

Đại diện Ban Quản lý cho biết, tỉnh ưu tiên thu hút dự án công nghệ cao, sử dụng ít đất và thân
thiện với môi trường; kiên quyết không tiếp nhận các dự án có nguy cơ gây ô nhiễm.

## Chuẩn bị nguồn lao động

Để đáp ứng nhu cầu tuyển dụng, các cơ sở giáo dục nghề nghiệp trong tỉnh đã phối hợp với doanh
nghiệp mở lớp đào tạo theo đơn đặt hàng, kết hợp học lý thuyết tại trường và thực hành tại nhà máy.
Trung tâm Dịch vụ việc làm tỉnh sẽ tổ chức các phiên giao dịch việc làm lưu động tại các xã, phường
lân cận.

Tại buổi giám sát mới đây, Ban Kinh tế - Ngân sách HĐND tỉnh đề nghị quan tâm xây dựng nhà ở xã
hội, nhà trẻ cho con em công nhân, để người lao động yên tâm gắn bó lâu dài với doanh nghiệp.
""",
    ),
    ArticleSpec(
        category="kinh-te-xa-hoi",
        title="Thu ngân sách nội địa tăng khá so với cùng kỳ",
        lead=(
            "Tổng thu ngân sách nội địa trên địa bàn tỉnh đạt hơn 80% dự toán, tăng 12% so với "
            "cùng kỳ, chủ yếu nhờ thu từ khu vực doanh nghiệp và hoạt động xuất nhập khẩu."
        ),
        days_ago=20,
        views=880,
        author="bientap",
        cover=Picture("chart", "Thu ngân sách tăng qua các tháng (ảnh minh họa)", variant=1),
        body="""
Theo Sở Tài chính, nhiều khoản thu lớn đạt khá như thu từ doanh nghiệp có vốn đầu tư nước ngoài,
thuế thu nhập cá nhân và thu tiền sử dụng đất. Tuy nhiên, thu từ khu vực doanh nghiệp nhà nước địa
phương giảm do một số doanh nghiệp gặp khó khăn.

Cơ quan thuế tiếp tục đẩy mạnh hóa đơn điện tử khởi tạo từ máy tính tiền, chống thất thu trong kinh
doanh thương mại điện tử; đồng thời rà soát, đôn đốc thu hồi các khoản nợ thuế.
""",
    ),
    ArticleSpec(
        category="kinh-te-xa-hoi",
        title="Nông dân xã Hòa An thu lãi cao từ mô hình lúa hữu cơ",
        lead=(
            "Không dùng phân bón hóa học và thuốc trừ sâu, lúa hữu cơ của hợp tác xã Hòa An cho "
            "lợi nhuận cao hơn lúa thường khoảng 30%, đầu ra được doanh nghiệp bao tiêu."
        ),
        days_ago=33,
        views=1270,
        byline="Hà Linh",
        cover=Picture("fields", "Cánh đồng lúa hữu cơ ở xã Hòa An (ảnh minh họa)"),
        body="""
Mô hình được triển khai trên diện tích 50 ha với sự tham gia của hơn 120 hộ dân. Người dân dùng phân
hữu cơ vi sinh, thả vịt trên ruộng để diệt cỏ và sâu hại, ghi chép nhật ký sản xuất để truy xuất
nguồn gốc.

## Liên kết từ ruộng đến bàn ăn

Hợp tác xã đã ký hợp đồng với một doanh nghiệp phân phối gạo, cam kết thu mua toàn bộ sản lượng với
giá cao hơn thị trường. Sản phẩm gạo hữu cơ Hòa An đã đạt chứng nhận OCOP 3 sao.

Ông Phạm Văn Lực, Giám đốc hợp tác xã, cho biết năm tới sẽ mở rộng diện tích lên 80 ha và xây dựng
xưởng sơ chế, đóng gói ngay tại địa phương.
""",
    ),
    ArticleSpec(
        category="kinh-te-xa-hoi",
        title="Khởi công tuyến đường kết nối vùng phía Tây của tỉnh",
        lead=(
            "Tuyến đường dài 38 km, vốn đầu tư hơn 1.900 tỷ đồng, được kỳ vọng mở ra không gian "
            "phát triển mới cho các xã miền núi phía Tây."
        ),
        days_ago=47,
        views=1690,
        author="bientap",
        byline="Quang Minh",
        cover=Picture("road", "Tuyến đường kết nối vùng phía Tây (ảnh minh họa)"),
        body="""
Tuyến đường được thiết kế theo tiêu chuẩn đường cấp III miền núi, đi qua 7 xã, kết nối với quốc lộ
và khu du lịch hồ Suối Ngọc. Dự án dự kiến hoàn thành sau ba năm.

Để bảo đảm tiến độ, UBND tỉnh yêu cầu các xã hoàn thành bàn giao mặt bằng trong quý đầu tiên; nhà
thầu thi công phải bố trí đủ máy móc, nhân lực, bảo đảm an toàn lao động và vệ sinh môi trường.

Người dân các xã vùng dự án bày tỏ phấn khởi, mong con đường sớm hoàn thành để việc đi lại, tiêu thụ
nông sản thuận lợi hơn.
""",
    ),
    ArticleSpec(
        category="kinh-te-xa-hoi",
        title="Thêm hơn 3.000 hộ dân nông thôn được dùng nước sạch",
        lead=(
            "Hai công trình cấp nước tập trung vừa đưa vào vận hành, nâng tỷ lệ hộ dân nông thôn "
            "dùng nước sạch đạt chuẩn lên 68%."
        ),
        days_ago=71,
        views=560,
        body="""
Các công trình được đầu tư từ chương trình mục tiêu quốc gia xây dựng nông thôn mới, với công suất
mỗi công trình 2.000 m³/ngày đêm. Nước được xử lý qua hệ thống lọc hiện đại, kiểm tra chất lượng
định kỳ.

Ngành chức năng khuyến cáo người dân sử dụng nước tiết kiệm, thông báo ngay cho đơn vị quản lý khi
phát hiện đường ống rò rỉ hoặc nước có màu, mùi bất thường.
""",
    ),
    ArticleSpec(
        category="kinh-te-xa-hoi",
        title="Phiên giao dịch việc làm thu hút hơn 40 doanh nghiệp",
        lead=(
            "Hơn 3.500 vị trí việc làm trong các lĩnh vực điện tử, may mặc, du lịch, dịch vụ được "
            "giới thiệu tới người lao động tại phiên giao dịch."
        ),
        days_ago=84,
        views=720,
        byline="Bảo Ngọc",
        cover=Picture("skyline", "Khu đô thị và dịch vụ đang phát triển (ảnh minh họa)", variant=1),
        body="""
Nhiều doanh nghiệp tuyển dụng lao động phổ thông với mức lương khởi điểm từ 6 đến 8 triệu đồng mỗi
tháng, có chế độ nhà ở, xe đưa đón. Các vị trí kỹ thuật viên, nhân viên kinh doanh có mức thu nhập
cao hơn.

Tại phiên giao dịch, người lao động còn được tư vấn về chính sách bảo hiểm thất nghiệp, học nghề và
đi làm việc ở nước ngoài theo hợp đồng. Gần 900 người đã được phỏng vấn trực tiếp và hẹn ngày nhận
việc.
""",
    ),
    ArticleSpec(
        category="kinh-te-xa-hoi",
        title="Khám sức khỏe định kỳ miễn phí cho người cao tuổi",
        lead=(
            "Trong hai tháng, trạm y tế các xã, phường sẽ khám sức khỏe, lập hồ sơ quản lý sức "
            "khỏe điện tử cho người từ 60 tuổi trở lên."
        ),
        days_ago=101,
        views=430,
        body="""
Người cao tuổi được đo huyết áp, đường huyết, khám nội khoa, tư vấn dinh dưỡng và phòng ngừa các
bệnh không lây nhiễm. Những trường hợp phát hiện bệnh được hướng dẫn điều trị và theo dõi tại trạm
y tế.

Ngành y tế đề nghị con cháu đưa ông bà, cha mẹ đi khám đúng lịch, mang theo thẻ bảo hiểm y tế hoặc
căn cước để thuận tiện lập hồ sơ.
""",
    ),
    # --- Văn hóa - Thể thao -----------------------------------------------------------
    ArticleSpec(
        category="van-hoa-the-thao",
        title="Rộn ràng ngày hội văn hóa, thể thao các dân tộc vùng cao",
        lead=(
            "Hơn 600 nghệ nhân, diễn viên quần chúng và vận động viên đến từ 12 xã vùng cao đã "
            "tham gia ngày hội, tái hiện nhiều nghi lễ, trò chơi dân gian đặc sắc."
        ),
        days_ago=5,
        views=2230,
        featured=True,
        byline="Thanh Tâm",
        author="bientap",
        cover=Picture("drum", "Hoa văn trống đồng, biểu tượng của ngày hội (ảnh minh họa)"),
        figure=Picture(
            "stadium",
            "Các môn thể thao dân tộc thu hút đông đảo người dân cổ vũ (ảnh minh họa)",
            variant=1,
        ),
        body="""
Ngày hội diễn ra trong ba ngày tại sân vận động trung tâm xã Thượng Lâm, với chuỗi hoạt động: lễ hội
đường phố, trình diễn trang phục truyền thống, liên hoan văn nghệ, thi ẩm thực và các môn thể thao
dân tộc như đẩy gậy, kéo co, bắn nỏ, ném còn.

## Bảo tồn từ chính cộng đồng

Điểm nhấn của ngày hội là phần tái hiện lễ mừng cơm mới và lễ cầu mùa do chính người dân các thôn
thực hiện. Nhiều nghệ nhân cao tuổi đã dành cả tháng hướng dẫn lớp trẻ tập múa, đánh chiêng, chuẩn
bị lễ vật theo đúng nghi thức truyền thống.

> Chúng tôi muốn con cháu không chỉ biết xem mà phải biết làm, biết giữ. Có như vậy bản sắc mới còn
> mãi. (Một nghệ nhân cao tuổi ở thôn Khe Mát)

[[figure]]

## Gắn với phát triển du lịch

Bên lề ngày hội, các hợp tác xã và hộ kinh doanh giới thiệu sản phẩm OCOP như chè shan tuyết, mật
ong rừng, thổ cẩm. Nhiều gian hàng bán hết sản phẩm ngay trong ngày đầu. Sở Văn hóa, Thể thao và Du
lịch cho biết tỉnh sẽ đưa ngày hội vào lịch sự kiện du lịch thường niên, gắn với các tour trải
nghiệm tại các thôn bản.

Kết thúc ngày hội, đoàn xã Thượng Lâm giành giải nhất toàn đoàn; giải nhì thuộc về xã Suối Ngọc và
giải ba thuộc về xã Bản Mây.
""",
    ),
    ArticleSpec(
        category="van-hoa-the-thao",
        title="Khai mạc giải bóng đá thiếu niên, nhi đồng cấp tỉnh",
        lead=(
            "24 đội bóng đến từ các xã, phường tranh tài trong hai tuần, tìm kiếm những tài năng "
            "trẻ cho bóng đá của tỉnh."
        ),
        days_ago=16,
        views=940,
        cover=Picture("stadium", "Sân vận động tỉnh trong ngày khai mạc giải (ảnh minh họa)"),
        body="""
Các đội được chia thành hai lứa tuổi: nhi đồng dưới 11 tuổi và thiếu niên dưới 15 tuổi. Các trận
đấu diễn ra vào buổi chiều và ngày nghỉ để không ảnh hưởng đến việc học của các em.

Ban tổ chức mời huấn luyện viên của trung tâm đào tạo bóng đá trẻ đến theo dõi, tuyển chọn những cầu
thủ có năng khiếu vào các lớp năng khiếu thể thao của tỉnh.
""",
    ),
    ArticleSpec(
        category="van-hoa-the-thao",
        title="Hoàn thành tu bổ di tích đình làng Phú Mỹ",
        lead=(
            "Sau một năm thi công, ngôi đình có niên đại gần 200 năm đã được tu bổ, giữ nguyên kết "
            "cấu gỗ và các mảng chạm khắc cổ."
        ),
        days_ago=31,
        views=610,
        byline="Thanh Tâm",
        author="bientap",
        body="""
Công trình được tu bổ theo đúng quy định về bảo quản, tu bổ, phục hồi di tích. Các cấu kiện gỗ còn
tốt được giữ lại, cấu kiện hư hỏng được thay thế bằng gỗ cùng loại; mái ngói được lợp lại bằng ngói
mũi hài truyền thống.

Người dân trong làng đã đóng góp hơn 1 tỷ đồng cùng nhiều ngày công cho công trình. Đình làng Phú Mỹ
là nơi tổ chức lễ hội truyền thống vào mùa xuân hằng năm.
""",
    ),
    ArticleSpec(
        category="van-hoa-the-thao",
        title="Vận động viên điền kinh của tỉnh giành 5 huy chương tại giải trẻ quốc gia",
        lead=(
            "Đội tuyển điền kinh trẻ của tỉnh giành 2 huy chương vàng, 1 huy chương bạc và 2 huy "
            "chương đồng, vượt chỉ tiêu đề ra."
        ),
        days_ago=53,
        views=1180,
        cover=Picture("stadium", "Đường chạy điền kinh (ảnh minh họa)", variant=1),
        body="""
Hai huy chương vàng thuộc về các nội dung chạy 1.500 m nữ và nhảy xa nam. Các vận động viên đều mới
15-17 tuổi, được phát hiện từ hội khỏe Phù Đổng cấp trường.

Huấn luyện viên trưởng cho biết thành tích là kết quả của quá trình tập luyện bền bỉ, cùng sự quan
tâm đầu tư của tỉnh cho thể thao thành tích cao.
""",
    ),
    ArticleSpec(
        category="van-hoa-the-thao",
        title="Thư viện tỉnh mở không gian đọc sách số cho thiếu nhi",
        lead=(
            "Với máy tính bảng, kho sách điện tử và khu đọc sáng tạo, không gian mới giúp các em "
            "làm quen với việc đọc và tra cứu trên môi trường số."
        ),
        days_ago=74,
        views=520,
        body="""
Không gian đọc sách số có hơn 5.000 đầu sách điện tử, sách nói dành cho thiếu nhi, được phân loại
theo lứa tuổi. Các em có thể đọc tại chỗ hoặc mượn sách qua tài khoản thư viện.

Vào cuối tuần, thư viện tổ chức các buổi kể chuyện, giới thiệu sách và hướng dẫn kỹ năng an toàn
trên mạng cho học sinh.
""",
    ),
    ArticleSpec(
        category="van-hoa-the-thao",
        title="Liên hoan hát dân ca các xã, phường lần thứ nhất",
        lead=(
            "Hơn 30 tiết mục dân ca, dân vũ của các dân tộc trong tỉnh được trình diễn tại liên "
            "hoan, góp phần gìn giữ di sản văn hóa phi vật thể."
        ),
        days_ago=92,
        views=690,
        byline="Thanh Tâm",
        author="bientap",
        cover=Picture("drum", "Hoa văn trống đồng (ảnh minh họa)", variant=1),
        body="""
Liên hoan có sự tham gia của các câu lạc bộ dân ca ở 20 xã, phường. Nhiều tiết mục được dàn dựng
công phu, kết hợp giữa hát, múa và nhạc cụ dân tộc.

Ban tổ chức trao giải A cho các tiết mục hát ru, hát giao duyên và hát mừng nhà mới; đồng thời ghi
âm, ghi hình toàn bộ các tiết mục để lưu trữ, phục vụ công tác bảo tồn.
""",
    ),
    # --- Pháp luật --------------------------------------------------------------------
    ArticleSpec(
        category="phap-luat",
        title="Phiên tòa lưu động vụ lừa đảo qua mạng: bài học cảnh giác cho người dân",
        lead=(
            "Tòa án nhân dân tỉnh mở phiên tòa lưu động xét xử một vụ lừa đảo chiếm đoạt tài sản "
            "qua mạng với thủ đoạn giả danh cơ quan công an, thu hút đông đảo người dân theo dõi."
        ),
        days_ago=7,
        views=2760,
        byline="Minh Khang",
        cover=Picture("justice", "Cán cân công lý (ảnh minh họa)"),
        body="""
Theo cáo trạng, trong nhiều tháng, nhóm bị cáo gọi điện, nhắn tin tự xưng là cán bộ công an, thông
báo người nghe có liên quan đến một đường dây rửa tiền, yêu cầu cài đặt ứng dụng lạ và chuyển tiền
vào “tài khoản tạm giữ” để chứng minh mình trong sạch. Hơn 40 người ở nhiều địa phương đã bị lừa,
tổng số tiền bị chiếm đoạt hơn 6 tỷ đồng.

## Thủ đoạn tinh vi, nhằm vào người cao tuổi

Tại phiên tòa, nhiều bị hại là người cao tuổi, người đã nghỉ hưu. Họ cho biết đã hoảng sợ khi nghe
giọng nói nghiêm khắc qua điện thoại, lại được gửi cả hình ảnh “lệnh bắt” giả mạo. Có người chuyển
toàn bộ tiền tiết kiệm chỉ sau vài cuộc gọi.

Hội đồng xét xử tuyên phạt các bị cáo từ 7 đến 15 năm tù về tội lừa đảo chiếm đoạt tài sản, buộc
bồi thường toàn bộ số tiền đã chiếm đoạt cho các bị hại.

## Những điều người dân cần nhớ

- Cơ quan công an không làm việc qua điện thoại và không yêu cầu chuyển tiền vào bất kỳ tài khoản
  nào.
- Không cài ứng dụng, không bấm vào đường link do người lạ gửi; không cung cấp mã OTP, mật khẩu ngân
  hàng cho bất kỳ ai.
- Khi nhận cuộc gọi đáng ngờ, hãy gác máy và liên hệ trực tiếp công an xã, phường nơi cư trú.

Phiên tòa lưu động là dịp tuyên truyền pháp luật trực quan, giúp người dân nhận diện thủ đoạn của
tội phạm công nghệ cao. Ban Pháp chế HĐND tỉnh đề nghị các cơ quan tư pháp tiếp tục tổ chức những
phiên tòa như vậy tại các địa bàn có nhiều vụ việc.
""",
    ),
    ArticleSpec(
        category="phap-luat",
        title="Luật Bảo vệ dữ liệu cá nhân: những điều người dân cần biết",
        lead=(
            "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 có hiệu lực từ ngày 1/1/2026. Mỗi người có "
            "quyền được biết dữ liệu của mình được dùng vào việc gì và có quyền đồng ý hay không."
        ),
        days_ago=22,
        views=1580,
        author="bientap",
        byline="Thanh Tâm",
        cover=Picture("justice", "Cán cân công lý và cuốn sách luật (ảnh minh họa)", variant=1),
        body="""
Dữ liệu cá nhân là những thông tin gắn với một người cụ thể hoặc giúp xác định một người cụ thể,
như họ tên, số điện thoại, địa chỉ, số căn cước, hình ảnh. Luật quy định rõ quyền của người có dữ
liệu và nghĩa vụ của cơ quan, tổ chức, cá nhân xử lý dữ liệu.

## Quyền của người dân

Một số quyền cơ bản của chủ thể dữ liệu theo quy định của Luật:

| Quyền | Người dân có thể làm gì |
| Được biết | Hỏi bên thu thập dữ liệu dùng dữ liệu của mình vào mục đích gì |
| Đồng ý hoặc không đồng ý | Chỉ cho phép xử lý dữ liệu khi đã được thông báo rõ ràng |
| Rút lại sự đồng ý | Yêu cầu dừng xử lý dữ liệu đã đồng ý trước đó |
| Xem, chỉnh sửa, xóa | Yêu cầu cung cấp, sửa hoặc xóa dữ liệu của mình theo quy định |

## Cảnh giác khi cung cấp thông tin

Người dân không nên đăng tải số căn cước, ảnh giấy tờ tùy thân lên mạng xã hội; chỉ cung cấp thông
tin cá nhân khi biết rõ ai thu thập và để làm gì. Khi phát hiện dữ liệu của mình bị mua bán, sử dụng
trái phép, người dân có thể báo với cơ quan công an.

Nghị định số 356/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật, trong đó có yêu
cầu về việc ghi nhận sự đồng ý của chủ thể dữ liệu.
""",
    ),
    ArticleSpec(
        category="phap-luat",
        title="Đưa pháp luật đến với đồng bào vùng cao",
        lead=(
            "Các buổi tuyên truyền bằng tiếng dân tộc, kết hợp với sân khấu hóa, giúp đồng bào dễ "
            "hiểu, dễ nhớ các quy định về hôn nhân, đất đai và phòng chống ma túy."
        ),
        days_ago=39,
        views=470,
        cover=Picture(
            "village", "Một buổi tuyên truyền pháp luật tại nhà văn hóa thôn (ảnh minh họa)"
        ),
        body="""
Đội tuyên truyền gồm cán bộ tư pháp, công an xã và người có uy tín trong cộng đồng. Thay vì đọc văn
bản, các quy định được chuyển thành tiểu phẩm, câu hỏi đố vui có thưởng.

Nội dung tuyên truyền tập trung vào những vấn đề sát với đời sống: tảo hôn, hôn nhân cận huyết thống,
tranh chấp đất nương rẫy, mua bán người và ma túy. Sau mỗi buổi, người dân được phát tài liệu song
ngữ để mang về nhà.
""",
    ),
    ArticleSpec(
        category="phap-luat",
        title="Xử lý nghiêm hoạt động khai thác cát trái phép trên sông Bình Giang",
        lead=(
            "Lực lượng chức năng bắt giữ 4 phương tiện khai thác cát trái phép, yêu cầu chính quyền "
            "các xã ven sông chịu trách nhiệm nếu để tái diễn."
        ),
        days_ago=56,
        views=1340,
        byline="Minh Khang",
        cover=Picture("bridge", "Sông Bình Giang (ảnh minh họa)"),
        body="""
Các phương tiện bị phát hiện hoạt động vào ban đêm tại khu vực chưa được cấp phép, gây sạt lở bờ
sông, ảnh hưởng đến đất sản xuất của người dân. Toàn bộ phương tiện đã bị tạm giữ để xử lý theo quy
định.

UBND tỉnh yêu cầu các cơ quan chức năng tăng cường tuần tra, lắp đặt camera giám sát tại các điểm
nóng; xử lý nghiêm người đứng đầu chính quyền địa phương nếu buông lỏng quản lý.
""",
    ),
    ArticleSpec(
        category="phap-luat",
        title="Trợ giúp pháp lý miễn phí cho người dân tại xã",
        lead=(
            "Người thuộc hộ nghèo, người có công, người cao tuổi neo đơn và trẻ em được tư vấn, hỗ "
            "trợ pháp lý miễn phí ngay tại trụ sở UBND xã."
        ),
        days_ago=81,
        views=390,
        cover=Picture("justice", "Cán cân công lý (ảnh minh họa)", variant=1),
        body="""
Trung tâm Trợ giúp pháp lý nhà nước tỉnh tổ chức các đợt trợ giúp lưu động định kỳ hằng tháng tại
các xã. Người dân được tư vấn về đất đai, hôn nhân gia đình, thừa kế, chế độ chính sách; những vụ
việc phức tạp được trợ giúp viên pháp lý tham gia tố tụng.

Người dân có nhu cầu có thể liên hệ trực tiếp công chức tư pháp - hộ tịch của xã để được hướng dẫn.
""",
    ),
    ArticleSpec(
        category="phap-luat",
        title="Triển khai các luật mới được Quốc hội thông qua",
        lead=(
            "Hội nghị quán triệt các luật mới có hiệu lực thi hành được tổ chức trực tuyến đến tất "
            "cả các xã, phường trong tỉnh."
        ),
        days_ago=104,
        views=560,
        author="bientap",
        cover=Picture("lectern", "Báo cáo viên giới thiệu các luật mới (ảnh minh họa)"),
        body="""
Tại hội nghị, các báo cáo viên giới thiệu những điểm mới của các luật liên quan trực tiếp đến hoạt
động của chính quyền địa phương và đời sống người dân.

Sở Tư pháp đề nghị các cơ quan, địa phương rà soát văn bản quy phạm pháp luật do mình ban hành để
sửa đổi, bổ sung hoặc bãi bỏ cho phù hợp; đẩy mạnh phổ biến các luật mới đến cán bộ và Nhân dân.
""",
    ),
    # --- Not (yet) visible to readers -------------------------------------------------
    ArticleSpec(
        category="hoat-dong-hdnd",
        title="Khai mạc kỳ họp thường lệ cuối năm của HĐND tỉnh",
        lead=(
            "Sáng nay, HĐND tỉnh khai mạc kỳ họp thường lệ cuối năm, xem xét các báo cáo kinh tế - "
            "xã hội, dự toán ngân sách năm sau và nhiều nghị quyết quan trọng."
        ),
        days_ago=-3,
        views=0,
        author="bientap",
        byline="Quang Minh",
        cover=Picture("hall", "Trụ sở HĐND và UBND tỉnh (ảnh minh họa)", variant=1),
        body="""
Kỳ họp dự kiến diễn ra trong ba ngày. Các phiên khai mạc, chất vấn và bế mạc được truyền hình, phát
thanh trực tiếp để cử tri trong tỉnh theo dõi.

## Những nội dung chính

- Báo cáo tình hình kinh tế - xã hội và nhiệm vụ năm tới.
- Dự toán thu, chi ngân sách và phương án phân bổ ngân sách.
- Các nghị quyết về chính sách hỗ trợ giáo dục, y tế và nông nghiệp.
- Phiên chất vấn về quản lý đất đai và dịch vụ y tế cơ sở.

Cử tri có thể gửi ý kiến về các nội dung của kỳ họp qua các tổ đại biểu HĐND tỉnh hoặc hộp thư của
Văn phòng HĐND tỉnh.
""",
    ),
    ArticleSpec(
        category="phap-luat",
        title="Hội thi tìm hiểu pháp luật dành cho công chức cấp xã",
        lead=(
            "Hội thi giúp công chức cấp xã nắm chắc các quy định mới về đất đai, xử lý vi phạm hành "
            "chính và bảo vệ dữ liệu cá nhân."
        ),
        days_ago=None,
        status="review",
        cover=Picture("justice", "Cán cân công lý (ảnh minh họa)"),
        body="""
Hội thi có ba phần: trả lời trắc nghiệm, xử lý tình huống và tiểu phẩm tuyên truyền. Các đội thi là
công chức tư pháp, địa chính và văn phòng của các xã, phường.

Ban tổ chức cho biết các tình huống được xây dựng từ chính những vụ việc thường gặp ở cơ sở, giúp
công chức vận dụng ngay vào công việc hằng ngày.
""",
    ),
    ArticleSpec(
        category="tiep-xuc-cu-tri",
        title="Cử tri phường Bắc Sơn kiến nghị sửa chữa tuyến đường ven kênh",
        lead="Tuyến đường ven kênh Bắc Sơn xuống cấp nghiêm trọng, nhiều ổ gà gây mất an toàn.",
        days_ago=None,
        status="draft",
        body="""
Cử tri tổ dân phố số 3 và số 4 phản ánh tuyến đường dài khoảng 1,2 km, là lối đi chính của học sinh
hai trường tiểu học và trung học cơ sở, đã xuống cấp nhiều năm.

(Phóng viên bổ sung ý kiến trả lời của UBND phường.)
""",
    ),
)
