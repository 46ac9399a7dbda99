"""The merge rule: when reports from different articles describe one incident, and what that
incident then shows. Parameters live in merge_rules.toml; every decision comes with a reason.
"""
from __future__ import annotations

import json
import math
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

RULES_PATH = Path(__file__).resolve().parent / "merge_rules.toml"
COARSEST = 3      # an unknown precision counts as the coarsest ACLED code


@dataclass(frozen=True)
class MergeRules:
    date_window_days: dict[int, int]
    place_radius_km: dict[int, float]
    compatible_sub_types: tuple[frozenset[str], ...]
    unknown_actor_is_compatible: bool = True
    distinct_exact_places_stay_apart: bool = True

    @property
    def widest_window(self) -> int:
        return max(self.date_window_days.values())


def load_rules(path: str | Path | None = None) -> MergeRules:
    """Read merge_rules.toml (or another file in its format)."""
    with open(path or RULES_PATH, "rb") as fh:
        data = tomllib.load(fh)
    return MergeRules(
        date_window_days={int(k): int(v) for k, v in data["date_window_days"].items()},
        place_radius_km={int(k): float(v) for k, v in data["place_radius_km"].items()},
        compatible_sub_types=tuple(frozenset(group) for group in
                                   data.get("types", {}).get("compatible_sub_event_types", [])),
        unknown_actor_is_compatible=bool(data.get("actors", {}).get("unknown_is_compatible", True)),
        distinct_exact_places_stay_apart=bool(
            data.get("places", {}).get("distinct_exact_places_stay_apart", True)),
    )


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _coarser(p1: int | None, p2: int | None) -> int:
    return max(p1 or COARSEST, p2 or COARSEST)


def _as_date(value) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def dates_agree(a: dict, b: dict, rules: MergeRules) -> str | None:
    d1, d2 = _as_date(a.get("event_date")), _as_date(b.get("event_date"))
    if d1 is None or d2 is None:
        return None
    precision = _coarser(a.get("time_precision"), b.get("time_precision"))
    window = rules.date_window_days.get(precision, rules.widest_window)
    gap = abs((d1 - d2).days)
    if gap > window:
        return None
    if gap == 0:
        return f"same date {d1.isoformat()}"
    return f"dates {d1.isoformat()} and {d2.isoformat()} within {window} days (time precision {precision})"


def _place_key(event: dict) -> str | None:
    """What identifies the named place: its gazetteer id, else its name."""
    if event.get("place_id"):
        return "id:" + event["place_id"]
    name = " ".join((event.get("location") or "").casefold().split())
    return "name:" + name if name else None


def _distinct_exact_places(a: dict, b: dict) -> bool:
    if a.get("geo_precision") != 1 or b.get("geo_precision") != 1:
        return False
    ka, kb = _place_key(a), _place_key(b)
    if ka and kb and ka[:3] != kb[:3]:          # one has an id, the other only a name: compare names
        ka, kb = _place_key({"location": a.get("location")}), _place_key({"location": b.get("location")})
    return bool(ka and kb and ka != kb)


def places_agree(a: dict, b: dict, rules: MergeRules) -> str | None:
    if a.get("place_id") and a.get("place_id") == b.get("place_id"):
        return f"same place {a.get('location') or a['place_id']} ({a['place_id']})"
    if rules.distinct_exact_places_stay_apart and _distinct_exact_places(a, b):
        return None
    coords = (a.get("latitude"), a.get("longitude"), b.get("latitude"), b.get("longitude"))
    if any(c is None for c in coords):
        return None
    precision = _coarser(a.get("geo_precision"), b.get("geo_precision"))
    radius = rules.place_radius_km.get(precision, max(rules.place_radius_km.values()))
    km = distance_km(*coords)
    if km > radius:
        return None
    return (f"places {a.get('location') or '?'} and {b.get('location') or '?'} {km:.1f} km apart "
            f"(within {radius:g} km at geo precision {precision})")


def types_agree(a: dict, b: dict, rules: MergeRules) -> str | None:
    if a.get("event_type") != b.get("event_type"):
        return None
    s1, s2 = a.get("sub_event_type"), b.get("sub_event_type")
    if s1 == s2:
        return f"same type {s1}"
    if any(s1 in group and s2 in group for group in rules.compatible_sub_types):
        return f"compatible types {s1} / {s2}"
    return None


