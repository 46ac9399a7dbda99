"""How events look on the map: colour per attacking actor, symbol per sub-event type, labels."""
from __future__ import annotations

import csv
import re
import zlib
from functools import lru_cache
from pathlib import Path

SYMBOLS_FILE = Path(__file__).resolve().parent / "data" / "symbols.tsv"
ACTOR_COLOURS_FILE = Path(__file__).resolve().parent / "data" / "actor_colours.tsv"
SHAPES = ("circle", "square", "triangle", "diamond", "star", "cross")

# Actors not in actor_colours.tsv: one of these, by a stable hash of the name (hues the file does
# not use, so an unlisted actor is not mistaken for a main side).
FALLBACK_PALETTE = ("#a6761d", "#66a61e", "#e7298a", "#7570b3", "#6a3d9a", "#b15928",
                    "#b2df8a", "#8dd3c7")
UNKNOWN_COLOUR = "#9e9e9e"  # no attacker named
OTHER_COLOUR = "#bdbdbd"    # only when a view has more attacking sides than the map can code
OTHER_ACTORS = "Other actors"
UNKNOWN_ACTOR = "Unknown attacker"

TIME_PRECISION = {1: "exact day", 2: "within a week", 3: "within a month"}
GEO_PRECISION = {1: "exact place", 2: "near a place / part of a region", 3: "region only"}
STANCE = {"claim": "claims it", "report": "reports it", "deny": "denies it",
          "blame": "blames another party"}
# Radius of the precision circle (metres): a point for 1, a town's surroundings for 2, a region for 3.
PRECISION_RADIUS_M = {0: 5000, 1: 1500, 2: 12000, 3: 40000}
CIRCLE_MIN_ZOOM = 9


def _read_pairs(path: Path, want: str, valid) -> dict[str, str]:
    """key -> value from an analyst-editable two-column TSV (a header row, '#' comment lines);
    a line that is not two cells with a valid value is refused, naming the file and the line."""
    pairs: dict[str, str] = {}
    with open(path, encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        next(rows, None)  # header
        for row in rows:
            if not row:
                continue
            if len(row) != 2 or not valid(row[1]):
                raise ValueError(f"{path}: bad line {row!r}: want {want}")
            pairs[row[0]] = row[1]
    return pairs


@lru_cache(maxsize=1)
def sub_event_shapes(path: Path = SYMBOLS_FILE) -> dict[str, str]:
    """sub_event_type -> shape name, from symbols.tsv."""
    return _read_pairs(path, f"sub_event_type<TAB>one of {SHAPES}", SHAPES.__contains__)


_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@lru_cache(maxsize=1)
def listed_actor_colours(path: Path = ACTOR_COLOURS_FILE) -> dict[str, str]:
    """actor -> colour, from actor_colours.tsv."""
    return {actor: colour.lower() for actor, colour in
            _read_pairs(path, "actor<TAB>#rrggbb", _HEX_COLOUR.fullmatch).items()}


def actor_colour(actor: str | None) -> str:
    """The colour of one attacking side: a function of its name alone, never of what else is shown."""
    if not actor:
        return UNKNOWN_COLOUR
    listed = listed_actor_colours().get(actor)
    if listed:
        return listed
    # crc32, not hash(): Python salts str hashes per process, the map must not.
    return FALLBACK_PALETTE[zlib.crc32(actor.encode("utf-8")) % len(FALLBACK_PALETTE)]
