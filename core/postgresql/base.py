"""Django's PostgreSQL backend with a health check that costs no round trip.

Django checks a kept connection before each request reuses it (CONN_HEALTH_CHECKS) by
running `SELECT 1`: one round trip to the server on every request, as long as a whole page
built from kept fragments. An idle connection has nothing to read unless the server ended
it (a restart, a terminated backend, an idle timeout): its notice or the closed socket makes
it readable. So a connection whose socket has nothing to read is usable, and only one that
has is given Django's full check.
"""

import select

from django.db.backends.postgresql import base


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self):
        connection = self.connection
        if connection is None or connection.closed:
            return False
        try:
            poller = select.poll()
            poller.register(connection.fileno(), select.POLLIN)
            readable = poller.poll(0)
        except (OSError, ValueError):
            return False
        return not readable or super().is_usable()
