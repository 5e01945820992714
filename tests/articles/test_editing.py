"""Writing an article in the admin: the dateline, the series part number, the cover field."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import Article
from articles.text import strip_dateline
from tests.articles.test_workflow_permissions import ADD_URL, change_url, form_data
from tests.factories import ArticleFactory, SeriesFactory, png_bytes

pytestmark = pytest.mark.django_db

TEXT = "Sáng 25/1, HĐND thành phố khai mạc kỳ họp thứ mười."


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    "pasted",
    [
        "HNP - ",
        "HNP – ",
        "HNP — ",
        "HNP-",
        "HNP -",
        "(HNP) - ",
        "(HNP)– ",
        "( HNP ) — ",
        "hnp - ",
        "Hnp – ",
        "  HNP − ",
        "HNP: ",
        "HNP - HNP - ",
        "(HNP) - HNP – ",
    ],
)
def test_a_pasted_dateline_is_stripped(pasted):
    assert strip_dateline(pasted + TEXT, "HNP") == TEXT


@pytest.mark.parametrize(
    "lead",
    [
        TEXT,
        "HNPT - tên khác, không phải dòng đầu tin.",
        "Đại biểu HNP - nói về kỳ họp.",
        "HNP tổ chức hội nghị.",
    ],
)
def test_a_lead_without_the_dateline_is_left_alone(lead):
    assert strip_dateline(lead, "HNP") == lead


def test_the_dateline_follows_the_setting():
    assert strip_dateline("(TTXVN) – " + TEXT, "TTXVN") == TEXT
    assert strip_dateline("HNP - " + TEXT, "TTXVN") == "HNP - " + TEXT


def test_saving_in_the_admin_strips_it_and_says_so(client, journalist):
    client.force_login(journalist)
    response = client.post(ADD_URL + "add/", form_data(lead="(HNP) – " + TEXT), follow=True)
    article = Article.objects.get()
    assert article.lead == TEXT
    text = response.content.decode()
    assert "“HNP - ” đã được bỏ khỏi đầu sapo" in text


def test_no_message_when_there_was_no_dateline(client, journalist):
    client.force_login(journalist)
    response = client.post(ADD_URL + "add/", form_data(lead=TEXT), follow=True)
    assert Article.objects.get().lead == TEXT
    assert "đầu sapo" not in response.content.decode()


def test_a_lead_that_is_only_the_dateline_is_refused(client, journalist):
    client.force_login(journalist)
    response = client.post(ADD_URL + "add/", form_data(lead="HNP - ", title="Giữ tiêu đề"))
    assert response.status_code == 200
    assert not Article.objects.exists()
    text = response.content.decode()
    assert "Sapo chỉ có dòng đầu tin" in text
    assert 'value="Giữ tiêu đề"' in text


def test_every_save_strips_it_not_only_the_admin():
    article = ArticleFactory(lead="HNP – " + TEXT)
    assert article.lead == TEXT
    article.lead = "hnp-" + TEXT
    article.save(update_fields=["lead"])
    article.refresh_from_db()
    assert article.lead == TEXT


# --- a series part number that is taken ----------------------------------------------------


def test_a_taken_part_number_names_and_links_the_article_that_has_it(client, editor):
    series = SeriesFactory()
    holder = ArticleFactory(series=series, part_number=2, title="Tiếp xúc cử tri", published=True)
    client.force_login(editor)
    response = client.post(
        ADD_URL + "add/", form_data(series=series.pk, part_number=2, title="Bài mới")
    )
    assert response.status_code == 200
    assert Article.objects.count() == 1
    text = response.content.decode()
    assert (
        f'Bài 2 của loạt bài này đã là “<a href="{holder.get_absolute_url()}">Tiếp xúc cử tri</a>”'
        in text
    )
    assert "already exists" not in text
    assert "cần có số thứ tự" not in text  # one clear error, not two
    assert "đã tồn tại" not in text


def test_an_unpublished_holder_is_linked_in_the_admin_for_whom_may_open_it(client, journalist):
    series = SeriesFactory()
    holder = ArticleFactory(series=series, part_number=3, title="Bản nháp", created_by=journalist)
    client.force_login(journalist)
    response = client.post(ADD_URL + "add/", form_data(series=series.pk, part_number=3))
    assert f'<a href="{change_url(holder)}">Bản nháp</a>' in response.content.decode()


def test_someone_elses_draft_is_named_without_a_link(client, journalist):
    series = SeriesFactory()
    ArticleFactory(series=series, part_number=1, title="Bài của người khác")
    client.force_login(journalist)
    response = client.post(ADD_URL + "add/", form_data(series=series.pk, part_number=1))
    text = response.content.decode()
    assert "Bài 1 của loạt bài này đã là “Bài của người khác”" in text


def test_an_article_keeps_its_own_part_number(client, editor):
    series = SeriesFactory()
    article = ArticleFactory(series=series, part_number=1)
    client.force_login(editor)
    response = client.post(
        change_url(article), form_data(article, series=series.pk, part_number=1, title="Mới")
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Mới"


# --- the cover -------------------------------------------------------------------------------


def cover_upload(name="anh-bia.png"):
    return SimpleUploadedFile(name, png_bytes(600, 400), content_type="image/png")


def test_the_cover_chosen_with_a_taken_part_number_is_kept(client, editor, media_root):
    series = SeriesFactory()
    ArticleFactory(series=series, part_number=1)
    client.force_login(editor)
    data = form_data(series=series.pk, part_number=1, cover_alt="Hội trường", title="Bài có ảnh")
    response = client.post(ADD_URL + "add/", {**data, "cover_image": cover_upload()})
    text = response.content.decode()
    assert response.status_code == 200
    assert "Ảnh bạn đã chọn được giữ lại" in text
    token = re.search(r'name="cover_kept" value="([^"]+)"', text).group(1)
    kept = re.search(r'<img src="/media/(covers/[^"]+)"', text).group(1)
    assert (media_root / kept).exists()

    # Corrected, sent again without choosing the file: the article has the kept cover.
    response = client.post(ADD_URL + "add/", {**data, "part_number": 2, "cover_kept": token})
    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get(title="Bài có ảnh")
    assert article.cover_image.name == kept
    assert (article.cover_width, article.cover_height) == (600, 400)


def test_a_kept_cover_cannot_be_claimed_by_someone_else(client, editor, journalist):
    series = SeriesFactory()
    ArticleFactory(series=series, part_number=1)
    client.force_login(editor)
    data = form_data(series=series.pk, part_number=1, cover_alt="Ảnh")
    text = client.post(ADD_URL + "add/", {**data, "cover_image": cover_upload()}).content.decode()
    token = re.search(r'name="cover_kept" value="([^"]+)"', text).group(1)

    client.force_login(journalist)
    response = client.post(ADD_URL + "add/", {**form_data(title="Khác"), "cover_kept": token})
    assert response.status_code == 302
    assert not Article.objects.get(title="Khác").cover_image
    forged = client.post(ADD_URL + "add/", {**form_data(title="Giả"), "cover_kept": "covers/x.png"})
    assert forged.status_code == 302
    assert not Article.objects.get(title="Giả").cover_image


def test_the_cover_field_shows_a_thumbnail_not_a_file_name(client, editor):
    client.force_login(editor)
    data = form_data(cover_alt="Toàn cảnh hội trường", title="Có ảnh bìa")
    assert client.post(ADD_URL + "add/", {**data, "cover_image": cover_upload()}).status_code == 302
    article = Article.objects.get()
    text = client.get(change_url(article)).content.decode()
    field = text[text.index('class="cover-widget"') : text.index('type="file" name="cover_image"')]
    assert re.search(r'<img src="[^"]+\.webp" alt="Ảnh bìa hiện tại"', field)
    # The generated name appears only inside the link to the full picture, not as text.
    assert field.count(article.cover_image.name.rsplit("/", 1)[-1]) == 1
    assert "Xoá ảnh bìa" in field


def test_caption_and_alt_inputs_are_wide_enough_for_a_long_caption(client, editor):
    caption = (
        "Toàn cảnh kỳ họp thứ mười HĐND thành phố khóa XVI, nhiệm kỳ 2021-2026, "
        "tại hội trường trung tâm hội nghị thành phố."
    )
    assert len(caption) >= 115
    client.force_login(editor)
    text = client.get(ADD_URL + "add/").content.decode()
    assert re.search(r'<textarea name="cover_caption"[^>]*class="wide-input"', text)
    assert re.search(r'<input type="text" name="cover_alt"[^>]*class="wide-input"', text)
    data = form_data(cover_caption=caption.replace(" tại", "\n tại"), title="Chú thích dài")
    assert client.post(ADD_URL + "add/", data).status_code == 302
    assert Article.objects.get().cover_caption == caption


def test_a_submitted_article_shows_its_cover_as_a_thumbnail_to_its_journalist(client, journalist):
    article = ArticleFactory(created_by=journalist, status=Article.Status.REVIEW, cover_alt="Ảnh")
    article.cover_image.save("bia.png", SimpleUploadedFile("bia.png", png_bytes(600, 400)))
    client.force_login(journalist)
    text = client.get(change_url(article)).content.decode()
    field = text[text.index("field-cover_thumbnail") :][:1500]
    assert re.search(r'<img src="[^"]+\.webp" alt="Ảnh bìa hiện tại"', field)
    assert f">{article.cover_image.name}<" not in text
