"""Lookups over character spans that every stage needs: which spans overlap or cover a stretch,
which of sorted, disjoint stretches holds an offset.

Each builder sorts once and answers each question with a binary search, so a long article (a
daily digest of a hundred strikes) costs n log n, not n squared.
"""
from __future__ import annotations

import bisect
from operator import attrgetter
from typing import Callable


def within(stretches: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A test for "offset lies in one of the stretches" (stretches sorted, disjoint)."""
    starts = [a for a, _ in stretches]

    def inside(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and offset < stretches[i][1]
    return inside


_START = attrgetter("start")


def starting_in(items: list, lo: int, hi: int) -> list:
    """The items (objects with start, sorted by it) that start in [lo, hi)."""
    return items[bisect.bisect_left(items, lo, key=_START):bisect.bisect_left(items, hi, key=_START)]


def overlap_finder(spans) -> Callable[[int, int], list]:
    """A function giving the spans (objects with start/end) that overlap [start, end), in text order."""
    ordered = sorted(spans, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    longest = max((s.end - s.start for s in ordered), default=0)

    def overlapping(start: int, end: int) -> list:
        lo = bisect.bisect_left(starts, start - longest)
        hi = bisect.bisect_left(starts, end)
        return [s for s in ordered[lo:hi] if s.end > start]
    return overlapping


def cover_finder(pairs: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test for "some (start, end) pair covers [a, b)"."""
    ordered = sorted(pairs)
    starts = [s for s, _ in ordered]
    longest = max((e - s for s, e in ordered), default=0)

    def covered(a: int, b: int) -> bool:
        lo = bisect.bisect_left(starts, a - longest)
        hi = bisect.bisect_right(starts, a)
        return any(e >= b for _, e in ordered[lo:hi])
    return covered


def touch_finder(pairs: list[tuple[int, int]]) -> Callable[[int, int], list[tuple[int, int]]]:
    """A function giving the (start, end) pairs that overlap [a, b)."""
    ordered = sorted(pairs)
    starts = [s for s, _ in ordered]
    longest = max((e - s for s, e in ordered), default=0)

    def touching(a: int, b: int) -> list[tuple[int, int]]:
        lo = bisect.bisect_left(starts, a - longest)
        hi = bisect.bisect_left(starts, b)
        return [p for p in ordered[lo:hi] if p[1] > a]
    return touching
