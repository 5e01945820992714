"""A fixed corpus of short Vietnamese articles and the queries search must answer well.

Written for the relevance test (test_search_relevance.py): each query names the article
that must come first and those that must not appear at all. The articles are built so
that the rules of articles.search are what decides: whole syllables, phrases first, exact
accents first, synonyms, fields, newest on a tie, both tone spellings.
"""

# key: (hours ago, title, lead, body)
ARTICLES = {
    "hanoi": (
        240,
        "Hà Nội khởi công cầu vượt sông Hồng",
        "Cây cầu mới nối hai bờ sông, dự kiến hoàn thành sau ba năm.",
        "<p>Dự án có tổng vốn đầu tư lớn nhất từ trước đến nay.</p>",
    ),
    # The case: newer, with "hạ", "nơi", "nối" and "khả" but no "Hà Nội".
    "hatang": (
        24,
        "Hạ tầng nông thôn: nơi đường làng nối liền",
        "Nhiều địa phương có khả năng hoàn thành sớm kế hoạch.",
        "<p>Người dân góp công, góp đất làm đường.</p>",
    ),
    "body_phrase": (
        30,
        "Tin vắn cuối tuần",
        "Những sự kiện đáng chú ý trong hai ngày nghỉ.",
        "<p>Du khách đổ về phố cổ Hà Nội dịp cuối tuần.</p>",
    ),
    "hanam": (
        50,
        "Tuyển sinh lớp 10: học sinh Hà Nam đăng ký nguyện vọng",
        "Sở Giáo dục công bố chỉ tiêu từng trường.",
        "<p>Thí sinh đăng ký trực tuyến.</p>",
    ),
    "kha": (
        20,
        "Khả năng chống chịu của đô thị trước mưa lớn",
        "Các chuyên gia khuyến nghị quy hoạch thoát nước.",
        "<p>Mưa lớn gây ngập nhiều tuyến phố.</p>",
    ),
    "hdnd_abbr": (
        120,
        "Kỳ họp thứ 10 HĐND tỉnh khóa XVI",
        "Đại biểu thảo luận dự toán ngân sách năm tới.",
        "<p>Kỳ họp kéo dài ba ngày.</p>",
    ),
    "hdnd_full": (
        48,
        "Hội đồng nhân dân tỉnh giám sát đầu tư công",
        "Đoàn giám sát làm việc với các sở, ngành.",
        "<p>Nhiều dự án chậm tiến độ được chỉ ra.</p>",
    ),
    # Every syllable of "hội đồng nhân dân", none next to the other.
    "hdnd_scattered": (
        10,
        "Hội thi nhà nông giỏi",
        "Đồng bào các dân tộc và nhân dân địa phương tham gia.",
        "<p>Ban tổ chức trao nhiều giải thưởng.</p>",
    ),
    "ubnd_abbr": (
        96,
        "UBND tỉnh ban hành kế hoạch phòng chống thiên tai",
        "Các huyện chuẩn bị phương án sơ tán dân.",
        "<p>Kế hoạch áp dụng từ tháng sau.</p>",
    ),
    "ubnd_full": (
        144,
        "Ủy ban nhân dân xã tiếp công dân định kỳ",
        "Lãnh đạo xã lắng nghe ý kiến người dân.",
        "<p>Buổi tiếp diễn ra vào thứ năm hằng tuần.</p>",
    ),
    "tp_hcm": (
        168,
        "TP Hồ Chí Minh đẩy mạnh chuyển đổi số",
        "Thành phố đặt mục tiêu phục vụ người dân tốt hơn.",
        "<p>Dịch vụ công trực tuyến được mở rộng.</p>",
    ),
    "hue": (
        192,
        "Thành phố Huế bảo tồn di tích lịch sử",
        "Nhiều công trình được trùng tu.",
        "<p>Du lịch văn hóa tăng trưởng mạnh.</p>",
    ),
    # Old spelling (tone on the first vowel) ...
    "hoabinh": (
        216,
        "Tỉnh Hòa Bình trồng rừng phòng hộ",
        "Diện tích rừng tăng so với năm trước.",
        "<p>Người dân được hỗ trợ cây giống.</p>",
    ),
    # ... and new spelling (tone on the second).
    "thuyloi": (
        264,
        "Thuỷ lợi nội đồng phục vụ vụ đông",
        "Các hợp tác xã nạo vét kênh mương.",
        "<p>Nước tưới đủ cho cây trồng.</p>",
    ),
    "quy": (
        288,
        "Kết quả thu ngân sách quý III vượt kế hoạch",
        "Nhiều khoản thu tăng khá.",
        "<p>Thu nội địa chiếm phần lớn.</p>",
    ),
    # Syllables that fold alike: nội, nơi, nói, nối.
    "noi_inside": (
        300,
        "Nội bộ đoàn kết, tổ chức vững mạnh",
        "Chi bộ tổng kết công tác năm.",
        "<p>Nhiều đảng viên được khen thưởng.</p>",
    ),
    "noi_place": (
        6,
        "Nơi tổ chức lễ hội mùa xuân",
        "Ban tổ chức chọn địa điểm rộng rãi.",
        "<p>Lễ hội kéo dài một tuần.</p>",
    ),
    "noi_speak": (
        330,
        "Cử tri nói giao thông còn ách tắc",
        "Ý kiến được gửi tới kỳ họp.",
        "<p>Nhiều tuyến đường cần mở rộng.</p>",
    ),
    "noi_connect": (
        12,
        "Cầu nối giao thông hai huyện",
        "Công trình giúp người dân đi lại thuận tiện.",
        "<p>Cầu dài 300 mét.</p>",
    ),
    "denhung": (
        360,
        "Lễ hội đền Hùng thu hút du khách",
        "Hàng vạn người về dự lễ giỗ Tổ.",
        "<p>Công tác an ninh được bảo đảm.</p>",
    ),
    "lead_only": (
        2,
        "Giá rau tăng sau mưa",
        "Tiểu thương chợ đầu mối cho biết giá cải bắp tăng gấp đôi.",
        "<p>Nguồn cung dự kiến ổn định sau một tuần.</p>",
    ),
    "body_only": (
        1,
        "Thời tiết ngày mai",
        "Trời nắng nhẹ.",
        "<p>Giá cải bắp tăng ở nhiều chợ.</p>",
    ),
}

