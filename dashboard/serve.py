"""`python -m dashboard.serve [SCRIPT] [streamlit options]`: start the dashboard (SCRIPT, by default
app.py) with the page's libraries already imported.

Streamlit runs the app script inside the server process, but only when the first visitor connects:
that visit would pay for importing pandas and folium (~0.3 s here). Importing them before the
server starts moves that cost to start-up. Everything after the import is `streamlit run`.
"""
from __future__ import annotations

import sys
from pathlib import Path

# The heavy libraries the page imports, not Streamlit's own modules: importing streamlit-folium or
# the page here would read Streamlit's configuration before the command line sets it.
import folium  # noqa: F401
import folium.plugins  # noqa: F401  (streamlit-folium imports them)
import pandas  # noqa: F401
from streamlit.web import cli

DEFAULT_SCRIPT = Path(__file__).resolve().parent.parent / "app.py"


def streamlit_argv(args: list[str]) -> list[str]:
    """The `streamlit run` command line for our arguments: a leading script path, else app.py."""
    if args and not args[0].startswith("-"):
        return ["streamlit", "run", args[0], *args[1:]]
    return ["streamlit", "run", str(DEFAULT_SCRIPT), *args]


def main() -> None:
    sys.argv = streamlit_argv(sys.argv[1:])
    cli.main()          # streamlit's own command-line entry point; exits when the server stops


if __name__ == "__main__":
    main()