def _actor_agrees(x: str | None, y: str | None, rules: MergeRules) -> bool:
    if not x or not y:
        return rules.unknown_actor_is_compatible
    return x.casefold() == y.casefold()


def actors_agree(a: dict, b: dict, rules: MergeRules) -> str | None:
    if not (_actor_agrees(a.get("actor1"), b.get("actor1"), rules)
            and _actor_agrees(a.get("actor2"), b.get("actor2"), rules)):
        return None
    named = [x or y for x, y in ((a.get("actor1"), b.get("actor1")), (a.get("actor2"), b.get("actor2")))]
    shown = " / ".join(n or "unknown" for n in named)
    return f"actors agree ({shown})"


def merge_reason(a: dict, b: dict, rules: MergeRules) -> str | None:
    """Why a and b are the same incident, in words; None when they are not (or share an article)."""
    if a.get("article_id") is not None and a.get("article_id") == b.get("article_id"):
        return None      # one article's events are distinct events by construction
    reasons = []
    for test in (dates_agree, places_agree, types_agree, actors_agree):
        reason = test(a, b, rules)
        if reason is None:
            return None
        reasons.append(reason)
    return "; ".join(reasons)


def _precision_key(m: dict) -> tuple:
    return (m.get("geo_precision") or 9, m.get("time_precision") or 9, m["id"])


def summarize_incident(members: list[dict]) -> dict:
    """The incident's row: best-located report's fields, every figure's range, every source."""
    rep = min(members, key=_precision_key)
    ordered = sorted(members, key=lambda m: m["id"])

    def first_known(field):
        return rep.get(field) or next((m.get(field) for m in ordered if m.get(field)), None)

    deaths = [m["fatalities"] for m in members if m.get("fatalities") is not None]
    hurt = [m["injured"] for m in members if m.get("injured") is not None]
    f_min, f_max = (min(deaths), max(deaths)) if deaths else (None, None)
    i_min, i_max = (min(hurt), max(hurt)) if hurt else (None, None)
    outlets = list(dict.fromkeys(m.get("outlet") or m.get("source") for m in ordered
                                 if m.get("outlet") or m.get("source")))
    sources = [{
        "outlet": m.get("outlet") or m.get("source"), "url": m.get("url"),
        "article": m.get("source_id"), "published": m.get("published"),
        "original_source": m.get("original_source"), "language": m.get("language"),
        "event": m["id"], "fatalities": m.get("fatalities"), "injured": m.get("injured"),
        "merge_reason": m.get("merge_reason"),
    } for m in ordered]
    claims, seen = [], set()
    for m in ordered:
        for c in m.get("claims", []):
            key = (c["claimant"], c["stance"], c["excerpt"])
            if key not in seen:
                seen.add(key)
                claims.append({"claimant": c["claimant"], "stance": c["stance"], "excerpt": c["excerpt"]})
    return {
        "event_date": rep.get("event_date"), "time_precision": rep.get("time_precision"),
        "event_type": rep.get("event_type"), "sub_event_type": rep.get("sub_event_type"),
        "actor1": first_known("actor1"), "actor2": first_known("actor2"),
        "location": rep.get("location"), "admin1": rep.get("admin1"), "country": rep.get("country"),
        "latitude": rep.get("latitude"), "longitude": rep.get("longitude"),
        "geo_precision": rep.get("geo_precision"), "geo_reason": rep.get("geo_reason"),
        "place_id": rep.get("place_id"),
        # ACLED's conservative rule: the lowest credible figure.
        "fatalities": f_min, "fatalities_min": f_min, "fatalities_max": f_max,
        "injured": i_min, "injured_min": i_min, "injured_max": i_max,
        "disputed": int(f_min != f_max or i_min != i_max),
        "notes": rep.get("notes") or "", "excerpt": rep.get("excerpt") or "",
        "language": rep.get("language"), "source": "; ".join(outlets),
        "sources": json.dumps(sources, ensure_ascii=False),
        "claims": json.dumps(claims, ensure_ascii=False),
        "n_reports": len(members),
    }
