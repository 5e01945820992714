"""CI's dependency audit fails on a known vulnerability, and only says so (without failing)
when pip-audit cannot reach its vulnerability service."""

import importlib.util
import json
import stat
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("ci_pip_audit", ROOT / ".ci" / "pip_audit.py")
ci_pip_audit = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ci_pip_audit)

VULNERABLE = {
    "dependencies": [
        {
            "name": "django",
            "version": "5.2.0",
            "vulns": [{"id": "PYSEC-1", "fix_versions": ["5.2.1"]}],
        },
        {"name": "nh3", "version": "0.3.8", "vulns": []},
    ]
}
CLEAN = {"dependencies": [{"name": "django", "version": "5.2.19", "vulns": []}]}
UNREACHABLE = {
    "dependencies": [
        {"name": "django", "skip_reason": "Dependency not found on PyPI and could not be audited"},
        {"name": "nh3", "skip_reason": "Dependency not found on PyPI and could not be audited"},
    ]
}


def test_a_known_vulnerability_fails():
    status, message = ci_pip_audit.summarise(VULNERABLE, "")
    assert status == 1
    assert "django 5.2.0: PYSEC-1 (fixed in: 5.2.1)" in message


def test_no_vulnerability_passes():
    assert ci_pip_audit.summarise(CLEAN, "") == (
        0,
        "No known vulnerabilities in 1 audited pinned package(s).",
    )


@pytest.mark.parametrize(
    ("report", "errors"),
    [(UNREACHABLE, ""), (None, "requests.exceptions.ConnectionError: pypi.org")],
)
def test_an_unreachable_service_is_reported_plainly_and_does_not_fail(report, errors):
    status, message = ci_pip_audit.summarise(report, errors)
    assert status == 0
    assert "could not reach its vulnerability service" in message
    assert "NOT audited" in message


def _fake_pip_audit(tmp_path, report: dict | None) -> str:
    script = tmp_path / "pip-audit"
    body = (
        ""
        if report is None
        else f"Path(args[args.index('--output') + 1]).write_text({json.dumps(report)!r})"
    )
    script.write_text(
        f"#!{sys.executable}\nimport sys\nfrom pathlib import Path\nargs = sys.argv\n{body}\n"
        "sys.exit(1)\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


def test_the_step_runs_pip_audit_on_the_pins_and_fails_on_its_findings(tmp_path, capsys):
    assert ci_pip_audit.main(_fake_pip_audit(tmp_path, VULNERABLE), "constraints.txt") == 1
    assert "PYSEC-1" in capsys.readouterr().out
    assert ci_pip_audit.main(_fake_pip_audit(tmp_path, None), "constraints.txt") == 0


def test_ci_runs_the_step():
    assert (
        ".ci/pip_audit.py .venv/bin/pip-audit constraints.txt" in (ROOT / ".ci" / "run").read_text()
    )
