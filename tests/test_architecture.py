"""The architecture is enforced, not hoped for: import-linter's contract and ruff both pass."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"


def _tool(name: str) -> str | None:
    """A console script of this Python's environment, or one on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def _contracts() -> list[dict]:
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]


def _exists(module: str) -> bool:
    """A real module or package (an empty folder, a namespace package, does not count)."""
    try:
        spec = importlib.util.find_spec(module)
    except ModuleNotFoundError:
        return False
    return spec is not None and spec.origin is not None


def _toml_list(values) -> str:
    return "[" + ", ".join(f'"{v}"' for v in values) + "]"


def test_the_model_contract_is_declared():
    (contract,) = [c for c in _contracts() if c["type"] == "forbidden"]
    assert "mapexplorer.model" in contract["source_modules"]
    assert "mapexplorer.formats" in contract["source_modules"]
    assert "PySide6" in contract["forbidden_modules"]
    assert "mapexplorer.ui" in contract["forbidden_modules"]
    assert contract.get("allow_indirect_imports") is False


def test_import_linter_contract_is_kept(tmp_path):
    pytest.importorskip("importlinter")
    lint_imports = _tool("lint-imports")
    if lint_imports is None:
        pytest.skip("lint-imports is not installed")
    config = PYPROJECT
    missing = [m for c in _contracts() for m in c.get("source_modules", []) if not _exists(m)]
    if missing:
        # import-linter refuses a contract naming a package that is not written yet: check the
        # same contract on the packages that do exist.
        top = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
        lines = [
            "[tool.importlinter]",
            f'root_package = "{top["root_package"]}"',
            f"include_external_packages = {str(top.get('include_external_packages', False)).lower()}",
            "",
        ]
        for c in _contracts():
            lines += [
                "[[tool.importlinter.contracts]]",
                f'name = "{c["name"]}"',
                f'type = "{c["type"]}"',
                f"source_modules = {_toml_list(m for m in c['source_modules'] if m not in missing)}",
                f"forbidden_modules = {_toml_list(c['forbidden_modules'])}",
                f"allow_indirect_imports = {str(c.get('allow_indirect_imports', False)).lower()}",
                "",
            ]
        config = tmp_path / "importlinter.toml"
        config.write_text("\n".join(lines), encoding="utf-8")
    result = subprocess.run(
        [lint_imports, str(config), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 1 kept, 0 broken" in result.stdout or "KEPT" in result.stdout


def test_the_model_imports_no_qt():
    """Belt and braces: importing the model and formats in a fresh interpreter loads no Qt."""
    code = (
        "import sys; import mapexplorer.model, mapexplorer.model.state, mapexplorer.formats.opener, "
        "mapexplorer.formats.csvfile, mapexplorer.formats.kml, mapexplorer.formats.geojson, "
        "mapexplorer.cli; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6') "
        "or m.startswith(('mapexplorer.ui', 'mapexplorer.mappage'))); print(bad); sys.exit(bool(bad))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_check_passes():
    ruff = _tool("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed")
    result = subprocess.run(
        [ruff, "check", "--no-cache", "src", "tests"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
