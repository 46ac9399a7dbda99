"""How events look on the map: colour per attacking actor, symbol per sub-event type, labels."""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import pandas as pd

SYMBOLS_FILE = Path(__file__).resolve().parent / "data" / "symbols.tsv"
SHAPES = ("circle", "square", "triangle", "diamond", "star", "cross")

# Colour-blind-friendly qualitative palette (Okabe-Ito + extras), most frequent actor first.
ACTOR_PALETTE = ("#d55e00", "#0072b2", "#009e73", "#cc79a7", "#e69f00", "#56b4e9",
                 "#7b3294", "#a6761d", "#1b9e77")
OTHER_COLOUR = "#9e9e9e"
OTHER_ACTORS = "Other actors"
UNKNOWN_ACTOR = "Unknown attacker"

TIME_PRECISION = {1: "exact day", 2: "within a week", 3: "within a month"}
GEO_PRECISION = {1: "exact place", 2: "near a place / part of a region", 3: "region only"}
STANCE = {"claim": "claims it", "report": "reports it", "deny": "denies it",
          "blame": "blames another party"}
# Radius of the precision circle (metres): a point for 1, a town's surroundings for 2, a region for 3.
PRECISION_RADIUS_M = {0: 5000, 1: 1500, 2: 12000, 3: 40000}
CIRCLE_MIN_ZOOM = 9


@lru_cache(maxsize=1)
def sub_event_shapes(path: Path = SYMBOLS_FILE) -> dict[str, str]:
    """sub_event_type -> shape name, from the analyst-editable symbols.tsv."""
    shapes: dict[str, str] = {}
    with open(path, encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        next(rows, None)  # header
        for lineno, row in enumerate(rows, start=2):
            if not row:
                continue
            if len(row) != 2 or row[1] not in SHAPES:
                raise ValueError(f"{path}: bad line {row!r}: want sub_event_type<TAB>one of {SHAPES}")
            shapes[row[0]] = row[1]
    return shapes


def actor_colours(actor1: pd.Series) -> dict[str, str]:
    """The most frequent attacking actors, each with its own colour; others share grey."""
    counts = actor1.dropna().value_counts()
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))  # ties: by name, so stable
    return {name: colour for (name, _), colour in zip(ranked, ACTOR_PALETTE)}
