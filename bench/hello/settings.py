"""The smallest Django project that answers HTTP: the benchmarks' baseline.

What the HNP site costs is read against this: same Python, same Django, same gunicorn
settings, one view, no database, no middleware, no templates.
"""

import os

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "hello-world-baseline-not-a-secret")
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
ROOT_URLCONF = "hello.urls"
WSGI_APPLICATION = "hello.wsgi.application"
INSTALLED_APPS = []
MIDDLEWARE = []
DATABASES = {}
USE_TZ = True
