"""Shared test fixtures: paths into the project."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seed_article_path() -> Path:
    return ROOT / "seeds" / "000_a08cf0747df077be.txt"
