import sys

from extract.errors import run_command
from gazetteer.cli import main

sys.exit(run_command(main))
