"""Password rules of our own, and the Vietnamese texts of Django's that its catalogue lacks."""

import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

# MinimumLengthValidator's error has no Vietnamese in Django's catalogue (its help text
# has); listed here so our catalogue (hnp/locale/vi), which takes precedence, carries it.
DJANGO_GAPS = (
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
    ),
)


def fold(text: str) -> str:
    """Lower case, without diacritics, spaces or punctuation: "Cổng thông tin" -> "congthongtin"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"[\W_]+", "", bare.casefold())


class SiteWordsValidator:
    """Refuses passwords that contain the site's own name: the first words an attacker
    tries against it. The words come from OPTIONS and from SITE_NAME and SITE_DATELINE,
    compared folded, so "Hnp-2026" and "congthongtinHNP" are refused alike."""

    def __init__(self, words=("HNP",)):
        self.words = list(words)

    def site_words(self) -> dict[str, str]:
        """{folded: as written}, for every word that is long enough to mean something."""
        written = [*self.words, settings.SITE_NAME, settings.SITE_DATELINE]
        return {fold(word): word for word in written if len(fold(word)) >= 3}

    def validate(self, password, user=None):
        folded = fold(password)
        for word, as_written in self.site_words().items():
            if word in folded:
                raise ValidationError(
                    _("This password contains the name of the site (“%(word)s”)."),
                    code="password_contains_site_name",
                    params={"word": as_written},
                )

    def get_help_text(self):
        return _("Your password can’t contain the name of the site.")
