"""The deployment shipped in deploy/: what it names exists, and it says what the README says."""

import configparser
import importlib.util
import multiprocessing
import os
import re
import runpy
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
SYSTEMD = DEPLOY / "systemd"

# README "Scheduled jobs": command → how often.
JOBS = {
    "flush_view_counts": "minutely",
    "send_comment_digest": "*:0/5",
    "captcha_clean": "hourly",
    "purge_comment_personal_data": "*-*-* 03:10:00",
    "axes_reset_logs": "weekly",
}


def unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read_string(path.read_text())
    return parser


def test_gunicorn_workers_follow_the_cpu_count_and_the_access_log_keeps_no_personal_data(
    monkeypatch,
):
    monkeypatch.delenv("GUNICORN_WORKERS", raising=False)
    config = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    assert config["workers"] == multiprocessing.cpu_count() * 2 + 1
    assert config["wsgi_app"] == "hnp.wsgi:application"
    assert Path(config["chdir"]) == ROOT
    assert config["timeout"] == 30
    # No address (h), request line with its query string (r), query (q), referrer (f),
    # user agent (a) or any request header ({…}i).
    log_format = config["access_log_format"]
    assert not re.search(r"%\((h|r|q|f|a|\{[^}]*\}i)\)s", log_format), log_format
    assert "%(U)s" in log_format

    monkeypatch.setenv("GUNICORN_WORKERS", "3")
    assert runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))["workers"] == 3
    # As copied from .env.example: empty means the default.
    monkeypatch.setenv("GUNICORN_WORKERS", "")
    monkeypatch.setenv("GUNICORN_BIND", "")
    config = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    assert (config["workers"], config["bind"]) == (
        multiprocessing.cpu_count() * 2 + 1,
        "127.0.0.1:8000",
    )


def test_each_scheduled_job_has_a_timer_that_runs_a_real_command_on_the_readmes_schedule():
    commands = get_commands()
    found = {}
    for timer_path in sorted(SYSTEMD.glob("hnp-*.timer")):
        service_path = timer_path.with_suffix(".service")
        assert service_path.exists(), f"{timer_path.name} has no {service_path.name}"
        service = unit(service_path)
        assert service["Service"]["Type"] == "oneshot"
        assert service["Service"]["User"] == "hnp"
        assert service["Service"]["EnvironmentFile"] == "/srv/hnp/.env"
        command = service["Service"]["ExecStart"].split()
        if command[0].endswith("/hnp-backup"):
            assert (DEPLOY / "backup" / "hnp-backup").stat().st_mode & 0o111
            continue
        assert command[:2] == ["/srv/hnp/.venv/bin/python", "/srv/hnp/manage.py"]
        assert command[2] in commands, f"{service_path.name}: no command {command[2]}"
        found[command[2]] = unit(timer_path)["Timer"]["OnCalendar"]
    assert found == JOBS
    readme = (ROOT / "README.md").read_text()
    for command in JOBS:
        assert f"hnp-{command}" in readme or command in readme


def test_the_app_service_runs_gunicorn_with_the_shipped_configuration():
    service = unit(SYSTEMD / "hnp.service")["Service"]
    assert service["ExecStart"] == (
        "/srv/hnp/.venv/bin/gunicorn -c /srv/hnp/deploy/gunicorn.conf.py"
    )
    assert service["Type"] == "notify"
    # Longer than gunicorn's graceful_timeout: workers hand on their buffered views.
    assert int(service["TimeoutStopSec"]) > 30
    assert service["KillMode"] == "mixed"


def test_every_setting_is_in_env_example_and_the_readme():
    example = (ROOT / ".env.example").read_text()
    readme = (ROOT / "README.md").read_text()
    names = re.findall(r"^([A-Z][A-Z0-9_]+)=", example, re.MULTILINE)
    for name in ("AWS_STORAGE_BUCKET_NAME", "AWS_ACCESS_KEY_ID", "GUNICORN_WORKERS"):
        assert name in names
    missing = [name for name in names if f"`{name}`" not in readme]
    assert not missing, f"README's configuration table lacks {missing}"


def test_the_nginx_site_is_valid(tmp_path):
    nginx = shutil.which("nginx") or (
        "/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None
    )
    if not nginx or not shutil.which("openssl"):
        pytest.skip("nginx and openssl check the site file (make bench installs them)")
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    for sub in ("tls", "work", "cache", "static", "media"):
        (tmp_path / sub).mkdir()
    subprocess.run(
        [shutil.which("openssl"), "req", "-x509", "-nodes", "-days", "1", "-subj", "/CN=x",
         "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-keyout", str(tmp_path / "tls" / "privkey.pem"),
         "-out", str(tmp_path / "tls" / "fullchain.pem")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    site = bench.nginx_site(
        (DEPLOY / "nginx" / "hnp.conf").read_text(),
        dir=tmp_path,
        upstream="127.0.0.1:9",
        https_port=bench.free_port(),
        http_port=bench.free_port(),
        static_root=str(tmp_path / "static"),
        media_root=str(tmp_path / "media"),
    )
    (tmp_path / "hnp.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n client_body_temp_path {tmp_path}/work;\n proxy_temp_path {tmp_path}/work;\n"
        f" include {tmp_path}/hnp.conf;\n}}\n"
    )
    result = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"), "-e",
         str(tmp_path / "error.log")],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
