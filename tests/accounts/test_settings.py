"""The sign-in settings come from the environment, with production's defaults."""

from tests.core.test_settings import STRONG_KEY, settings_json

NAMES = "[settings.STAFF_2FA_REQUIRED, settings.STAFF_SESSION_IDLE_SECONDS, settings.STAFF_SESSION_MAX_SECONDS]"


def test_production_requires_the_second_factor_and_limits_sessions():
    assert settings_json({"SECRET_KEY": STRONG_KEY}, NAMES) == [True, 1800, 43200]


def test_development_does_not_require_the_second_factor():
    assert settings_json({"DEBUG": "1"}, NAMES)[0] is False


def test_the_environment_sets_them():
    env = {
        "SECRET_KEY": STRONG_KEY,
        "STAFF_2FA_REQUIRED": "0",
        "STAFF_SESSION_IDLE_SECONDS": "900",
        "STAFF_SESSION_MAX_SECONDS": "28800",
    }
    assert settings_json(env, NAMES + " + [settings.SESSION_COOKIE_AGE]") == [
        False,
        900,
        28800,
        28800,
    ]
