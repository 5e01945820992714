import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hnp.settings")
# As django.core.wsgi.get_wsgi_application(), with the site's handler.
django.setup(set_prefix=False)

from core.handlers import WSGIHandler  # noqa: E402 - needs the apps set up

application = WSGIHandler()
