"""Signed-in sessions (only staff sign in) end after STAFF_SESSION_IDLE_SECONDS without a
request and STAFF_SESSION_MAX_SECONDS after the login; and, while STAFF_2FA_REQUIRED is on,
a staff session that never passed the second factor (one from before it was required)."""

import logging
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp import DEVICE_ID_SESSION_KEY

log = logging.getLogger(__name__)

SIGNED_IN_AT = "accounts.signed_in_at"
SEEN_AT = "accounts.seen_at"
# The last-seen time is written at most this often: not a session write on every click.
SEEN_PRECISION_SECONDS = 60


@receiver(user_logged_in, dispatch_uid="accounts.session_started")
def remember_login_time(sender, request, user, **kwargs):
    now = time.time()
    request.session[SIGNED_IN_AT] = now
    request.session[SEEN_AT] = now


def session_end_reason(request) -> tuple[str, str] | None:
    """(log word, message for the person) when this signed-in session must end."""
    session, now = request.session, time.time()
    # Sessions from before these limits carry no times: they start counting now.
    signed_in_at = session.setdefault(SIGNED_IN_AT, now)
    seen_at = session.get(SEEN_AT, signed_in_at)
    if now - signed_in_at > settings.STAFF_SESSION_MAX_SECONDS:
        hours = max(1, settings.STAFF_SESSION_MAX_SECONDS // 3600)
        return "lifetime", ngettext(
            "You were logged out: a session lasts at most %(hours)d hour. Please log in again.",
            "You were logged out: a session lasts at most %(hours)d hours. Please log in again.",
            hours,
        ) % {"hours": hours}
    if now - seen_at > settings.STAFF_SESSION_IDLE_SECONDS:
        minutes = max(1, settings.STAFF_SESSION_IDLE_SECONDS // 60)
        return "idle", ngettext(
            "You were logged out after %(minutes)d minute without activity. Please log in again.",
            "You were logged out after %(minutes)d minutes without activity. Please log in again.",
            minutes,
        ) % {"minutes": minutes}
    if (
        settings.STAFF_2FA_REQUIRED
        and DEVICE_ID_SESSION_KEY not in session
        and request.user.is_staff
    ):
        return "no second factor", _("Please log in again: two-step verification is required.")
    if now - seen_at >= SEEN_PRECISION_SECONDS:
        session[SEEN_AT] = now
    return None


class StaffSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Readers have no session cookie; looking into an empty session would add
        # "Vary: Cookie" to every page.
        if settings.SESSION_COOKIE_NAME in request.COOKIES and SESSION_KEY in request.session:
            ended = session_end_reason(request)
            if ended is not None:
                reason, message = ended
                log.info("session ended: user=%s reason=%s", request.user.get_username(), reason)
                logout(request)
                messages.info(request, message)
        return self.get_response(request)
