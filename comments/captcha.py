"""The comment captcha: five digits, one attempt per challenge, errors in Vietnamese.

Challenges are rows of django-simple-captcha's CaptchaStore. They are created only by
`new_captcha()`, which views call on purpose, never as a side effect of rendering a form,
so the article page itself writes nothing.
"""

import re
import secrets

from captcha.conf import settings as captcha_settings
from captcha.models import CaptchaStore
from django import forms
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .captcha_audio import audio_available

DIGITS = 5
# CaptchaStore's keys are SHA-1 hex digests (CaptchaStore.save): anything else is not one
# of ours, and is refused before it reaches the database (PostgreSQL refuses NUL bytes).
_KEY_RE = re.compile(r"[0-9a-f]{40}")


def five_digits() -> tuple[str, str]:
    """The challenge drawn in the image and its answer: five digits, as on the reference portal."""
    answer = "".join(secrets.choice("0123456789") for _ in range(DIGITS))
    return answer, answer


def new_captcha() -> dict:
    """A fresh challenge: its key, image addresses (1x and 2x) and, where espeak-ng is
    installed, the address of the same digits spoken (empty otherwise)."""
    key = CaptchaStore.generate_key()
    return {
        "key": key,
        "image_url": reverse("captcha-image", kwargs={"key": key}),
        "image_2x_url": reverse("captcha-image-2x", kwargs={"key": key}),
        "audio_url": reverse("comments:captcha-audio", kwargs={"key": key})
        if audio_available()
        else "",
    }


def is_captcha_key(key: str) -> bool:
    return _KEY_RE.fullmatch(key) is not None


def _used_marker(key: str) -> str:
    return f"comments:captcha-used:{key}"


def was_used(key: str) -> bool:
    """The challenge was answered (right or wrong) within its lifetime: its audio is gone
    (410), not unknown (404)."""
    return bool(cache.get(_used_marker(key)))


class CaptchaWidget(forms.MultiWidget):
    """Reads `captcha_0` (key) and `captcha_1` (answer); templates draw the inputs themselves."""

    def __init__(self, attrs=None):
        super().__init__([forms.HiddenInput(), forms.TextInput()], attrs)

    def decompress(self, value):
        return value.split(",", 1) if value else [None, None]


class CaptchaField(forms.MultiValueField):
    widget = CaptchaWidget
    default_error_messages = {
        "required": _("Type the five digits shown in the picture."),
        "invalid": _("The code does not match the picture. Type the new code."),
        "expired": _("The code has expired. Type the new code below."),
        "used": _("This code has already been used. Type the new code below."),
    }

    def __init__(self, **kwargs):
        super().__init__(
            fields=(forms.CharField(), forms.CharField()), require_all_fields=True, **kwargs
        )

    def compress(self, data_list):
        return ",".join(data_list) if data_list else ""

    def clean(self, value):
        key, answer = (list(value or []) + [None, None])[:2]
        key, answer = (key or "").strip(), (answer or "").strip().lower()
        if not answer:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if not _KEY_RE.fullmatch(key):
            raise forms.ValidationError(self.error_messages["used"], code="used")
        if captcha_settings.CAPTCHA_TEST_MODE and answer == "passed":
            CaptchaStore.objects.filter(hashkey=key).delete()
            _mark_used(key)
            return f"{key},{answer}"
        store = CaptchaStore.objects.filter(hashkey=key).first()
        # One attempt per challenge, right or wrong: guessing needs a new captcha each time,
        # and those are rate-limited. Deleting is the attempt: of several requests reading
        # the same challenge at once, only the one whose DELETE removed the row goes on.
        if store is None or not consume(store):
            raise forms.ValidationError(self.error_messages["used"], code="used")
        if store.expiration <= timezone.now():
            raise forms.ValidationError(self.error_messages["expired"], code="expired")
        if store.response != answer:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return f"{key},{answer}"


def consume(store: CaptchaStore) -> bool:
    """Delete a challenge; True only for the one caller whose DELETE removed the row."""
    deleted, _per_model = CaptchaStore.objects.filter(pk=store.pk).delete()
    if deleted == 1:
        _mark_used(store.hashkey)
    return deleted == 1


def _mark_used(key: str) -> None:
    cache.set(_used_marker(key), 1, captcha_settings.CAPTCHA_TIMEOUT * 60)
