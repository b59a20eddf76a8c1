"""The wheel carries the bundled data, and an installed copy works away from the checkout."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent

REQUIRED_FILES = [
    "mapexplorer/__init__.py",
    "mapexplorer/__main__.py",
    "mapexplorer/cli.py",
    "mapexplorer/model/catalogue.py",
    "mapexplorer/formats/native.py",
    "mapexplorer/geodata/russia-iran-partnership.geojson",
    "mapexplorer/geodata/basemap.geojson",
]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    command = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--quiet",
        "-w",
        str(out),
        str(ROOT),
    ]
    offline = importlib.util.find_spec("hatchling") is not None
    if offline:
        command.insert(4, "--no-build-isolation")  # hatchling is here: no need for PyPI
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if result.returncode != 0 and not offline:
        pytest.skip(f"cannot fetch the build backend from PyPI: {result.stderr[-500:]}")
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("mapexplorer-*.whl")
    return built


def test_the_wheel_carries_code_data_and_resources(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for name in REQUIRED_FILES:
            assert name in names, name
        resources = [n for n in names if n.startswith("mapexplorer/resources/")]
        assert resources, "mapexplorer/resources/ is missing from the wheel"
        local = {p.name for p in (ROOT / "resources").iterdir() if p.is_file()}
        assert local <= {Path(n).name for n in resources}
        # Every data file must be readable by every user once installed.
        for info in archive.infolist():
            mode = info.external_attr >> 16
            if mode:
                assert mode & 0o444 == 0o444, (info.filename, oct(mode))
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        assert "mapexplorer = mapexplorer.cli:main" in archive.read(entry_points).decode()
        # The wheel's catalogue is the checkout's.
        bundled = archive.read("mapexplorer/geodata/russia-iran-partnership.geojson")
        assert bundled == (ROOT / "geodata" / "russia-iran-partnership.geojson").read_bytes()


def _venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def test_an_installed_wheel_lists_the_bundled_events(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)],
        check=True,
        timeout=300,
    )
    python = _venv_python(venv)
    if sys.prefix != sys.base_prefix:
        # Running inside a virtual environment: --system-site-packages reaches the base Python,
        # not this environment, so lend the new one this environment's dependencies. Plain paths
        # (not site dirs), so this environment's editable install of mapexplorer stays out.
        lent = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
        purelib = subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        Path(purelib, "zz_lend_dependencies.pth").write_text(
            "".join(f"{p}\n" for p in lent), encoding="utf-8"
        )
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
         "--no-index", str(wheel)],
        check=True,
        timeout=300,
    )  # fmt: skip

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["PYTHONIOENCODING"] = "utf-8"
    where = subprocess.run(
        [
            str(python),
            "-c",
            "import mapexplorer.paths as p; print(p.__file__); print(p.bundled_catalogue())",
        ],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert where.returncode == 0, where.stderr
    module_file, catalogue_file = where.stdout.splitlines()
    assert Path(module_file).is_relative_to(venv), "imported the checkout, not the wheel"
    assert Path(catalogue_file).is_relative_to(venv)

    result = subprocess.run(
        [str(python), "-m", "mapexplorer", "events"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Putin and Pezeshkian sign the strategic partnership treaty" in result.stdout
    assert "Moscow" in result.stdout
    assert len(result.stdout.splitlines()) > 20

    # The map itself, offline, from the installed package alone: its page, script, styles,
    # icons and base map (a file left in the checkout draws a blank or broken map).
    home = tmp_path / "home"
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"))
    env.update(XDG_CACHE_HOME=str(home / "cache"), QT_QPA_PLATFORM="offscreen")
    env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    offline = []
    if shutil.which("unshare") and subprocess.run(["unshare", "-n", "true"]).returncode == 0:
        offline = ["unshare", "-n"]
    shot = subprocess.run(
        [*offline, str(python), "-m", "mapexplorer", "--screenshot", "window.png"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert shot.returncode == 0, shot.stderr
    assert "Uncaught" not in shot.stderr and "404" not in shot.stderr, shot.stderr
    image = Image.open(elsewhere / "window.png").convert("RGB")
    # The map's half of the window: sea, land, borders, labels, markers and regions.
    map_half = image.crop((0, 60, image.width * 2 // 3, image.height - 200))
    assert len(map_half.resize((320, 200)).getcolors(maxcolors=100000) or []) > 200


def test_the_cached_page_is_rebuilt_when_what_it_is_built_from_changes(tmp_path, monkeypatch):
    """The page is built once and cached under a key of its inputs: any change to one of them
    (our script, styles, base map) must give a new key, and so a new page."""
    from mapexplorer.mappage import page_builder

    inputs = []
    for name in ("mappage.js", "mappage.css", "basemap.geojson"):
        (tmp_path / name).write_text(f"// {name}\n", encoding="utf-8")
        inputs.append(tmp_path / name)
    monkeypatch.setattr(page_builder, "_inputs", lambda: inputs)
    first = page_builder.page_key()
    assert page_builder.page_key() == first  # stable
    seen = {first}
    for path in inputs:
        original = path.read_text(encoding="utf-8")
        path.write_text(original + "x", encoding="utf-8")
        seen.add(page_builder.page_key())
        path.write_text(original.replace("//", "/*"), encoding="utf-8")  # same length
        seen.add(page_builder.page_key())
        path.write_text(original, encoding="utf-8")
        assert page_builder.page_key() == first
    assert len(seen) == 1 + 2 * len(inputs)


def test_a_cache_folder_that_cannot_be_written_falls_back_to_the_temporary_folder(
    tmp_path, monkeypatch
):
    import tempfile

    from mapexplorer.mappage.page_builder import PAGE_NAME, ensure_page

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    page = ensure_page(blocker / "cache")  # cannot be made: a file is in the way
    assert page.name == PAGE_NAME and page.is_file()
    assert page.is_relative_to(tmp_path / "tmp")
    if hasattr(os, "getuid"):  # this user's own folder there, which only they may write
        assert page.parent.parent == tmp_path / "tmp" / f"mapexplorer-{os.getuid()}"
        assert page.parent.parent.stat().st_mode & 0o777 == 0o700


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="a temporary folder per user already")
@pytest.mark.parametrize("whose", ["writable by all", "another user's"])
def test_a_temporary_folder_others_can_write_is_never_used(tmp_path, monkeypatch, whose):
    """The fallback was /tmp/mapexplorer, one folder for every user: another user's could not
    be written (a traceback, no window), and a page planted there ran as ours."""
    import tempfile

    from mapexplorer.mappage.page_builder import MANIFEST, ensure_page, page_key

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    if whose == "another user's" and os.geteuid() != 0:
        pytest.skip("only root can give a folder to another user")
    folders = [tmp_path / "mapexplorer", tmp_path / f"mapexplorer-{os.getuid()}"]
    for theirs in folders:  # the name every user shared, and this user's own name
        planted = theirs / f"page-{page_key()}"
        planted.mkdir(parents=True)
        (planted / "map.html").write_text("<script>window.pwned = 1</script>", encoding="utf-8")
        (planted / MANIFEST).write_text("33 map.html\n", encoding="utf-8")
        if whose == "writable by all":
            theirs.chmod(0o777)
        else:
            os.chown(theirs, 65534, 65534)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    page = ensure_page(blocker / "cache")
    assert page.is_relative_to(tmp_path)
    assert not any(page.is_relative_to(theirs) for theirs in folders)
    assert "pwned" not in page.read_text(encoding="utf-8")
    assert "MapExplorer.start" in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("damage", ["deleted", "emptied"])
def test_a_damaged_cached_page_is_built_again(tmp_path, damage):
    """A cached page missing its base map (a disk cleaner, a hand tidying ~/.cache) was loaded
    as it was, for good: a map of markers on blank sea, launch after launch."""
    from mapexplorer.mappage.page_builder import ensure_page, is_intact

    page = ensure_page(tmp_path / "cache")
    basemap = page.parent / "basemap.js"
    whole = basemap.read_bytes()
    assert is_intact(page.parent) and len(whole) > 10_000
    (page.parent / "launch-preview-1.bin").write_bytes(b"kept beside the page, not part of it")
    assert is_intact(page.parent)
    if damage == "deleted":
        basemap.unlink()
    else:
        basemap.write_bytes(b"")
    assert not is_intact(page.parent)
    assert ensure_page(tmp_path / "cache") == page  # the same place, built again
    assert basemap.read_bytes() == whole and is_intact(page.parent)
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == [page.parent.name]
