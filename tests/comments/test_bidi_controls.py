"""Names, titles and comments cannot be made to display reversed or reordered: the
bidirectional control characters are removed like the other control characters."""

import pytest

from comments.models import Comment
from comments.personal_data import BIDI_CONTROLS, clean_line, clean_text
from tests.comments.conftest import comment_data, comment_url

pytestmark = pytest.mark.django_db

# Embeddings and overrides (U+202A-U+202E), isolates (U+2066-U+2069), marks (LRM, RLM, ALM).
ALL_CONTROLS = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))] + [
    "\u200e",
    "\u200f",
    "\u061c",
]


def test_every_bidirectional_control_is_known():
    assert set(ALL_CONTROLS) == BIDI_CONTROLS


@pytest.mark.parametrize("control", ALL_CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
def test_each_control_is_removed_from_lines_and_text(control):
    assert clean_line(f"Nguyễn{control} Văn A{control}") == "Nguyễn Văn A"
    assert clean_text(f"{control}dòng 1\n{control}dòng 2") == "dòng 1\ndòng 2"


def test_a_name_written_to_display_reversed_is_stored_and_shown_as_typed_in_order(client, article):
    # "\u202e" would make "Nguyễn Văn A moc.elpmaxe" display as "example.com A nǎV nễyugN".
    data = comment_data(
        client,
        name="\u202eNguyễn Văn A\u202c",
        title="Tiêu đề \u2067ngược\u2069 \u200fchiều",
        content="Xem \u202emoc.elpmaxe\u202c ngay\u061c",
    )
    assert client.post(comment_url(article), data).status_code == 302
    comment = Comment.objects.get()
    assert comment.name == "Nguyễn Văn A"
    assert comment.title == "Tiêu đề ngược chiều"
    assert comment.content == "Xem moc.elpmaxe ngay"


def test_a_name_made_only_of_controls_is_empty(client, article):
    response = client.post(comment_url(article), comment_data(client, name="\u202e\u202d\u2066"))
    assert response.status_code == 400
    assert "Vui lòng nhập họ tên." in response.content.decode()


def test_other_scripts_and_joiners_are_kept(client, article):
    text = "عربي עברית 👨‍👩‍👧 क्ष\u200d"
    client.post(comment_url(article), comment_data(client, content=text))
    assert Comment.objects.get().content == text
