"""Command line: `python -m extract INPUT... [--published YYYY-MM-DD] [--outlet NAME]
[--format jsonl|csv|geojson] [--out FILE]`; `python -m extract ingest|export|split ...` is the store's.

Each unreadable input gets a one-line error on stderr and the rest are still processed; the exit
status is 1 if anything went wrong. Never a traceback.
"""
from __future__ import annotations

import argparse
import sys

from extract.errors import InputError, StrikemapError
from extract.write import FORMATS, write_events

STORE_COMMANDS = ("ingest", "export", "split")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m extract",
                                description="Extract ACLED-coded strike events from news articles.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt (+ sidecar .json), .html, .jsonl or a folder")
    p.add_argument("--published", help="publication date YYYY-MM-DD (overrides sidecars)")
    p.add_argument("--outlet", help="the outlet that published the articles")
    p.add_argument("--url", help="the article's address")
    p.add_argument("--language", choices=("ar", "en"), help="skip language detection")
    p.add_argument("--format", default="jsonl", choices=FORMATS, help="output format (default jsonl)")
    p.add_argument("--out", help="write to FILE (atomically) instead of standard output")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in STORE_COMMANDS:
        try:
            from store.cli import main as store_main
        except ImportError as exc:
            print(f"error: the store is not available ({exc})", file=sys.stderr)
            return 1
        return store_main(argv)
    args = build_parser().parse_args(argv)
    return run(args)


def run(args) -> int:
    from extract.pipeline import extract_events
    from extract.read import read_inputs

    overrides = {"published": args.published, "outlet": args.outlet, "url": args.url,
                 "language": args.language}
    failed = False
    events = []
    try:
        gazetteer = _load_gazetteer()
    except Exception as exc:            # the gazetteer data is part of the install; say what broke
        print(f"error: cannot load the gazetteer: {_one_line(exc)}", file=sys.stderr)
        return 1
    for item in read_inputs(args.inputs, overrides):
        if isinstance(item, InputError):
            print(f"error: {item}", file=sys.stderr)
            failed = True
            continue
        try:
            found = extract_events(item, gazetteer)
        except StrikemapError as exc:
            print(f"error: {item.id}: {exc}", file=sys.stderr)
            failed = True
            continue
        except Exception as exc:        # one odd article must not stop the others
            print(f"error: {item.id}: extraction failed: {_one_line(exc)}", file=sys.stderr)
            failed = True
            continue
        if args.out is None:
            write_events(found, args.format, None) if args.format == "jsonl" else events.extend(found)
        else:
            events.extend(found)
    if args.out is not None or args.format != "jsonl":
        try:
            write_events(events, args.format, args.out)
        except OSError as exc:
            print(f"error: {args.out}: cannot write: {exc.strerror or exc}", file=sys.stderr)
            return 1
    return 1 if failed else 0


def _load_gazetteer():
    from gazetteer import load_gazetteer
    return load_gazetteer()


def _one_line(exc: Exception) -> str:
    text = f"{type(exc).__name__}: {exc}"
    return text.splitlines()[0] if text else type(exc).__name__
