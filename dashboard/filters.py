"""The sidebar filter state, and its round trip through the page URL's query parameters.

A filtered view is shared by copying the URL: every filter is a repeated query parameter
(?source=Reuters&source=SANA&from=2023-03-01&precision=1).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Sidebar labels (the issue fixes these exact words).
LABELS = {
    "sources": "Source", "claimants": "Claimed by", "actors": "Actor",
    "event_types": "Event type", "dates": "Date range", "geo_precisions": "Location precision",
}
# FilterState field -> query parameter name.
PARAMS = {"sources": "source", "claimants": "claimed_by", "actors": "actor",
          "event_types": "event_type", "geo_precisions": "precision"}
DATE_FROM, DATE_TO = "from", "to"


@dataclass(frozen=True)
class FilterState:
    """What the analyst picked in the sidebar; empty = no filter on that field."""
    sources: tuple[str, ...] = ()
    claimants: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    geo_precisions: tuple[int, ...] = ()


def _all(params, name: str) -> list[str]:
    """Every value of a repeated query parameter (st.query_params or a plain dict)."""
    if hasattr(params, "get_all"):
        return list(params.get_all(name))
    value = params.get(name, [])
    return [value] if isinstance(value, str) else list(value)


def _parse_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:  # a hand-edited URL: ignore the bad date rather than fail
        return None


def from_query_params(params) -> FilterState:
    """The filter state a URL describes; unknown or malformed values are dropped."""
    precisions = tuple(int(p) for p in _all(params, PARAMS["geo_precisions"]) if p in ("1", "2", "3"))
    dates_from, dates_to = _all(params, DATE_FROM), _all(params, DATE_TO)
    return FilterState(
        sources=tuple(_all(params, PARAMS["sources"])),
        claimants=tuple(_all(params, PARAMS["claimants"])),
        actors=tuple(_all(params, PARAMS["actors"])),
        event_types=tuple(_all(params, PARAMS["event_types"])),
        date_from=_parse_date(dates_from[0] if dates_from else None),
        date_to=_parse_date(dates_to[0] if dates_to else None),
        geo_precisions=precisions,
    )


def to_query_params(state: FilterState) -> dict[str, list[str]]:
    """Query parameters for a filter state (only the filters in use)."""
    params: dict[str, list[str]] = {}
    for field_name, param in PARAMS.items():
        values = [str(v) for v in getattr(state, field_name)]
        if values:
            params[param] = values
    if state.date_from:
        params[DATE_FROM] = [state.date_from.isoformat()]
    if state.date_to:
        params[DATE_TO] = [state.date_to.isoformat()]
    return params


def to_event_filter(state: FilterState):
    """The store's EventFilter for this state."""
    from store import EventFilter
    return EventFilter(sources=state.sources, claimants=state.claimants, actors=state.actors,
                       event_types=state.event_types, date_from=state.date_from,
                       date_to=state.date_to, geo_precisions=state.geo_precisions)


def restrict(state: FilterState, facets: dict) -> FilterState:
    """Keep only values the store still offers (a shared URL may name an outlet no longer stored)."""
    def keep(values, options):
        allowed = set(options)
        return tuple(v for v in values if v in allowed)
    return FilterState(
        sources=keep(state.sources, facets.get("sources", ())),
        claimants=keep(state.claimants, facets.get("claimants", ())),
        actors=keep(state.actors, facets.get("actors", ())),
        event_types=keep(state.event_types, event_type_options(facets)),
        date_from=state.date_from, date_to=state.date_to,
        geo_precisions=keep(state.geo_precisions, (1, 2, 3)),
    )


def event_type_options(facets: dict) -> list[str]:
    """Event types then sub-event types: the store matches either."""
    types = list(facets.get("event_types", ()))
    return types + [s for s in facets.get("sub_event_types", ()) if s and s not in types]
