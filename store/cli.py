"""Commands over the store: ingest, export, split, seed-if-empty.

`python -m extract ingest|export|split ...` and `python -m store ...` both land in `main`.
Exit status: 0 all well, 1 something failed (each failure said in one line), 2 bad usage.
"""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from extract.errors import StrikemapError

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="strikemap", description="The strikemap event store.")
    commands = parser.add_subparsers(dest="command", required=True)

    def with_db(p):
        p.add_argument("--db", metavar="PATH", help="store file (default: $STRIKEMAP_DB or data/strikemap.db)")
        return p

    ingest = with_db(commands.add_parser("ingest", help="extract events from articles and store them"))
    ingest.add_argument("inputs", nargs="*", metavar="INPUT", help=".txt/.html/.jsonl files or folders")
    ingest.add_argument("--feed", action="append", default=[], metavar="URL_OR_FILE", help="an RSS/Atom feed")
    ingest.add_argument("--published", help="publication date YYYY-MM-DD for inputs without one")
    ingest.add_argument("--outlet", help="the outlet that published the inputs")
    ingest.add_argument("--url", help="the inputs' URL")
    ingest.add_argument("--language", choices=("ar", "en"), help="the inputs' language")

    export = with_db(commands.add_parser("export", help="write the merged events"))
    export.add_argument("--format", required=True, choices=("csv", "geojson", "jsonl"))
    export.add_argument("--since", type=_iso_date, help="only events on or after YYYY-MM-DD")
    export.add_argument("--out", metavar="FILE", help="output file (default: standard output)")

    split = with_db(commands.add_parser("split", help="undo a merge: the event's reports become separate events"))
    split.add_argument("event_id", type=int, metavar="EVENT_ID")

    with_db(commands.add_parser("seed-if-empty", help="ingest seeds/ when the store holds no article"))
    return parser


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def cmd_ingest(args) -> int:
    from store import open_store
    from store.ingest import collect_inputs, ingest_items
    if not args.inputs and not args.feed:
        print("error: nothing to ingest (give INPUT files or folders, or --feed)", file=sys.stderr)
        return 2
    overrides = {k: getattr(args, k) for k in ("published", "outlet", "url", "language") if getattr(args, k)}
    with open_store(args.db) as st:
        items = collect_inputs(args.inputs, args.feed, overrides)
        summary = ingest_items(st, items)
    print(summary.line())
    return 1 if summary.failed else 0


def cmd_export(args) -> int:
    from store import open_store
    from store.export import export
    with open_store(args.db) as st:
        n = export(st.conn, args.format, args.out, args.since)
    if args.out:
        print(f"{n} events written to {args.out}", file=sys.stderr)
    return 0


def cmd_split(args) -> int:
    from store import open_store
    with open_store(args.db) as st:
        undone = st.merge_reasons(args.event_id)
        ids = st.split(args.event_id)
    if len(ids) == 1:
        print(f"event {args.event_id} has a single report; nothing to split")
        return 0
    print(f"event {args.event_id} split into {len(ids)} events: {', '.join(map(str, ids))}")
    for report, reason in undone:
        print(f"  undone: report {report} had joined because {reason}")
    return 0


def cmd_seed_if_empty(args) -> int:
    from store import open_store
    from store.ingest import collect_inputs, ingest_items
    with open_store(args.db) as st:
        held = st.article_count()
        if held:
            events = st.event_count()
            print(f"{st.path}: holds {_count(held, 'article')} and {_count(events, 'event')}; not seeded")
            return 0
        summary = ingest_items(st, collect_inputs([str(SEEDS_DIR)], [], {}))
        print(f"{st.path}: was empty; seeded from {SEEDS_DIR.name}/: {summary.line()}")
    return 1 if summary.failed else 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


COMMANDS = {"ingest": cmd_ingest, "export": cmd_export, "split": cmd_split, "seed-if-empty": cmd_seed_if_empty}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return COMMANDS[args.command](args)
    except StrikemapError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted: every article stored so far is kept; run again to finish", file=sys.stderr)
        return 130
