"""python -m store COMMAND ...  (seed-if-empty, ingest, export, split)."""
import sys

from extract.errors import run_command
from store.cli import main

sys.exit(run_command(main))
