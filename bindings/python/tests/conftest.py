"""Shared fixtures: the repository's Rust programs, built if missing."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _cargo_built(kind: str, name: str) -> Path:
    """target/release/NAME (a bin) or target/release/examples/NAME, built
    with cargo when it is not there yet (CI builds both before pytest)."""
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    path = target / "release" / ("examples" if kind == "example" else "") / name
    if not path.exists():
        cargo = shutil.which("cargo")
        if cargo is None:
            pytest.fail(f"{path} is missing and there is no cargo to build it")
        subprocess.run(
            [cargo, "build", "--release", f"--{kind}", name], cwd=ROOT, check=True
        )
    return path


@pytest.fixture(scope="session")
def cli() -> Path:
    """The zh-extract command-line tool (or $ZH_EXTRACT_BIN)."""
    if "ZH_EXTRACT_BIN" in os.environ:
        return Path(os.environ["ZH_EXTRACT_BIN"])
    return _cargo_built("bin", "zh-extract")


@pytest.fixture(scope="session")
def contract_example() -> Path:
    """examples/extract.rs, the command-line contract."""
    return _cargo_built("example", "extract")


@pytest.fixture(scope="session")
def extractor():
    from zh_extract import Extractor

    return Extractor()
