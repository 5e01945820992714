"""`gunicorn hnp.wsgi` serves a complete site: static files with hashed, compressed names."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_collected_static_files_are_hashed_compressed_and_served_by_the_app(tmp_path):
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "hnp.settings",
        "DEBUG": "0",
        "SECRET_KEY": "static-test-key-" + "z" * 50,
        "ALLOWED_HOSTS": "testserver",
        "STATIC_ROOT": str(tmp_path),
    }
    collect = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert collect.returncode == 0, collect.stderr
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    hashed_css = manifest["css/site.css"]
    assert hashed_css != "css/site.css"
    assert (tmp_path / (hashed_css + ".gz")).exists()

    script = (
        "import django, json; django.setup()\n"
        "from django.test import Client\n"
        "c = Client()\n"
        f"r = c.get('/static/{hashed_css}', secure=True)\n"
        "body = b''.join(r.streaming_content) if r.streaming else r.content\n"
        "print(json.dumps([r.status_code, r.get('Cache-Control', ''), len(body)]))\n"
    )
    served = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert served.returncode == 0, served.stderr
    status, cache_control, size = json.loads(served.stdout.strip().splitlines()[-1])
    assert status == 200
    assert "immutable" in cache_control
    assert size > 1000
