"""The installed package is what the repository holds: pyproject.toml lists its packages by hand (rules/ and
recognizers/ install inside dlp through package-dir), so a new sub-package left off the list would work in an
editable checkout and be missing from a wheel, the Docker image, or any real installation."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_of_the_source_tree_is_installed() -> None:
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(setuptools["packages"])
    homes = {"dlp": ROOT / "dlp", **{name: ROOT / path for name, path in setuptools["package-dir"].items()}}
    found = set()
    for name, home in homes.items():
        for init in home.rglob("__init__.py"):
            if "__pycache__" not in init.parts:
                found.add(".".join([name, *init.parent.relative_to(home).parts]))
    assert found - listed == set(), "add these to [tool.setuptools] packages"
    missing = {name for name in listed if not (homes.get(name) or ROOT.joinpath(*name.split("."))).is_dir()}
    assert missing == set(), "these listed packages have no folder"
