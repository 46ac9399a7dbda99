"""`python -m gazetteer lookup NAME [--all]`: the best match (or all candidates) as JSON.

Exit codes: 0 found, 1 no match, 2 unusable input or data. Errors are one line, never a traceback.
"""
from __future__ import annotations

import argparse
import json
import sys

from extract.errors import StrikemapError


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m gazetteer", description="Offline gazetteer of Syria and Iraq.")
    sub = ap.add_subparsers(dest="command", required=True)
    lk = sub.add_parser("lookup", help="look a place name up as news spells it")
    lk.add_argument("name", help="a place name in Arabic or Latin script (quote names with spaces)")
    lk.add_argument("--all", action="store_true", help="print every candidate, best first")
    return ap


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        from gazetteer import load_gazetteer
        name = args.name
        if any("\udc80" <= c <= "\udcff" for c in name):     # bytes that were not UTF-8 (surrogateescape)
            print("error: the name is not valid UTF-8 text", file=sys.stderr)
            return 2
        found = load_gazetteer().lookup(name)
    except StrikemapError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not found:
        print(f"no place matches {args.name!r}", file=sys.stderr)
        return 1
    out = [p.to_json() for p in found] if args.all else found[0].to_json()
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0
