"""The second factor: an authenticator app (TOTP), or one of ten one-time recovery codes.

Between the right password and the right code the session holds a *pending* login: who,
through which backend, and where to go next. Nobody is signed in during that step, so a
password alone never reaches the admin, the previews or the uploads. django-otp keeps the
devices, refuses a TOTP code used twice and slows down guessing (1, 2, 4, … seconds).
"""

import re
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp import user_has_device
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

PENDING_KEY = "accounts.pending_login"
# Long enough to install an authenticator app at the first login.
PENDING_SECONDS = 10 * 60
RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "authenticator"
RECOVERY_DEVICE_NAME = "recovery codes"


def second_factor_needed(user) -> bool:
    """Staff need one when STAFF_2FA_REQUIRED is on; whoever set one up always uses it."""
    return (settings.STAFF_2FA_REQUIRED and user.is_staff) or user_has_device(user)


def has_authenticator(user) -> bool:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


# --- the pending login ------------------------------------------------------------------


def start_pending_login(request, *, user, next_url: str) -> None:
    """Remember a user whose password was right, until the second factor is given."""
    request.session.cycle_key()
    request.session[PENDING_KEY] = {
        "user": user.pk,
        "backend": user.backend,
        # A password changed meanwhile ends the pending login, as it ends sessions.
        "hash": user.get_session_auth_hash(),
        "at": time.time(),
        "next": next_url,
    }


def pending_user(request):
    """The user of a pending login that is still valid, or None."""
    data = request.session.get(PENDING_KEY)
    if not data:
        return None
    user = None
    if time.time() - data["at"] <= PENDING_SECONDS:
        user = get_user_model()._default_manager.filter(pk=data["user"], is_active=True).first()
    if user is None or not constant_time_compare(user.get_session_auth_hash(), data["hash"]):
        drop_pending_login(request)
        return None
    return user


def drop_pending_login(request) -> None:
    request.session.pop(PENDING_KEY, None)


def finish_login(request, *, user, device: Device) -> str:
    """Sign the pending user in, verified by `device`; returns where to go next."""
    data = request.session.pop(PENDING_KEY)
    # django-otp's user_logged_in receiver records the device in the session (otp_login).
    user.otp_device = device
    auth_login(request, user, backend=data["backend"])
    return data["next"]


# --- setting up and checking codes ------------------------------------------------------


def normalise_code(code: str) -> str:
    """People copy codes with spaces or dashes, and in capitals."""
    return re.sub(r"[\s-]+", "", code).lower()


def enrolment_device(*, user) -> TOTPDevice:
    """The authenticator being set up: unconfirmed, the same secret across reloads."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def confirm_authenticator(*, device: TOTPDevice, code: str) -> list[str]:
    """Accept the authenticator once it shows a right code; returns new recovery codes."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        allowed, details = device.verify_is_allowed()
        accepted = allowed and device.verify_token(normalise_code(code))
        if accepted:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
            codes = replace_recovery_codes(user=device.user)
    if not allowed:
        raise _slowed_down(details)
    if not accepted:
        raise ValidationError(
            _("That code is not right. Check the time on your phone and type the newest code."),
            code="wrong_code",
        )
    return codes


def replace_recovery_codes(*, user) -> list[str]:
    """Ten new one-time codes; the old ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = set()
    while len(codes) < RECOVERY_CODE_COUNT:
        codes.add(StaticToken.random_token())
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return sorted(codes)


def verify_second_factor(*, user, code: str) -> Device:
    """The device that accepts `code`: six digits are the app's, anything else a recovery
    code (used up by this). Raises ValidationError, saying how long to wait when slowed."""
    code = normalise_code(code)
    model = TOTPDevice if re.fullmatch(r"\d{6}", code) else StaticDevice
    slowed = accepted = None
    with transaction.atomic():
        for device in model.objects.devices_for_user(user, confirmed=True).select_for_update():
            allowed, details = device.verify_is_allowed()
            if not allowed:
                slowed = details
            elif device.verify_token(code):
                accepted = device
                break
    if accepted is not None:
        return accepted
    if slowed is not None:
        raise _slowed_down(slowed)
    raise ValidationError(_("That code is not right."), code="wrong_code")


def _slowed_down(details) -> ValidationError:
    """django-otp refuses to check a code this soon after a wrong one: say for how long."""
    wait_until = (details or {}).get("locked_until")
    seconds = max(1, int((wait_until - timezone.now()).total_seconds()) + 1) if wait_until else 1
    return ValidationError(
        ngettext(
            "Too many wrong codes. Wait %(seconds)d second and try again.",
            "Too many wrong codes. Wait %(seconds)d seconds and try again.",
            seconds,
        ),
        code="throttled",
        params={"seconds": seconds},
    )


def recovery_codes_left(*, user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
