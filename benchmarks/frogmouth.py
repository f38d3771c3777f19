"""Install frogmouth 0.9.2 into a virtual environment of its own (it pins an old Textual).

It never goes into reader's environment: the venv lives in ``benchmarks/.cache/frogmouth-venv``
(git-ignored) and is made once with ``python3 -m venv`` and ``pip install frogmouth==0.9.2``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

VERSION = "0.9.2"
INSTALL_TIMEOUT = 900.0


def installed_version(venv: Path) -> str | None:
    """The frogmouth version in ``venv``, or None when it is not (properly) there."""
    python = venv / "bin" / "python"
    if not (python.exists() and (venv / "bin" / "frogmouth").exists()):
        return None
    probe = subprocess.run(
        [str(python), "-c", "import importlib.metadata as m; print(m.version('frogmouth'))"],
        capture_output=True, text=True, timeout=60,
    )
    return probe.stdout.strip() if probe.returncode == 0 else None


def ensure(venv: Path, log: Path) -> tuple[Path | None, str]:
    """Return (frogmouth executable, "") or (None, why it could not be installed)."""
    if installed_version(venv) == VERSION:
        return venv / "bin" / "frogmouth", ""
    base = shutil.which("python3") or sys.executable
    log.parent.mkdir(parents=True, exist_ok=True)
    print(f"benchmarks: installing frogmouth {VERSION} into {venv} (once; log in {log})", file=sys.stderr)
    steps = [
        [base, "-m", "venv", "--clear", str(venv)],
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", f"frogmouth=={VERSION}"],
    ]
    with log.open("w", encoding="utf-8") as handle:
        for step in steps:
            try:
                done = subprocess.run(step, stdout=handle, stderr=subprocess.STDOUT, timeout=INSTALL_TIMEOUT)
            except subprocess.TimeoutExpired:
                return None, f"installing frogmouth {VERSION} timed out after {INSTALL_TIMEOUT:g} s"
            except OSError as exc:
                return None, f"could not run {step[0]}: {exc}"
            if done.returncode != 0:
                return None, f"'{' '.join(step[-3:])}' failed (exit {done.returncode}); see {log}"
    if installed_version(venv) != VERSION:
        return None, f"frogmouth {VERSION} did not install cleanly; see {log}"
    return venv / "bin" / "frogmouth", ""
