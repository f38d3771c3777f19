"""The suite never touches the real home, config, data, cache, state or documents folders.

``tests/conftest.py`` points them all into one temp folder for the session. These tests prove it
where it matters: every folder the app can write resolves inside the sandbox, in this process and
in a ``reader`` subprocess, and the app's export key with no ``export_dir`` setting (what wrote
``vanishing-*.md`` into the real ``~/Documents/reader-notes``) writes into the sandbox.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import platformdirs

from tests.conftest import REAL_HOME

PRINT_FOLDERS = """
import json, os, pathlib, platformdirs
from reader.store.paths import default_db_path
from reader.themes import user_themes_dir
from reader.services.exports import default_export_dir
print(json.dumps({
    "home": str(pathlib.Path.home()), "tilde": os.path.expanduser("~"),
    "data": platformdirs.user_data_dir("reader"), "config": platformdirs.user_config_dir("reader"),
    "cache": platformdirs.user_cache_dir("reader"), "state": platformdirs.user_state_dir("reader"),
    "log": platformdirs.user_log_dir("reader"), "documents": platformdirs.user_documents_dir(),
    "downloads": platformdirs.user_downloads_dir(),
    "library": str(default_db_path()), "themes": str(user_themes_dir()), "export": str(default_export_dir()),
}))
"""


def _outside(path: str, sandbox: Path) -> bool:
    resolved = Path(path).resolve()
    return not resolved.is_relative_to(sandbox.resolve()) and not resolved.is_relative_to(_tmp_root(sandbox))


def _tmp_root(sandbox: Path) -> Path:
    """The session's pytest temp root: per-test config and data folders live beside the sandbox."""
    return sandbox.resolve().parent


def _folders_in_this_process() -> dict[str, str]:
    namespace: dict[str, object] = {}
    captured: list[str] = []
    namespace["print"] = captured.append
    exec(PRINT_FOLDERS, namespace)  # the same code the subprocess runs
    return json.loads(captured[0])


def test_the_real_home_is_not_the_sandbox(_sandboxed_home: Path) -> None:
    assert not _sandboxed_home.resolve().is_relative_to(Path(REAL_HOME).resolve()) or REAL_HOME == "/"
    assert os.environ["HOME"] != REAL_HOME


def test_every_user_folder_resolves_inside_the_sandbox(_sandboxed_home: Path) -> None:
    folders = _folders_in_this_process()
    outside = {name: path for name, path in folders.items() if _outside(path, _sandboxed_home)}
    assert not outside, f"these resolve outside the test sandbox: {outside}"
    assert Path(platformdirs.user_documents_dir()).resolve().is_relative_to(_sandboxed_home.resolve())


def test_a_reader_subprocess_inherits_the_sandbox(_sandboxed_home: Path) -> None:
    out = subprocess.run([sys.executable, "-c", PRINT_FOLDERS], capture_output=True, text=True, check=True,
                         timeout=60)
    folders = json.loads(out.stdout)
    outside = {name: path for name, path in folders.items() if _outside(path, _sandboxed_home)}
    assert not outside, f"a subprocess sees these outside the test sandbox: {outside}"


async def test_the_export_key_with_no_setting_writes_into_the_sandbox(tmp_path: Path,
                                                                     _sandboxed_home: Path) -> None:
    from reader.tui.app import ReaderApp
    from tests.tui.library_fixtures import settle, write_article

    title = f"Sandbox proof {os.getpid()} {tmp_path.name}"
    path = write_article(tmp_path, "sandboxed.txt", title)
    app = ReaderApp([str(path)], db=str(tmp_path / "lib.json"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("x")
        await settle(app, pilot)
    exports = Path(platformdirs.user_documents_dir()) / "reader-notes"
    written = [p for p in exports.glob("*.md") if title in p.read_text(encoding="utf-8")]
    assert len(written) == 1 and written[0].resolve().is_relative_to(_sandboxed_home.resolve())
    real = Path(REAL_HOME) / "Documents" / "reader-notes"
    assert not [p for p in real.glob("*andbox*roof*.md") if title in p.read_text(encoding="utf-8")]
