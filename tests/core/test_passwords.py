"""Passwords may not contain the site's name, and every refusal is said in Vietnamese."""

import pytest
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils import translation

from core.passwords import SiteWordsValidator, fold
from tests.factories import UserFactory


def refusal(password, user=None) -> list[str]:
    try:
        password_validation.validate_password(password, user)
    except ValidationError as exc:
        return exc.messages
    return []


def test_folding_drops_case_diacritics_and_punctuation():
    assert fold("Cổng thông tin HNP") == "congthongtinhnp"
    assert fold("Đồng-Nai_2026!") == "dongnai2026"


@pytest.mark.parametrize(
    "password",
    [
        "HNP-toasoan-2026",
        "my.hnp.account",
        "CongThongTinHnp!",
        "cổng thông tin hnp 99",
        "xhnpx1234567",
    ],
)
def test_the_site_name_is_refused_however_written(password):
    messages = refusal(password)
    assert any("tên của trang" in message for message in messages), messages


def test_site_name_and_dateline_come_from_the_settings(settings):
    settings.SITE_NAME = "Báo Đồng Nai"
    settings.SITE_DATELINE = "BĐN"
    validator = SiteWordsValidator(words=[])
    with pytest.raises(ValidationError):
        validator.validate("baodongnai-2026")
    with pytest.raises(ValidationError):
        validator.validate("xx-bdn-xx-2026")
    validator.validate("mat-khau-thu-nghiem")


def test_an_ordinary_long_password_passes():
    assert refusal("mat-khau-thu-nghiem") == []


@pytest.mark.django_db
def test_every_refusal_and_help_text_is_in_vietnamese():
    user = UserFactory(username="nguyenvanan", first_name="An", email="nguyenvanan@example.vn")
    bad = ["1234", "nguyenvanan1", "password", "12345678901", "HNP-2026-toasoan"]
    with translation.override("en"):
        english = [refusal(p, user) for p in bad]
        english_help = password_validation.password_validators_help_texts()
    with translation.override("vi"):
        vietnamese = [refusal(p, user) for p in bad]
        vietnamese_help = password_validation.password_validators_help_texts()
    assert all(vietnamese), vietnamese
    for en, vi in zip(english, vietnamese, strict=True):
        assert len(en) == len(vi)
        assert not set(en) & set(vi), vi
    assert len(vietnamese_help) == 5
    assert not set(english_help) & set(vietnamese_help), vietnamese_help
    assert "Mật khẩu quá ngắn: cần ít nhất" in " ".join(vietnamese[0])