# (query, the article that must come first, articles that must not appear)
QUERIES = [
    ("ha noi", "hanoi", {"hanam", "kha"}),
    ("Hà Nội", "hanoi", {"hanam", "kha"}),
    ("HÀ NỘI", "hanoi", {"hanam", "kha"}),
    ("hà nội cầu", "hanoi", {"body_phrase", "hatang"}),
    ("pho co ha noi", "body_phrase", {"hanoi"}),
    ("ha nam", "hanam", {"kha"}),
    ("kha nang", "kha", {"hanoi", "hanam"}),
    ("hdnd", "hdnd_full", {"ubnd_abbr", "hdnd_scattered"}),
    ("HĐND tỉnh", "hdnd_full", {"ubnd_abbr"}),
    ("hội đồng nhân dân", "hdnd_full", {"ubnd_full"}),
    ('"hội đồng nhân dân"', "hdnd_full", {"hdnd_scattered"}),
    ('"hdnd"', "hdnd_full", {"hdnd_scattered"}),
    ("ky hop hdnd", "hdnd_abbr", {"hdnd_scattered"}),
    ("ubnd", "ubnd_abbr", {"hdnd_abbr", "hdnd_full"}),
    ("ủy ban nhân dân xã", "ubnd_full", {"ubnd_abbr"}),
    ("uy ban nhan dan tinh", "ubnd_abbr", {"ubnd_full"}),
    ("UBND xã", "ubnd_full", {"ubnd_abbr"}),
    ("tp ho chi minh", "tp_hcm", {"hue"}),
    ("thành phố hồ chí minh", "tp_hcm", {"hue"}),
    ("TP Huế", "hue", {"tp_hcm"}),
    ("hoà bình", "hoabinh", set()),
    ("hòa bình", "hoabinh", set()),
    ("thủy lợi", "thuyloi", set()),
    ("thuỷ lợi", "thuyloi", set()),
    ("qúy III", "quy", set()),
    ("quý III", "quy", set()),
    ("nội", "hanoi", {"kha"}),
    ("nội bộ", "noi_inside", {"kha"}),
    ("nơi", "noi_place", {"kha"}),
    ("nối giao thông", "noi_connect", set()),
    ("nói giao thông", "noi_speak", set()),
    ("noi giao thong", "noi_connect", set()),
    ("le hoi den hung", "denhung", set()),
    ("đền Hùng", "denhung", set()),
    ("tuyen sinh lop 10", "hanam", set()),
    ("gia cai bap tang", "lead_only", set()),
    ("khả năng", "kha", {"hanoi"}),
]
