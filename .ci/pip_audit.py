"""Known vulnerabilities in the pinned dependencies (constraints.txt), with pip-audit.

Fails (exit 1) when a pinned version has a known vulnerability. When pip-audit cannot ask
its vulnerability service (no network, a registry mirror without PyPI's JSON API), it says
so plainly and does not fail: that is the machine's limit, not the project's.

    python3 .ci/pip_audit.py .venv/bin/pip-audit constraints.txt
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path


def summarise(report: dict | None, errors: str) -> tuple[int, str]:
    """(exit status, what to print) for pip-audit's JSON report, or None if it wrote none."""
    if report is None:
        last = errors.strip().splitlines()[-3:] if errors.strip() else ["(no output)"]
        return 0, (
            "pip-audit could not reach its vulnerability service from this machine; "
            "the dependencies were NOT audited (not a failure of the project).\n  "
            + "\n  ".join(last)
        )
    dependencies = report.get("dependencies", [])
    vulnerable = [d for d in dependencies if d.get("vulns")]
    skipped = [d for d in dependencies if d.get("skip_reason")]
    if vulnerable:
        lines = [f"Known vulnerabilities in {len(vulnerable)} pinned package(s):"]
        for dependency in vulnerable:
            for vuln in dependency["vulns"]:
                fixed = ", ".join(vuln.get("fix_versions") or []) or "no fixed version yet"
                lines.append(
                    f"  {dependency['name']} {dependency.get('version', '?')}: {vuln['id']}"
                    f" (fixed in: {fixed})"
                )
        if skipped:
            lines.append(f"  ({len(skipped)} package(s) could not be audited.)")
        return 1, "\n".join(lines)
    audited = len(dependencies) - len(skipped)
    if dependencies and audited == 0:
        return 0, (
            "pip-audit could not reach its vulnerability service from this machine: none of "
            f"the {len(dependencies)} pinned packages could be looked up, so they were NOT "
            "audited (not a failure of the project). First reason given: "
            + skipped[0]["skip_reason"]
        )
    message = f"No known vulnerabilities in {audited} audited pinned package(s)."
    if skipped:
        names = ", ".join(d["name"] for d in skipped)
        message += f" Not audited (not found by the service): {names}."
    return 0, message


def main(pip_audit: str, requirements: str) -> int:
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "report.json"
        result = subprocess.run(  # noqa: S603 - our own venv's pip-audit
            [
                pip_audit,
                "--requirement",
                requirements,
                # Every line is pinned with ==: audit exactly those, install nothing.
                "--no-deps",
                "--disable-pip",
                "--progress-spinner",
                "off",
                "--format",
                "json",
                "--output",
                str(output),
            ],
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        try:
            report = json.loads(output.read_text())
        except (OSError, ValueError):
            report = None
    status, message = summarise(report, result.stderr)
    print(message)
    return status


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
