"""Logging helpers wired in settings.LOGGING."""

import logging


class ClientErrorsOneLine(logging.Filter):
    """A refused request (403, 404, 400, 413 …) is logged in one line, without traceback.

    Django logs a PermissionDenied, Http404, BadRequest or SuspiciousOperation at WARNING
    with the whole traceback of where it was raised: tens of lines per probe of the admin or
    per hand-made request, which bury the lines that matter. The request's status and path
    stay in the message; tracebacks remain for server errors (5xx)."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if (
            record.exc_info
            and isinstance(status, int)
            and 400 <= status < 500
            and record.name.startswith(("django.request", "django.security"))
        ):
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True
