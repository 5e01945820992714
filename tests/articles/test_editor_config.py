"""CKEditor 5 gives journalists what an article needs and nothing that lets raw HTML in."""

from django.conf import settings


def test_toolbar_has_what_a_news_article_needs():
    items = settings.CKEDITOR_5_CONFIGS["default"]["toolbar"]["items"]
    for item in ("heading", "bold", "italic", "link", "bulletedList", "numberedList",
                 "blockQuote", "insertTable", "uploadImage"):  # fmt: skip
        assert item in items
    assert "toggleImageCaption" in settings.CKEDITOR_5_CONFIGS["default"]["image"]["toolbar"]


def test_raw_html_features_are_off():
    config = settings.CKEDITOR_5_CONFIGS["default"]
    removed = set(config["removePlugins"])
    assert {"SourceEditing", "HtmlEmbed", "GeneralHtmlSupport", "Markdown", "FullPage"} <= removed
    for item in ("sourceEditing", "htmlEmbed", "mediaEmbed", "codeBlock"):
        assert item not in config["toolbar"]["items"]


def test_uploads_go_through_our_view():
    assert settings.CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME == "articles:image_upload"


def test_the_librarys_own_upload_view_is_not_reachable():
    import pytest
    from django.urls import NoReverseMatch, reverse

    with pytest.raises(NoReverseMatch):
        reverse("ck_editor_5_upload_file")
