"""The core never imports Textual: only reader.tui may."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "reader"
CORE_MODULES = [
    p for p in ROOT.rglob("*.py")
    if "tui" not in p.relative_to(ROOT).parts
]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_sources_never_import_textual() -> None:
    offenders = {}
    for path in CORE_MODULES:
        if path.relative_to(ROOT).parts[0] == "commands" and path.stem == "open":
            continue  # the one command that starts the app imports reader.tui lazily
        bad = {n for n in _imports(path) if n.split(".")[0] == "textual" or n.startswith("reader.tui")}
        if bad:
            offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert not offenders, f"core modules import the UI: {offenders}"


def test_importing_the_core_does_not_load_textual() -> None:
    packages = sorted({
        "reader." + ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for p in CORE_MODULES if p.stem != "__main__"
    })
    code = (
        "import importlib, sys\n"
        f"for name in {packages!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"textual was loaded by the core: {out.stdout.strip()}"
