from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Staff sign-in: the login throttle, the second factor and the session limits."""

    name = "accounts"
    verbose_name = _("Staff sign-in")

    def ready(self):
        from . import audit, middleware  # noqa: F401 - connects their signal receivers
