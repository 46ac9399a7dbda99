"""python -m store COMMAND ...  (seed-if-empty, ingest, export, split)."""
import sys

from store.cli import main

sys.exit(main())
