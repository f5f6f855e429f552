"""Dependency audit for CI: pip-audit over the installed environment, every finding explained or the run fails.

- A known vulnerability fails the run unless its ID is listed, with the reason, in docs/security.md
  (a line ``- GHSA-xxxx / PYSEC-xxxx: reason``).
- Packages the vulnerability service could not be asked about (this workplace reaches PyPI's package index but
  not its JSON API or OSV) are counted and reported on one line, so a silent "no findings" is never mistaken for
  a clean audit.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    res = subprocess.run([sys.executable, "-m", "pip_audit", "-f", "json", "--progress-spinner", "off", "-l"],
                         capture_output=True, text=True)
    try:
        report = json.loads(res.stdout or "{}")
    except json.JSONDecodeError:
        print(f"audit: pip-audit gave no report (exit {res.returncode}): {res.stderr.strip()[-300:]}")
        return 0 if "Connection" in res.stderr or "resolve" in res.stderr else 1
    explained = set(re.findall(r"^- ((?:GHSA|PYSEC|CVE)-[\w-]+)", (ROOT / "docs" / "security.md").read_text(), re.M))
    deps = report.get("dependencies", [])
    skipped = [d["name"] for d in deps if d.get("skip_reason")]
    audited = [d for d in deps if not d.get("skip_reason")]
    unexplained = []
    for d in audited:
        for v in d.get("vulns", []):
            ids = {v["id"], *v.get("aliases", [])}
            status = "explained" if ids & explained else "UNEXPLAINED"
            print(f"audit: {d['name']} {d['version']}: {v['id']} ({status}) fix: {', '.join(v.get('fix_versions', [])) or '-'}")
            if status == "UNEXPLAINED":
                unexplained.append(v["id"])
    print(f"audit: {len(audited)} packages audited, {len(unexplained)} unexplained vulnerabilities; "
          f"{len(skipped)} could not be audited (vulnerability service unreachable from this machine)")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
