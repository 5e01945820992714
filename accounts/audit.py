"""One log line for each login, refused login and lockout; never a password or a code.

Refused passwords are logged without the username (people type their password into it by
mistake); a refused second factor names the account, whose password was right.
"""

import logging

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django_otp.plugins.otp_static.models import StaticDevice

from core.net import client_ip

log = logging.getLogger(__name__)

# The sender of user_login_failed for a refused second-factor code.
SECOND_FACTOR = "accounts.second_factor"


def second_factor_kind(user) -> str:
    device = getattr(user, "otp_device", None)
    if device is None:
        return "none"
    return "recovery code" if isinstance(device, StaticDevice) else "authenticator"


@receiver(user_logged_in, dispatch_uid="accounts.audit.logged_in")
def log_login(sender, request, user, **kwargs):
    log.info(
        "login: user=%s ip=%s second_factor=%s",
        user.get_username(),
        client_ip(request),
        second_factor_kind(user),
    )


@receiver(user_login_failed, dispatch_uid="accounts.audit.login_failed")
def log_login_failure(sender, credentials, request=None, **kwargs):
    address = client_ip(request) if request is not None else "-"
    if sender == SECOND_FACTOR:
        log.warning(
            "login refused: second factor, user=%s ip=%s", credentials.get("username"), address
        )
    else:
        log.warning("login refused: password, ip=%s", address)


@receiver(user_locked_out, dispatch_uid="accounts.audit.locked_out")
def log_lockout(sender, request, username, ip_address, **kwargs):
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    log.warning("login locked: user=%s ip=%s minutes=%d", username, ip_address, minutes)
