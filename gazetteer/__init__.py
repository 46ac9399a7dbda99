"""Offline gazetteer of Syria, Iraq and their border areas, with name matching for news text.

    gaz = load_gazetteer()
    gaz.lookup("Deir al-Zour")   # ranked list[Place]
    gaz.scan(text)               # list[PlaceMention], offsets into text
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from gazetteer.errors import GazetteerDataError, GazetteerInputError
from gazetteer.index import Gazetteer
from gazetteer.model import Place, PlaceMention

__all__ = ["load_gazetteer", "Gazetteer", "Place", "PlaceMention", "GazetteerInputError",
           "GazetteerDataError"]


@lru_cache(maxsize=4)
def _load(data_dir: str | None) -> Gazetteer:
    from gazetteer.index import build_gazetteer
    from gazetteer.match import DATA_DIR
    return build_gazetteer(Path(data_dir) if data_dir else DATA_DIR)


def load_gazetteer(data_dir: str | Path | None = None) -> Gazetteer:
    """The gazetteer built from gazetteer/data (or `data_dir`), loaded once per process."""
    return _load(str(data_dir) if data_dir else None)
